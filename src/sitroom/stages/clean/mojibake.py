"""Undo the commonest mojibake: UTF-8 text that was read as Windows-1252 (or Latin-1) somewhere upstream.

Scraped pages carry it as served ("Investorâ€™s Guide", "EspaÃ±ol", "for cats.Â "): each character of a
UTF-8 sequence became a character of its own. A run that spells one whole, valid UTF-8 sequence in
those code pages is put back; anything else is left as written, so legitimate accents ("à la",
"café") stay. The repair works on the text before any span is taken, so offsets stay true.
"""

from __future__ import annotations

import re

# The characters Windows-1252 prints for bytes 0x80-0x9F; Latin-1 gives the C1 controls instead.
_CP1252_HIGH = {
    char: byte for byte in range(0x80, 0xA0) if (char := bytes([byte]).decode("cp1252", errors="ignore"))
}
_CONTINUATION = "[\u0080-\u00bf" + "".join(sorted(_CP1252_HIGH)) + "]"
# A lead byte and exactly the continuation bytes it needs: 2, 3 or 4 bytes in all.
_SEQUENCE = re.compile(
    f"[\u00c2-\u00df]{_CONTINUATION}|[\u00e0-\u00ef]{_CONTINUATION}{{2}}|[\u00f0-\u00f4]{_CONTINUATION}{{3}}"
)


# A two-byte sequence spells a Latin, Greek or Cyrillic letter (or a no-break space) when it is mojibake.
LAST_TWO_BYTE_LETTER = 0x052F


# The lead characters mojibake of Latin letters, punctuation, Cyrillic, Greek and emoji starts with; a
# page without any of them is returned after a few substring tests instead of a scan of every character.
_MARKERS = ("Ã", "Â", "â", "Ð", "Ñ", "Å", "Ä", "Î", "Ï", "ð", "ã")


def repair(text: str) -> str:
    """The text with each mis-decoded UTF-8 sequence put back as the one character it spells."""
    if not any(marker in text for marker in _MARKERS) or _SEQUENCE.search(text) is None:
        return text
    return _SEQUENCE.sub(_decoded, text)


def _decoded(match: re.Match[str]) -> str:
    raw = bytes(_CP1252_HIGH.get(char, ord(char)) for char in match.group())
    try:
        char = raw.decode("utf-8")
    except UnicodeDecodeError:
        return match.group()
    if len(raw) == 2 and not 0xA0 <= ord(char) <= LAST_TWO_BYTE_LETTER:
        return match.group()  # "ß’" in German is no mojibake of an N'Ko letter
    return char
