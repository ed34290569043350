"""Train the text cleaner's sequence model: `python train/clean_sequence.py --units build/clean_units.npz`.

Runs in the training venv only (PyTorch; `make train-clean-sequence` builds it): the default install
evaluates the weights in numpy (`sitroom/stages/clean/block_sequence.py`). The input is the unit
features and labels of the training pages, written by `train/clean_blocks.py --units`. A small
dilated 1-D convolution reads each page's units in order and predicts body per unit; members trained
from different seeds are averaged. Writes src/sitroom/resources/clean_sequence.npz (float32).
"""

from __future__ import annotations

import argparse
import time
from itertools import pairwise
from pathlib import Path

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/sitroom/resources/clean_sequence.npz"
# Fixed before any fold was scored (the usual small-model recipe, not tuned; see clean_blocks.py's notes).
HIDDEN, DILATIONS, DROPOUT = 32, (1, 2, 4, 8, 16), 0.1
EPOCHS, BATCH, LR, WEIGHT_DECAY, CLIP = 40, 8, 2e-3, 1e-4, 5.0
SEEDS = (0, 1, 2)


class ConvNet(nn.Module):
    """Input projection, residual dilated convolutions over units, a linear read-out."""

    def __init__(self, features: int) -> None:
        super().__init__()
        self.inp = nn.Linear(features, HIDDEN)
        self.convs = nn.ModuleList(nn.Conv1d(HIDDEN, HIDDEN, 3, padding=d, dilation=d) for d in DILATIONS)
        self.out = nn.Linear(HIDDEN, 1)
        self.drop = nn.Dropout(DROPOUT)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        # zeroing padded units after every layer makes a short page in a batch see zeros past its
        # end, exactly as the numpy model pads a page alone
        m = mask[:, None, :]
        h = self.drop(torch.relu(self.inp(x)).transpose(1, 2) * m)
        for conv in self.convs:
            h = (h + torch.relu(conv(h))) * m
        out: torch.Tensor = self.out(h.transpose(1, 2)).squeeze(-1)
        return out


def read_pages(path: Path) -> tuple[list[tuple[np.ndarray, np.ndarray]], np.ndarray]:
    """(features, labels) per page, and the feature names."""
    with np.load(path, allow_pickle=False) as data:
        x, y, lengths, names = data["x"], data["y"], data["lengths"], data["features"]
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    return [(x[a:b], y[a:b].astype(np.float32)) for a, b in pairwise(bounds)], names


def standardise(pages: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    stacked = np.vstack([x for x, _ in pages])
    mean, scale = stacked.mean(0), stacked.std(0)
    scale[scale < 1e-6] = 1.0  # a constant column
    return mean, scale


def batch(pages: list[tuple[np.ndarray, np.ndarray]], picks: np.ndarray) -> tuple[torch.Tensor, ...]:
    width = max(len(pages[i][1]) for i in picks)
    x = torch.zeros(len(picks), width, pages[0][0].shape[1])
    y, mask = torch.zeros(len(picks), width), torch.zeros(len(picks), width)
    for row, i in enumerate(picks):
        n = len(pages[i][1])
        x[row, :n], y[row, :n] = torch.from_numpy(pages[i][0]), torch.from_numpy(pages[i][1])
        mask[row, :n] = 1
    return x, y, mask


def fit(pages: list[tuple[np.ndarray, np.ndarray]], seed: int) -> ConvNet:
    """One member: BCE per unit (every unit counts the same), batches of pages of similar length."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = ConvNet(pages[0][0].shape[1])
    optimiser = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WEIGHT_DECAY)
    order = np.argsort([len(y) for _, y in pages], kind="stable")
    groups = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
    steps = EPOCHS * len(groups)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda step: 1 - step / steps)
    for _ in range(EPOCHS):
        model.train()
        for k in rng.permutation(len(groups)):
            x, y, mask = batch(pages, groups[k])
            loss = nn.functional.binary_cross_entropy_with_logits(model(x, mask), y, reduction="none")
            loss = (loss * mask).sum() / mask.sum()
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
    return model.eval()


def export(model: ConvNet, mean: np.ndarray, scale: np.ndarray, prefix: str) -> dict[str, np.ndarray]:
    """Plain float32 arrays in the layout `block_sequence.py` reads."""
    state = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    out = {"mean": mean, "scale": scale, "w_in": state["inp.weight"].T, "b_in": state["inp.bias"],
           "w_out": state["out.weight"].ravel(), "b_out": state["out.bias"][0],
           "dilations": np.array(DILATIONS)}
    for i in range(len(DILATIONS)):
        weight = state[f"convs.{i}.weight"]  # (out, in, tap): tap 0 reads unit i - dilation
        out[f"w{i}"] = np.concatenate([weight[:, :, tap].T for tap in range(3)])
        out[f"b{i}"] = state[f"convs.{i}.bias"]
    kinds = {k: np.int32 if k == "dilations" else np.float32 for k in out}
    return {f"{prefix}{k}": np.asarray(v, dtype=kinds[k]) for k, v in out.items()}


def parity_case(
    models: list[ConvNet], mean: np.ndarray, scale: np.ndarray, features: int
) -> dict[str, np.ndarray]:
    """A made-up page (random features) and torch's averaged probabilities for it, for the parity test."""
    rng = np.random.default_rng(0)
    x = (mean + scale * rng.normal(size=(40, features))).astype(np.float32)
    z = torch.from_numpy(np.clip((x - mean) / scale, -CLIP, CLIP).astype(np.float32))[None]
    with torch.no_grad():
        probs = [torch.sigmoid(m(z, torch.ones(1, len(x))))[0].numpy() for m in models]
    return {"parity_input": x, "parity_probability": np.mean(probs, axis=0).astype(np.float32)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    torch.set_num_threads(1)  # reproducible sums, and a shared machine
    started = time.perf_counter()
    pages, names = read_pages(args.units)
    mean, scale = standardise(pages)
    scaled = [(np.clip((x - mean) / scale, -CLIP, CLIP).astype(np.float32), y) for x, y in pages]
    arrays: dict[str, np.ndarray] = {"features": names, "members": np.array(len(SEEDS))}
    models = []
    for k, seed in enumerate(SEEDS):
        models.append(fit(scaled, seed))
        arrays.update(export(models[-1], mean, scale, f"m{k}_"))
        print(f"member {k} (seed {seed}) trained, {time.perf_counter() - started:.0f}s", flush=True)
    arrays.update(parity_case(models, mean, scale, len(names)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **arrays)  # type: ignore[arg-type]
    print(f"{len(pages)} pages; wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
