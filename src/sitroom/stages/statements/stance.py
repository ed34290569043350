"""Stance of a statement (assert, deny, decline, estimate, speculate, demand, threaten, accuse) and
the hedges around it, from the cue verb and words of the sentence."""

from __future__ import annotations

import re

STANCES = ("assert", "deny", "decline", "estimate", "speculate", "demand", "threaten", "accuse")

_CUE_STANCE = {
    "deny": "deny", "dismiss": "deny", "reject": "deny", "refute": "deny", "rebuff": "deny",
    "dispute": "deny", "contradict": "deny",
    "decline": "decline", "refuse": "decline",
    "estimate": "estimate", "calculate": "estimate", "forecast": "estimate", "assess": "estimate",
    "speculate": "speculate", "believe": "speculate", "think": "speculate", "guess": "speculate",
    "expect": "speculate", "wonder": "speculate", "predict": "speculate", "worry": "speculate",
    "fear": "speculate",
    "urge": "demand", "demand": "demand", "ask": "demand", "press": "demand", "propose": "demand",
    "appeal": "demand", "request": "demand", "implore": "demand", "recommend": "demand", "advise": "demand",
    "threaten": "threaten",
    "accuse": "accuse", "blame": "accuse", "allege": "accuse", "charge": "accuse", "condemn": "accuse",
    "denounce": "accuse", "criticize": "accuse", "criticise": "accuse", "slam": "accuse", "attack": "accuse",
    "blast": "accuse", "lambaste": "accuse", "brand": "accuse", "pound": "accuse", "assail": "accuse",
    "decry": "accuse", "deplore": "accuse", "fault": "accuse", "castigate": "accuse", "berate": "accuse",
    "mock": "accuse", "ridicule": "accuse", "rebuke": "accuse", "chide": "accuse", "scold": "accuse",
    "question": "accuse", "rip": "accuse", "hammer": "accuse",
}
# Stance words inside a multi-word cue ("made a strong condemnation of", "has called for").
_CUE_WORDS = (
    ("decline", re.compile(r"\b(?:refus|declin)\w*", re.IGNORECASE)),
    ("demand", re.compile(r"\bcall(?:s|ed|ing)? (?:for|on)\b|\burg\w+|\bdemand\w*", re.IGNORECASE)),
    ("accuse", re.compile(r"\b(?:condemn|critici[sz]|accus|blam|attack|denounc|concern)\w*", re.IGNORECASE)),
    ("deny", re.compile(r"\b(?:den(?:y|ied|ies)|reject|dismiss)\w*", re.IGNORECASE)),
    ("estimate", re.compile(r"\b(?:estimat|forecast|project(?:ed|ion)s?)\w*", re.IGNORECASE)),
)
_DECLINE = re.compile(
    r"\b(?:(?:declin|refus)\w* to \w+|(?:declin|refus)\w* comment|(?:did|does|would|will|could) not "
    r"(?:\w+ )?(?:comment|confirm|elaborate|discuss|disclose|respond|say)|no comment)",
    re.IGNORECASE,
)
# Refusals that sit inside what was said ("troop movements are not a public matter").
_DECLINE_CONTENT = re.compile(
    r"\b(?:no comment|not (?:a )?(?:public|for public)|category of public|not (?:at liberty|in a position) "
    r"to|(?:will|would|can|could) not (?:comment|discuss|disclose|elaborate))", re.IGNORECASE,
)
_DENY = re.compile(
    r"\b(?:fake news|not true|untrue|baseless|groundless|no truth|fabricat\w+|nonsense|"
    r"no evidence|(?:was|is|were|are) false|never happened|denied|deny|denies|"
    r"(?:is|was|are|were|has|have|had|did|do|does) not (?:\w+ )?(?:involved|happen\w*|exist|true))\b",
    re.IGNORECASE,
)
_THREATEN = re.compile(
    r"\b(?:will (?:respond|retaliate|not tolerate|take (?:\w+ )?(?:measures|action|steps))|"
    r"consequences|retaliat\w+|pay a (?:heavy )?price|all options|met with (?:force|a \w+ response)|"
    r"use (?:of )?force|punish\w*|strike back|hit back)\b", re.IGNORECASE,
)
_DEMAND = re.compile(
    r"\b(?:must|should|needs? to|ought to|have to|has to|called (?:on|for)|calls? (?:on|for)|"
    r"urg\w+|demand\w*|immediately (?:halt|stop|cease|withdraw))\b", re.IGNORECASE,
)
_ACCUSE = re.compile(
    r"\b(?:accus\w+|blam\w+|denounc\w+|condemn\w*|illegal act|violat\w+|responsible for|"
    r"war crimes?|provocation|aggression|liar|lying|lies|fraud\w*|scam\w*|con artist|hoax|ploy|"
    r"disgrace\w*|corrupt\w*|crooked|dishonest|reckless|irresponsible|shameful|outrageous|disgusting|"
    r"pathetic|unfit|incompeten\w+|charlatan|deplorables?|racis[mt]|bigot\w*|amoral|waste of time|"
    r"destroying|bad judgment|failed to|failure of|abuse\w*|cover-?up)\b", re.IGNORECASE,
)
_ESTIMATE = re.compile(
    r"\b(?:estimat\w+|about|around|approximately|roughly|as many as|up to|nearly|some|at least|"
    r"more than)\s+(?:\$|€|£)?\d", re.IGNORECASE,
)
# A figure about the future ("will grow 1.6 percent", "would cost $150 billion") is an estimate.
_FORECAST = re.compile(
    r"\b(?:will|would|could|to)\b[^.;]{0,60}?(?:\$|€|£)?\d[\d.,]*\s*(?:percent|per cent|%|billion|million|"
    r"trillion|points?)", re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:will|would|could|may|might|going to)\b", re.IGNORECASE)
_SPECULATE = re.compile(
    r"\b(?:may|might|could|possibly|perhaps|probably|likely|unlikely|it is possible|"
    r"would (?:probably|likely)|seems?|appears?)\b", re.IGNORECASE,
)
_HEDGES = re.compile(
    r"\b(?:reportedly|allegedly|apparently|purportedly|supposedly|presumably|"
    r"(?:is|are|was|were) (?:believed|thought|said|reported|understood|expected) to(?: be| have)?|"
    r"believed to be|unconfirmed|suspected|rumou?red|it appears|appears? to|seems? to)\b",
    re.IGNORECASE,
)


def stance_of(cue_lemma: str | None, content: str, sentence: str, cue_text: str = "") -> str:
    """The statement's stance; a refusal in the sentence wins over what the cue verb says."""
    lead = sentence[: max(0, sentence.find(content))] if content in sentence else sentence
    refusal = _DECLINE.search(lead + " " + cue_text) or _DECLINE_CONTENT.search(content)
    if refusal or cue_lemma in ("decline", "refuse"):
        return "decline"
    by_cue = _cue_stance(cue_lemma, cue_text, content)
    if by_cue and by_cue != "speculate":
        return by_cue
    if _ESTIMATE.search(content) or _FORECAST.search(content):
        return "estimate"
    for stance, pattern in (("deny", _DENY), ("threaten", _THREATEN), ("demand", _DEMAND),
                            ("accuse", _ACCUSE)):
        if pattern.search(content):
            return stance
    if by_cue == "speculate" or _SPECULATE.search(content):
        return "speculate"
    return "assert"


def _cue_stance(cue_lemma: str | None, cue_text: str, content: str) -> str | None:
    if cue_lemma in ("warn", "vow", "pledge"):
        # a warning of what the speaker's side will do is a threat; a forecast of trouble speculates
        if _THREATEN.search(content) or (cue_lemma == "warn" and not _FUTURE.search(content)):
            return "threaten"
        return "speculate" if cue_lemma == "warn" else None
    if cue_lemma == "call":
        return "demand" if re.search(r"\bcall\w* (?:for|on)\b", cue_text, re.IGNORECASE) else None
    for stance, pattern in _CUE_WORDS:
        if len(cue_text.split()) > 1 and pattern.search(cue_text):
            return stance
    return _CUE_STANCE.get(cue_lemma or "")


def hedges_in(text: str) -> tuple[str, ...]:
    """Hedging words as written ("reportedly", "believed to be"), in order, each once."""
    seen: list[str] = []
    for match in _HEDGES.finditer(text):
        if match.group() not in seen:
            seen.append(match.group())
    return tuple(seen)
