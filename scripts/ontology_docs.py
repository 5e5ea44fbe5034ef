"""Write docs/ontology.md from the Turtle in ontology/ and shapes/ (classes, properties, individuals, roles, rules).

    .venv/bin/python scripts/ontology_docs.py          # rewrite docs/ontology.md
    .venv/bin/python scripts/ontology_docs.py --check  # exit 1 if it is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SH, SKOS, Graph, URIRef

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "ontology.md"
ORG_ROLE = URIRef("http://www.w3.org/ns/org#Role")
PREFIXES = {
    "https://w3id.org/newsgraph/ontology#": "ng",
    "http://semanticweb.cs.vu.nl/2009/11/sem/": "sem",
    "http://www.w3.org/ns/org#": "org",
    "http://www.w3.org/ns/prov#": "prov",
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#": "nif",
    "https://schema.org/": "schema",
    "http://www.w3.org/2004/02/skos/core#": "skos",
    "http://www.w3.org/2001/XMLSchema#": "xsd",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
    "http://www.w3.org/2002/07/owl#": "owl",
    "https://w3id.org/newsgraph/shapes#": "ngsh",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://purl.org/dc/terms/": "dcterms",
}

INTRO = """# The newsgraph ontology

Generated from `ontology/*.ttl` by `scripts/ontology_docs.py`; do not edit by hand.

Namespace `ng:` = `https://w3id.org/newsgraph/ontology#`. Every class is aligned
to SEM, the W3C Organization Ontology, schema.org, PROV-O and NIF, and
instances carry those superclasses materialized, so queries need no inference.
Instances live under `https://w3id.org/newsgraph/id/` (configurable); each
entity, event and role held links to the character span it was read from with
`prov:wasDerivedFrom <article IRI#char=BEGIN,END>`.
"""


def curie(node) -> str:
    text = str(node)
    for namespace, prefix in PREFIXES.items():
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>"


def cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def joined(graph: Graph, subject, predicate) -> str:
    return ", ".join(sorted(f"`{curie(o)}`" for o in graph.objects(subject, predicate))) or "—"


def terms(graph: Graph, *types) -> list[URIRef]:
    found = {s for t in types for s in graph.subjects(RDF.type, t) if isinstance(s, URIRef)}
    return sorted(found, key=str)


def class_table(graph: Graph) -> list[str]:
    rows = ["## Classes", "", "| class | label | subclass of | description |", "|---|---|---|---|"]
    for term in terms(graph, OWL.Class):
        rows.append(
            f"| `{curie(term)}` | {cell(graph.value(term, RDFS.label))} | {joined(graph, term, RDFS.subClassOf)} "
            f"| {cell(graph.value(term, RDFS.comment))} |"
        )
    return rows


def property_table(graph: Graph) -> list[str]:
    rows = ["## Properties", "", "| property | label | domain | range | description |", "|---|---|---|---|---|"]
    for term in terms(graph, OWL.ObjectProperty, OWL.DatatypeProperty):
        extra = " (functional)" if (term, RDF.type, OWL.FunctionalProperty) in graph else ""
        parent = joined(graph, term, RDFS.subPropertyOf)
        also = f" Sub-property of {parent}." if parent != "—" else ""
        rows.append(
            f"| `{curie(term)}` | {cell(graph.value(term, RDFS.label))}{extra} | {joined(graph, term, RDFS.domain)} "
            f"| {joined(graph, term, RDFS.range)} | {cell(graph.value(term, RDFS.comment))}{also} |"
        )
    return rows


def individual_table(graph: Graph) -> list[str]:
    rows = ["## Individuals", "", "| individual | label | type | description |", "|---|---|---|---|"]
    for term in terms(graph, OWL.NamedIndividual):
        types = ", ".join(sorted(f"`{curie(t)}`" for t in graph.objects(term, RDF.type) if t != OWL.NamedIndividual))
        rows.append(
            f"| `{curie(term)}` | {cell(graph.value(term, RDFS.label))} | {types} "
            f"| {cell(graph.value(term, RDFS.comment))} |"
        )
    return rows


def role_table(graph: Graph) -> list[str]:
    rows = [
        "## Roles",
        "",
        "Role concepts (`org:Role`, `skos:Concept` in `ng:RoleScheme`), the values of `org:role`. "
        "The extractor recognises a role by its label and alternative labels.",
        "",
        "| role | label | broader | also called | description |",
        "|---|---|---|---|---|",
    ]
    for term in terms(graph, ORG_ROLE):
        alt = ", ".join(sorted(str(a) for a in graph.objects(term, SKOS.altLabel))) or "—"
        rows.append(
            f"| `{curie(term)}` | {cell(graph.value(term, RDFS.label))} | {joined(graph, term, SKOS.broader)} "
            f"| {cell(alt)} | {cell(graph.value(term, RDFS.comment))} |"
        )
    return rows


def rule_table(shapes: Graph) -> list[str]:
    rows = [
        "## Validation rules",
        "",
        "The SHACL shapes in `shapes/`. A Violation makes the graph non-conforming and sends the fact to "
        "quarantine; a Warning is reported only.",
        "",
        "| rule | severity | applies to | property | says |",
        "|---|---|---|---|---|",
    ]
    for rule in sorted((s for s in shapes.subjects(SH.message, None) if isinstance(s, URIRef)), key=str):
        owners = [*shapes.subjects(SH.property, rule), *shapes.subjects(SH.sparql, rule)]
        owner = owners[0] if owners else rule
        severity = shapes.value(rule, SH.severity) or shapes.value(owner, SH.severity) or SH.Violation
        path = shapes.value(rule, SH.path)
        rows.append(
            f"| `{curie(rule)}` | {str(severity).rpartition('#')[2]} | {joined(shapes, owner, SH.targetClass)} "
            f"| {f'`{curie(path)}`' if path is not None else '—'} | {cell(shapes.value(rule, SH.message))} |"
        )
    return rows


def render(graph: Graph, shapes: Graph) -> str:
    tables = (class_table(graph), property_table(graph), individual_table(graph), role_table(graph), rule_table(shapes))
    return "\n\n".join([INTRO.rstrip(), *map("\n".join, tables)]) + "\n"


def read_turtle(folder: Path) -> Graph:
    graph = Graph()
    for path in sorted(folder.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def main(argv: list[str]) -> int:
    text = render(read_turtle(ROOT / "ontology"), read_turtle(ROOT / "shapes"))
    if "--check" in argv:
        return 0 if TARGET.exists() and TARGET.read_text(encoding="utf-8") == text else 1
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
