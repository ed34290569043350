"""Who published a page and whose copy it carries: the outlet (copyright line, paywall, about box,
credit line) and the wire credit ("(Yonhap)", "NEW YORK (Reuters) -", "(FRANCE 24 with AFP)")."""

from __future__ import annotations

import re

from sitroom.stages.clean.textmeta import dateline_wire

# "(Yonhap)", "(AP)", "— Reuters", "/AFP/" at the very end of the body.
_WIRE_END = re.compile(
    r"(?:\((?P<paren>[A-Z][\w&.\- ]{1,30})\)|(?:--|—|–)\s*(?P<dash>[A-Z][\w&.]{1,15}))\s*$"
)
# A credit on its own line under the story: "(AFP)", "(FRANCE 24 with AFP)", "(With Reuters)".
_CREDIT_ALONE = re.compile(
    r"^\((?:(?i:with) |(?P<house>[A-Z][\w&.\-]*(?: [A-Z0-9][\w&.\-]*){0,3}) (?i:with) )?"
    r"(?P<wire>[A-Z][\w&.\-]{1,15}(?: [A-Z][\w&.\-]{1,15})?)\)$"
)
_END_MARKS = ("END", "ENDS", "MORE")  # "(END)" closes a Yonhap story; it names no wire
_NOT_WIRES = frozenset(("photo", "photos", "video", "audio", "file", "update", "updated", "advertisement"))


def closing_credit(text: str) -> tuple[str | None, str | None]:
    """The publication and the wire a credit line under the story names: "(FRANCE 24 with AFP)" gives
    ("FRANCE 24", "AFP"), "(AFP)" gives (None, "AFP"); neither for any other line."""
    match = _CREDIT_ALONE.match(text.strip())
    wire = match.group("wire") if match else ""
    if match is None or wire.upper() in _END_MARKS or wire.lower() in _NOT_WIRES:
        return None, None
    return match.group("house"), match.group("wire")


def find_wire(last_paragraph: str, first_paragraph: str = "") -> str | None:
    """A wire credit closing the story ("(Yonhap)") or inside the dateline ("(Reuters)")."""
    match = _WIRE_END.search(last_paragraph[-40:])
    if match:
        name = (match.group("paren") or match.group("dash") or "").strip()
        end_mark = name.upper() in _END_MARKS
        if 1 <= len(name.split()) <= 3 and not name.isdigit() and not end_mark:
            return name
    return dateline_wire(first_paragraph)



_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}\s*(?:[-–]\s*(?:19|20)?\d{2,4})?\s*,?\s*)"
    r"(?P<name>[A-Z][\w&.'\- ]{1,60}?)\s*(?:[.,|;]|all rights|$)",
    re.IGNORECASE,
)


def find_outlet(footer: list[str], page: list[str] | None = None) -> str | None:
    """The publisher named in a copyright line ("© 2024 Harbour Gazette. All rights reserved."),
    as the brand the page itself uses ("Harbourline", not "Harbourline Media Ltd")."""
    for text in reversed(footer):
        match = _COPYRIGHT_HOLDER.search(text)
        if match:
            name = match.group("name").strip()
            if 1 <= len(name.split()) <= 6 and not name.lower().startswith(("all ", "by ")):
                return brand_name(name, page or [])
    return None


# The page's furniture naming its own publication: a paywall's "Your full access to the Harbour
# Gazette has expired", an about box's "Harbour Gazette journalists report the news in 27 languages".
_HOUSE_NAME = r"(?P<name>[A-Z][\w'’&/.-]*(?:[ \t]+(?:[A-Z][\w'’&/.-]*|of|the|and|&)){0,4})"
_HOUSE = (
    re.compile(r"\b(?:full|unlimited|digital|premium) access to (?:the )?" + _HOUSE_NAME),
    re.compile(_HOUSE_NAME + r"[ \t]+(?:journalists|reporters|correspondents)[ \t]+(?:report|cover|work)\b"),
)
_HOUSE_WORDS = ("journalists", "reporters", "correspondents")
_NOT_HOUSE = frozenset({"the", "our", "your", "this", "all", "get", "read", "image", "photo"})


def house_name(furniture: list[str], page: list[str]) -> str | None:
    """The publication a page's paywall or about box names, when the page names it at least twice."""
    lowered = "\n".join(furniture).lower()
    if "access to" not in lowered and not any(word in lowered for word in _HOUSE_WORDS):
        return None  # most pages: neither phrase, so no pattern to try
    for text in furniture:
        for pattern in _HOUSE:
            for match in pattern.finditer(text):
                name = re.sub(r"(?:\s+(?:of|the|and|&))+$", "", match.group("name").strip(" .'’"))
                first = name.split()[0] if name else ""
                if not first or first.lower() in _NOT_HOUSE:
                    continue
                if sum(line.count(first) for line in page) >= 2:
                    return name
    return None


# A copyright notice names the company; the outlet is its brand. Legal forms always go; a generic
# business word goes only when the page also uses the name without it.
_LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:ltd|limited|inc|incorporated|llc|llp|plc|co|company|corp|corporation|gmbh|ag|s\.?a|"
    r"pty|pvt|n\.?v|b\.?v)\.?)+$",
    re.IGNORECASE,
)
_BUSINESS_WORD = re.compile(
    r"\s+(?:&\s+|and\s+)?(?:media|group|publishing|publications|holdings|communications|newspapers|"
    r"enterprises|network|networks)$",
    re.IGNORECASE,
)


def brand_name(holder: str, page: list[str]) -> str:
    """ "Harbourline Media Ltd." -> "Harbourline" when the page says "Harbourline" elsewhere."""
    name = _LEGAL_FORM.sub("", holder.strip().rstrip(".")).strip() or holder.strip()
    others = [text for text in page if holder not in text]
    while (shorter := _BUSINESS_WORD.sub("", name)) != name and shorter:
        dropped = re.escape(name[len(shorter) :].strip())
        alone = re.compile(rf"(?<!\w){re.escape(shorter)}(?!\w)(?!\s+{dropped})")
        if not any(alone.search(text) for text in others):
            break
        name = shorter
    return name
