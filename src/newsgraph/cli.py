"""The ``newsgraph`` command. The only code that prints or exits.

Exit codes: 0 done and the graph conforms; 1 done but it does not (the report
says where); 2 bad usage or unreadable input (the message names the file, the
line and the problem).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import traceback
from pathlib import Path

from newsgraph.errors import NewsgraphError

EXIT_OK, EXIT_NONCONFORMING, EXIT_ERROR = 0, 1, 2
EXIT_BUG = 70  # EX_SOFTWARE: never 1, which would read as "does not conform"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 too, but prints usage first; keep it to one line
        self.exit(EXIT_ERROR, f"newsgraph: error: {message} (see `newsgraph {self.prog.split()[-1]} --help`)\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: give YYYY-MM-DD") from None


def _store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", type=Path, default=Path("out"), help="output folder of a build (default: out/)")


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newsgraph", description="News articles in, a validated RDF knowledge graph out.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    build = commands.add_parser("build", help="build or update the graph from articles")
    build.add_argument("inputs", nargs="+", help="text files, folders, JSON Lines (.jsonl, .jsonl.gz) or HTML pages")
    build.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out/)")
    build.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD) for text and HTML input")
    build.add_argument("--on-error", choices=["stop", "skip"], default="stop",
                       help="on a bad input item: stop (default) or skip it and go on")
    build.add_argument("--base", default=None, help="base IRI for instances")
    build.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    build.add_argument("--engine", choices=["local", "dask"], default="local",
                       help="run the per-article stages here (local) or on a Dask cluster")
    build.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://host:8786")

    ask = commands.add_parser("ask", help="answer a question from the query library")
    ask.add_argument("question", nargs="?", help="a query name, e.g. who-met-where")
    ask.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="a query parameter")
    ask.add_argument("--format", choices=["table", "json", "csv"], default="table")
    ask.add_argument("--list", action="store_true", help="list the questions with their descriptions")
    _store_option(ask)

    sparql = commands.add_parser("sparql", help="run a SPARQL query over the store")
    sparql.add_argument("query", nargs="?", help="the query text")
    sparql.add_argument("--file", type=Path, help="read the query from a file")
    sparql.add_argument("--format", choices=["table", "json", "csv"], default="table")
    _store_option(sparql)

    validate = commands.add_parser("validate", help="check a store or a Turtle/TriG file against the shapes")
    validate.add_argument("file", nargs="?", type=Path, help="a .ttl or .trig file (default: the store)")
    validate.add_argument("--engine", choices=["pyshacl", "turbo"], default="pyshacl",
                          help="SHACL engine: pySHACL (default) or pyshacl-turbo (faster, same results)")
    _store_option(validate)

    export = commands.add_parser("export", help="write the graph as Turtle, TriG, N-Quads or JSON-LD")
    export.add_argument("--format", choices=["ttl", "trig", "nq", "jsonld"], default="ttl")
    export.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
    _store_option(export)

    load = commands.add_parser("load", help="put each article's graph into a SPARQL Graph Store Protocol server")
    load.add_argument("--endpoint", required=True, help="the server's Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store")
    load.add_argument("--user", help="user name for HTTP basic authentication")
    load.add_argument("--password-env", metavar="VAR", help="environment variable holding the password")
    _store_option(load)

    serve = commands.add_parser("serve", help="serve a SPARQL endpoint over the store (oxigraph), on 127.0.0.1")
    serve.add_argument("--port", type=int, default=7878)
    serve.add_argument("--bind", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    serve.add_argument("--writable", action="store_true", help="accept updates (read-only by default)")
    _store_option(serve)

    report = commands.add_parser("report", help="write a static HTML report of the graph")
    report.add_argument("--out", type=Path, default=Path("report"), help="report folder (default: report/)")
    _store_option(report)

    network = commands.add_parser("network", help="the meeting network as GraphML, GEXF or a picture")
    network.add_argument("--format", choices=["graphml", "gexf", "png", "svg"], default="graphml")
    network.add_argument("--output", "-o", type=Path, required=True, help="file to write")
    _store_option(network)

    evaluate = commands.add_parser("eval", help="score the extractor against hand-annotated gold articles")
    evaluate.add_argument("gold", type=Path, help="gold JSON Lines (format: tests/gold/README.md)")
    sources = evaluate.add_mutually_exclusive_group(required=True)
    sources.add_argument("--corpus", type=Path, nargs="+", help="the articles the gold annotates")
    sources.add_argument("--against", type=Path, metavar="GOLD",
                         help="score this second annotation of the same articles instead of the extractor "
                              "(agreement between annotators)")
    evaluate.add_argument("--model", default=None, help="spaCy pipeline (default: en_core_web_sm)")
    evaluate.add_argument("--verbose", action="store_true", help="list the misses and false positives")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except NewsgraphError as error:
        print(f"newsgraph: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        if error.filename is None:  # not about a path the user gave: a bug like any other
            return _bug()
        # The file system refused a path the user gave (an --out that is a file, a read-only folder).
        print(f"newsgraph: error: {error.filename}: {error.strerror}; check the path and its permissions",
              file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newsgraph: interrupted; the store holds the articles finished so far", file=sys.stderr)
        return EXIT_ERROR
    except Exception:  # a bug: say so, show where, and keep exit codes 1 and 2 meaningful
        return _bug()


def _bug() -> int:
    traceback.print_exc()
    print("newsgraph: internal error (a bug); please report it with the lines above", file=sys.stderr)
    return EXIT_BUG


def _build(args) -> int:
    from newsgraph.ingest import OnError
    from newsgraph.pipeline import build
    from newsgraph.rdf import DEFAULT_BASE

    from newsgraph.engines import Engine

    progress = _ProgressBar() if sys.stderr.isatty() else None
    try:
        result = build(args.inputs, args.out, published=args.published, on_error=OnError(args.on_error),
                       base=args.base or DEFAULT_BASE, jobs=args.jobs, engine=Engine(args.engine),
                       scheduler=args.scheduler, on_progress=progress)
    finally:
        if progress:
            progress.close()
    if result.stats and result.stats.resumed:
        print(f"resumed: {result.stats.resumed} articles already in {args.out}/ledger.sqlite were not parsed again",
              file=sys.stderr)
    for problem in result.skipped:
        print(f"skipped {problem.as_skipped()}", file=sys.stderr)
    violations = sum(len(a.report.violations) for a in result.articles)
    triples = sum(a.triples for a in result.articles)
    print(f"built {len(result.articles)} articles, {triples} triples into {args.out}/; "
          f"{violations} violations (see {args.out}/validation.txt)", file=sys.stderr)
    if result.skipped and not result.articles and not (result.stats and result.stats.resumed):
        print("newsgraph: error: every input item was skipped (see above); nothing was built", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK if result.conforms else EXIT_NONCONFORMING


class _ProgressBar:
    """A tqdm bar per build phase, in articles per second (only when stderr is a terminal)."""

    def __init__(self):
        self._bar = None
        self._phase = None

    def __call__(self, progress) -> None:
        from tqdm import tqdm

        if progress.phase != self._phase:
            self.close()
            self._phase = progress.phase
            self._bar = tqdm(desc=str(progress.phase), unit=" articles", file=sys.stderr)
        self._bar.update(progress.done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _print_answer(answer, fmt: str) -> None:
    print({"table": answer.to_table, "json": answer.to_json, "csv": answer.to_csv}[fmt](), end="")


def _ask(args) -> int:
    from newsgraph.errors import UsageError
    from newsgraph.query import ask, list_queries
    from newsgraph.store import open_store

    if args.list:
        for info in list_queries():
            params = " ".join(f"--param {p}=..." for p in info.params)
            print(f"{info.name:<16} {info.description} {params}".rstrip())
        return EXIT_OK
    if not args.question:
        raise UsageError("name a question (e.g. `newsgraph ask who-met-where`) or use --list")
    params = dict(_key_value(p) for p in args.param)
    with open_store(args.store, read_only=True) as store:
        _print_answer(ask(store, args.question, params=params), args.format)
    return EXIT_OK


def _key_value(text: str) -> tuple[str, str]:
    from newsgraph.errors import UsageError

    key, sep, value = text.partition("=")
    if not sep or not key:
        raise UsageError(f"--param {text!r}: write it as KEY=VALUE, e.g. --param person='Ana Lopez'")
    return key.strip(), value


def _sparql(args) -> int:
    from newsgraph.errors import InputError, Problem, UsageError
    from newsgraph.query import run_sparql
    from newsgraph.store import open_store

    if args.file:
        try:
            text = args.file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(Problem(str(args.file), None, f"cannot read the query: {error}")) from error
    elif args.query:
        text = args.query
    else:
        raise UsageError("give a query as an argument or with --file FILE")
    with open_store(args.store, read_only=True) as store:
        _print_answer(run_sparql(store, text), args.format)
    return EXIT_OK


def _validate(args) -> int:
    from newsgraph.store import open_store
    from newsgraph.validate import load_data, validate

    if args.file:
        data = load_data(args.file)
    else:
        with open_store(args.store, read_only=True) as store:
            data = store.dataset()
    report = validate(data, engine=args.engine)
    print(report.to_text(), end="")
    return EXIT_OK if report.conforms else EXIT_NONCONFORMING


def _export(args) -> int:
    from newsgraph.export import Format, export
    from newsgraph.store import open_store

    with open_store(args.store, read_only=True) as store:
        data = export(store, Format(args.format))
    if args.output:
        args.output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return EXIT_OK


def _load(args) -> int:
    import os

    from tqdm import tqdm

    from newsgraph.gsp import load
    from newsgraph.store import open_store

    password = os.environ.get(args.password_env) if args.password_env else None
    auth = (args.user, password or "") if args.user else None
    bar = tqdm(desc="load", unit=" graphs", file=sys.stderr, disable=not sys.stderr.isatty())
    with open_store(args.store, read_only=True) as store, bar:
        result = load(store, args.endpoint, auth=auth, on_progress=lambda done, total: bar.update(done - bar.n))
    print(f"loaded {result.graphs} graphs, {result.triples} triples into {args.endpoint}", file=sys.stderr)
    return EXIT_OK


def _serve(args) -> int:
    from newsgraph.serve import serve

    return serve(args.store, bind=args.bind, port=args.port, writable=args.writable,
                 on_start=lambda banner: print(banner, file=sys.stderr, flush=True))


def _report(args) -> int:
    from newsgraph.report import write_report
    from newsgraph.store import open_store

    with open_store(args.store, read_only=True) as store:
        index = write_report(store, args.out)
    print(f"report written: {index}", file=sys.stderr)
    return EXIT_OK


def _network(args) -> int:
    from newsgraph.network import write_network
    from newsgraph.store import open_store

    with open_store(args.store, read_only=True) as store:
        write_network(store, args.format, args.output)
    return EXIT_OK


def _eval(args) -> int:
    from newsgraph.evaluate import as_extraction, evaluate, load_gold
    from newsgraph.ingest import OnError, read_articles
    from newsgraph.nlp import DEFAULT_MODEL, shared_pipeline
    from newsgraph.pipeline import extract_corpus

    gold = load_gold(args.gold)
    if args.against:
        extractions = {g.id: as_extraction(g) for g in load_gold(args.against)}
    else:
        wanted, skipped = {g.id for g in gold}, []
        # A bad corpus item the gold does not name (news-68k repeats an id) is no reason to stop; one it names
        # shows as "no extraction for" in the report.
        articles = (a for a in read_articles(args.corpus, on_error=OnError.SKIP, on_skip=skipped.append)
                    if a.id in wanted)
        nlp = shared_pipeline(args.model or DEFAULT_MODEL)
        extractions = {x.article.id: x for x in extract_corpus(articles, nlp=nlp)}
        for problem in skipped:
            print(f"skipped {problem.as_skipped()}", file=sys.stderr)
    print(evaluate(gold, extractions).to_text(verbose=args.verbose), end="")
    return EXIT_OK


COMMANDS = {"build": _build, "ask": _ask, "sparql": _sparql, "validate": _validate, "export": _export,
            "load": _load, "serve": _serve, "report": _report, "network": _network, "eval": _eval}

if __name__ == "__main__":
    sys.exit(main())
