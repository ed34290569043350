"""Train the plain-text cleaner's byline ranker (stages/clean/author_model.py) from WCXB-style pages.

    python train/clean_author.py --data ../shared/data/extraction/wcxb-dev-articles [--cv]

Each page is flattened as scraped text looks (as train/clean_blocks.py does) and cleaned up to its
head (body, headline); every name-like candidate (`author_model.candidates`) is labelled byline
when its name words are the gold author's, compared as eval/extraction.py compares them. Pages
without a gold author give negatives only. Pages whose id is a multiple of 5 are held out and never
read. `--cv` prints the 4-fold cross-validated share of pages whose byline is named right (folds by
id), beside the "By ..." pattern alone; without it, writes src/sitroom/resources/clean_author.npz.
Run after the block and headline models: it reads their choices.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.extraction import author_matches

from sitroom.stages.clean.author_model import (
    AUTHOR_FEATURES,
    AUTHOR_PATH,
    author_features,
    body_end,
    candidates,
)
from sitroom.stages.clean.blocks import split_units
from sitroom.stages.clean.header import LOOK_BACK, _byline, read_header
from sitroom.stages.clean.html_author import given_names
from sitroom.stages.clean.text import _language, _score
from train.clean_blocks import flatten, held_out
from train.clean_title import new_ranker, write_ranker  # the same trees as the headline ranker

FLOORS = (0.3, 0.4, 0.5, 0.6)


def load_pages(data: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(page id, flattened text, url, gold author or None) for every tuning page."""
    pages = []
    for path in sorted((data / "html").glob("*.html*")):
        page_id = path.name.split(".")[0]
        if held_out(page_id):
            continue
        truth = json.loads((data / "ground-truth" / f"{page_id}.json").read_text())
        author = (truth.get("ground_truth") or {}).get("author")
        raw = path.read_bytes()
        html = (gzip.decompress(raw) if path.name.endswith(".gz") else raw).decode("utf-8", "replace")
        pages.append((page_id, flatten(html), truth.get("url"), str(author) if author else None))
    return pages


def build(pages: list[tuple[str, str, str | None, str | None]]) -> tuple[np.ndarray, ...]:
    """Candidate rows, labels, page numbers, and per page whether the pattern alone is right."""
    xs, ys, groups, rule_right = [], [], [], []
    given = given_names()
    for number, (_page_id, text, url, author) in enumerate(pages):
        units = split_units(text)
        page = _score(units, _language(units), None, None) if units else None
        if page is None:
            rule_right.append(False)
            continue
        header = read_header(page.units, page.keep, page.captions | page.copies, url, page.matrix,
                             page.scores, rank_author=False)
        rule_right.append(author_matches(header.byline, author))
        kept = np.flatnonzero(page.keep)
        start = int(kept[0]) if len(kept) else len(units)
        rule_at, _ = _byline(units, [*range(max(0, start - LOOK_BACK), start), *kept[:3]])
        end = body_end(page.keep)
        found = candidates(units, header.title_at, start, end)
        if not found:
            continue
        xs.append(author_features(units, found, header.title_at, start, page.keep, rule_at, given, end))
        ys.append(np.array([author_matches(c.name, author) for c in found]))
        groups.append(np.full(len(found), number))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(groups), np.array(rule_right)


def cross_validate(pages: list[tuple[str, str, str | None, str | None]], x: np.ndarray, y: np.ndarray,
                   groups: np.ndarray, rule_right: np.ndarray) -> None:
    fold_of = np.array([int(pages[g][0]) % 4 for g in groups])
    out = np.zeros(len(y))
    for fold in range(4):
        test = fold_of == fold
        out[test] = new_ranker().fit(x[~test], y[~test]).predict_proba(x[test])[:, 1]
    gold = np.array([p[3] is not None for p in pages])
    print(f"pages {len(pages)}, with a gold author {gold.sum()}; gold among candidates "
          f"{len({int(g) for g in groups[y]})}; the pattern alone right on {rule_right.sum()}")
    best = {int(g): np.flatnonzero(groups == g)[int(np.argmax(out[groups == g]))] for g in np.unique(groups)}
    for floor in FLOORS:
        right = wrong = none_named = 0
        for g in range(len(pages)):
            row = best.get(g)
            if row is not None and out[row] > floor:
                right += bool(y[row])
                wrong += gold[g] and not y[row]
                none_named += not gold[g]
            else:
                right += bool(rule_right[g])
        print(f"  floor {floor}: right {right} ({right / gold.sum():.1%} of gold authors), wrong name "
              f"{wrong}, a name where the gold has none {none_named}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=AUTHOR_PATH)
    parser.add_argument("--cv", action="store_true", help="print cross-validated accuracy, write nothing")
    args = parser.parse_args()
    started = time.perf_counter()
    pages = load_pages(args.data)
    x, y, groups, rule_right = build(pages)
    print(f"{len(pages)} pages, {len(y)} candidates, {int(y.sum())} gold")
    if args.cv:
        cross_validate(pages, x, y, groups, rule_right)
        return
    write_ranker(new_ranker().fit(x, y), "a", AUTHOR_FEATURES, args.out, started)


if __name__ == "__main__":
    main()
