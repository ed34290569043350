"""How sure the text is about an event: reported, planned, estimated, denied or hypothetical.

Read from the cue verb, its auxiliaries and the verbs above it ("plans to introduce sanctions",
"could be deployed by December", "dismissed the report as fake news", "would be contaminated").
"""

from __future__ import annotations

import re

from sitroom.model import Token

_DENY = {"deny", "dismiss", "refute", "rebut", "debunk"}
_DENIAL_PHRASE = re.compile(
    r"\b(fake news|false|baseless|groundless|fabricat\w+|untrue|lies|nonsense|rumou?rs?)\b", re.IGNORECASE
)
_HYPOTHETICAL_AUX = {"would", "should"}
_CONDITION = {"if", "unless", "whether"}  # "it remains to be seen whether X will join"
_ESTIMATE_AUX = {"could", "may", "might", "can"}
_ESTIMATE = {"estimate", "expect", "believe", "predict", "forecast", "assess", "likely", "project", "suspect"}
_PLAN_AUX = {"will", "shall"}
_PLAN = {
    "plan",
    "intend",
    "prepare",
    "aim",
    "propose",
    "schedule",
    "vow",
    "pledge",
    "promise",
    "seek",
    "set",
    "decide",
}
# Nouns of intent: "expressed its intent to take measures", "announced plans to", "its readiness to".
_PLAN_NOUNS = {"intent", "intention", "plan", "readiness", "willingness"}
_NOBODY = {"nobody", "noone", "none", "nothing"}
# "X accused Y of ..., a claim Z deny": the denial is of what was claimed, the claiming happened
_CLAIMS = {"claim", "charge", "accusation", "allegation", "assertion", "contention"}
_ORDER = ("denied", "hypothetical", "estimated", "planned")


def factuality(tokens: tuple[Token, ...], cue: int, lo: int, hi: int, text: str) -> str:
    """The factuality of the event whose cue is tokens[cue]; lo:hi bound the sentence's tokens."""
    found: set[str] = set()
    k, steps = cue, 0
    while True:
        lemma = tokens[k].lemma.lower()
        if k != cue and not _denies_the_claim(tokens, cue, k):
            found |= _from_governor(lemma, text)
        found |= _from_children(tokens, k, lo, hi, is_cue=k == cue)
        if tokens[k].head == k or steps >= 3 or not lo <= tokens[k].head < hi:
            break
        if _second_saying(tokens, k, lo, hi) or _own_account(tokens, k, lo, hi):
            break
        if tokens[k].dep not in (
            "xcomp",
            "ccomp",
            "conj",
            "advcl",
            "relcl",
            "acl",
            "pcomp",
            "pobj",
            "prep",
            "dobj",
        ):
            break
        k, steps = tokens[k].head, steps + 1
    if "hypothetical" in found and _future_in_the_past(tokens, cue, lo, hi):
        found = (found - {"hypothetical"}) | {"planned"}
    return next((name for name in _ORDER if name in found), "reported")


def _future_in_the_past(tokens: tuple[Token, ...], cue: int, lo: int, hi: int) -> bool:
    """ "Starmer said the U.K. would provide a loan": a "will" reported in the past, not a condition (no
    "if", "unless" or "whether" in the sentence, and not "would have", which did not happen)."""
    aux = {tokens[j].lemma.lower() for j in range(max(lo, cue - 4), cue) if tokens[j].head == cue
           and tokens[j].dep == "aux"}  # fmt: skip
    if "would" not in aux or "have" in aux:
        return False
    head = tokens[cue].head
    if tokens[cue].dep != "ccomp" or tokens[head].lemma.lower() not in _TELLING:
        return False
    return not any(tokens[j].lemma.lower() in _CONDITION for j in range(lo, hi))


_SAYING = frozenset({"say", "warn", "add", "insist", "vow", "claim", "declare", "announce", "state",
                     "threaten"})  # fmt: skip
_TELLING = _SAYING | {"tell"}  # reporting what was said, or told to someone


def _second_saying(tokens: tuple[Token, ...], k: int, lo: int, hi: int) -> bool:
    """A saying verb with its own that-clause and no subject, joined by the parser to a verb inside
    another clause ("Russia denied that its soldiers took part and warned that ..."): the speaker's
    second act, which takes nothing from the verbs above it."""
    token = tokens[k]
    if token.dep != "conj" or token.lemma.lower() not in _SAYING:
        return False
    deps = {tokens[j].dep for j in range(lo, hi) if tokens[j].head == k and j != k}
    return "ccomp" in deps and not deps & {"nsubj", "nsubjpass"}


def _own_account(tokens: tuple[Token, ...], k: int, lo: int, hi: int) -> bool:
    """ "denied that civilians were targeted, telling MRTV that the air force had struck a camp": a
    saying participle whose governor has a that-clause of its own gives the speaker's account, which the
    denial above does not cover."""
    token = tokens[k]
    if token.dep != "advcl" or token.lemma.lower() not in _TELLING or token.tag != "VBG":
        return False
    head = token.head
    return any(tokens[j].head == head and tokens[j].dep == "ccomp" and j != k for j in range(lo, hi))


def _denies_the_claim(tokens: tuple[Token, ...], cue: int, k: int) -> bool:
    """ "Moldova accused Transnistrian forces of moving troops, a claim Tiraspol and Moscow deny": the
    deny verb after the cue takes as its own a claim noun set after the cue, which restates the cue's
    clause; the parser hangs the cue under the denial, but whoever made the claim did make it."""
    if k < cue or tokens[k].lemma.lower() not in _DENY:
        return False
    return any(
        cue < j < k and tokens[j].head == k and tokens[j].lemma.lower() in _CLAIMS for j in range(cue + 1, k)
    )


def _from_governor(lemma: str, text: str) -> set[str]:
    """A verb above the cue: "plans to", "is expected to", "denied that", "dismissed ... as fake news"."""
    if lemma in _DENY or (lemma == "reject" and _DENIAL_PHRASE.search(text)):
        return {"denied"}
    if lemma in _ESTIMATE:
        return {"estimated"}
    if lemma in _PLAN or lemma in _PLAN_NOUNS:
        return {"planned"}
    return set()


def _from_children(tokens: tuple[Token, ...], k: int, lo: int, hi: int, is_cue: bool) -> set[str]:
    found: set[str] = set()
    if tokens[k].lemma.lower() in _DENY and is_cue:
        found.add("denied")
    # a plan or expectation negated covers the event under it: "has no plans to send troops"
    negatable = is_cue or tokens[k].lemma.lower() in _PLAN | _ESTIMATE
    for child in range(max(lo, k - 6), min(hi, k + 3)):
        token = tokens[child]
        if token.head != k or child == k:
            continue
        word = token.lemma.lower()
        if negatable and (token.dep == "neg" or (token.dep == "det" and word == "no")):
            found.add("denied")  # "did not deploy": the text says it did not happen
        elif token.dep in ("nsubj", "nsubjpass") and word in _NOBODY:
            found.add("denied")  # "nobody will use it to threaten": no one does
        elif token.dep in ("aux", "auxpass", "mark") and word in _HYPOTHETICAL_AUX | _CONDITION:
            found.add("hypothetical")
        elif token.dep in ("aux", "auxpass") and word in _ESTIMATE_AUX:
            found.add("estimated")
        elif token.dep in ("aux", "auxpass") and word in _PLAN_AUX:
            found.add("planned")
        elif is_cue and token.dep == "dobj" and word in _PLAN_NOUNS:
            found.add("planned")  # "expressed its intent to take phased measures": not done yet
    if is_cue and "denied" in found and _counterfactual(tokens, k, lo, hi):
        found.discard("denied")  # "would not have moved troops without a nod": a conditional, no denial
    return found


def _counterfactual(tokens: tuple[Token, ...], k: int, lo: int, hi: int) -> bool:
    """ "would (not) have moved": a past that did not happen under some condition."""
    window = range(max(lo, k - 6), k)
    auxes = {tokens[c].lemma.lower() for c in window if tokens[c].head == k and tokens[c].dep == "aux"}
    return bool(auxes & _HYPOTHETICAL_AUX) and "have" in auxes


def is_future(tokens: tuple[Token, ...], verb: int, lo: int, hi: int) -> bool:
    """Whether "will" or "shall" is among the verb's auxiliaries."""
    return any(
        tokens[i].head == verb and tokens[i].dep == "aux" and tokens[i].lemma.lower() in _PLAN_AUX
        for i in range(max(lo, verb - 5), verb)
    )


def refuses(tokens: tuple[Token, ...], verb: int, lo: int, hi: int) -> bool:
    """ "will not end the strike", "would not release them": a negated future, a refusal stated now."""
    window = [i for i in range(max(lo, verb - 5), verb) if tokens[i].head == verb]
    negated = any(tokens[i].dep == "neg" for i in window)
    willed = any(tokens[i].dep == "aux" and tokens[i].lemma.lower() in ("will", "would") for i in window)
    return negated and willed
