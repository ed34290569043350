"""Generate docs/cli.md from the CLI's own help, so the reference cannot go stale.

Run: python docs/gen_cli_reference.py > docs/cli.md  (a test checks the file is current)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def render() -> str:
    os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal; fix the width for a stable file
    from sitroom.cli import build_parser

    parser = build_parser()
    parts = [
        "# CLI reference",
        "",
        "Generated from `sitroom --help` by `python docs/gen_cli_reference.py > docs/cli.md`; do not edit.",
        "",
        "```",
        parser.format_help().rstrip(),
        "```",
    ]
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in subparsers.choices.items():
        parts += ["", f"## sitroom {name}", "", "```", sub.format_help().rstrip(), "```"]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
