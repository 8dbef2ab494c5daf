"""The `newsfacts` command: a thin layer of argument parsing over the package's functions."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from newsfacts.config import SAMPLE_INBOX, Settings, default_warehouse


def _settings(args) -> Settings:
    return Settings().with_(
        inbox=getattr(args, "inbox", None),
        warehouse=getattr(args, "warehouse", None),
    )


def _prefect(settings: Settings, verbose: bool = False) -> None:
    from flows.prefect_env import configure

    configure(settings.home / ".prefect", verbose=verbose)


def cmd_run(args) -> int:
    """Stage, parse, dedupe, extract, validate and publish everything new in the inbox."""
    settings = _settings(args)
    if not settings.inbox.is_dir():
        raise FileNotFoundError(f"inbox {settings.inbox} is not a folder")
    _prefect(settings, args.verbose)
    from flows.server import starting_server, wait_until_recorded
    from newsfacts.warehouse.lock import RunInProgress

    print(f"newsfacts: inbox {settings.inbox} -> warehouse {settings.warehouse}", file=sys.stderr)
    with starting_server(settings.home / ".prefect") as server:
        # Prefect and the pipeline import (seconds) while the server starts: only once its URL is set.
        from flows.pipeline import newsfacts_run
        from flows.runners import task_runner

        server.wait_ready()
        runner = task_runner(args.dask, args.workers or 2)
        flow_fn = newsfacts_run.with_options(task_runner=runner) if runner else newsfacts_run
        state = flow_fn(inbox=str(settings.inbox), warehouse=str(settings.warehouse),
                              batch_size=args.batch_size, publish_every=args.publish_every,
                              # on Dask the cluster's workers are the parallelism: one NLP process per task
                              nlp_workers=1 if args.dask else args.workers,
                              lock_wait_seconds=args.wait, quiet=args.quiet, return_state=True)
        wait_until_recorded(state.state_details.flow_run_id)
    try:
        summary = state.result()
    except RunInProgress as exc:
        print(f"newsfacts: {exc}", file=sys.stderr)
        return 3
    print("\n".join(summary.lines()))
    return summary.exit_code


def cmd_serve(args) -> int:
    """Run the pipeline on a schedule (cron or interval) with a local temporary Prefect server."""
    settings = _settings(args)
    if not settings.inbox.is_dir():
        raise FileNotFoundError(f"inbox {settings.inbox} is not a folder")
    _prefect(settings, args.verbose)
    from flows.schedule import serve_forever
    from flows.server import temporary_server

    with temporary_server(settings.home / ".prefect") as url:
        print(f"newsfacts: serving on {url}; inbox {settings.inbox}; "
              f"{'cron ' + args.cron if args.cron else f'every {args.interval:g}s'}; Ctrl-C stops", file=sys.stderr)
        serve_forever(settings, cron=args.cron, interval_seconds=args.interval)
    return 0


def cmd_status(args) -> int:
    """The last runs: outcome, counts, report."""
    from newsfacts.query import run_sql

    settings = _settings(args)
    print(run_sql(settings.warehouse,
                  "SELECT run_id, status, started_at, ended_at - started_at AS took, files_seen, files_new, "
                  "files_rejected, documents_loaded, coalesce(error, '') AS error, report_path "
                  "FROM runs ORDER BY started_at DESC LIMIT ?", params=[args.limit]))
    return 0


def cmd_sql(args) -> int:
    """Run one read-only SQL statement against the warehouse and print the rows."""
    from newsfacts.query import run_sql

    print(run_sql(_settings(args).warehouse, args.query, fmt=args.format))
    return 0


def cmd_search(args) -> int:
    """Full-text search (BM25) over document titles and bodies."""
    from newsfacts.query import search_text

    print(search_text(_settings(args).warehouse, args.text, limit=args.limit, fmt=args.format))
    return 0


def cmd_report(args) -> int:
    """Print the path of the latest run's report (or of the index of runs); when the latest run found nothing new,
    the report of the latest run that did."""
    settings = _settings(args)
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
    something (its own page would only say so); with a note saying which. Paths come from run ids, where
    build_run_report writes them."""
    from newsfacts.report.build import last_report
    from newsfacts.warehouse.db import open_ro

    with open_ro(settings.warehouse) as con:
        latest = con.execute("SELECT run_id, status FROM runs WHERE status <> 'running' "
                             "ORDER BY started_at DESC LIMIT 1").fetchone()
        found = last_report(con, settings) if latest and latest[1] == "nothing_new" else None
    if found:
        return found[1], f"the latest run, {latest[0]}, found nothing new: the report of {found[0]}"
    return (settings.runs_dir / latest[0] / "report.html", None) if latest else (None, None)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfacts",
        description="Turn a folder of raw news files into a deduplicated, fact-level DuckDB warehouse "
                    "with data-quality reports.")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name, func, help_):
        p = sub.add_parser(name, help=help_, description=func.__doc__)
        p.add_argument("--warehouse", type=Path, default=None,
                       help=f"DuckDB file (default: $NEWSFACTS_WAREHOUSE or {default_warehouse()})")
        p.set_defaults(func=func)
        return p

    p = add("run", cmd_run, "run the pipeline once over an inbox")
    p.add_argument("--inbox", type=Path, default=None, help=f"folder of raw files (default: {SAMPLE_INBOX})")
    p.add_argument("--batch-size", type=int, default=None, help="documents per task batch")
    p.add_argument("--publish-every", type=int, default=None, metavar="N",
                   help=f"publish every N new files (default {Settings().publish_every}): bounds a run's memory")
    p.add_argument("--workers", type=int, default=None,
                   help="NLP worker processes (default: the number of cores, at most 4), or Dask workers with --dask local")
    p.add_argument("--wait", type=float, default=None, help="seconds to wait for another run to finish")
    p.add_argument("--dask", metavar="local|ADDRESS", default=None,
                   help="run parse/extract batches on a Dask cluster: 'local' starts one, or a scheduler address")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.add_argument("--verbose", action="store_true", help="show Prefect's own logs")

    p = add("serve", cmd_serve, "run on a schedule")
    p.add_argument("--inbox", type=Path, default=None, help=f"folder of raw files (default: {SAMPLE_INBOX})")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", help='cron schedule, e.g. "*/15 * * * *"')
    when.add_argument("--interval", type=float, help="seconds between runs")
    p.add_argument("--verbose", action="store_true", help="show Prefect's own logs")

    p = add("status", cmd_status, "show the last runs")
    p.add_argument("--limit", type=int, default=10)

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


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `newsfacts sql ... | head` closed the pipe: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("newsfacts: interrupted; the published warehouse is unchanged", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the CLI's job is to turn errors into one clear line
        from newsfacts.query import QueryError
        from newsfacts.warehouse.db import WarehouseBusy, WarehouseError

        # Errors of the environment (missing inbox, read-only or full disk, busy warehouse, refused query):
        # one clear line; anything else is a bug and keeps its traceback.
        if isinstance(exc, (QueryError, WarehouseBusy, WarehouseError, OSError)):
            print(f"newsfacts: {exc}", file=sys.stderr)
            return 2
        import duckdb

        if isinstance(exc, duckdb.OutOfMemoryException):
            from newsfacts.config import out_of_memory_hint

            print(f"newsfacts: {out_of_memory_hint()}\n{exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
