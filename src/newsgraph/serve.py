"""A SPARQL endpoint over a build's store: the ``oxigraph`` package's server, not one of ours.

Measured with oxigraph 0.5.13 (the server) on a store written by pyoxigraph
0.5.13: the server opens the folder as is. Its default graph is the union of
the named graphs (``--union-default-graph``), for ad-hoc queries; that union
counts a fact once per article that states it and includes quarantine graphs.
``newsgraph``'s own remote queries name the store's union graph (each fact
once) and the ontology as their default graphs instead, as ``newsgraph sparql``
does locally; the banner tells users how to do the same.

Locks: ``oxigraph serve`` (writable) takes the store's lock and refuses to
start while a build holds it; ``serve-read-only`` takes no lock and would
start beside a running build, which RocksDB leaves undefined. So before
starting, ``serve`` checks that no writer holds the store, and a build started
while a read-only server runs is not seen by it: restart the server after a
build. Ctrl-C stops the server (SIGTERM, then SIGKILL after a grace period).
"""

from __future__ import annotations

import ipaddress
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from newsgraph.errors import StoreError, UsageError
from newsgraph.store import ONTOLOGY_GRAPH, UNION_GRAPH, GraphKind, open_store, store_path

READY_TIMEOUT = 20.0
STOP_GRACE = 5.0


@dataclass(frozen=True, slots=True)
class ServerPlan:
    """What ``serve`` will run, and the banner it will show."""

    command: tuple[str, ...]
    url: str
    banner: str


def serve(
    out_dir: Path | str,
    *,
    bind: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    on_start: Callable[[str], None] | None = None,
) -> int:
    """Serve SPARQL over the store of the build in ``out_dir`` until Ctrl-C, then return 0.

    A server that stops by itself returns its exit code, or raises StoreError
    with its message when the code is not 0.
    """
    plan = plan_server(out_dir, bind=bind, port=port, writable=writable)
    _check_port_free(bind, port)
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(plan.command, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        try:
            _wait_until_listening(process, bind, port, log)
            if on_start is not None:
                on_start(plan.banner)
            code = _exit_code(process.wait())
        except KeyboardInterrupt:
            return 0
        finally:
            stop(process)
        if code != 0:
            raise StoreError(f"the oxigraph server stopped with exit code {code}: {_tail(log)}")
        return code


def plan_server(out_dir: Path | str, *, bind: str, port: int, writable: bool) -> ServerPlan:
    """Check the store and the address, and say how the server will be started."""
    if not 0 < port < 65536:
        raise UsageError(f"--port {port} is not a TCP port (1-65535)")
    location = store_path(Path(out_dir))
    quarantines = _check_store(Path(out_dir))
    mode = "serve" if writable else "serve-read-only"
    command = (find_oxigraph(), mode, "--location", str(location), "--bind", _host_port(bind, port), "--union-default-graph")
    url = f"http://{_host_port(bind, port)}"
    return ServerPlan(command, url, _banner(url, location, bind=bind, writable=writable, quarantines=quarantines))


def find_oxigraph() -> str:
    """The ``oxigraph`` server binary: beside this Python (a virtualenv) or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise UsageError("the `oxigraph` server is not installed: `pip install oxigraph` (same version as pyoxigraph)")
    return found


def _check_store(out_dir: Path) -> int:
    """How many quarantine graphs the store has; StoreError when missing or being written."""
    with open_store(out_dir, read_only=True) as store:
        quarantines = len(store.graph_names(kinds={GraphKind.QUARANTINE}))
    _check_no_writer(store_path(out_dir))
    return quarantines


def _check_no_writer(path: Path) -> None:
    # Opening for writing is the one reliable test of RocksDB's lock; dropping it releases the lock.
    try:
        ox.Store(str(path))
    except OSError as error:
        if "lock" in str(error).lower():
            raise StoreError(f"the store in {path} is being written by another process (a build, or a writable "
                             f"`newsgraph serve`?): wait for it to finish, then serve") from error
        # Anything else (e.g. a read-only folder) is for the server itself to report.


def _check_port_free(bind: str, port: int) -> None:
    # Else the readiness probe could take another program's listener for ours.
    family = socket.AF_INET6 if ":" in bind else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            probe.bind((bind, port))
        except OSError as error:
            raise UsageError(f"cannot listen on {_host_port(bind, port)} ({error.strerror or error}): "
                             f"the port is in use or the address is not this machine's; choose another --port or --bind") from error


def _host_port(bind: str, port: int) -> str:
    return f"[{bind}]:{port}" if ":" in bind else f"{bind}:{port}"


def is_loopback(bind: str) -> bool:
    if bind == "localhost":
        return True
    try:
        return ipaddress.ip_address(bind).is_loopback
    except ValueError:
        return False


def _banner(url: str, location: Path, *, bind: str, writable: bool, quarantines: int) -> str:
    mode = "WRITABLE (SPARQL Update and Graph Store writes accepted)" if writable else "read-only"
    lines = [f"serving {location} at {url}/query (SPARQL), {url}/store (Graph Store), {mode}; Ctrl-C stops it"]
    if not is_loopback(bind):
        lines.append(f"warning: bound to {bind}, not a loopback address: other machines can reach this "
                     f"endpoint, and the oxigraph server has no authentication")
    lines.append(f"for each fact once, as `newsgraph sparql` answers, query with default-graph-uri={UNION_GRAPH} "
                 f"and default-graph-uri={ONTOLOGY_GRAPH} (the plain default graph is the union of all named graphs"
                 + (f", {quarantines} quarantine graph(s) included)" if quarantines else ")"))
    return "\n".join(lines)


def _wait_until_listening(process: subprocess.Popen, bind: str, port: int, log: IO[bytes]) -> None:
    host = "127.0.0.1" if bind in ("0.0.0.0", "localhost") else ("::1" if bind == "::" else bind)
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise _start_problem(_tail(log), port)
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise StoreError(f"the oxigraph server did not listen on {bind}:{port} within {READY_TIMEOUT:.0f} s: {_tail(log)}")


def _start_problem(said: str, port: int) -> Exception:
    if "address already in use" in said.lower():
        return UsageError(f"port {port} is already in use: choose another with --port")
    if "lock" in said.lower():
        return StoreError(f"the store is in use by another process (a build, or another writable server): {said}")
    return StoreError(f"the oxigraph server stopped at start: {said}")


def _tail(log: IO[bytes]) -> str:
    log.seek(0)
    lines = [line for line in log.read().decode("utf-8", "replace").splitlines() if line.strip()]
    # The first line is oxigraph's message; a Rust backtrace follows.
    return lines[0].strip() if lines else "(no message)"


def stop(process: subprocess.Popen) -> None:
    """Terminate the server, and kill it when it does not stop in time."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_GRACE)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _exit_code(code: int) -> int:
    # A signal the server died of, as a shell reports it (128 + signal number).
    return 128 + -code if code < 0 else code

