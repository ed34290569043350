import pytest

from sitroom.nn import WordPieceTokenizer
from sitroom.nn.wordpiece import normalize_char, truncate_longest_first
from tests.nn.tiny import MARKERS, VOCAB

SPECIALS = {t: VOCAB.index(t) for t in ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")} | MARKERS


@pytest.fixture(scope="module")
def tok() -> WordPieceTokenizer:
    return WordPieceTokenizer(VOCAB, SPECIALS)


def pieces(tok: WordPieceTokenizer, text: str) -> list[str]:
    names = {i: t for t, i in SPECIALS.items()} | dict(enumerate(VOCAB))
    return [names[i] for i in tok.tokenize(text)]


def test_lowercases_strips_accents_and_splits_punctuation(tok: WordPieceTokenizer) -> None:
    assert pieces(tok, "The Harbour-Authority FINED (the) Café owners!") == [
        "the", "harbour", "-", "authority", "fined", "(", "the", ")", "cafe", "owners", "!"]
    assert pieces(tok, "Zürich's $") == ["zurich", "'", "s", "$"]


def test_subwords_longest_match_first_and_unknown_words(tok: WordPieceTokenizer) -> None:
    # "##able" wins over the shorter "##ab" that also matches
    assert pieces(tok, "unbelievables") == ["un", "##believ", "##able", "##s"]
    assert pieces(tok, "unbelievablex") == ["[UNK]"]  # no way to finish the word: the whole word is unknown
    assert pieces(tok, "ok" + "s" * 120) == ["[UNK]"]  # over 100 characters


def test_non_latin_scripts_cjk_spacing_and_controls(tok: WordPieceTokenizer) -> None:
    assert pieces(tok, "北京ok") == ["北", "京", "ok"]  # ideographs are split apart even without spaces
    assert pieces(tok, "МОСКВА и") == ["москва", "и"]
    assert pieces(tok, "ok\u200b\x07ok\tthe\u00a0the\u3000the") == ["[UNK]", "the", "the", "the"]
    assert normalize_char("\ufffd") == "" and normalize_char("\u2028") == " "
    assert normalize_char("É") == "e" and normalize_char("Σ") == "σ"


def test_empty_and_blank_text(tok: WordPieceTokenizer) -> None:
    for text in ("", "   ", "\n\t", "\u200b"):
        assert tok.tokenize(text) == []
        assert tok.encode(text).ids == [SPECIALS["[CLS]"], SPECIALS["[SEP]"]]


def test_marker_tokens_match_verbatim(tok: WordPieceTokenizer) -> None:
    assert pieces(tok, "<s>The ferry</s> fined") == ["<s>", "the", "ferry", "</s>", "fined"]
    # case matters for special tokens; the upper-case form is ordinary punctuation and letters
    assert pieces(tok, "<S>") == ["<", "s", ">"]


def test_encode_adds_specials_truncates_and_marks_segments(tok: WordPieceTokenizer) -> None:
    enc = tok.encode("the ferry operator said", max_length=4)
    assert enc.ids == [SPECIALS["[CLS]"], VOCAB.index("the"), VOCAB.index("ferry"), SPECIALS["[SEP]"]]
    pair = tok.encode("the ferry", "a b e")
    assert pair.type_ids == [0, 0, 0, 0, 1, 1, 1, 1]
    assert pair.ids[-1] == SPECIALS["[SEP]"] and len(pair.ids) == 8
    assert tok.encode("the ferry", "") == tok.encode("the ferry")


def test_longest_first_truncation() -> None:
    assert truncate_longest_first(list(range(10)), list(range(3)), 13) == (list(range(10)), list(range(3)))
    first, second = truncate_longest_first(list(range(10)), list(range(3)), 8)
    assert (len(first), len(second)) == (5, 3)
    first, second = truncate_longest_first(list(range(10)), list(range(10)), 13)
    assert (len(first), len(second)) == (6, 7)  # a tie gives the odd extra to the second, as tokenizers


def test_missing_special_tokens_are_refused() -> None:
    with pytest.raises(ValueError, match=r"\[SEP\]"):
        WordPieceTokenizer(VOCAB, {"[CLS]": 2, "[PAD]": 0, "[UNK]": 1})
