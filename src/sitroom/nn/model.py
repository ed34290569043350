"""A text encoder (tokenizer + BERT + pooling) with an optional linear head, loaded from one .npz.

Inputs are sorted by length and cut into batches padded to each batch's longest input, so short
sentences do not pay for long ones; outputs come back in input order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from sitroom.nn.bert import BertEncoder, cls_pool, mean_pool, softmax
from sitroom.nn.weights import LoadedWeights, load_npz
from sitroom.nn.wordpiece import Encoding, WordPieceTokenizer

F32 = npt.NDArray[np.float32]
Ids = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Batch:
    """Padded token ids, attention mask (1 = real token) and token type ids, all (batch, length)."""

    ids: Ids
    mask: Ids
    type_ids: Ids


def pad_batch(encodings: Sequence[Encoding], pad_id: int) -> Batch:
    """Right-pad encodings to the longest one."""
    length = max(len(e.ids) for e in encodings)
    ids = np.full((len(encodings), length), pad_id, dtype=np.int64)
    mask = np.zeros((len(encodings), length), dtype=np.int64)
    types = np.zeros((len(encodings), length), dtype=np.int64)
    for row, encoding in enumerate(encodings):
        ids[row, : len(encoding.ids)] = encoding.ids
        mask[row, : len(encoding.ids)] = 1
        types[row, : len(encoding.type_ids)] = encoding.type_ids
    return Batch(ids=ids, mask=mask, type_ids=types)


class TextEncoder:
    """Texts in, pooled vectors, head logits or class probabilities out (numpy only)."""

    def __init__(self, weights: LoadedWeights) -> None:
        meta = weights.meta
        self.encoder = BertEncoder(weights)
        self.tokenizer = WordPieceTokenizer(weights.vocab, meta["special_tokens"], bool(meta["lowercase"]))
        self.pooling: str = meta["pooling"]
        self.max_length = min(int(meta["max_length"]), self.encoder.max_positions)
        self.labels: list[str] = list(meta["labels"])
        self.pooler = (weights.arrays.get("pooler.dense.weight"), weights.arrays.get("pooler.dense.bias"))
        self.head = (weights.arrays.get("head.weight"), weights.arrays.get("head.bias"))

    @classmethod
    def load(cls, path: str | Path) -> TextEncoder:
        """Read a .npz written by ``sitroom.nn.save_npz``."""
        return cls(load_npz(path))

    def encode(self, texts: Sequence[str], pairs: Sequence[str] | None = None) -> list[Encoding]:
        """Token ids of each text (and its pair), truncated to the model's max_length."""
        if pairs is not None and len(pairs) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(pairs)} pairs")
        seconds: Sequence[str | None] = pairs if pairs is not None else [None] * len(texts)
        return [self.tokenizer.encode(t, p, self.max_length) for t, p in zip(texts, seconds, strict=True)]

    def batches(self, encodings: Sequence[Encoding], batch_size: int) -> Iterator[tuple[list[int], Batch]]:
        """(input positions, padded batch) in order of length."""
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        pad_id = self.tokenizer.special_tokens["[PAD]"]
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            yield rows, pad_batch([encodings[i] for i in rows], pad_id)

    def pool(self, batch: Batch) -> F32:
        """One vector per input, pooled as the model was trained (cls, mean or BERT's pooler)."""
        hidden = self.encoder(batch.ids, batch.mask, batch.type_ids)
        if self.pooling == "mean":
            return mean_pool(hidden, batch.mask)
        pooled = cls_pool(hidden)
        if self.pooling == "pooler":
            weight, bias = self.pooler
            if weight is None or bias is None:
                raise ValueError("pooling 'pooler' needs pooler.dense.weight and pooler.dense.bias")
            pooled = np.tanh(pooled @ weight.T + bias)
        return pooled

    def embed(self, texts: Sequence[str], pairs: Sequence[str] | None = None, batch_size: int = 32) -> F32:
        """Pooled vectors (n, hidden), in input order."""
        encodings = self.encode(texts, pairs)
        out = np.zeros((len(encodings), self.encoder.hidden_size), dtype=np.float32)
        for rows, batch in self.batches(encodings, batch_size):
            out[rows] = self.pool(batch)
        return out

    def logits(self, texts: Sequence[str], pairs: Sequence[str] | None = None, batch_size: int = 32) -> F32:
        """Head scores (n, n_labels): ``pooled @ head.weight.T + head.bias``."""
        weight, bias = self.head
        if weight is None or bias is None:
            raise ValueError("this model has no classification head (head.weight, head.bias)")
        out: F32 = self.embed(texts, pairs, batch_size) @ weight.T + bias
        return out

    def predict_proba(self, texts: Sequence[str], pairs: Sequence[str] | None = None,
                      batch_size: int = 32) -> F32:
        """Softmax over the head's logits (n, n_labels); columns follow ``self.labels``."""
        return softmax(self.logits(texts, pairs, batch_size))
