"""Draw statements to label for stance: plain random gold spans that no label file covers yet.

    python eval/stance_draw.py --data ../shared/data/quotes/polnear/dev --n 150 --seed 9

Candidates are every attributed statement with a content and a cue span: PolNeAR dev and train (first
annotator file per document, its Attribution relations) and Gender Gap Tracker dev (quote_span and
verb_span). Those overlapping a labelled content span in the same document are left out, the rest shuffled
with the seed. Each pick is printed with its offsets and its paragraph, content in [[ ]] and cue in << >>,
for labelling by hand with eval/STANCE-GUIDE.md; only the offsets and the label go into a label file.
The sixth to thirteenth rounds (eval/stance_labels_tune6.tsv to tune13.tsv) were drawn with seeds 6 to 13,
each after the previous round's file was added to eval/stance.py's TUNE_DRAWS.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.stance import SOURCES, TEST_LABELS, TUNE_DRAWS, load_labels

Candidate = tuple[str, str, int, int, int, int]  # source, doc, content start/end, cue start/end


def polnear(source: str, folder: Path, texts: dict[tuple[str, str], str]) -> list[Candidate]:
    found: list[Candidate] = []
    annotations = sorted((folder / "attributions").glob("*.ann"))
    for text_path in sorted((folder / "text").glob("*.txt")):
        matching = [a for a in annotations if a.name.rsplit("_", 1)[0] == text_path.stem]
        if not matching:
            continue
        texts[(source, text_path.stem)] = text_path.read_text(encoding="utf-8")
        raw = matching[0].read_text(encoding="utf-8")
        spans: dict[str, tuple[int, int]] = {}
        for line in raw.splitlines():
            match = re.match(r"(T\d+)\t\w+ ([\d ;]+)\t", line)
            if match:
                numbers = [int(n) for n in re.findall(r"\d+", match.group(2))]
                spans[match.group(1)] = (min(numbers), max(numbers))
        for line in raw.splitlines():
            if not line.startswith("E"):
                continue
            roles = dict(part.split(":") for part in line.split("\t")[1].split())
            content, cue = spans.get(roles.get("Content", "")), spans.get(roles.get("Cue", ""))
            if content and cue:
                found.append((source, text_path.stem, *content, *cue))
    return found


def ggt(path: Path, texts: dict[tuple[str, str], str]) -> list[Candidate]:
    found: list[Candidate] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts[("ggt-dev", row["id"])] = row["text"]
        for quote in row["quotes"]:
            if quote.get("quote_span") and quote.get("verb_span"):
                found.append(("ggt-dev", row["id"], *quote["quote_span"], *quote["verb_span"]))
    return found


def marked(text: str, pick: Candidate) -> str:
    """The paragraph around the statement, content in [[ ]] and cue in << >>."""
    _, _, cs, ce, qs, qe = pick
    low, high = min(cs, qs), max(ce, qe)
    start = text.rfind("\n", 0, low)
    start = max(0, start if start > low - 400 else low - 300)
    end = text.find("\n", high)
    end = end if 0 <= end < high + 300 else high + 200
    marks = sorted(
        [(cs, "[["), (ce, "]]"), (qs, "<<"), (qe, ">>")], key=lambda m: (m[0], m[1] in ("]]", ">>"))
    )
    out, at = "", start
    for position, mark in marks:
        out += text[at:position] + mark
        at = position
    return " ".join((out + text[at:end]).split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="PolNeAR dev folder")
    parser.add_argument("--n", type=int, default=150)
    parser.add_argument("--seed", type=int, required=True)
    args = parser.parse_args()
    texts: dict[tuple[str, str], str] = {}
    candidates = polnear("polnear-dev", args.data, texts)
    candidates += polnear("polnear-train", args.data.parent / "train", texts)
    candidates += ggt(args.data.parent.parent / "ggt-dev" / "ggt-dev.jsonl", texts)
    labelled = [item for source, path in SOURCES.items() for item in load_labels(path, source)]
    labelled += [item for path in (*TUNE_DRAWS, TEST_LABELS) for item in load_labels(path)]
    taken: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for item in labelled:
        taken.setdefault((item.source, item.doc), []).append(item.content)
    free = sorted({c for c in candidates if not any(a < c[3] and c[2] < b for a, b in taken.get(c[:2], []))})
    print(f"{len(candidates)} candidates, {len(free)} not yet labelled", file=sys.stderr)
    random.Random(args.seed).shuffle(free)
    for k, pick in enumerate(free[: args.n]):
        print(k, *pick, sep="\t")
        print("   " + marked(texts[pick[:2]], pick))


if __name__ == "__main__":
    main()
