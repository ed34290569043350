import numpy as np
import pytest

from sitroom.nn import Int8Rows, dequantize_rows, quantize_rows


def test_round_trip_error_is_at_most_half_a_step_per_row() -> None:
    rng = np.random.default_rng(1)
    matrix = rng.normal(0, 1, (50, 40)).astype(np.float32) * rng.uniform(0.01, 10, (50, 1)).astype(np.float32)
    codes, scales = quantize_rows(matrix, block=None)
    assert codes.dtype == np.int8 and scales.dtype == np.float32 and scales.shape == (50, 1)
    error = np.abs(dequantize_rows(codes, scales) - matrix)
    assert np.all(error <= scales / 2 * 1.0001 + 1e-7)
    # each row uses the full int8 range, so a small-valued row is not drowned by a large one
    assert np.all(np.abs(codes).max(axis=1) == 127)
    # a 1-D array of per-row scales means the same thing
    assert np.array_equal(dequantize_rows(codes, scales[:, 0]), dequantize_rows(codes, scales))


def test_blocks_confine_an_outlier_to_its_own_block() -> None:
    rng = np.random.default_rng(2)
    matrix = rng.normal(0, 0.05, (8, 128)).astype(np.float32)
    matrix[:, 5] = 3.0  # one outlier column, as transformer weights have
    row_error = np.abs(dequantize_rows(*quantize_rows(matrix, block=None)) - matrix)[:, 64:].max()
    codes, scales = quantize_rows(matrix, block=64)
    assert scales.shape == (8, 2)
    block_error = np.abs(dequantize_rows(codes, scales) - matrix)[:, 64:].max()
    assert block_error < row_error / 10
    # a block size that does not divide the row falls back to one scale per row
    assert quantize_rows(matrix, block=48)[1].shape == (8, 1)


def test_zero_row_and_row_peaks_are_exact() -> None:
    matrix = np.array([[0.0, 0.0, 0.0], [1.0, -2.0, 0.5]], dtype=np.float32)
    restored = dequantize_rows(*quantize_rows(matrix))
    assert np.array_equal(restored[0], np.zeros(3, dtype=np.float32))
    assert restored[1, 1] == pytest.approx(-2.0)


def test_rejects_non_matrix() -> None:
    with pytest.raises(ValueError, match="2-D"):
        quantize_rows(np.ones(5, dtype=np.float32))


def test_int8_rows_lookup_equals_dequantising_the_whole_table() -> None:
    table = np.random.default_rng(3).normal(0, 1, (30, 128)).astype(np.float32)
    codes, scales = quantize_rows(table)
    rows = Int8Rows(codes, scales)
    ids = np.array([[3, 0, 29], [3, 3, 7]])
    assert rows.shape == (30, 128) and rows.nbytes < table.nbytes / 3
    assert np.array_equal(rows[ids], dequantize_rows(codes, scales)[ids])
