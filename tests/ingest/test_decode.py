import codecs

import pytest

from sitroom.ingest.decode import DecodeError, decode


def test_utf8_plain_and_with_bom():
    assert decode("Seoul – Pyongyang".encode()) == "Seoul – Pyongyang"
    assert decode(codecs.BOM_UTF8 + "naïve".encode()) == "naïve"


def test_utf16_with_and_without_bom():
    text = "Troops moved “north” on Friday."
    assert decode(text.encode("utf-16")) == text  # BOM written by the codec
    assert decode(text.encode("utf-16-le")) == text
    assert decode(text.encode("utf-16-be")) == text


def test_latin1_and_cp1252_fall_back():
    assert decode("Café in Zürich".encode("latin-1")) == "Café in Zürich"
    assert decode("“quoted” – dash".encode("cp1252")) == "“quoted” – dash"


@pytest.mark.parametrize("data", [b"", b"   \n\t ", b"\x00\x01\x02\x03binary\x00\xff" * 20])
def test_empty_and_binary_are_refused_with_a_reason(data):
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert str(info.value) in {"empty file", "binary content, not text"}
