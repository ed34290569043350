"""BERT's uncased WordPiece tokenizer in pure Python, matching Hugging Face ``tokenizers``.

Same steps as the ``tokenizers`` BertNormalizer / BertPreTokenizer / WordPiece pipeline: special tokens
are split off the raw text first; then control characters are dropped, whitespace becomes a space,
CJK ideographs are spaced, accents are stripped (NFD, drop non-spacing marks), characters lowercased
one by one; words split on whitespace and punctuation; greedy longest-match-first sub-words.
All but the sub-word step is per character, so one cached table does it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

_CJK = (
    (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F), (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F),
)
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_SPACE_CATEGORIES = frozenset({"Zs", "Zl", "Zp"})
MAX_WORD_CHARS = 100  # longer words become [UNK], as in BERT


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    # BERT counts every ASCII non-alphanumeric symbol ($, +, ^ ...) as punctuation, beyond category P*.
    ascii_punct = 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126
    return ascii_punct or unicodedata.category(char).startswith("P")


def normalize_char(char: str, lowercase: bool = True) -> str:
    """What one raw character becomes, with spaces around every word-splitting piece."""
    code = ord(char)
    if char in "\t\n\r" or unicodedata.category(char) in _SPACE_CATEGORIES:
        return " "
    if code in (0, 0xFFFD) or unicodedata.category(char) in _DROPPED_CATEGORIES:
        return ""
    if any(low <= code <= high for low, high in _CJK):
        return f" {char} "
    if lowercase:  # accents are stripped only with lowercasing, as the uncased model was trained
        char = "".join(c for c in unicodedata.normalize("NFD", char) if unicodedata.category(c) != "Mn")
        char = "".join(c.lower() for c in char)
    return "".join(f" {c} " if _is_punctuation(c) else c for c in char)


@dataclass(frozen=True, slots=True)
class Encoding:
    """Token ids of one input with [CLS]/[SEP] added, and their segment (token type) ids."""

    ids: list[int]
    type_ids: list[int]


class WordPieceTokenizer:
    """Text to WordPiece ids for a BERT vocabulary; ``special_tokens`` are matched verbatim first."""

    def __init__(
        self, vocab: Sequence[str], special_tokens: Mapping[str, int], lowercase: bool = True
    ) -> None:
        self.vocab = {token: i for i, token in enumerate(vocab)}
        self.special_tokens = dict(special_tokens)
        self.lowercase = lowercase
        for name in ("[CLS]", "[SEP]", "[PAD]", "[UNK]"):
            if name not in self.special_tokens:
                raise ValueError(f"special token {name} missing from the model's special_tokens")
        by_length = sorted(self.special_tokens, key=len, reverse=True)
        self._special_split = re.compile("(" + "|".join(re.escape(t) for t in by_length) + ")")
        self._chars: dict[str, str] = {}
        self._words: dict[str, list[int]] = {}

    def tokenize(self, text: str) -> list[int]:
        """Ids of the text's sub-words and verbatim special tokens, without [CLS]/[SEP]."""
        ids: list[int] = []
        for i, part in enumerate(self._special_split.split(text)):
            if i % 2:  # the split pattern's group: a special token
                ids.append(self.special_tokens[part])
            elif part:
                for word in self._normalize(part).split():
                    ids.extend(self._word_ids(word))
        return ids

    def _normalize(self, text: str) -> str:
        table = self._chars
        for char in set(text) - table.keys():
            table[char] = normalize_char(char, self.lowercase)
        return "".join([table[c] for c in text])

    def _word_ids(self, word: str) -> list[int]:
        cached = self._words.get(word)
        if cached is None:
            cached = self._words[word] = self._wordpiece(word)
        return cached

    def _wordpiece(self, word: str) -> list[int]:
        if len(word) > MAX_WORD_CHARS:
            return [self.special_tokens["[UNK]"]]
        pieces: list[int] = []
        start = 0
        while start < len(word):
            for end in range(len(word), start, -1):
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    pieces.append(self.vocab[piece])
                    start = end
                    break
            else:  # no prefix of the rest is in the vocabulary: the whole word is unknown
                return [self.special_tokens["[UNK]"]]
        return pieces

    def encode(self, text: str, pair: str | None = None, max_length: int = 512) -> Encoding:
        """[CLS] text [SEP] (pair [SEP]), truncated to max_length ids, longest part first.

        An empty pair counts as no pair, as transformers' tokenizer call treats it.
        """
        first, second = self.tokenize(text), self.tokenize(pair) if pair else None
        budget = max_length - (3 if second is not None else 2)
        if second is None:
            first = first[:budget]
        else:
            first, second = truncate_longest_first(first, second, budget)
        cls, sep = self.special_tokens["[CLS]"], self.special_tokens["[SEP]"]
        ids = [cls, *first, sep]
        if second is None:
            return Encoding(ids=ids, type_ids=[0] * len(ids))
        return Encoding(ids=[*ids, *second, sep], type_ids=[0] * len(ids) + [1] * (len(second) + 1))


def truncate_longest_first(first: list[int], second: list[int], budget: int) -> tuple[list[int], list[int]]:
    """Cut the longer of two id lists until both fit the budget, as ``tokenizers`` LongestFirst."""
    if len(first) + len(second) <= budget:
        return first, second
    short = min(len(first), len(second), budget // 2)
    long_keep = budget - short
    if len(first) > len(second):  # on a tie the second keeps the odd extra id, as tokenizers does
        return first[:long_keep], second[:short]
    return first[:short], second[:long_keep]
