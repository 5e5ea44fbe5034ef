"""Bad input through the CLI: exit code 2 with file, line and problem, never a traceback,
and nothing already stored changes.

Each test copies a good build, runs the hostile build into the same ``--out`` and
compares ``graph.trig``, ``graph.ttl`` and every quad of the store before and after.
Builds run in-process (``cli.main``) with ``--jobs 1`` so spaCy loads once; the entity
bomb runs in a real process so its time and peak memory can be measured.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.store import GraphKind, open_store

GOOD = [
    {"id": "good-1", "text": "Ruben Rubinyan met Serdar Kılıç in Vienna on 1 July 2022.", "published": "2022-07-02"},
    {"id": "good-2", "text": "Sergei Lavrov met Antony Blinken in Geneva on 21 January 2022.", "published": "2022-01-22"},
]


def jsonl(path: Path, items: list[dict | str]) -> Path:
    lines = [i if isinstance(i, str) else json.dumps(i, ensure_ascii=False) for i in items]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def build(out: Path, *inputs: Path | str, on_error: str = "stop") -> int:
    return main(["build", *map(str, inputs), "--out", str(out), "--jobs", "1", "--on-error", on_error])


def snapshot(out: Path) -> tuple[bytes, bytes, frozenset[str]]:
    with open_store(out, read_only=True) as store:
        quads = frozenset(str(q) for q in store.quads(kinds=list(GraphKind)))
    return (out / "graph.trig").read_bytes(), (out / "graph.ttl").read_bytes(), quads


def article_graphs(out: Path) -> list[str]:
    with open_store(out, read_only=True) as store:
        return store.graph_names(kinds=[GraphKind.ARTICLE])


@pytest.fixture(scope="module")
def good_out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("good")
    out = folder / "out"
    assert build(out, jsonl(folder / "good.jsonl", GOOD)) == 0
    return out


@pytest.fixture
def out(good_out, tmp_path) -> Path:
    copy = tmp_path / "out"
    shutil.copytree(good_out, copy)
    return copy


@pytest.fixture
def refused(out, capsys):
    """Run a hostile build into ``out``; check exit 2, no traceback, store and exports unchanged; give stderr."""
    def run(*inputs: Path | str) -> str:
        before = snapshot(out)
        code = build(out, *inputs)
        err = capsys.readouterr().err
        assert code == 2, err
        assert "Traceback" not in err and "internal error" not in err
        assert err.startswith("newsgraph: error: ")
        assert snapshot(out) == before
        return err
    return run


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_good_build_has_both_articles(good_out):
    assert len(article_graphs(good_out)) == 2


def test_empty_file(tmp_path, refused):
    path = write(tmp_path / "empty.txt", b"")
    assert f"{path}: empty file" in refused(path)


def test_binary_file(tmp_path, refused):
    path = write(tmp_path / "photo.jpg", bytes(range(256)) * 64)
    err = refused(path)
    assert f"{path}:1: looks binary" in err


def test_legacy_encoding_is_detected_and_built(tmp_path, out, capsys):
    path = write(tmp_path / "legacy.txt", "The minister’s envoy met officials in Zürich – “a success”.\n".encode("cp1252"))
    assert build(out, path) == 0, capsys.readouterr().err
    assert "Zürich – “a success”" in (out / "graph.trig").read_text(encoding="utf-8")
    assert len(article_graphs(out)) == 3


def test_undetectable_encoding_is_a_clear_error(tmp_path, refused):
    path = write(tmp_path / "russian.txt", "Москва и Ереван.\nВстреча прошла в Вене.\n".encode("koi8-r"))
    err = refused(path)
    assert f"{path}:1: not UTF-8 text" in err and "re-save the file as UTF-8" in err


def test_a_ten_megabyte_line_in_a_text_file(tmp_path, refused):
    path = write(tmp_path / "huge.txt", b"word " * (2 * 1024 * 1024) + b"\n")
    started = time.perf_counter()
    err = refused(path)
    assert f"{path}: article is 10,485,761 characters, over the 1,000,000-character limit" in err
    assert time.perf_counter() - started < 30


def test_a_ten_megabyte_line_in_json_lines(tmp_path, refused):
    huge = json.dumps({"id": "huge", "text": "word " * (2 * 1024 * 1024)})
    path = jsonl(tmp_path / "news.jsonl", [GOOD[0] | {"id": "new-1"}, huge])
    err = refused(path)
    assert f"{path}:2: article is" in err and "split it" in err


MALFORMED_AT = 3


def corpus_with_malformed_line(tmp_path: Path) -> Path:
    items: list[dict | str] = [{"id": f"new-{n}", "text": f"Ararat Mirzoyan met Mevlut Cavusoglu in Ankara on {n} May 2022."}
                               for n in range(1, 6)]
    items[MALFORMED_AT - 1] = '{"id": "new-3", "text": "unterminated'
    return jsonl(tmp_path / "news.jsonl", items)


def test_malformed_json_line_stops_and_builds_nothing(tmp_path, refused):
    path = corpus_with_malformed_line(tmp_path)
    err = refused(path)
    assert f"{path}:{MALFORMED_AT}: not valid JSON" in err and "--on-error skip" in err


def test_malformed_json_line_skipped_builds_the_rest(tmp_path, out, capsys):
    before = set(article_graphs(out))
    path = corpus_with_malformed_line(tmp_path)
    assert build(out, path, on_error="skip") == 0
    err = capsys.readouterr().err
    assert f"skipped {path}:{MALFORMED_AT}: not valid JSON" in err and "Traceback" not in err
    assert "--on-error skip" not in err  # no advice to pass the option it was given
    added = {g.rsplit("/", 1)[1] for g in set(article_graphs(out)) - before}
    assert added == {"graph-new-1", "graph-new-2", "graph-new-4", "graph-new-5"}
    assert before <= set(article_graphs(out))  # the good articles are still there


def test_missing_id(tmp_path, refused):
    path = jsonl(tmp_path / "news.jsonl", [{"text": "Lavrov met Blinken in Geneva."}])
    assert f"{path}:1: missing 'id'" in refused(path)


def test_duplicate_ids(tmp_path, refused):
    path = jsonl(tmp_path / "news.jsonl", [GOOD[0] | {"id": "dup"}, GOOD[1] | {"id": "dup"}])
    assert f"{path}:2: duplicate id 'dup' (also at {path}:1)" in refused(path)


def test_ids_that_name_the_same_graph_are_duplicates(tmp_path, refused):
    # "a/b.txt" and "a-b.txt" both slug to graph-a-b-txt: one would silently overwrite the other.
    write(tmp_path / "corpus" / "a-b.txt", b"Ruben Rubinyan met Serdar Kilic in Vienna.\n")
    write(tmp_path / "corpus" / "a" / "b.txt", b"Sergei Lavrov met Antony Blinken in Geneva.\n")
    err = refused(tmp_path / "corpus")
    assert "names the same article graph as id 'a/b.txt'" in err


BOMB_LEVELS = 10
ENTITY_BOMB = (
    '<!DOCTYPE html [\n<!ENTITY lol0 "lol">\n'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, BOMB_LEVELS))
    + "]>\n<html><head><title>Envoys meet</title><script>document.write('injected script text')</script>"
    + "<style>p { color: red }</style></head><body>"
    + "<p>Ruben Rubinyan &amp; Serdar Kil&#305;&#x0E7; met in Vienna. &lol9; &lol9; &bogus; &#0; &#99999999;</p>"
    + "<script>alert('more script')</script></body></html>\n"
)


def test_html_with_scripts_entities_and_an_entity_bomb_finishes_fast_in_bounded_memory(tmp_path, good_out):
    out = tmp_path / "out"
    shutil.copytree(good_out, out)
    page = write(tmp_path / "bomb.html", ENTITY_BOMB.encode("utf-8"))
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "build", str(page), "--out", str(out),
                                "--jobs", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)  # the child's own peak memory, not this process's
    elapsed = time.perf_counter() - started
    err = process.stderr.read().decode()
    assert os.waitstatus_to_exitcode(status) == 0, err
    assert "Traceback" not in err
    assert elapsed < 120
    assert usage.ru_maxrss < 1_500_000  # KiB: spaCy and the store, no 10**10-fold expansion
    trig = (out / "graph.trig").read_text(encoding="utf-8")
    assert "Rubinyan & Serdar Kilıç met in Vienna. &lol9; &lol9; &bogus;" in trig  # decoded, bomb inert
    assert "lollol" not in trig and "injected script" not in trig and "alert" not in trig and "color" not in trig
    assert len(article_graphs(out)) == 3


def test_page_that_is_only_a_bomb_and_scripts(tmp_path, refused):
    bomb_only = ENTITY_BOMB.split("<body>")[0] + "<body><script>x()</script></body></html>"
    path = write(tmp_path / "bomb-only.html", bomb_only.encode("utf-8"))
    assert "no visible text outside scripts" in refused(path)


def unreadable(folder: Path) -> tuple[Path, str]:
    """A file in ``folder`` that cannot be read, and the problem expected.

    Root reads files whatever their mode, so as root a link to /proc/self/mem
    stands in: it is a regular file that fails to read with EIO for everyone.
    """
    path = folder / "locked.txt"
    if os.geteuid() != 0:
        write(path, b"Secret text.\n").chmod(0)
        return path, "cannot read (Permission denied)"
    path.symlink_to("/proc/self/mem")
    return path, "cannot read (Input/output error)"


def test_folder_with_an_unreadable_file(tmp_path, refused):
    folder = tmp_path / "corpus"
    write(folder / "fine.txt", b"Sergei Lavrov met Antony Blinken in Geneva.\n")
    path, expected = unreadable(folder)
    assert f"{path}: {expected}" in refused(folder)


def test_folder_with_a_broken_link(tmp_path, refused):
    folder = tmp_path / "corpus"
    write(folder / "fine.txt", b"Sergei Lavrov met Antony Blinken in Geneva.\n")
    (folder / "moved.txt").symlink_to(tmp_path / "nowhere.txt")
    assert f"{folder / 'moved.txt'}: broken link" in refused(folder)


def test_unreadable_file_skipped_builds_the_rest(tmp_path, out, capsys):
    folder = tmp_path / "corpus"
    write(folder / "fine.txt", b"Sergei Lavrov met Antony Blinken in Geneva.\n")
    path, expected = unreadable(folder)
    assert build(out, folder, on_error="skip") == 0
    assert f"skipped {path}: {expected}" in capsys.readouterr().err
    assert any(g.endswith("graph-fine-txt") for g in article_graphs(out))


def test_missing_input_path(tmp_path, refused):
    assert f"{tmp_path / 'nope.jsonl'}: file not found" in refused(tmp_path / "nope.jsonl")
