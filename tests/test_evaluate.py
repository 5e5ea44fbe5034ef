"""Scoring against gold, on hand-built extractions (no NLP needed)."""

import contextlib
import io
import json
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.errors import InputError
from newsgraph.evaluate import (
    GoldArticle, GoldMeeting, GoldRole, Metric, as_extraction, evaluate, fold, load_gold,
)
from newsgraph.model import (
    Article, Entity, EntityType, Event, EventType, Extraction, Participant, Role, Span, Status, TimeValue,
)

GOLD_DIR = Path(__file__).parent / "gold"
EVIDENCE = Span(0, 1, "x")


def _entity(key, type, name, *aliases, state=None):
    return Entity(key, type, name, (EVIDENCE,), aliases=aliases, state=state)


def _meeting(*actors, place=None, time=None, status=Status.OCCURRED):
    return Event(EventType.MEETING, tuple(Participant(a) for a in actors), (EVIDENCE,), status=status,
                 place=place, time=time)


ENTITIES = (
    _entity("p:rubinyan", EntityType.PERSON, "Ruben Rubinyan"),
    _entity("p:kilic", EntityType.PERSON, "Serdar Kılıç"),
    _entity("p:badalyan", EntityType.PERSON, "Ani Badalyan"),
    _entity("state:ARM", EntityType.STATE, "Armenia"),
    _entity("state:TUR", EntityType.STATE, "Türkiye", "Turkey"),
    _entity("state:USA", EntityType.STATE, "United States"),
    _entity("org:arm-mfa", EntityType.ORGANIZATION, "Armenian Foreign Ministry", state="state:ARM"),
    _entity("place:moscow", EntityType.PLACE, "Moscow"),
    _entity("place:vienna", EntityType.PLACE, "Vienna"),
)
ROLES = (
    Role("p:rubinyan", "SpecialRepresentative", "state:ARM", EVIDENCE),
    Role("p:kilic", "SpecialRepresentative", "state:TUR", EVIDENCE),
    Role("p:kilic", "Ambassador", "state:TUR", EVIDENCE, towards="state:USA", former=True),
    Role("p:badalyan", "PressSecretary", "org:arm-mfa", EVIDENCE),
)
MOSCOW = _meeting("p:rubinyan", "p:kilic", place="place:moscow", time=TimeValue(2022, 1, 14))
VIENNA = _meeting("p:rubinyan", "p:kilic", place="place:vienna", time=TimeValue(2022, 7, 1))
ARMENIA = _meeting("p:rubinyan", "p:kilic", place="state:ARM", status=Status.PLANNED)

GOLD = GoldArticle(
    id="a1",
    published=None,
    people=("Ruben Rubinyan", "Serdar Kılıç", "Ani Badalyan"),
    roles=(
        GoldRole("Ruben Rubinyan", "SpecialRepresentative", "Armenia"),
        GoldRole("Serdar Kılıç", "SpecialRepresentative", "Türkiye"),
        GoldRole("Serdar Kılıç", "Ambassador", "Türkiye", "United States", True),
        GoldRole("Ani Badalyan", "PressSecretary", "Armenian Foreign Ministry"),
    ),
    meetings=(
        GoldMeeting(("Ruben Rubinyan", "Serdar Kılıç"), "Moscow", "2022-01-14", Status.OCCURRED),
        GoldMeeting(("Ruben Rubinyan", "Serdar Kılıç"), "Vienna", "2022-07-01", Status.OCCURRED),
        GoldMeeting(("Ruben Rubinyan", "Serdar Kılıç"), "Armenia", None, Status.PLANNED),
    ),
)


def _extraction(article_id="a1", *, entities=ENTITIES, roles=ROLES, events=(MOSCOW, VIENNA, ARMENIA)):
    return Extraction(Article(article_id, "", "", f"{article_id}.txt"), entities, roles, events)


def test_a_perfect_extraction_scores_one_everywhere():
    report = evaluate([GOLD], {"a1": _extraction()})
    for metric, score in report.scores.items():
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), metric
    assert report.status_accuracy == 1.0
    assert report.invented == 0


def test_a_missed_meeting_lowers_recall_not_precision():
    report = evaluate([GOLD], {"a1": _extraction(events=(MOSCOW, VIENNA))})
    score = report.scores[Metric.MEETINGS]
    assert (score.tp, score.fp, score.fn) == (2, 0, 1)
    assert score.precision == 1.0
    assert score.recall == pytest.approx(2 / 3)


def test_a_wrong_place_lowers_only_the_place_and_date_score():
    wrong = _meeting("p:rubinyan", "p:kilic", place="place:moscow", time=TimeValue(2022, 7, 1))
    report = evaluate([GOLD], {"a1": _extraction(events=(MOSCOW, wrong, ARMENIA))})
    assert report.scores[Metric.MEETINGS].f1 == 1.0
    full = report.scores[Metric.MEETINGS_PLACE_DATE]
    assert (full.tp, full.fp, full.fn) == (2, 1, 1)
    assert report.status_accuracy == 1.0


def test_a_date_at_the_wrong_precision_is_wrong():
    month_only = _meeting("p:rubinyan", "p:kilic", place="place:moscow", time=TimeValue(2022, 1))
    report = evaluate([GOLD], {"a1": _extraction(events=(month_only, VIENNA, ARMENIA))})
    assert report.scores[Metric.MEETINGS_PLACE_DATE].tp == 2


def test_a_wrong_status_lowers_status_accuracy_only():
    held = _meeting("p:rubinyan", "p:kilic", place="state:ARM")
    report = evaluate([GOLD], {"a1": _extraction(events=(MOSCOW, VIENNA, held))})
    assert report.scores[Metric.MEETINGS].f1 == 1.0
    assert report.status_accuracy == pytest.approx(2 / 3)


def test_people_match_by_folded_name_and_by_unambiguous_surname():
    entities = (
        _entity("p:1", EntityType.PERSON, "Serdar Kilic"),  # folded: matches "Serdar Kılıç"
        _entity("p:2", EntityType.PERSON, "Rubinyan"),  # surname alone
        _entity("p:3", EntityType.PERSON, "Ani Badalyan"),
    )
    gold = GoldArticle("a1", None, GOLD.people, (), (GoldMeeting(("Ruben Rubinyan", "Serdar Kılıç"), None, None, Status.OCCURRED),))
    report = evaluate([gold], {"a1": _extraction(entities=entities, roles=(), events=(_meeting("p:1", "p:2"),))})
    assert report.scores[Metric.PEOPLE].f1 == 1.0
    assert report.scores[Metric.MEETINGS].f1 == 1.0


def test_a_surname_shared_by_two_people_in_the_article_does_not_match():
    gold = GoldArticle("a1", None, ("Ilham Aliyev", "Heydar Aliyev"), (), ())
    entities = (_entity("p:1", EntityType.PERSON, "Aliyev"),)
    report = evaluate([gold], {"a1": _extraction(entities=entities, roles=(), events=())})
    assert report.scores[Metric.PEOPLE].tp == 0


def test_roles_need_the_body_but_the_second_score_ignores_it():
    roles = (Role("p:badalyan", "PressSecretary", "state:ARM", EVIDENCE),)  # gold: of the ministry
    gold = GoldArticle("a1", None, GOLD.people, (GoldRole("Ani Badalyan", "PressSecretary", "Armenian Foreign Ministry"),), ())
    report = evaluate([gold], {"a1": _extraction(roles=roles, events=())})
    assert report.scores[Metric.ROLES].tp == 0
    assert report.scores[Metric.ROLES_ANY_BODY].f1 == 1.0


def test_the_same_role_found_twice_counts_once():
    roles = ROLES + (ROLES[0],)
    report = evaluate([GOLD], {"a1": _extraction(roles=roles)})
    assert report.scores[Metric.ROLES].fp == 0


def test_a_meeting_in_an_article_whose_gold_has_none_is_invented():
    empty = GoldArticle("a2", None, ("Ruben Rubinyan", "Serdar Kılıç"), (), ())
    report = evaluate([GOLD, empty], {"a1": _extraction(), "a2": _extraction("a2", events=(MOSCOW,))})
    assert report.invented == 1
    assert report.scores[Metric.MEETINGS].fp == 1
    assert "invented meetings" in report.to_text()


def test_an_article_without_extraction_counts_as_all_misses():
    report = evaluate([GOLD], {})
    assert report.scores[Metric.MEETINGS].fn == 3
    assert report.to_dict()["missing_articles"] == ["a1"]


def test_verbose_text_lists_misses_and_false_positives_per_article():
    stray = _meeting("p:badalyan", "p:kilic")
    report = evaluate([GOLD], {"a1": _extraction(events=(MOSCOW, VIENNA, stray))})
    quiet, verbose = report.to_text(), report.to_text(verbose=True)
    assert "a1:" not in quiet
    assert quiet.endswith("\n") and verbose.endswith("\n")  # the shell prompt starts on a line of its own
    assert "miss" in verbose and "Armenia" in verbose
    assert "false positive" in verbose and "Ani Badalyan" in verbose
    assert json.dumps(report.to_dict())  # plain data throughout


def test_fold_drops_diacritics_case_and_dots():
    assert fold("Serdar  Kılıç") == fold("serdar kilic")
    assert fold("U.S.") == "us"


def _write(tmp_path, *lines):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps({"id": "x", "published": "2006-12-10", "people": ["A B"], "roles": [],
                   "meetings": [{"participants": ["A B", "C D"], "place": None, "date": "2006-12", "status": "Planned"}]})


def test_load_gold_reads_a_good_file(tmp_path):
    [article] = load_gold(_write(tmp_path, GOOD, ""))
    assert article.meetings[0].status is Status.PLANNED
    assert str(article.published) == "2006-12-10"


@pytest.mark.parametrize(
    "bad, message",
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"id": "y", "meetings": [{"participants": ["A", "B"], "place": None, "date": None, "status": "Held"}]}), "status"),
        (json.dumps({"id": "y", "meetings": [{"participants": ["A", "B"], "place": None, "date": "14 Jan", "status": "Occurred"}]}), "date"),
        (json.dumps({"id": "y", "roles": [{"person": "A", "role": "Envoy", "of": None}], "meetings": []}), "Envoy"),
        (json.dumps({"id": "y", "meetings": [], "extra": 1}), "unknown field"),
        (json.dumps({"id": "x", "meetings": []}), "duplicate"),
    ],
)
def test_load_gold_names_the_file_and_line_of_a_bad_line(tmp_path, bad, message):
    path = _write(tmp_path, GOOD, bad)
    with pytest.raises(InputError) as caught:
        load_gold(path)
    assert f"{path}:2:" in str(caught.value)
    assert message in str(caught.value)
    assert caught.value.problems[0].line == 2


@pytest.mark.parametrize("name", ["seeds.jsonl", "dev.jsonl", "test.jsonl"])
def test_the_project_gold_files_load(name):
    path = GOLD_DIR / name
    if not path.exists():
        pytest.skip(f"{path} not written yet")
    articles = load_gold(path)
    assert articles
    for article in articles:
        people = {fold(p) for p in article.people}
        for role in article.roles:
            assert fold(role.person) in people, (article.id, role.person)


def test_states_match_under_another_common_name():
    gold = GoldArticle("a1", None, (), (), (GoldMeeting(("Turkey", "Britain"), "Moscow", None, Status.OCCURRED),))
    entities = ENTITIES + (_entity("state:GBR", EntityType.STATE, "United Kingdom"),)
    event = _meeting("state:TUR", "state:GBR", place="place:moscow")
    report = evaluate([gold], {"a1": _extraction(entities=entities, roles=(), events=(event,))})
    assert report.scores[Metric.MEETINGS_PLACE_DATE].f1 == 1.0


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news-meetings.jsonl"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _texts() -> dict[str, str]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    with CORPUS.open(encoding="utf-8") as lines:
        texts.update((row["id"], row["text"]) for row in map(json.loads, lines))
    return texts


@pytest.mark.skipif(not CORPUS.exists(), reason=f"corpus not present at {CORPUS}: gold annotations not checked against texts")
@pytest.mark.parametrize("name", ["seeds.jsonl", "dev.jsonl", "test.jsonl"])
def test_every_annotated_person_is_named_in_the_article(name):
    texts = _texts()
    for article in load_gold(GOLD_DIR / name):
        assert article.id in texts, article.id
        text = " " + fold(texts[article.id])
        for person in article.people:
            assert " " + fold(person) in text, (article.id, person)


@pytest.mark.parametrize("name", ["seeds.jsonl", "dev.jsonl", "test.jsonl"])
def test_a_perfect_extraction_of_each_gold_file_scores_one(name):
    gold = load_gold(GOLD_DIR / name)
    report = evaluate(gold, {g.id: as_extraction(g) for g in gold})
    assert all(s.f1 == 1.0 for s in report.scores.values()), report.to_text(verbose=True)
    assert report.status_accuracy == 1.0
    assert report.invented == 0


def test_a_second_annotation_that_differs_scores_below_one():
    other = GoldArticle("a1", None, GOLD.people, GOLD.roles[:3], GOLD.meetings[:2] + (
        GoldMeeting(("Ruben Rubinyan", "Serdar Kılıç"), "Yerevan", None, Status.PLANNED),))
    report = evaluate([GOLD], {"a1": as_extraction(other)})
    assert report.scores[Metric.MEETINGS].f1 == 1.0
    assert report.scores[Metric.MEETINGS_PLACE_DATE].tp == 2 and report.scores[Metric.ROLES].fn == 1


def test_eval_against_a_second_annotation_prints_agreement():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["eval", str(GOLD_DIR / "dev.jsonl"), "--against", str(GOLD_DIR / "dev.jsonl")])
    assert code == 0 and "meetings (participants)     1.000  1.000  1.000" in out.getvalue()


@pytest.mark.parametrize("name", ["test.jsonl", "test2.jsonl", "dev14.jsonl"])
def test_two_annotators_agree_on_the_files_annotated_twice(name):
    """A second annotator's blind annotation (tests/gold/second/) against the first: the ceiling the extractor is
    measured under. A drop here means an edit made one of them inconsistent with the guidelines."""
    report = evaluate(load_gold(GOLD_DIR / name), {g.id: as_extraction(g) for g in load_gold(GOLD_DIR / "second" / name)})
    assert report.scores[Metric.PEOPLE].f1 >= 0.95
    assert report.scores[Metric.MEETINGS].f1 >= 0.8, report.to_text(verbose=True)
    assert report.scores[Metric.MEETINGS_PLACE_DATE].f1 >= 0.7


def test_eval_skips_a_bad_corpus_item_the_gold_does_not_name(tmp_path):
    other = {"id": "other", "text": "Markets fell."}
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(item) for item in [
        {"id": "a1", "text": "Foreign Minister Anna Berg met Jon Otieno in Oslo on Monday."}, other, other]) + "\n")
    gold = _write(tmp_path, json.dumps({"id": "a1", "meetings": [
        {"participants": ["Anna Berg", "Jon Otieno"], "place": "Oslo", "date": None, "status": "Occurred"}]}))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["eval", str(gold), "--corpus", str(corpus)])
    assert code == 0 and "meetings (participants)     1.000  1.000  1.000" in out.getvalue()
    assert "corpus.jsonl:3: duplicate id 'other'" in err.getvalue()
