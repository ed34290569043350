"""Numpy-only transformer inference: a BERT encoder, its WordPiece tokenizer and int8 weights in one .npz.

Training happens elsewhere (PyTorch, in a separate venv); this package never imports torch.
See README.md beside this file for the .npz layout that ``save_npz`` writes.
"""

from sitroom.nn.bert import BertEncoder, cls_pool, mean_pool, softmax
from sitroom.nn.model import Batch, TextEncoder, pad_batch
from sitroom.nn.quantize import Int8Rows, dequantize_rows, quantize_rows
from sitroom.nn.weights import LoadedWeights, load_npz, save_npz
from sitroom.nn.wordpiece import Encoding, WordPieceTokenizer

__all__ = [
    "Batch", "BertEncoder", "Encoding", "Int8Rows", "LoadedWeights", "TextEncoder", "WordPieceTokenizer",
    "cls_pool", "dequantize_rows", "load_npz", "mean_pool", "pad_batch", "quantize_rows", "save_npz",
    "softmax",
]
