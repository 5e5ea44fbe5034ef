"""The extractor on real news it was not written for (../shared/corpora, when present).

Floors are regressions guards, set a little under the scores measured when
they were written (tests/gold/README.md and the project README give the
figures); the held-out half is never tuned on.
"""

from pathlib import Path

import pytest

from newsgraph.evaluate import Metric, evaluate, load_gold
from newsgraph.ingest import OnError, read_articles
from newsgraph.pipeline import extract_corpus
from newsgraph.resolve import resolve

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news-meetings.jsonl"
WIRES = CORPUS.with_name("news-68k.jsonl.gz")
GOLD = Path(__file__).parent / "gold"

pytestmark = pytest.mark.skipif(
    not CORPUS.exists(), reason=f"the news corpus is not at {CORPUS} (../shared/corpora): corpus evaluation skipped")


@pytest.fixture(scope="module")
def extractions():
    return {x.article.id: x for x in extract_corpus(read_articles([CORPUS]))}


def test_every_corpus_item_is_extracted_and_resolved_without_error(extractions):
    assert len(extractions) == 488
    resolved = resolve(list(extractions.values()))
    people = {e.key for x in resolved for e in x.entities if e.type.value == "Person"}
    assert 0 < len(people) < sum(1 for x in extractions.values() for e in x.entities if e.type.value == "Person")


@pytest.mark.parametrize("split, floors", [
    # The dev files' floors sit about 0.02 under their scores of 2026-12-04 (README), to catch a rule that costs.
    ("dev", {Metric.PEOPLE: 0.90, Metric.ROLES: 0.82, Metric.MEETINGS: 0.79, Metric.MEETINGS_PLACE_DATE: 0.65}),
    ("dev2", {Metric.PEOPLE: 0.92, Metric.ROLES: 0.81, Metric.MEETINGS: 0.79, Metric.MEETINGS_PLACE_DATE: 0.58}),
    ("dev3", {Metric.PEOPLE: 0.90, Metric.ROLES: 0.87, Metric.MEETINGS: 0.82, Metric.MEETINGS_PLACE_DATE: 0.71}),
    ("dev4", {Metric.PEOPLE: 0.87, Metric.ROLES: 0.77, Metric.MEETINGS: 0.69, Metric.MEETINGS_PLACE_DATE: 0.53}),
    ("dev5", {Metric.PEOPLE: 0.93, Metric.ROLES: 0.69, Metric.MEETINGS: 0.67, Metric.MEETINGS_PLACE_DATE: 0.50}),
    # scored 0.605 on meetings while unseen (2026-12-05, 14:14 UTC), 0.643 after the rules written on it
    ("dev6", {Metric.PEOPLE: 0.91, Metric.ROLES: 0.76, Metric.MEETINGS: 0.63, Metric.MEETINGS_PLACE_DATE: 0.47}),
    # unseen: 0.711 and 0.686 on meetings (2026-12-05, 14:54 and 15:07 UTC)
    ("dev7", {Metric.PEOPLE: 0.90, Metric.ROLES: 0.76, Metric.MEETINGS: 0.69, Metric.MEETINGS_PLACE_DATE: 0.51}),
    ("dev8", {Metric.PEOPLE: 0.87, Metric.ROLES: 0.84, Metric.MEETINGS: 0.66, Metric.MEETINGS_PLACE_DATE: 0.43}),
    # unseen: 0.804 on meetings (2026-12-05, 16:32 UTC), 0.836 after the rules written on it
    ("dev9", {Metric.PEOPLE: 0.92, Metric.ROLES: 0.80, Metric.MEETINGS: 0.81, Metric.MEETINGS_PLACE_DATE: 0.54}),
    # unseen: 0.642 on meetings (2026-12-05, 17:17 UTC), 0.679 after the rules written on it
    ("dev10", {Metric.PEOPLE: 0.90, Metric.ROLES: 0.74, Metric.MEETINGS: 0.65, Metric.MEETINGS_PLACE_DATE: 0.41}),
    # unseen: 0.716 on meetings (2026-12-05, 19:00 UTC), 0.792 after the rules written on it
    ("dev11", {Metric.PEOPLE: 0.91, Metric.ROLES: 0.79, Metric.MEETINGS: 0.75, Metric.MEETINGS_PLACE_DATE: 0.48}),
    # 0.48 on 2026-12-02; rules written on dev3 and dev4 on 2026-12-03 took it to 0.459, and those of the
    # next session to 0.438, one meeting of 43, and back to 0.453 by its end (reported, not tuned on); 0.556
    # and 0.588 on 2026-12-05, 14:45 UTC; 0.548 and 0.588 at 17:14, 17:58, 18:18, 18:34, 19:48, 19:57, 20:12, 20:47 and 20:55 UTC.
    ("test", {Metric.PEOPLE: 0.92, Metric.ROLES: 0.76, Metric.MEETINGS: 0.53}),
    # 0.560 until 2026-12-06 20:30 UTC, when a rule written on dev (a headline outside the text places the
    # lead's meetings: dev meetings +2, with place and date +7) made a visit of a test2 article a false
    # meeting, 0.549 (reported, not tuned on)
    ("test2", {Metric.PEOPLE: 0.92, Metric.ROLES: 0.74, Metric.MEETINGS: 0.54}),
])
def test_scores_stay_above_their_floors(extractions, split, floors):
    _assert_above(split, floors, extractions)


def _assert_above(split: str, floors: dict, extractions: dict) -> None:
    report = evaluate(load_gold(GOLD / f"{split}.jsonl"), extractions)
    for metric, floor in floors.items():
        assert report.scores[metric].f1 >= floor, f"{split} {metric}: {report.to_text()}"


WIRE_SPLITS = ("dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18")


@pytest.fixture(scope="module")
def wire_extractions():
    wanted = {g.id for split in WIRE_SPLITS for g in load_gold(GOLD / f"{split}.jsonl")}
    articles = (a for a in read_articles([WIRES], on_error=OnError.SKIP) if a.id in wanted)  # it repeats some ids
    return {x.article.id: x for x in extract_corpus(articles)}


@pytest.mark.skipif(not WIRES.exists(), reason=f"{WIRES} is absent: the news-68k gold files are not scored")
@pytest.mark.parametrize("split, floors", [
    # unseen: 0.29 on meetings (2026-12-06, 04:58 UTC), 0.30 after the rules written on it
    ("dev12", {Metric.PEOPLE: 0.88, Metric.ROLES: 0.72, Metric.MEETINGS: 0.27}),
    # unseen: 0.37 on meetings (2026-12-06, 05:10 UTC), 0.46 after the rules written on it
    ("dev13", {Metric.PEOPLE: 0.87, Metric.ROLES: 0.68, Metric.MEETINGS: 0.43}),
    # unseen: 0.12 on meetings (2026-12-06, 05:34 UTC)
    ("dev14", {Metric.PEOPLE: 0.83, Metric.ROLES: 0.67, Metric.MEETINGS: 0.10}),
    # unseen: 0.24 on meetings (2026-12-06, 06:04 UTC)
    ("dev15", {Metric.PEOPLE: 0.88, Metric.ROLES: 0.69, Metric.MEETINGS: 0.22}),
    # unseen: 0.23 on meetings (2026-12-06, 07:35 UTC), 0.35 after the rules written on it
    ("dev16", {Metric.PEOPLE: 0.90, Metric.ROLES: 0.69, Metric.MEETINGS: 0.32}),
    # unseen: 0.45 on meetings (2026-12-06, 07:59 UTC)
    ("dev17", {Metric.PEOPLE: 0.88, Metric.ROLES: 0.65, Metric.MEETINGS: 0.42}),
    # unseen: 0.40 on meetings (2026-12-06, 09:04 UTC; 9 gold meetings)
    ("dev18", {Metric.PEOPLE: 0.88, Metric.ROLES: 0.68, Metric.MEETINGS: 0.35}),
])
def test_scores_on_the_news_68k_gold_stay_above_their_floors(wire_extractions, split, floors):
    _assert_above(split, floors, wire_extractions)
