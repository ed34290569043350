"""The command line: each command parses its arguments and calls one library function."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sitroom import __version__
from sitroom.config import Settings
from sitroom.errors import ConfigError, SitroomError

DEFAULT_DB = Path("sitroom.duckdb")
DEFAULT_OUT = Path("sitroom-out")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitroom",
        description="Turn a pile of scraped news articles into clean articles, statements, events, "
        "places, storylines and a situation report, every fact tied to its sentence.",
    )
    parser.add_argument("--version", action="version", version=f"sitroom {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the full traceback when something fails")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    run = commands.add_parser(
        "run",
        help="process articles into the store, then write exports and the report",
        description="Read PATHs (files or folders of .txt, .html/.htm, .jsonl, .warc, each "
        "plain or gzipped), process what is not stored yet, and write the JSONL and GeoJSON "
        "exports and report.html/report.md to --out.",
    )
    run.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="input file or folder")
    _store_options(run)
    run.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    run.add_argument(
        "--batch-size", type=int, default=16, help="articles per batch and per store transaction"
    )
    run.add_argument("--quiet", action="store_true", help="no progress lines, only the summary")

    export = commands.add_parser(
        "export",
        help="write exports from the store without re-processing",
        description="Write the v1 export files (docs/export-format.md) from the store.",
    )
    export.add_argument(
        "--format",
        dest="fmt",
        choices=("jsonl", "csv", "parquet", "geojson"),
        default="jsonl",
        help="file format (default: jsonl)",
    )
    _store_options(export)

    report = commands.add_parser(
        "report",
        help="write report.html and report.md from the store",
        description="Rebuild the situation report from the store without re-processing.",
    )
    _store_options(report)

    commands.add_parser(
        "setup",
        help="build install-time resources (the offline gazetteer)",
        description="Compile the offline gazetteer from the installed packages' data.",
    )
    return parser


def _store_options(command: argparse.ArgumentParser) -> None:
    # Also accepted after the command; SUPPRESS keeps the top-level value when it is absent here.
    command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    command.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"DuckDB store (default: {DEFAULT_DB})")
    command.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT})"
    )


def _settings(args: argparse.Namespace) -> Settings:
    changes: dict[str, Any] = {"db_path": args.db, "out_dir": args.out}
    if getattr(args, "workers", None) is not None:
        if args.workers < 1:
            raise ConfigError("--workers must be at least 1")
        changes["workers"] = args.workers
    if getattr(args, "batch_size", None) is not None:
        if args.batch_size < 1:
            raise ConfigError("--batch-size must be at least 1")
        changes["batch_size"] = args.batch_size
    if getattr(args, "quiet", False):
        changes["progress"] = False
    return Settings(**changes)


def _terminated(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _say(message: str) -> None:
    print(f"sitroom: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminated) if main_thread else None  # `kill` as Ctrl-C
    try:
        return _dispatch(args)
    except SitroomError as exc:
        _say(f"error: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        _say("interrupted: what was stored is kept; run the same command again to resume")
        return 130
    except Exception as exc:
        if args.debug:
            raise
        _say(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        return 70
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)


def _dispatch(args: argparse.Namespace) -> int:
    from sitroom import commands

    if args.command == "setup":
        return commands.setup(_say)
    settings = _settings(args)
    if args.command == "run":
        return commands.run_command(args.paths, settings, _say)
    if args.command == "export":
        return commands.export_command(settings, args.fmt, _say)
    return commands.report_command(settings, _say)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
