"""Speed and memory of the numpy BERT encoder (sitroom.nn) on one core.

    python bench/nn.py [--model encoder.npz] [--data PLV_train.tsv] [--batches 1,8,32]

Without --model it times a random-weight model of MiniLM-L6's shapes (6 layers, hidden 384, 12 heads,
intermediate 1536, vocab 30522): speed does not depend on the weight values. BLAS is held to one
thread; speeds are per CPU-second (process time). Times (1) the forward pass plus pooling on
40-token inputs at several batch sizes and (2) with a real vocabulary, tokenise + encode of PLV
sentences (read for timing only).
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from threadpoolctl import threadpool_limits

from sitroom.nn import Batch, TextEncoder, WordPieceTokenizer, save_npz

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_PLV = SHARED / "data/events/plv-train/PLV_train.tsv"
LAYERS, HIDDEN, INTER, VOCAB, POSITIONS = 6, 384, 1536, 30522, 512


def minilm_shaped(path: Path) -> Path:
    """A random MiniLM-L6-shaped model with an invented vocabulary, int8 as shipped models are."""
    rng = np.random.default_rng(0)

    def rand(*shape: int) -> np.ndarray:
        return rng.normal(0, 0.05, shape).astype(np.float32)

    state = {"embeddings.word_embeddings.weight": rand(VOCAB, HIDDEN),
             "embeddings.position_embeddings.weight": rand(POSITIONS, HIDDEN),
             "embeddings.token_type_embeddings.weight": rand(2, HIDDEN),
             "embeddings.LayerNorm.weight": np.ones(HIDDEN, np.float32),
             "embeddings.LayerNorm.bias": np.zeros(HIDDEN, np.float32)}
    shapes = {"attention.self.query": (HIDDEN, HIDDEN), "attention.self.key": (HIDDEN, HIDDEN),
              "attention.self.value": (HIDDEN, HIDDEN), "attention.output.dense": (HIDDEN, HIDDEN),
              "intermediate.dense": (INTER, HIDDEN), "output.dense": (HIDDEN, INTER)}
    for i in range(LAYERS):
        for name, shape in shapes.items():
            state[f"encoder.layer.{i}.{name}.weight"] = rand(*shape)
            state[f"encoder.layer.{i}.{name}.bias"] = rand(shape[0])
        for norm in ("attention.output.LayerNorm", "output.LayerNorm"):
            state[f"encoder.layer.{i}.{norm}.weight"] = np.ones(HIDDEN, np.float32)
            state[f"encoder.layer.{i}.{norm}.bias"] = np.zeros(HIDDEN, np.float32)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + [f"w{i}" for i in range(VOCAB - 5)]
    written: Path = save_npz(state, path, vocab=vocab, pooling="mean")
    return written


def time_forward(model: TextEncoder, batch_size: int, total: int, length: int = 40) -> float:
    """Sentences per CPU-second through encoder + pooling for `length`-token inputs."""
    rng = np.random.default_rng(1)
    ids = rng.integers(1000, 20000, (batch_size, length))
    ids[:, 0], ids[:, -1] = 2, 3
    batch = Batch(ids=ids, mask=np.ones_like(ids), type_ids=np.zeros_like(ids))
    model.pool(batch)  # warm-up
    rounds = max(1, total // batch_size)
    began = time.process_time()  # CPU time: the machines are shared, wall time says more about the neighbours
    for _ in range(rounds):
        model.pool(batch)
    return rounds * batch_size / (time.process_time() - began)


def time_texts(model: TextEncoder, texts: list[str]) -> tuple[float, float, float]:
    """Tokenise-only and tokenise + encode sentences per CPU-second (cold caches), mean tokens."""
    began = time.process_time()
    model.embed(texts, batch_size=32)
    full = len(texts) / (time.process_time() - began)
    cold = WordPieceTokenizer(list(model.tokenizer.vocab), model.tokenizer.special_tokens)
    began = time.process_time()
    lengths = [len(cold.encode(text, max_length=model.max_length).ids) for text in texts]
    tokenise = len(texts) / (time.process_time() - began)
    return tokenise, full, float(np.mean(lengths))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="a .npz from save_npz (default: random MiniLM-L6 shapes)")
    parser.add_argument("--data", type=Path, default=DEFAULT_PLV)
    parser.add_argument("--batches", default="1,8,32")
    parser.add_argument("--sentences", type=int, default=256, help="sentences timed per batch size")
    args = parser.parse_args()
    with threadpool_limits(limits=1), tempfile.TemporaryDirectory() as tmp:
        path = args.model or minilm_shaped(Path(tmp) / "minilm.npz")
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        began = time.process_time()
        model = TextEncoder.load(path)
        load_s = time.process_time() - began
        loaded_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before
        word_mb = model.encoder.word.nbytes / 1e6
        print(f"model {args.model or 'random MiniLM-L6 shapes'} ({path.stat().st_size / 1e6:.1f} MB): "
              f"loaded in {load_s:.2f} CPU-s, peak memory +{loaded_mb:.0f} MB while loading "
              f"(word embeddings held in {word_mb:.0f} MB)")
        speeds = {b: time_forward(model, b, args.sentences) for b in map(int, args.batches.split(","))}
        for size, speed in speeds.items():
            print(f"40-token sentences, batch {size}: {speed:.0f} sentences per CPU-second")
        texts_line = ""
        if args.model and args.data.is_file() and "the" in model.tokenizer.vocab:
            with args.data.open(encoding="utf-8") as handle:
                texts = [r["marked_sentence"] for r in csv.DictReader(handle, delimiter="\t")][:500]
            tokenise, full, mean_len = time_texts(model, texts)
            print(f"PLV sentences ({len(texts)}, mean {mean_len:.0f} tokens), per CPU-second: "
                  f"tokenise {tokenise:.0f}, tokenise + encode {full:.0f}")
            texts_line = f" | PLV end-to-end {full:.0f} sent/s"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")
    best = max(speeds.values())
    print(f"HEADLINE nn 40-token {best:.0f} sent/s (batch {max(speeds, key=speeds.__getitem__)}, per CPU-s)"
          f"{texts_line} | load {load_s:.1f} CPU-s | peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
