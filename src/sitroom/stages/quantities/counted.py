"""What a figure counts and in what scope: the counted noun after it, and the verbs it hangs from
("were killed", "could be deployed", "decided to send")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitroom.model import Article, Token

# What the governing verb says about the figure; later entries in _WRAPPERS override it.
_OUTCOMES = {
    "killed": {"kill", "die", "dead", "slay", "execute", "massacre", "behead", "fatality", "death"},
    "wounded": {"wound", "injure", "hurt", "injured", "wounded"},
    "captured": {"capture", "detain", "arrest", "seize", "apprehend", "abduct", "kidnap", "hold"},
    "deployed": {"deploy", "send", "dispatch", "station", "arrive", "move", "transfer", "post", "base"},
    "displaced": {"displace", "flee", "evacuate", "uproot"},
}
_PARTITIVE = frozenset({"of", "include", "among"})
_BEING_AT = {"remain", "stay", "be", "work", "live", "gather", "wait", "shelter"}
_WRAPPERS = {
    "decided": {"decide", "agree", "approve", "authorize", "authorise", "order", "pledge", "commit"},
    "planned": {"plan", "intend", "prepare", "will", "shall", "aim", "propose", "schedule", "seek"},
    "estimated": {"could", "may", "might", "estimate", "expect", "believe", "likely", "would"},
}


def number_token(tokens: list[tuple[int, Token]], match: re.Match[str]) -> int | None:
    inside = [i for i, t in tokens if match.start() <= t.start < match.end()]
    return inside[-1] if inside else None


def counted_noun(body: str, after: int, tokens: list[tuple[int, Token]]) -> tuple[str, int, int] | None:
    """The noun the figure counts, within a few words: "3,000 North Korean troops", "six of its soldiers"."""
    following = [(i, t) for i, t in tokens if t.start >= after][:6]
    for k, (index, token) in enumerate(following):
        word = body[token.start : token.end]
        # "7 Marines were injured": a plural proper noun counts too, when no name follows it
        plural_name = token.tag == "NNPS" and (k + 1 == len(following) or following[k + 1][1].pos != "PROPN")
        if token.pos == "NOUN" or plural_name:
            nxt = following[k + 1][1] if k + 1 < len(following) else None
            if nxt is not None and nxt.pos == "NOUN" and token.dep == "compound":
                continue  # "special forces", "cruise missiles": the last noun is the head
            return word.lower(), token.end, index
        participle = token.tag in ("VBN", "VBG")  # "two suspected insurgents", "five fighting positions"
        if token.pos not in ("ADJ", "PROPN", "ADP", "DET", "PRON", "NUM") and word != "-" and not participle:
            return None
        if token.pos == "ADP" and word.lower() != "of":
            return None
    return None


def scope_of(article: Article, head: int) -> str | None:
    """Climb from the counted noun to its verbs: outcome verbs set the scope, modals wrap it."""
    tokens, wrapper = article.tokens, None
    scope = _reduced_relative(tokens, head)
    k, steps, outer = head, 0, False
    while steps < 5:
        token = tokens[k]
        lemma = token.lemma.lower()
        if k != head or token.pos != "NUM":
            # Above a complement clause only the wrappers carry over ("decided that X be sent"): what
            # happened there ("were arrested after X marched") happened to someone else.
            scope = scope or (None if outer else _lookup(_OUTCOMES, lemma, token.pos))
            wrapper = wrapper or _lookup(_WRAPPERS, lemma, token.pos)
        if token.pos in ("VERB", "AUX", "ADJ"):
            wrapper = wrapper or _aux_wrapper(article, k)
        if token.dep == "pobj" and tokens[token.head].lemma.lower() == "at" and scope is None:
            scope = "at_site"
        if token.pos == "VERB" and scope is None and _has_at_place(article, k):
            scope = "at_site"
        if token.head == k or (token.dep in ("conj", "advcl", "pcomp") and token.pos in ("VERB", "AUX")):
            # A conjoined clause has its own verb ("decided to send X, and Y have arrived"), and so
            # has an adverbial one ("detained two men as they searched for 40 fighters") and an absolute
            # one ("decided to send 12,000, with 1,500 of them already deployed").
            break
        if token.dep in ("nsubj", "nsubjpass") and scope is None:
            scope = _shared_subject_outcome(tokens, token.head)
        # "killed in two attacks", "detained during three operations": a prepositional object is
        # where or how it happened, not who it happened to ("six of the soldiers" still is).
        outer = (
            outer
            or token.dep == "ccomp"
            or (token.dep == "pobj" and tokens[token.head].lemma not in _PARTITIVE
                and not _along_with(tokens, token.head))
        )
        k, steps = token.head, steps + 1
        if token.dep == "pobj" and _along_with(tokens, token.head):
            k = tokens[tokens[token.head].head].head  # past "along with" to what it joins
    if wrapper == "decided" or scope is None:
        return wrapper or scope
    return wrapper if wrapper in ("planned", "estimated") else scope


def _reduced_relative(tokens: Sequence[Token], noun: int) -> str | None:
    """ "one facilitator killed and two suspects detained": a participle right after the noun."""
    for k in range(noun + 1, min(len(tokens), noun + 4)):
        token = tokens[k]
        if token.head == noun and token.dep == "acl" and token.tag == "VBN":
            return _lookup(_OUTCOMES, token.lemma.lower(), token.pos)
    return None


def _shared_subject_outcome(tokens: Sequence[Token], verb: int) -> str | None:
    """ "several men fired on the patrol and were killed": a conjoined verb with no subject of its
    own shares this one's, and so tells what happened to it."""
    for k in range(verb + 1, min(len(tokens), verb + 30)):
        conj = tokens[k]
        if conj.head != verb or conj.dep != "conj" or conj.pos != "VERB":
            continue
        if any(t.head == k and t.dep in ("nsubj", "nsubjpass") for t in tokens[verb + 1 : k + 8]):
            continue
        found = _lookup(_OUTCOMES, conj.lemma.lower(), conj.pos)
        if found:
            return found
    return None


def _has_at_place(article: Article, verb: int) -> bool:
    """ "remain at the plant": a verb of being somewhere with an "at" + noun phrase."""
    if article.tokens[verb].lemma.lower() not in _BEING_AT:
        return False
    for k in range(verb + 1, min(len(article.tokens), verb + 4)):
        token = article.tokens[k]
        if token.head == verb and token.dep == "prep" and token.lemma.lower() == "at":
            return True
    return False


def _lookup(table: dict[str, set[str]], lemma: str, pos: str) -> str | None:
    if pos not in ("VERB", "AUX", "ADJ", "NOUN"):
        return None
    return next((name for name, lemmas in table.items() if lemma in lemmas), None)


def _aux_wrapper(article: Article, verb: int) -> str | None:
    """Modal auxiliaries attached to a verb: "will send" is planned, "could be deployed" estimated."""
    for token in article.tokens[max(0, verb - 4) : verb]:
        if token.head == verb and token.dep in ("aux", "auxpass"):
            found = _lookup(_WRAPPERS, token.lemma.lower(), "AUX")
            if found:
                return found
    return None


def _along_with(tokens: Sequence[Token], preposition: int) -> bool:
    """ "killed a commander along with six insurgents": those six are killed too."""
    head = tokens[preposition].head
    return tokens[preposition].lemma.lower() == "with" and tokens[head].lemma.lower() in ("along", "together")
