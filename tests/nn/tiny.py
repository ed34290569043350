"""A tiny BERT with random weights and an invented vocabulary: the numpy side is tested without big files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt

from sitroom.nn import save_npz

VOCAB = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "[unused0]", "[unused1]",
    "the", "harbour", "authority", "fined", "ferry", "operator", "on", "tuesday", "cafe", "owners",
    "said", "un", "##believ", "##ab", "##able", "##s", "s", "##ed", "##ly", "a", "b", "e", "ok",
    ".", ",", "!", "$", "'", "-", "(", ")", ";", "<", ">", "北", "京", "москва", "и", "zurich", "resume",
]
HIDDEN, HEADS, LAYERS, INTER, POSITIONS = 16, 4, 2, 32, 24
MARKERS = {"<s>": len(VOCAB), "</s>": len(VOCAB) + 1}  # added tokens beyond vocab.txt, as a fine-tune adds


def tiny_state(seed: int = 0, prefix: str = "bert.") -> dict[str, npt.NDArray[np.float32]]:
    """State-dict-like arrays of a 2-layer BERT (hidden 16, 4 heads) plus a 3-way classifier."""
    rng = np.random.default_rng(seed)

    def rand(*shape: int, scale: float = 0.3) -> npt.NDArray[np.float32]:
        return rng.normal(0, scale, shape).astype(np.float32)

    state = {
        "embeddings.word_embeddings.weight": rand(len(VOCAB) + len(MARKERS), HIDDEN, scale=1.0),
        "embeddings.position_embeddings.weight": rand(POSITIONS, HIDDEN),
        "embeddings.token_type_embeddings.weight": rand(2, HIDDEN),
        "embeddings.LayerNorm.weight": 1 + rand(HIDDEN, scale=0.1),
        "embeddings.LayerNorm.bias": rand(HIDDEN, scale=0.1),
        "embeddings.position_ids": np.arange(POSITIONS)[None, :],
        "pooler.dense.weight": rand(HIDDEN, HIDDEN),
        "pooler.dense.bias": rand(HIDDEN),
    }
    shapes = {"attention.self.query": HIDDEN, "attention.self.key": HIDDEN, "attention.self.value": HIDDEN,
              "attention.output.dense": HIDDEN, "intermediate.dense": INTER, "output.dense": HIDDEN}
    for i in range(LAYERS):
        for name, rows in shapes.items():
            cols = INTER if name == "output.dense" else HIDDEN
            state[f"encoder.layer.{i}.{name}.weight"] = rand(rows, cols)
            state[f"encoder.layer.{i}.{name}.bias"] = rand(rows, scale=0.1)
        for norm in ("attention.output.LayerNorm", "output.LayerNorm"):
            state[f"encoder.layer.{i}.{norm}.weight"] = 1 + rand(HIDDEN, scale=0.1)
            state[f"encoder.layer.{i}.{norm}.bias"] = rand(HIDDEN, scale=0.1)
    state = {prefix + k: v for k, v in state.items()}
    state["classifier.weight"], state["classifier.bias"] = rand(3, HIDDEN), rand(3)
    return state  # type: ignore[return-value]


def write_tiny(path: Path, quantize: bool = False, pooling: str = "cls", max_length: int = 20) -> Path:
    """Save the tiny model; with quantize, its small matrices are quantised too (size floor lowered)."""
    written: Path = save_npz(
        tiny_state(), path, quantize, vocab=VOCAB, num_heads=HEADS, pooling=pooling,
        max_length=max_length, special_tokens=MARKERS, labels=["x", "y", "z"], min_quantized_size=64,
    )
    return written
