"""Fuzzing the CLI on random arguments: the exit code is 0, 1 or 2, never 70 and never a traceback.

Arguments mix the real vocabulary (commands, options, choices, a prepared store,
good and bad input files) with random text. It runs in a scratch folder with
networking denied. ``serve`` only plans its server (starting one would block),
and commands whose module is not in the tree yet are left out, by name.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Dataset

from fuzzing import CASES, budget
from newsgraph import cli
from newsgraph.store import open_store

DATA = Path(__file__).parents[1] / "data"
UNFINISHED = sorted(c for c, module in (("report", "newsgraph.report"), ("network", "newsgraph.network"))
                    if importlib.util.find_spec(module) is None)

COMMANDS = [c for c in cli.COMMANDS if c not in UNFINISHED]
OPTIONS = ["--out", "--store", "--published", "--on-error", "--base", "--jobs", "--engine", "--scheduler", "--param",
           "--format", "--list", "--file", "-o", "--output", "--endpoint", "--user", "--password-env", "--port",
           "--bind", "--writable", "--corpus", "--model", "--verbose", "-h", "--help", "--", "-"]
VALUES = ["store", "empty.txt", "binary.txt", "bad.jsonl", "good.ttl", "query.rq", "missing.txt", "store/store",
          "table", "json", "csv", "ttl", "trig", "nq", "jsonld", "graphml", "stop", "skip", "local", "dask", "1", "0",
          "-1", "2022-01-14", "2022-02-30", "who-met-where", "meetings-of", "person=Kilic", "person=' } UNION {",
          "=x", "x=", "SELECT * { ?s ?p ?o } LIMIT 3", "ASK {}", "DROP ALL", "tcp://127.0.0.1:1",
          "http://127.0.0.1:1/store", "0.0.0.0", "::1", "99999", "out", "out.ttl", "dir/"]
# No "/" at the start and no NUL: a random path must stay inside the scratch folder,
# and a real argv cannot hold NUL. Surrogates can: Linux argv is bytes, decoded with surrogateescape.
random_text = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)) | st.sampled_from(
    ["\udcff", "\udc80"]), max_size=20).filter(lambda t: not t.startswith(("/", "~")) and ".." not in t)
tokens = st.one_of(st.sampled_from(OPTIONS), st.sampled_from(VALUES), random_text)
argvs = st.tuples(st.sampled_from(COMMANDS) | random_text, st.lists(tokens, max_size=6)).map(lambda t: [t[0], *t[1]])


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-fuzz")
    dataset = Dataset()
    dataset.parse(DATA / "contract-example.trig", format="trig")
    with open_store(folder / "store", create=True) as store:
        for graph in dataset.graphs():
            if len(graph):
                store.replace_graph(str(graph.identifier), graph)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    (folder / "bad.jsonl").write_text('{"id": 1, "text": \n', encoding="utf-8")
    shutil.copy(DATA / "contract-example.trig", folder / "good.ttl")
    (folder / "query.rq").write_text("SELECT ?s WHERE { ?s ?p ?o } LIMIT 2\n", encoding="utf-8")
    return folder


def _no_network(*args, **kwargs):
    raise ConnectionRefusedError(111, "networking is denied in this test")


def _plan_only(args) -> int:
    from newsgraph.serve import plan_server

    plan_server(args.store, bind=args.bind, port=args.port, writable=args.writable)
    return 0


@budget(0.5)
@given(argvs)
def test_random_arguments_never_crash(scratch, argv):
    CASES["CLI arguments"] += 1
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _no_network)
        patch.setattr(socket, "getaddrinfo", _no_network)
        patch.setitem(cli.COMMANDS, "serve", _plan_only)
        patch.setattr(cli.sys, "stdout", _Stdout(out))
        os.chdir(tempfile.mkdtemp(dir=scratch))  # each case in its own folder; the shared files one level up
        for name in ("store", "empty.txt", "binary.txt", "bad.jsonl", "good.ttl", "query.rq"):
            os.symlink(scratch / name, name)
        try:
            with contextlib.redirect_stderr(err):
                try:
                    code = cli.main(argv)
                except SystemExit as exit_:  # argparse: usage errors and --help
                    code = exit_.code
        finally:
            os.chdir(cwd)
    assert code in (0, 1, 2), (argv, code, err.getvalue()[-3000:])
    assert "Traceback" not in err.getvalue(), (argv, err.getvalue()[-3000:])


class _Stdout:
    """A strict UTF-8 standard output, as a real one is: text with surrogates must not reach it raw."""

    def __init__(self, sink: io.StringIO):
        self.buffer = io.BytesIO()
        self._sink = sink

    def write(self, text: str) -> int:
        text.encode("utf-8")  # raises UnicodeEncodeError like sys.stdout would
        return self._sink.write(text)

    def flush(self) -> None:
        pass


def test_unfinished_commands_are_named():
    # Not a pass condition: this records which commands the fuzzing above leaves out, and why.
    if UNFINISHED:
        pytest.skip(f"not fuzzed: {', '.join(UNFINISHED)} (their modules are not in the tree yet; they exit 70)")
