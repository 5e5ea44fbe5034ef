"""How much cross-article resolution merges on a corpus, with a sample of merges to check by hand.

    python scripts/resolution_report.py ../shared/corpora/news-meetings.jsonl [--sample 20] [--seed 4]

Counts person and meeting nodes before resolution (one per article that
mentions them) and after (one per resolved key or event IRI), then prints a
random sample of person merges (names from different articles that became one
node) and of event merges (one meeting reported by several articles).
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict

from newsgraph.ingest import read_articles
from newsgraph.model import EntityType
from newsgraph.pipeline import extract_corpus
from newsgraph.rdf import Minter
from newsgraph.resolve import resolve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()

    before = list(extract_corpus(read_articles(args.corpus)))
    after = resolve(before)
    minter = Minter()

    people_before = sum(1 for x in before for e in x.entities if e.type is EntityType.PERSON)
    names_by_key: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for x_before, x_after in zip(before, after):
        originals = {e.key: e.name for e in x_before.entities if e.type is EntityType.PERSON}
        for old, new in zip(x_before.entities, x_after.entities):
            if old.type is EntityType.PERSON:
                names_by_key[new.key].add((originals[old.key], x_after.article.id))
    meetings_before = sum(len(x.events) for x in before)
    reports: dict[str, list[str]] = defaultdict(list)
    for x in after:
        for event in x.events:
            reports[str(minter.event(event))].append(x.article.id)

    print(f"articles: {len(before)}")
    print(f"person nodes: {people_before} before resolution, {len(names_by_key)} after")
    print(f"meeting nodes: {meetings_before} before resolution, {len(reports)} after")
    merges = sorted(k for k, names in names_by_key.items() if len({n for n, _ in names}) > 1)
    print(f"\nperson merges joining different spellings: {len(merges)}; a sample:")
    for key in random.Random(args.seed).sample(merges, min(args.sample, len(merges))):
        variants = sorted({n for n, _ in names_by_key[key]})
        print(f"  {key}: {' | '.join(variants)}")
    merged_events = sorted(k for k, ids in reports.items() if len(ids) > 1)
    print(f"\nmeetings reported by several articles: {len(merged_events)}")
    for key in merged_events[: args.sample]:
        print(f"  {key.rsplit('/', 1)[-1]}: {', '.join(reports[key])}")


if __name__ == "__main__":
    main()
