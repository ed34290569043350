"""The .npz layout of a BERT encoder (plus optional classification head), and its writer and reader.

One file holds everything inference needs, readable with ``np.load`` and no pickle:

- ``__meta__``: 0-d unicode array, a JSON object: ``format`` ("sitroom-bert", ``format_version`` 1),
  ``num_heads``, ``layer_norm_eps``, ``pooling`` ("cls", "mean" or "pooler"), ``max_length``,
  ``lowercase``, ``special_tokens`` ({token text: id}, incl. [CLS] [SEP] [PAD] [UNK] [MASK] and any
  marker tokens), ``labels`` (class names in head-row order, may be empty), ``quantized`` (names).
- ``__vocab__``: 1-d unicode array, the WordPiece vocabulary, index = token id (vocab.txt order).
- The weights under their Hugging Face ``BertModel.state_dict()`` names, e.g.
  ``embeddings.word_embeddings.weight``, ``encoder.layer.3.attention.self.query.weight``,
  ``pooler.dense.weight``; the head as ``head.weight`` (n_labels, hidden) and ``head.bias``.
  Linear weights keep torch's (out, in) layout. A quantised matrix is stored as int8 codes under its
  own name plus float32 scales (rows, blocks of 64 columns) under ``NAME.qscale`` (see quantize.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from sitroom.nn.quantize import Int8Rows, dequantize_rows, quantize_rows

F32 = npt.NDArray[np.float32]
FORMAT = "sitroom-bert"
FORMAT_VERSION = 1
SCALE_SUFFIX = ".qscale"
WORD_EMBEDDINGS = "embeddings.word_embeddings.weight"
# Matrices at least this large are quantised; smaller ones (the head, token types) stay float32.
QUANTIZE_MIN_SIZE = 65_536
_KNOWN = re.compile(
    r"embeddings\.(word_embeddings|position_embeddings|token_type_embeddings)\.weight"
    r"|embeddings\.LayerNorm\.(weight|bias)"
    r"|encoder\.layer\.\d+\.(attention\.self\.(query|key|value)|attention\.output\.dense"
    r"|attention\.output\.LayerNorm|intermediate\.dense|output\.dense|output\.LayerNorm)\.(weight|bias)"
    r"|pooler\.dense\.(weight|bias)|head\.(weight|bias)"
)
_IGNORED = re.compile(r"(.*\.)?position_ids")  # a torch buffer, not a weight
BERT_SPECIALS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")


@dataclass(frozen=True, slots=True)
class LoadedWeights:
    """Float32 weights by state-dict name, the metadata and the vocabulary of one .npz.

    Tables only ever read by row (the word embeddings) may stay int8, in ``tables``.
    """

    arrays: dict[str, F32]
    meta: dict[str, Any]
    vocab: list[str]
    tables: dict[str, Int8Rows] = field(default_factory=dict)


def canonical_names(state: Mapping[str, npt.NDArray[Any]]) -> dict[str, npt.NDArray[Any]]:
    """Strip the wrapper prefix ("bert.", "0.auto_model.") and rename ``classifier.*`` to ``head.*``."""
    anchor = next((k for k in state if k.endswith(WORD_EMBEDDINGS)), None)
    if anchor is None:
        raise ValueError(f"no '{WORD_EMBEDDINGS}' among the weights: is this a BERT state dict?")
    prefix = anchor[: -len(WORD_EMBEDDINGS)]
    renamed: dict[str, npt.NDArray[Any]] = {}
    for key, value in state.items():
        name = key[len(prefix):] if prefix and key.startswith(prefix) else key
        name = re.sub(r"^classifier\.", "head.", name)
        if _IGNORED.fullmatch(name):
            continue
        if not _KNOWN.fullmatch(name):
            raise ValueError(f"unexpected weight '{key}': rename the head to head.weight/head.bias")
        renamed[name] = np.asarray(value)
    return renamed


def save_npz(
    state_dict_like: Mapping[str, npt.NDArray[Any]],
    path: str | Path,
    quantize: bool = True,
    *,
    vocab: Sequence[str],
    num_heads: int = 12,
    layer_norm_eps: float = 1e-12,
    pooling: str = "cls",
    max_length: int = 128,
    lowercase: bool = True,
    special_tokens: Mapping[str, int] | None = None,
    labels: Sequence[str] = (),
    min_quantized_size: int = QUANTIZE_MIN_SIZE,
) -> Path:
    """Write the weights (numpy arrays under torch state-dict names) and tokenizer data in one .npz."""
    if pooling not in ("cls", "mean", "pooler"):
        raise ValueError(f"pooling must be cls, mean or pooler, not {pooling!r}")
    arrays = canonical_names(state_dict_like)
    specials = {t: vocab.index(t) for t in BERT_SPECIALS if t in vocab} | dict(special_tokens or {})
    _check_consistent(arrays, specials, labels)
    stored: dict[str, npt.NDArray[Any]] = {}
    quantized: list[str] = []
    for name, value in arrays.items():
        value = value.astype(np.float32)
        if quantize and value.ndim == 2 and value.size >= min_quantized_size:
            stored[name], stored[name + SCALE_SUFFIX] = quantize_rows(value)
            quantized.append(name)
        else:
            stored[name] = value
    meta = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "num_heads": num_heads,
        "layer_norm_eps": layer_norm_eps, "pooling": pooling, "max_length": max_length,
        "lowercase": lowercase, "special_tokens": specials, "labels": list(labels), "quantized": quantized,
    }
    stored["__meta__"] = np.array(json.dumps(meta))
    stored["__vocab__"] = np.array(list(vocab), dtype=str)
    target = Path(path)
    with target.open("wb") as handle:  # a file handle keeps numpy from appending a second ".npz"
        np.savez_compressed(handle, **stored)  # type: ignore[arg-type]
    return target


def _check_consistent(
    arrays: Mapping[str, npt.NDArray[Any]], specials: Mapping[str, int], labels: Sequence[str]
) -> None:
    """Refuse files that would load but answer wrongly: unknown token ids, labels not matching the head."""
    rows = arrays[WORD_EMBEDDINGS].shape[0]
    outside = {t: i for t, i in specials.items() if not 0 <= i < rows}
    if outside:
        raise ValueError(f"special token ids {outside} fall outside the {rows}-row embedding table")
    head = arrays.get("head.weight")
    if labels and head is not None and head.shape[0] != len(labels):
        raise ValueError(f"{len(labels)} labels for a head of {head.shape[0]} rows")


def load_npz(path: str | Path, int8_tables: Collection[str] = (WORD_EMBEDDINGS,)) -> LoadedWeights:
    """Read a file written by save_npz, dequantising int8 matrices to float32 once.

    Quantised matrices named in ``int8_tables`` stay int8 (in ``tables``), dequantised per lookup.
    """
    with np.load(Path(path), allow_pickle=False) as data:
        meta = json.loads(str(data["__meta__"]))
        if meta.get("format") != FORMAT or meta.get("format_version") != FORMAT_VERSION:
            raise ValueError(f"{path}: not a {FORMAT} v{FORMAT_VERSION} file (meta {meta.get('format')!r})")
        vocab = [str(token) for token in data["__vocab__"]]
        arrays: dict[str, F32] = {}
        tables: dict[str, Int8Rows] = {}
        for name in data.files:
            if name.startswith("__") or name.endswith(SCALE_SUFFIX):
                continue
            if name in meta["quantized"] and name in int8_tables:
                tables[name] = Int8Rows(data[name], data[name + SCALE_SUFFIX])
            elif name in meta["quantized"]:
                arrays[name] = dequantize_rows(data[name], data[name + SCALE_SUFFIX])
            else:
                arrays[name] = data[name].astype(np.float32)
    return LoadedWeights(arrays=arrays, meta=meta, vocab=vocab, tables=tables)
