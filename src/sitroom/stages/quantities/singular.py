"""People counted by the indefinite article: "killed a Taliban commander and two associates" is three
killed. Only for people and only with a casualty or capture scope, where the count is the news."""

from __future__ import annotations

from collections.abc import Sequence

from sitroom.model import Article, Quantity, Token
from sitroom.stages.quantities.counted import scope_of

PERSON_NOUNS = frozenset(
    {"insurgent", "militant", "fighter", "leader", "commander", "facilitator", "suspect", "member",
     "soldier", "civilian", "man", "woman", "child", "boy", "girl", "individual", "person", "officer",
     "policeman", "policewoman", "journalist", "official", "bomber", "gunman", "attacker", "operative",
     "associate", "financier", "expert", "emir", "governor", "courier", "smuggler", "trafficker",
     "recruiter", "planner", "maker", "specialist", "lieutenant", "deputy", "chief", "agent", "spy",
     "hostage", "worker", "student", "protester", "demonstrator", "driver", "pilot", "marine", "trooper",
     "guard", "sniper", "terrorist", "rebel", "jihadist", "extremist", "criminal", "mullah", "cleric",
     "senator", "mayor", "judge", "doctor", "nurse", "teacher", "farmer", "villager", "resident",
     "contractor", "peacekeeper", "sailor", "airman", "policemen", "subcommander", "sub-commander"}
)  # fmt: skip
_PEOPLE_SCOPES = frozenset({"killed", "wounded", "captured"})
# "killed a commander", "detained another militant": one person each. Not "the": a definite person is
# mostly one already counted ("an insurgent leader ... killing the insurgent leader"); on the ISAF
# releases counting "the" too scored killed 0.546, captured 0.554 against 0.576, 0.602.
_INDEFINITE = frozenset({"a", "an", "another"})


def singular_people(
    article: Article, tokens: Sequence[tuple[int, Token]], taken: list[Quantity]
) -> list[Quantity]:
    """One figure of value 1 for each "a/an <person noun>" that was killed, wounded or captured."""
    body, found = article.body, []
    for i, token in tokens:
        if token.dep != "det" or body[token.start : token.end].lower() not in _INDEFINITE or token.head <= i:
            continue
        noun = article.tokens[token.head]
        if noun.pos != "NOUN" or noun.lemma.lower() not in PERSON_NOUNS:
            continue
        if any(q.start < noun.end and token.start < q.end for q in taken) or not _undergoes(
            article, token.head
        ):
            continue
        scope = scope_of(article, token.head)
        if scope in _PEOPLE_SCOPES:
            text = body[token.start : noun.end]
            unit = body[noun.start : noun.end].lower()
            found.append(Quantity(token.start, noun.end, text, 1.0, unit=unit, scope=scope))
    return found


def _undergoes(article: Article, noun: int) -> bool:
    """The person is what the verb acts on ("killed a leader", "a man was detained"), perhaps through a
    list or "including"; not someone searched for, targeted or talked about."""
    tokens = article.tokens
    for _ in range(4):
        token = tokens[noun]
        if token.dep in ("conj", "appos"):
            noun = token.head
        elif token.dep == "pobj" and tokens[token.head].lemma.lower() == "include":
            noun = tokens[token.head].head
        else:
            return token.dep in ("dobj", "nsubjpass") and not _purpose(article, token.head)
    return False


def _purpose(article: Article, verb: int) -> bool:
    """ "an operation to detain a Taliban leader": what the force set out to do, not what it did."""
    token = article.tokens[verb]
    if token.dep not in ("acl", "advcl", "xcomp", "relcl") or token.tag != "VB":
        return False
    before = article.tokens[max(0, verb - 3) : verb]
    return any(t.head == verb and t.dep == "aux" and t.tag == "TO" for t in before)
