"""Int8 symmetric quantisation of weight matrices, one float32 scale per row or per block of a row.

A row is one output unit of a linear layer (torch stores weights as (out, in)) or one token of an
embedding table. Cutting rows into blocks of 64 columns (as llama.cpp's Q8_0 does with 32) lets an
outlier spoil only its own block: on MiniLM-L6 it cuts the pooled-vector error (1 - cosine) about
3x for 6% more bytes. Round-off is at most scale / 2 per entry.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

F32 = npt.NDArray[np.float32]
I8 = npt.NDArray[np.int8]
BLOCK = 64


def quantize_rows(matrix: npt.NDArray[np.floating], block: int | None = BLOCK) -> tuple[I8, F32]:
    """Int8 codes and scales (rows, blocks) with matrix ~= codes * scales repeated over each block.

    ``block=None``, or a block that does not divide the row length, gives one scale per row.
    """
    values = np.asarray(matrix, dtype=np.float32)
    if values.ndim != 2:
        raise ValueError(f"quantize_rows expects a 2-D matrix, got shape {values.shape}")
    rows, cols = values.shape
    width = block if block and cols % block == 0 else cols
    grouped = values.reshape(rows, cols // width, width)
    peak = np.abs(grouped).max(axis=2)
    # An all-zero block gets scale 1 so that dequantisation stays exact and never divides by zero.
    scales = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    codes = np.clip(np.rint(grouped / scales[:, :, None]), -127, 127).astype(np.int8)
    return codes.reshape(rows, cols), scales


def dequantize_rows(codes: I8, scales: F32) -> F32:
    """The float32 matrix the codes stand for (scales of shape (rows,) or (rows, blocks))."""
    rows, cols = codes.shape
    per_block = np.asarray(scales, dtype=np.float32).reshape(rows, -1)
    width = cols // per_block.shape[1]
    out = codes.astype(np.float32)  # scaled in place: loading makes one float copy, not two
    out.reshape(rows, per_block.shape[1], width)[...] *= per_block[:, :, None]
    return out


class Int8Rows:
    """An int8 table read a few rows at a time (an embedding lookup), dequantising only those rows.

    Keeps MiniLM's 30k-token embedding table at 12 MB instead of 47 MB per process; the rows come out
    bit-identical to dequantising the whole table.
    """

    def __init__(self, codes: I8, scales: F32) -> None:
        self.codes = codes
        self.scales = np.asarray(scales, dtype=np.float32).reshape(codes.shape[0], -1)

    @property
    def shape(self) -> tuple[int, int]:
        return (int(self.codes.shape[0]), int(self.codes.shape[1]))

    @property
    def nbytes(self) -> int:
        return int(self.codes.nbytes + self.scales.nbytes)

    def __getitem__(self, ids: npt.NDArray[np.integer]) -> F32:
        index = np.asarray(ids)
        flat = index.reshape(-1)
        rows = dequantize_rows(self.codes[flat], self.scales[flat])
        return rows.reshape(*index.shape, self.codes.shape[1])
