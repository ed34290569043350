"""Stance of a statement (assert, deny, decline, estimate, speculate, demand, threaten, accuse) and
the hedges around it, from the cue verb and words of the sentence."""

from __future__ import annotations

import re

STANCES = ("assert", "deny", "decline", "estimate", "speculate", "demand", "threaten", "accuse")

_CUE_STANCE = {
    "deny": "deny", "dismiss": "deny", "reject": "deny", "refute": "deny", "rebuff": "deny",
    "dispute": "deny", "contradict": "deny",
    "decline": "decline", "refuse": "decline",
    "estimate": "estimate", "calculate": "estimate", "project": "estimate", "forecast": "estimate",
    "assess": "estimate", "put": "estimate",
    "speculate": "speculate", "suggest": "speculate", "believe": "speculate", "think": "speculate",
    "guess": "speculate", "predict": "speculate", "expect": "speculate", "wonder": "speculate",
    "urge": "demand", "demand": "demand", "call": "demand", "ask": "demand", "press": "demand",
    "appeal": "demand", "request": "demand", "implore": "demand",
    "warn": "threaten", "threaten": "threaten", "vow": "threaten",
    "accuse": "accuse", "blame": "accuse", "allege": "accuse", "charge": "accuse", "condemn": "accuse",
    "denounce": "accuse", "criticize": "accuse", "criticise": "accuse", "slam": "accuse",
}
_DECLINE = re.compile(
    r"\b(?:(?:declin|refus)\w* (?:to )?(?:comment|confirm|discuss|elaborate|answer|disclose|specify|"
    r"say|speculate|give|provide|respond|reveal|identify|name)|(?:did|does|would|will|could) not "
    r"(?:\w+ )?(?:comment|confirm|elaborate|discuss|disclose|respond|say)|no comment|"
    r"not (?:a )?(?:public|for public)|category of public|not (?:at liberty|in a position) to)",
    re.IGNORECASE,
)
_DENY = re.compile(
    r"\b(?:fake news|not true|untrue|baseless|groundless|no truth|fabricat\w+|nonsense|"
    r"no evidence|(?:was|is|were|are) false|never happened|denied|deny|denies|"
    r"(?:is|was|are|were|has|have|had|did|do|does) not (?:\w+ )?(?:involved|happen\w*|exist|true))\b",
    re.IGNORECASE,
)
_THREATEN = re.compile(
    r"\b(?:will (?:respond|retaliate|not tolerate|take (?:\w+ )?(?:measures|action|steps))|"
    r"consequences|retaliat\w+|pay a (?:heavy )?price|all options)\b", re.IGNORECASE,
)
_DEMAND = re.compile(
    r"\b(?:must|should|needs? to|ought to|have to|has to|called (?:on|for)|calls? (?:on|for)|"
    r"urg\w+|demand\w*|immediately (?:halt|stop|cease|withdraw))\b", re.IGNORECASE,
)
_ACCUSE = re.compile(
    r"\b(?:accus\w+|blam\w+|denounc\w+|condemn\w*|illegal act|violat\w+|responsible for|"
    r"war crimes?|provocation|aggression)\b", re.IGNORECASE,
)
_ESTIMATE = re.compile(
    r"\b(?:estimat\w+|about|around|approximately|roughly|as many as|up to|nearly|some|at least|"
    r"more than)\s+(?:\$|€|£)?\d", re.IGNORECASE,
)
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


def stance_of(cue_lemma: str | None, content: str, sentence: str) -> str:
    """The statement's stance; a refusal in the sentence wins over what the cue verb says."""
    if _DECLINE.search(sentence) or cue_lemma in ("decline", "refuse"):
        return "decline"
    by_cue = _CUE_STANCE.get(cue_lemma or "")
    if by_cue and by_cue != "speculate":
        return by_cue
    for stance, pattern in (("deny", _DENY), ("threaten", _THREATEN), ("demand", _DEMAND),
                            ("accuse", _ACCUSE)):
        if pattern.search(content):
            return stance
    if _ESTIMATE.search(content):
        return "estimate"
    if by_cue == "speculate" or _SPECULATE.search(content):
        return "speculate"
    return "assert"


def hedges_in(text: str) -> tuple[str, ...]:
    """Hedging words as written ("reportedly", "believed to be"), in order, each once."""
    seen: list[str] = []
    for match in _HEDGES.finditer(text):
        if match.group() not in seen:
            seen.append(match.group())
    return tuple(seen)
