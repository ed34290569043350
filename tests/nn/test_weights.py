import zipfile
from pathlib import Path

import numpy as np
import pytest

from sitroom.nn import load_npz, save_npz
from sitroom.nn.weights import canonical_names
from tests.nn.tiny import MARKERS, VOCAB, tiny_state, write_tiny


def test_unquantised_round_trip_is_exact_and_names_are_canonical(tmp_path: Path) -> None:
    path = write_tiny(tmp_path / "model.npz")
    loaded = load_npz(path)
    state = tiny_state()
    assert loaded.arrays["head.weight"].tolist() == state["classifier.weight"].tolist()
    word = loaded.arrays["embeddings.word_embeddings.weight"]
    assert np.array_equal(word, state["bert.embeddings.word_embeddings.weight"])
    assert not any(k.startswith("bert.") or "position_ids" in k for k in loaded.arrays)
    assert loaded.vocab == VOCAB
    assert loaded.meta["special_tokens"]["[CLS]"] == VOCAB.index("[CLS]")
    assert loaded.meta["special_tokens"]["<s>"] == MARKERS["<s>"]
    assert loaded.meta["labels"] == ["x", "y", "z"] and loaded.meta["quantized"] == []


def test_quantised_file_stores_int8_and_loads_within_the_bound(tmp_path: Path) -> None:
    path = write_tiny(tmp_path / "model.npz", quantize=True)
    name = "encoder.layer.1.intermediate.dense.weight"
    with np.load(path) as raw:
        assert raw[name].dtype == np.int8
        assert raw["head.weight"].dtype == np.float32  # too small to quantise
        scales = raw[name + ".qscale"]
    original = tiny_state()["bert." + name]
    bound = np.repeat(scales, original.shape[1] // scales.shape[1], axis=1) / 2
    assert np.all(np.abs(load_npz(path).arrays[name] - original) <= bound + 1e-6)


def test_file_needs_no_pickle_and_keeps_its_exact_name(tmp_path: Path) -> None:
    path = write_tiny(tmp_path / "weights.bin")
    assert path == tmp_path / "weights.bin" and path.is_file()
    with zipfile.ZipFile(path) as archive:
        assert "__meta__.npy" in archive.namelist()
    with np.load(path, allow_pickle=False) as raw:
        assert raw["__vocab__"].dtype.kind == "U"


def test_unknown_weight_names_are_refused() -> None:
    state = tiny_state(prefix="")
    state["dropout_head.weight"] = np.zeros((2, 2), dtype=np.float32)
    with pytest.raises(ValueError, match=r"dropout_head\.weight"):
        canonical_names(state)
    with pytest.raises(ValueError, match="word_embeddings"):
        canonical_names({"linear.weight": np.zeros((2, 2))})


def test_wrong_format_and_pooling_are_refused(tmp_path: Path) -> None:
    np.savez(tmp_path / "other.npz", __meta__=np.array('{"format": "other"}'))
    with pytest.raises(ValueError, match="not a sitroom-bert"):
        load_npz(tmp_path / "other.npz")
    with pytest.raises(ValueError, match="pooling"):
        save_npz(tiny_state(), tmp_path / "x.npz", vocab=VOCAB, pooling="max")


def test_inconsistent_tokens_and_labels_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="outside"):
        save_npz(tiny_state(), tmp_path / "x.npz", vocab=VOCAB, special_tokens={"<x>": 999})
    with pytest.raises(ValueError, match="labels"):
        save_npz(tiny_state(), tmp_path / "x.npz", vocab=VOCAB, labels=["only", "two"])
