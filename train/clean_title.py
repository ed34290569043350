"""Train the plain-text cleaner's headline ranker (stages/clean/title_model.py) from WCXB-style pages.

    python train/clean_title.py --data ../shared/data/extraction/wcxb-dev-articles [--cv]

Each page is flattened as scraped text looks (as train/clean_blocks.py does), cleaned up to the
body, and every candidate unit (`title_model.candidates`) is labelled headline when its text is the
gold title (whitespace, quote style and Unicode compatibility forms folded). Pages whose id is a
multiple of 5 are held out and never read. `--cv` prints the 4-fold cross-validated share of
pages whose headline is picked right (folds by id, as the block model's), beside the rules the
ranker replaced; without it, writes src/sitroom/resources/clean_title.npz.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitroom.stages.clean.blocks import split_units
from sitroom.stages.clean.header import LOOK_BACK, _byline, picture_pairs, rule_title
from sitroom.stages.clean.text import _language, _score
from sitroom.stages.clean.title_model import TITLE_FEATURES, TITLE_PATH, candidates, title_features
from train.clean_blocks import export, flatten, held_out

SEED = 13
TREES = {"max_iter": 150, "learning_rate": 0.08, "max_leaf_nodes": 15, "max_depth": 5, "min_samples_leaf": 10}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def squash(text: str) -> str:
    """As eval/extraction.py compares titles: whitespace, quote style and compatibility forms folded."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).split())


def load_pages(data: Path) -> list[tuple[str, str, str | None, str]]:
    """(page id, flattened text, url, gold title) for every tuning page with a gold title."""
    pages = []
    for path in sorted((data / "html").glob("*.html*")):
        page_id = path.name.split(".")[0]
        if held_out(page_id):
            continue
        truth = json.loads((data / "ground-truth" / f"{page_id}.json").read_text())
        title = (truth.get("ground_truth") or {}).get("title")
        if not title:
            continue
        raw = path.read_bytes()
        html = (gzip.decompress(raw) if path.name.endswith(".gz") else raw).decode("utf-8", "replace")
        pages.append((page_id, flatten(html), truth.get("url"), str(title)))
    return pages


def build(pages: list[tuple[str, str, str | None, str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate rows, labels and page numbers (a page without candidates adds no row)."""
    xs, ys, groups = [], [], []
    for number, (_page_id, text, url, title) in enumerate(pages):
        units = split_units(text)
        if not units:
            continue
        page = _score(units, _language(units), None, None)
        byline_at, _ = _byline(page.units, _head_and_lead(page.keep, len(page.units)))
        used = set() if byline_at is None else {byline_at}
        skip = {*page.captions, *page.copies, *used}
        rule = rule_title(page.units, page.keep, skip)
        pictures = picture_pairs(page.units, skip)
        listed = candidates(page.units, page.matrix, page.keep, rule)
        chosen = np.array([i for i in listed if int(i) not in used | pictures], dtype=np.intp)
        if not len(chosen):
            continue
        gold = squash(title)
        xs.append(title_features(page.units, page.matrix, page.scores, page.keep, url, chosen, rule))
        ys.append(np.array([squash(page.units[int(i)].text) == gold for i in chosen]))
        groups.append(np.full(len(chosen), number))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(groups)


def _head_and_lead(keep: np.ndarray, n: int) -> list[int]:
    """The units read_header looks for a byline in: the head before the body and its first three."""
    kept = [int(i) for i in np.flatnonzero(keep)]
    start = kept[0] if kept else n
    return [*range(max(0, start - LOOK_BACK), start), *kept[:3]]


def new_ranker():  # type: ignore[no-untyped-def]
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(**TREES, random_state=SEED)


def write_ranker(clf, prefix: str, features: tuple[str, ...], out: Path, started: float) -> None:  # type: ignore[no-untyped-def]
    """Store a fitted ranker's trees under `prefix` with the features they read (block_model.load_forest)."""
    arrays = export(clf, prefix)
    arrays["features"] = np.array(features)
    np.savez_compressed(out, **arrays)  # type: ignore[arg-type]
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB) in {time.perf_counter() - started:.0f}s")


def page_hits(probability: np.ndarray, y: np.ndarray, groups: np.ndarray) -> int:
    """Pages whose highest-scored candidate is a gold headline."""
    hits = 0
    for g in np.unique(groups):
        rows = np.flatnonzero(groups == g)
        hits += bool(y[rows[int(np.argmax(probability[rows]))]])
    return hits


def cross_validate(pages: list[tuple[str, str, str | None, str]], x: np.ndarray, y: np.ndarray,
                   groups: np.ndarray) -> None:
    fold_of = np.array([int(pages[g][0]) % 4 for g in groups])
    out = np.zeros(len(y))
    for fold in range(4):
        test = fold_of == fold
        out[test] = new_ranker().fit(x[~test], y[~test]).predict_proba(x[test])[:, 1]
    reachable = len({int(g) for g in groups[y]})
    hits = page_hits(out, y, groups)
    print(f"pages with a gold title: {len(pages)}; gold among candidates: {reachable}")
    print(f"4-fold CV: headline picked right on {hits} pages, {hits / len(pages):.1%} of all")
    for fold in range(4):
        test = fold_of == fold
        pages_in = sum(1 for p in pages if int(p[0]) % 4 == fold)
        print(f"  fold {fold}: {page_hits(out[test], y[test], groups[test]) / pages_in:.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=TITLE_PATH)
    parser.add_argument("--cv", action="store_true", help="print cross-validated accuracy, write nothing")
    args = parser.parse_args()
    started = time.perf_counter()
    pages = load_pages(args.data)
    x, y, groups = build(pages)
    print(f"{len(pages)} pages, {len(y)} candidates, {int(y.sum())} gold")
    if args.cv:
        cross_validate(pages, x, y, groups)
        return
    write_ranker(new_ranker().fit(x, y), "t", TITLE_FEATURES, args.out, started)


if __name__ == "__main__":
    main()
