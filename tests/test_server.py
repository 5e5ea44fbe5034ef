"""A real Oxigraph server on 127.0.0.1: load the seeds' graph over the Graph Store
Protocol, ask every library question there and locally, reload, and serve.

Every server here binds 127.0.0.1 on a free port and is stopped by its fixture
or test (terminate, then kill).
"""

from __future__ import annotations

import base64
import http.server as stdlib_http
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from newsgraph.errors import QueryError, StoreError, UsageError
from newsgraph.gsp import LOADED_KINDS, RemoteEndpoint, graph_url, load, values_block
from newsgraph.pipeline import build
from newsgraph.query import ask, list_queries, run_sparql
from newsgraph.serve import find_oxigraph, plan_server, serve
from newsgraph.store import GraphKind, open_store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
NEWSGRAPH = Path(sys.executable).parent / "newsgraph"
PARAMS = {"person": "Kilic", "state": "Armenia", "place": "Moscow", "state1": "Armenia", "state2": "Türkiye"}
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the server exited with {process.returncode}"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port}")


def is_listening(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def http(method: str, url: str, body: bytes = b"", content_type: str = "application/n-triples") -> int:
    request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code


def sparql_update(url: str, text: str) -> int:
    return http("POST", url + "/update", urllib.parse.urlencode({"update": text}).encode(),
                "application/x-www-form-urlencoded")


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    out_dir = tmp_path_factory.mktemp("seeds-out")
    build([SEEDS], out_dir)
    return out_dir


@pytest.fixture(scope="module")
def store(out):
    with open_store(out, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An empty writable `oxigraph serve` on 127.0.0.1; yields its base URL."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-data")
    process = subprocess.Popen([find_oxigraph(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_process(process)
    assert not is_listening(port)


@pytest.fixture(scope="module")
def loaded(store, server):
    progress = []
    result = load(store, server + "/store", on_progress=lambda done, total: progress.append((done, total)))
    return result, progress


@pytest.fixture(scope="module")
def remote(server, loaded):
    return RemoteEndpoint(server + "/query")


def remote_count(remote: RemoteEndpoint) -> int:
    # Every quad in every graph: ask with the server's own dataset, not newsgraph's default graphs.
    raw = RemoteEndpoint(remote.query_url, default_graphs=())
    return int(run_sparql(raw, COUNT_QUADS).rows[0][0])


def expected_quads(store) -> int:
    return sum(store.triple_count(name) for name in store.graph_names(kinds=LOADED_KINDS))


def params_for(info, store) -> dict[str, str]:
    meeting = ask(store, "who-met-where").rows[1][-1]  # the Moscow meeting's IRI
    return {p.name: meeting if p.name == "node" else PARAMS[p.name] for p in info.params}


# -- loading -------------------------------------------------------------------

def test_load_puts_every_article_graph_and_the_ontology(store, loaded, remote):
    result, progress = loaded
    graphs = store.graph_names(kinds=LOADED_KINDS)
    assert len(graphs) == 4  # two articles, the ontology and the union
    assert result.graphs == 4  # the two seed articles, the ontology and the union
    assert result.triples == expected_quads(store) == remote_count(remote)
    assert progress == [(1, 4), (2, 4), (3, 4), (4, 4)]
    raw = RemoteEndpoint(remote.query_url, default_graphs=())
    names = {row[0] for row in run_sparql(raw, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows}
    assert names == set(graphs)


def test_quarantine_graphs_are_not_loaded(store):
    assert GraphKind.QUARANTINE not in LOADED_KINDS
    assert not set(store.graph_names(kinds={GraphKind.QUARANTINE})) & set(store.graph_names(kinds=LOADED_KINDS))


@pytest.mark.parametrize("name", [info.name for info in list_queries()])
def test_every_library_query_gives_the_same_rows_remotely(store, remote, name):
    info = next(i for i in list_queries() if i.name == name)
    params = params_for(info, store)
    local = ask(store, name, params=params)
    assert local.rows, f"{name} has rows on the seeds, so the comparison means something"
    assert ask(remote, name, params=params) == local


@pytest.mark.parametrize("value", ['Kilic" } UNION { ?s ?p ?o } #', "SELECT", "{ ?node ?p ?o }"])
def test_hostile_parameters_are_plain_values_remotely(remote, value):
    before = remote_count(remote)
    assert ask(remote, "meetings-of", params={"person": value}).rows == ()
    assert remote_count(remote) == before


def test_the_values_block_carries_terms_not_text():
    import pyoxigraph as ox

    block = values_block({"person": ox.NamedNode("https://example.org/a"), "label": ox.Literal('say "hi" }')})
    assert block == '\nVALUES (?person ?label) { (<https://example.org/a> "say \\"hi\\" }") }\n'
    with pytest.raises(QueryError, match="only IRIs and literals"):
        values_block({"x": ox.BlankNode("b")})


@pytest.mark.parametrize("text", [
    "SELECT ?meeting ?date WHERE { ?meeting a <https://w3id.org/newsgraph/ontology#Meeting> "
    "OPTIONAL { ?meeting <http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp> ?date } } ORDER BY ?meeting",
    "ASK { ?s a <https://w3id.org/newsgraph/ontology#Meeting> }",
    "CONSTRUCT { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } WHERE { ?s a "
    "<https://w3id.org/newsgraph/ontology#Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
])
def test_free_sparql_gives_the_same_answer_remotely(store, remote, text):
    assert run_sparql(remote, text) == run_sparql(store, text)


def test_a_bad_query_is_a_query_error_remotely(remote):
    with pytest.raises(QueryError, match="rejected the query"):
        run_sparql(remote, "SELECT WHERE {")


def test_reloading_replaces_instead_of_adding(store, server, remote, loaded):
    article = store.graph_names(kinds={GraphKind.ARTICLE})[0]
    before = remote_count(remote)
    # A stale fact on the server, as an older build would have left it.
    assert http("POST", graph_url(server + "/store", article), b"<urn:stale> <urn:p> <urn:o> .\n") in (200, 201, 204)
    assert remote_count(remote) == before + 1
    again = load(store, server + "/store")
    assert again == loaded[0]
    assert remote_count(remote) == before
    assert not run_sparql(remote, "ASK { GRAPH ?g { <urn:stale> ?p ?o } }").rows == (("true",),)


def test_a_wrong_address_says_where_the_protocol_lives(store, server):
    with pytest.raises(StoreError, match=r"no Graph Store Protocol at .*/nothing.*http://host:port/store"):
        load(store, server + "/nothing")


def test_an_unreachable_server_is_reported_after_retries(store):
    started = time.monotonic()
    with pytest.raises(StoreError, match=r"cannot reach .* after 3 attempts"):
        load(store, f"http://127.0.0.1:{free_port()}/store", retries=2, backoff=0.05)
    assert time.monotonic() - started >= 0.15  # waited 0.05 + 0.1 between attempts


# -- auth and transient errors, against a small stdlib server ------------------

class _Scripted(stdlib_http.BaseHTTPRequestHandler):
    """Answers PUTs by a script: a list of status codes, then 204; or 401 without the right credentials."""

    def do_PUT(self):  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        server = self.server
        server.seen.append(self.headers.get("Authorization"))
        if server.password and self.headers.get("Authorization") != server.password:
            status = 401
        else:
            status = server.script.pop(0) if server.script else 204
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def scripted():
    httpd = stdlib_http.ThreadingHTTPServer(("127.0.0.1", 0), _Scripted)
    httpd.script, httpd.seen, httpd.password = [], [], None
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_basic_auth_is_sent_and_a_refusal_is_clear(store, scripted):
    url = f"http://127.0.0.1:{scripted.server_address[1]}/store"
    scripted.password = "Basic " + base64.b64encode(b"editor:s3cret").decode()
    assert load(store, url, auth=("editor", "s3cret")).graphs == 4
    assert scripted.seen == [scripted.password] * 4
    with pytest.raises(StoreError, match=r"refused the credentials .*HTTP 401") as refused:
        load(store, url, auth=("editor", "wrong"))
    assert "wrong" not in str(refused.value)  # the password is never echoed


def test_transient_errors_are_retried(store, scripted):
    url = f"http://127.0.0.1:{scripted.server_address[1]}/store"
    scripted.script = [503, 429]
    assert load(store, url, retries=3, backoff=0.01).graphs == 4
    assert len(scripted.seen) == 6  # two refusals, then four graphs
    scripted.script, scripted.seen[:] = [503, 503], []
    with pytest.raises(StoreError, match="HTTP 503"):
        load(store, url, retries=1, backoff=0.01)
    assert len(scripted.seen) == 2


# -- newsgraph serve -----------------------------------------------------------

def start_cli_serve(out: Path, port: int, *extra: str) -> subprocess.Popen:
    # As from a terminal: a test run started in the background (`make test &`) passes SIGINT on ignored,
    # and a server that inherits that rightly ignores Ctrl-C.
    return subprocess.Popen([str(NEWSGRAPH), "serve", "--store", str(out), "--port", str(port), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def stop_cli_serve(process: subprocess.Popen) -> None:
    # The CLI and the oxigraph server it started share a session: end both.
    if process.poll() is None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(process.pid, sig)
                process.wait(timeout=5)
                break
            except (ProcessLookupError, subprocess.TimeoutExpired):
                continue
    process.stderr.close()


def non_loopback_address() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))  # UDP connect sends nothing; it only picks a route
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


@pytest.mark.timeout(90)
def test_serve_is_read_only_on_loopback_and_stops_on_ctrl_c(out, store):
    port = free_port()
    process = start_cli_serve(out, port)
    try:
        wait_for_port(port, process)
        banner = process.stderr.readline()
        assert f"http://127.0.0.1:{port}/query" in banner and "read-only" in banner
        url = f"http://127.0.0.1:{port}"
        served = RemoteEndpoint(url + "/query")
        assert ask(served, "who-met-where") == ask(store, "who-met-where")  # oxigraph reads pyoxigraph's folder
        assert sparql_update(url, "INSERT DATA { <urn:a> <urn:b> <urn:c> }") == 403
        assert http("PUT", graph_url(url + "/store", "urn:g"), b"<urn:a> <urn:b> <urn:c> .\n") == 403
        other = non_loopback_address()
        if other is not None:
            assert not is_listening(port, other)
        process.send_signal(signal.SIGINT)  # what Ctrl-C sends
        assert process.wait(timeout=15) == 0
        assert not is_listening(port)
    finally:
        stop_cli_serve(process)


@pytest.mark.timeout(90)
def test_serve_writable_accepts_updates(out, tmp_path):
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    port = free_port()
    process = start_cli_serve(copy, port, "--writable")
    try:
        wait_for_port(port, process)
        assert "WRITABLE" in process.stderr.readline()
        url = f"http://127.0.0.1:{port}"
        assert sparql_update(url, "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }") == 204
        raw = RemoteEndpoint(url + "/query", default_graphs=())  # the server's union default graph
        assert run_sparql(raw, "ASK { <urn:a> <urn:b> <urn:c> }").rows == (("true",),)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
    finally:
        stop_cli_serve(process)
    with open_store(copy, read_only=True) as reopened:  # the server wrote to the store itself
        assert reopened.has_graph("urn:g")


def test_serve_refuses_a_store_a_build_is_writing(out, tmp_path):
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    with open_store(copy):  # holds the write lock, as a running build does
        with pytest.raises(StoreError, match="being written by another process"):
            serve(copy, port=free_port())


def test_serve_reports_a_missing_store(tmp_path):
    with pytest.raises(StoreError, match="no store in"):
        serve(tmp_path, port=free_port())


def test_the_banner_warns_off_loopback(out):
    assert "warning" not in plan_server(out, bind="127.0.0.1", port=7878, writable=False).banner
    plan = plan_server(out, bind="0.0.0.0", port=7878, writable=False)
    assert "warning: bound to 0.0.0.0, not a loopback address" in plan.banner
    assert plan.command[1] == "serve-read-only"
    assert plan_server(out, bind="::1", port=7878, writable=True).command[1:] == (
        "serve", "--location", str(out / "store"), "--bind", "[::1]:7878", "--union-default-graph")


def test_serve_refuses_a_port_in_use(out):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(UsageError, match="cannot listen on 127.0.0.1:.*choose another --port"):
            serve(out, port=taken.getsockname()[1])
