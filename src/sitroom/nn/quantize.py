"""Int8 per-row symmetric quantisation of weight matrices (one float32 scale per row).

A row is one output unit of a linear layer (torch stores weights as (out, in)) or one token of an
embedding table, so each row keeps its own range and the round-off is at most scale / 2 per entry.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

F32 = npt.NDArray[np.float32]
I8 = npt.NDArray[np.int8]


def quantize_rows(matrix: npt.NDArray[np.floating]) -> tuple[I8, F32]:
    """Int8 codes and per-row scales with matrix ~= codes * scales[:, None]."""
    values = np.asarray(matrix, dtype=np.float32)
    if values.ndim != 2:
        raise ValueError(f"quantize_rows expects a 2-D matrix, got shape {values.shape}")
    peak = np.abs(values).max(axis=1)
    # An all-zero row gets scale 1 so that dequantisation stays exact and never divides by zero.
    scales = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    codes = np.clip(np.rint(values / scales[:, None]), -127, 127).astype(np.int8)
    return codes, scales


def dequantize_rows(codes: I8, scales: F32) -> F32:
    """The float32 matrix the codes stand for."""
    return codes.astype(np.float32) * scales.astype(np.float32)[:, None]
