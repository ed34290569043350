"""Fine-tune MiniLM-L6 on the stance labels: `python train/stance_encoder.py --rows ROWS [--cv]`.

Runs in the training venv only (PyTorch, transformers; the one `make train-encoder` builds). ROWS are the
1,189 tuning rows as `python train/stance.py --data ../shared/data/quotes/polnear/dev --export ROWS`
writes them (the clean test split is never among them). The input is the pair `encoder_pair` makes from
what stance_of is given (the cue wrapped in `@ ... @` with the words leading to the content, then the
content); the head reads the last layer's mean, the cue marker's vector and [CLS]. The recipe is
PLOVER's (train/plover_encoder.py), fixed before measuring: top 2 layers + head, square-root
class-weighted cross-entropy, 6 epochs, no actor swaps. `--cv` prints document-grouped 5-fold
out-of-fold accuracy of the encoder, the rules and the combination fixed in advance (`combine`: the
rules' one-hot, weight 0.5, added to the encoder's probabilities), and the same on each later draw
against the rules as they were before they saw it (the honest comparison: today's rules were fitted
to every tuning row). Not shipped (docs/benchmarks.md, stance row): the combination lost to today's
rules on the tuning rows, beat the blind rules on the later draws by about the fold spread only, and
ran the statement path at 0.4x its speed. The default trains on all rows and writes the fine-tuned
layers and head (int8, 3.6 MB) to build/ for a later round.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from train.plover_encoder import Frozen, Recipe, Top, minilm_dir, predict, train  # noqa: E402

OUT = ROOT / "build/stance_top.npz"  # not shipped: the combination did not beat the rules (benchmarks.md)
MAX_LENGTH = 96
STANCES = ("assert", "deny", "decline", "estimate", "speculate", "demand", "threaten", "accuse")
RECIPE = Recipe(swaps=0)  # PLOVER's recipe; a statement has no actors to swap
CUE_MARK = "@"  # wraps the cue in the first segment
LEAD_WORDS = 16  # words of the sentence before the content that the encoder sees
PRIOR = 0.5  # weight of the rules' answer added to the encoder's probabilities (fixed before measuring)


def encoder_pair(content: str, sentence: str, cue_text: str) -> tuple[str, str]:
    """The two segments, from what stance_of is given: the marked cue with the words leading to the
    content, and the content."""
    lead = sentence[: max(0, sentence.find(content))] if content in sentence else ""
    tail = " ".join(lead.split()[-LEAD_WORDS:])
    return f"{CUE_MARK} {' '.join(cue_text.split())} {CUE_MARK} {tail}".strip(), content


def combine(probabilities: np.ndarray, rule: str) -> str:
    """The rules' answer as a prior: the encoder overrides it only when much surer of another class."""
    scores = np.array(probabilities, dtype=np.float32)
    if rule in STANCES:
        scores[STANCES.index(rule)] += PRIOR
    return STANCES[int(scores.argmax())]


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_frozen(base: Any, tokenizer: Any, pairs: list[tuple[str, str]]) -> Frozen:
    """Embeddings plus the lower layers for each pair, batched by length; marks = (cue marker, [CLS])."""
    ids = [tokenizer(a, b, truncation="longest_first", max_length=MAX_LENGTH)["input_ids"] for a, b in pairs]
    hidden: list[np.ndarray] = [np.zeros(0)] * len(pairs)
    order = sorted(range(len(pairs)), key=lambda i: len(ids[i]))
    with torch.no_grad():
        for at in range(0, len(order), 32):
            chunk = order[at : at + 32]
            encoded = tokenizer([pairs[i][0] for i in chunk], [pairs[i][1] for i in chunk], padding=True,
                                truncation="longest_first", max_length=MAX_LENGTH, return_tensors="pt")
            states = base(**encoded, output_hidden_states=True).hidden_states
            for row, i in enumerate(chunk):
                hidden[i] = states[-1 - RECIPE.top_layers][row, : len(ids[i])].numpy().copy()
    mark = tokenizer.convert_tokens_to_ids(CUE_MARK)
    positions = np.array([[e.index(mark) if mark in e else 0, 0] for e in ids])
    return Frozen(ids, hidden, positions)


def folds(rows: list[dict[str, Any]], seed: int) -> list[tuple[list[int], list[int]]]:
    """Five document-grouped folds, documents shuffled by the seed (as train/stance.py groups them)."""
    from sklearn.model_selection import GroupKFold

    docs = sorted({r["doc"] for r in rows})
    rank = dict(zip(docs, np.random.RandomState(seed).permutation(len(docs)), strict=True))
    groups = [rank[r["doc"]] for r in rows]
    split = GroupKFold(n_splits=5).split(rows, groups=groups)
    return [(a.tolist(), b.tolist()) for a, b in split]


def score(rows: list[dict[str, Any]], picked: list[str], where: list[int]) -> float:
    return float(np.mean([picked[i] == rows[i]["label"] for i in where])) if where else 0.0


def cross_validate(base: Any, frozen: Frozen, rows: list[dict[str, Any]], seed: int) -> np.ndarray:
    """Out-of-fold probabilities for one fold seed, printing each fold's three accuracies."""
    labels = np.array([STANCES.index(r["label"]) for r in rows])
    probs = np.zeros((len(rows), len(STANCES)), dtype=np.float32)
    for k, (train_rows, test_rows) in enumerate(folds(rows, seed)):
        started = time.perf_counter()
        model = train(base, frozen, train_rows, labels, len(STANCES), k, RECIPE)
        probs[test_rows] = predict(model, frozen, test_rows)
        figures = " ".join(f"{n} {score(rows, p, test_rows):.3f}" for n, p in answers(rows, probs).items())
        took = time.perf_counter() - started
        print(f"  seed {seed} fold {k} (n {len(test_rows)}): {figures} ({took:.0f} s)", flush=True)
    return probs


def answers(rows: list[dict[str, Any]], probs: np.ndarray) -> dict[str, list[str]]:
    return {
        "encoder": [STANCES[int(p.argmax())] for p in probs],
        "rules": [r["rule"] for r in rows],
        "combined": [combine(p, r["rule"]) for p, r in zip(probs, rows, strict=True)],
    }


def summary(rows: list[dict[str, Any]], runs: dict[int, np.ndarray]) -> None:
    """Accuracy and macro-F1 per system over all rows and per tuning draw, and the per-fold spread."""
    from sklearn.metrics import f1_score

    slices = {"all": list(range(len(rows)))}
    for batch in ("stance_labels_tune4", "stance_labels_tune5"):
        slices[batch] = [i for i, r in enumerate(rows) if r["batch"] == batch]
    gold = [r["label"] for r in rows]
    for seed, probs in runs.items():
        for name, picked in answers(rows, probs).items():
            macro = f1_score(gold, picked, labels=sorted(set(gold)), average="macro", zero_division=0)
            parts = "  ".join(f"{s} {score(rows, picked, w):.3f}" for s, w in slices.items())
            print(f"seed {seed} {name}: {parts}  (macro-F1 all {macro:.3f})")
        gains = [score(rows, answers(rows, probs)["combined"], t) - score(rows, [r["rule"] for r in rows], t)
                 for _, t in folds(rows, seed)]
        print(f"seed {seed} combined - rules per fold: {' '.join(f'{g:+.3f}' for g in gains)} "
              f"(mean {np.mean(gains):+.3f}, sd {np.std(gains):.3f})")
    mean = {n: np.mean([score(rows, answers(rows, p)[n], slices["all"]) for p in runs.values()])
            for n in ("encoder", "rules", "combined")}
    figures = ", ".join(f"{n} {mean[n]:.3f}" for n in ("encoder", "rules", "combined"))
    print(f"HEADLINE stance encoder out-of-fold, {len(rows)} tuning rows, {len(runs)} fold seeds: {figures}")


def blind_summary(rows: list[dict[str, Any]], runs: dict[int, np.ndarray]) -> None:
    """On each later draw, the rules as they were before they saw it ('blind_rule', train/stance.py
    --export) against the same fixed combination with those rules: what the encoder adds, unseen."""
    for batch in ("stance_labels_tune4", "stance_labels_tune5"):
        where = [i for i, r in enumerate(rows) if r["batch"] == batch and r.get("blind_rule")]
        if not where:
            continue
        blind = [r.get("blind_rule", "") for r in rows]
        for seed, probs in runs.items():
            mixed = [combine(p, b) if b else "" for p, b in zip(probs, blind, strict=True)]
            print(f"seed {seed} {batch} (n {len(where)}): blind rules {score(rows, blind, where):.3f}, "
                  f"encoder + blind rules {score(rows, mixed, where):.3f}")


def export(base: Any, model: Top, path: Path) -> Path:
    """Only the fine-tuned layers (under their place in MiniLM) and the head, int8 like the PLOVER file."""
    first = base.config.num_hidden_layers - len(model.layers)
    arrays = {}
    for name, value in model.layers.state_dict().items():
        index, rest = name.split(".", 1)
        arrays[f"encoder.layer.{first + int(index)}.{rest}"] = value.detach().numpy()
    arrays["head.weight"] = model.head.weight.detach().numpy()
    arrays["head.bias"] = model.head.bias.detach().numpy()
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_top(arrays, STANCES, path)


def write_top(arrays: dict[str, np.ndarray], labels: Sequence[str], path: Path) -> Path:
    """Int8 (blocks of 64 per row, sitroom.nn.quantize) for layer matrices, float32 for the rest."""
    from sitroom.nn.quantize import quantize_rows

    stored: dict[str, np.ndarray] = {}
    quantized = []
    for name, value in arrays.items():
        if value.ndim == 2 and not name.startswith("head."):
            stored[name], stored[name + ".qscale"] = quantize_rows(value)
            quantized.append(name)
        else:
            stored[name] = value.astype(np.float32)
    meta = {"labels": list(labels), "max_length": MAX_LENGTH, "quantized": quantized}
    stored["__meta__"] = np.array(json.dumps(meta))
    with path.open("wb") as handle:  # a file handle keeps numpy from appending a second ".npz"
        np.savez_compressed(handle, **stored)  # type: ignore[arg-type]
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=Path, required=True, help="train/stance.py --export output")
    parser.add_argument("--cv", action="store_true", help="out-of-fold figures only; writes nothing")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--oof", type=Path, default=ROOT / "build/stance_oof.npz", help="--cv probabilities")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(minilm_dir()))
    base = AutoModel.from_pretrained(str(minilm_dir()), attn_implementation="eager").eval()
    rows = read_rows(args.rows)
    frozen = run_frozen(base, tokenizer, [encoder_pair(r["content"], r["sentence"], r["cue"]) for r in rows])
    if args.cv:
        runs = {seed: cross_validate(base, frozen, rows, seed) for seed in args.seeds}
        summary(rows, runs)
        blind_summary(rows, runs)
        args.oof.parent.mkdir(parents=True, exist_ok=True)  # probabilities only, no text
        probabilities = {f"seed{k}": v.astype(np.float16) for k, v in runs.items()}
        np.savez_compressed(args.oof, **probabilities)  # type: ignore[arg-type]
        return
    labels = np.array([STANCES.index(r["label"]) for r in rows])
    model = train(base, frozen, list(range(len(rows))), labels, len(STANCES), 0, RECIPE)
    print(f"wrote {export(base, model, args.out)}")


if __name__ == "__main__":
    main()
