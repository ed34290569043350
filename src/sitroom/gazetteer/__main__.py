"""`python -m sitroom.gazetteer build [--out PATH]`: compile the offline gazetteer."""

from __future__ import annotations

import argparse
from pathlib import Path

from sitroom.config import Settings
from sitroom.gazetteer.build import build_gazetteer
from sitroom.gazetteer.lookup import gazetteer_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitroom.gazetteer")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="compile the gazetteer SQLite file")
    build.add_argument("--out", type=Path, default=None, help="where to write it (default: built_dir)")
    args = parser.parse_args(argv)
    out = args.out or gazetteer_path(Settings())
    build_gazetteer(out, quiet=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
