"""The `newsfacts` command: a thin layer of argument parsing over the package's functions."""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import os
import signal
import sys
import tempfile
import traceback
from pathlib import Path

from newsfacts.config import DASK_ADDRESS_ENV, INBOX_ENV, SAMPLE_INBOX, Settings, default_warehouse, inbox_location
from newsfacts.stage.inbox import check_inbox


# The exit codes of every command (said in --help and the README).
EXIT_DATA, EXIT_ENVIRONMENT, EXIT_BUSY, EXIT_CRASH = 1, 2, 3, 4
EXIT_CODES = """exit codes:
  0  done (including a run that found nothing new)
  1  a data failure: a critical expectation failed, new files none of which could be loaded, a query that failed
  2  the environment: a missing inbox or warehouse, an inbox URL whose protocol's package is not installed or
     whose store cannot be listed (missing bucket, wrong credentials, no answer), a read-only or full disk, DuckDB
     out of memory, a Dask cluster that cannot be reached or whose workers lack what the run needs
  3  busy: another run is working on this warehouse, or another process holds its file
  4  an unexpected error (a bug): one line here; --verbose shows the traceback"""


def _settings(args) -> Settings:
    """The command's Settings, built once: the defaults, the environment's, then the flags given."""
    return Settings.from_env(
        inbox=getattr(args, "inbox", None), warehouse=args.warehouse,
        batch_size=getattr(args, "batch_size", None), publish_every=getattr(args, "publish_every", None),
        lock_wait_seconds=getattr(args, "wait", None),
        dask_address=getattr(args, "dask", None),
        nlp_workers=getattr(args, "workers", None),
    )


def _writable_home(settings: Settings) -> None:
    """The warehouse's folder must take files (the lock, Prefect's state, the warehouse): said as its problem."""
    from newsfacts.warehouse.db import WarehouseError


    try:
        settings.home.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=settings.home).close()
    except OSError as exc:
        raise WarehouseError(f"cannot write the warehouse's folder {settings.home}: {exc.strerror}") from None


def _prefect(settings: Settings, verbose: bool = False) -> None:
    """Prefect's state goes beside the warehouse."""
    from flows.prefect_env import configure

    _writable_home(settings)
    configure(settings.home / ".prefect", verbose=verbose)


def cmd_run(args, settings: Settings) -> int:
    """Stage, parse, dedupe, extract, validate and publish everything new in the inbox."""
    check_inbox(settings.inbox)
    _writable_home(settings)
    from newsfacts.warehouse.lock import run_lock


    # Before anything slow (Prefect, the server): a busy warehouse is said at once (RunInProgress: exit 3).
    with run_lock(settings.lock_path, None, settings.lock_wait_seconds):
        return _run_flow(settings, args)


def _run_flow(settings: Settings, args) -> int:
    """The flow in this process, under the run lock the caller holds (the flow's own run_lock only names the run)."""
    _prefect(settings, args.verbose)
    from flows.server import starting_server

    if not args.quiet:
        print(f"newsfacts: inbox {settings.inbox} -> warehouse {settings.warehouse}", file=sys.stderr)
    with starting_server(settings.home / ".prefect") as server:
        # Prefect and the pipeline import (seconds) while the server starts: only once its URL is set.
        from flows.pipeline import run_pipeline

        server.wait_ready()
        summary = run_pipeline(settings, quiet=args.quiet)
    print("\n".join(summary.lines()))
    return summary.exit_code


def cmd_serve(args, settings: Settings) -> int:
    """Run the pipeline on a schedule (cron or interval) with a local Prefect server and its scheduler."""
    check_inbox(settings.inbox)
    _prefect(settings, args.verbose)
    from flows.schedule import serve_forever
    from flows.server import starting_server

    # With PREFECT_API_URL set, the deployment is served against that server (its scheduler makes the runs).
    with starting_server(settings.home / ".prefect", services=True) as server:
        server.wait_ready()
        print(f"newsfacts: serving; Prefect {'UI ' + server.ui_url if server.ui_url else 'API ' + server.url}; "
              f"inbox {settings.inbox}; {'cron ' + args.cron if args.cron else f'every {args.interval:g}s'}; "
              f"Ctrl-C stops", file=sys.stderr)
        signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGTERM stops serving as Ctrl-C does
        serve_forever(settings, cron=args.cron, interval_seconds=args.interval)
    return 0


def cmd_status(args, settings: Settings) -> int:
    """The last runs: outcome, when and how long, counts, error, report."""
    from newsfacts.warehouse.query import run_sql


    print(run_sql(settings.warehouse, """
        SELECT run_id, status, strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started,
               CAST(round(epoch(ended_at - started_at)) AS INTEGER) AS seconds,
               files_seen, files_new, files_rejected, documents_loaded, coalesce(error, '') AS error,
               CASE WHEN starts_with(report_path, '/') THEN report_path ELSE ? || '/' || report_path END AS report
        FROM runs ORDER BY started_at DESC LIMIT ?""", fmt=args.format, params=[str(settings.home), args.limit],
        memory_limit=settings.duckdb_memory_limit))
    return 0


def cmd_sql(args, settings: Settings) -> int:
    """Run read-only SQL against the warehouse and print the rows (of each statement, in turn)."""
    from newsfacts.warehouse.query import run_sql


    print(run_sql(settings.warehouse, args.query, fmt=args.format, memory_limit=settings.duckdb_memory_limit))
    return 0


def cmd_search(args, settings: Settings) -> int:
    """Full-text search (BM25) over document titles and bodies."""
    from newsfacts.warehouse.query import search_text


    print(search_text(settings.warehouse, args.text, limit=args.limit, fmt=args.format,
                      memory_limit=settings.duckdb_memory_limit))
    return 0


def cmd_report(args, settings: Settings) -> int:
    """Print the path of the latest run's report (or of the index of runs); when the latest run found nothing new,
    the report of the latest run that did."""
    path, note = (settings.reports_dir / "index.html", None) if args.index else _report_to_open(settings)
    if path is None or not Path(path).exists():
        print("newsfacts: no report yet: run `newsfacts run` first", file=sys.stderr)
        return 1
    if note:
        print(f"newsfacts: {note}", file=sys.stderr)
    print(path)
    if args.open:
        import webbrowser

        webbrowser.open(Path(path).resolve().as_uri())
    return 0


def _report_to_open(settings: Settings) -> tuple[Path | None, str | None]:
    """The latest run's report, or, when that run found nothing new, the latest report of a run that found
    something (its own page would only say so); with a note saying which. When the latest run failed (it wrote no
    report: a stage's error, a cluster that failed its check, a signal), the note says so and why, and the path is
    the latest report there is, else the index of runs, which lists the failed run. Paths come from run ids, where
    build_run_report writes them."""
    from newsfacts.report.build import last_report
    from newsfacts.warehouse.db import open_ro


    with open_ro(settings.warehouse, memory_limit=settings.duckdb_memory_limit) as con:
        latest = con.execute("SELECT run_id, status, error FROM runs WHERE status <> 'running' "
                             "ORDER BY started_at DESC LIMIT 1").fetchone()
        found = last_report(con, settings) if latest and latest[1] in ("nothing_new", "failed") else None
    if latest and latest[1] == "failed":
        failed = f"the latest run, {latest[0]}, failed: {latest[2] or 'no reason was recorded'}"
        if found:
            return found[1], f"{failed}; the report of {found[0]}"
        return settings.reports_dir / "index.html", f"{failed}; the index of runs lists it"
    if found:
        return found[1], f"the latest run, {latest[0]}, found nothing new: the report of {found[0]}"
    return (settings.runs_dir / latest[0] / "report.html", None) if latest else (None, None)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfacts",
        description="Turn a folder of raw news files into a deduplicated, fact-level DuckDB warehouse "
                    "with data-quality reports.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"newsfacts {importlib.metadata.version('newsfacts')}")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name, func, help_):
        p = sub.add_parser(name, help=help_, description=func.__doc__, epilog=EXIT_CODES,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("--warehouse", type=Path, default=None,
                       help=f"DuckDB file (default: $NEWSFACTS_WAREHOUSE or {default_warehouse()})")
        p.add_argument("--verbose", action="store_true",
                       help="show Prefect's own logs, and the traceback of an unexpected error")
        p.set_defaults(func=func)
        return p

    def add_cluster(p):
        p.add_argument("--workers", type=int, default=None,
                       help="parse and NLP worker processes (default: the number of cores, at most 4), or the workers "
                            "of --dask local")
        p.add_argument("--dask", metavar="local|ADDRESS", default=None,
                       help="parse and extract on a Dask cluster: a scheduler address (tcp://host:8786), or 'local' to "
                            f"start one here (default: ${DASK_ADDRESS_ENV} if set)")

    p = add("run", cmd_run, "run the pipeline once over an inbox")
    p.add_argument("--inbox", type=inbox_location, default=None, metavar="FOLDER|URL",
                   help="folder of raw files, or an fsspec URL (s3://bucket/prefix, gs://..., memory://...; its "
                        f"protocol's package installed, e.g. s3fs) (default: ${INBOX_ENV} or {SAMPLE_INBOX})")
    p.add_argument("--batch-size", type=int, default=None,
                   help=f"files per parse and extract batch, at most (default {Settings().batch_size}; fewer when a "
                        "chunk would give a worker fewer than two batches)")
    p.add_argument("--publish-every", type=int, default=None, metavar="N",
                   help=f"publish every N new files (default {Settings().publish_every}): bounds a run's memory")
    p.add_argument("--wait", type=float, default=None, help="seconds to wait for another run to finish")
    add_cluster(p)
    p.add_argument("--quiet", action="store_true",
                   help="nothing on stderr but errors (the summary still goes to stdout)")

    p = add("serve", cmd_serve, "run on a schedule")
    p.add_argument("--inbox", type=inbox_location, default=None, metavar="FOLDER|URL",
                   help="folder of raw files, or an fsspec URL (s3://bucket/prefix, gs://..., memory://...; its "
                        f"protocol's package installed, e.g. s3fs) (default: ${INBOX_ENV} or {SAMPLE_INBOX})")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", help='cron schedule, e.g. "*/15 * * * *"')
    when.add_argument("--interval", type=float, help="seconds between runs")
    add_cluster(p)

    p = add("status", cmd_status, "show the last runs")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")

    p = add("sql", cmd_sql, "run read-only SQL against the warehouse")
    p.add_argument("query")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")

    p = add("search", cmd_search, "full-text search over documents")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")

    p = add("report", cmd_report, "print the path of the latest run report (skipping runs that found nothing new)")
    p.add_argument("--index", action="store_true", help="the index of all runs instead")
    p.add_argument("--open", action="store_true", help="open it in a browser")
    return parser


# The signal that is stopping this run, once one came (see _stop_on_signals).
_stopping: list[signal.Signals] = []


@contextlib.contextmanager
def _stop_on_signals():
    """SIGTERM and Ctrl-C end a run within seconds, as failed: a KeyboardInterrupt unwinds the run in the main
    thread: the run's pool stops at once (the batches its workers hold are lost anyway, and Prefect's task runner would
    wait for them), the publish transaction rolls back, the flow records the run as failed, the server and the lock go
    with their context managers. A second signal exits at once (the kernel releases the lock, the children follow)."""

    def stop(signum, frame):
        if _stopping:
            os._exit(128 + signum)
        _stopping.append(signal.Signals(signum))
        raise KeyboardInterrupt(signal.Signals(signum).name)

    _stopping.clear()  # a signal of an earlier main() in this process (the tests) is not this run's
    # Restored afterwards: main() also runs inside other programs (the tests), whose own handlers must come back.
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _stopped() -> int:
    # Whatever the signal interrupted may have raised in its place (DuckDB says "Query interrupted").
    print(f"newsfacts: stopped by {_stopping[0].name}; the run is recorded as failed, what it had published stays, "
          f"and the next run does the rest", file=sys.stderr)
    return 128 + _stopping[0]


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = _settings(args)
    try:
        with _stop_on_signals() if args.func is cmd_run else contextlib.nullcontext():
            return args.func(args, settings)
    except BrokenPipeError:  # `newsfacts sql ... | head` closed the pipe: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        if _stopping:
            return _stopped()
        print("newsfacts: interrupted; the published warehouse is unchanged", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the CLI's job is to turn errors into one clear line
        if _stopping:
            return _stopped()
        code, message = _failure(exc, settings)
        print(f"newsfacts: {message}", file=sys.stderr)
        if args.verbose and code == EXIT_CRASH:
            traceback.print_exception(exc)
        return code


def _failure(exc: Exception, settings: Settings) -> tuple[int, str]:
    """The exit code of an error and the line that says it (a query's error keeps DuckDB's pointer to the spot)."""
    import duckdb

    from newsfacts.run.cluster import ClusterError
    from newsfacts.stage.remote import InboxError
    from newsfacts.warehouse.db import WarehouseBusy, WarehouseError
    from newsfacts.warehouse.lock import RunInProgress
    from newsfacts.warehouse.query import QueryError


    line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, QueryError):
        return EXIT_DATA, str(exc)
    if isinstance(exc, (RunInProgress, WarehouseBusy)):
        return EXIT_BUSY, line
    if isinstance(exc, duckdb.OutOfMemoryException):
        return EXIT_ENVIRONMENT, settings.out_of_memory_hint()
    if isinstance(exc, (WarehouseError, ClusterError, InboxError, OSError)):
        return EXIT_ENVIRONMENT, line
    return EXIT_CRASH, f"unexpected error (a bug), {type(exc).__name__}: {line} (--verbose shows the traceback)"


if __name__ == "__main__":
    sys.exit(main())
