"""Noun phrases that name actors though no table lists them, and places the parser made actors.

"A suspected IED maker" is a person whatever the noun; "Khost province" made the subject of "detained"
is a place the parser misread (the real subject is set beside it).
"""

from __future__ import annotations

from bisect import bisect_left

from sitroom.model import Article, Sentence

# "a suspected IED maker", "an alleged smuggler", "a wanted militant": whoever is suspected is a person.
_SUSPECTED = frozenset({"suspected", "alleged", "wanted", "accused"})


def suspected_people(article: Article, sentence: Sentence) -> list[tuple[int, int]]:
    """Nouns a "suspected", "alleged" or "wanted" qualifies, with their compounds ("IED maker")."""
    tokens, body = article.tokens, article.body
    first = bisect_left(tokens, sentence.start, key=lambda t: t.start)
    last = bisect_left(tokens, sentence.end, key=lambda t: t.start)
    found = []
    for i in range(first, last):
        token = tokens[i]
        if token.pos != "NOUN":
            continue
        before = [j for j in range(max(0, i - 4), i) if tokens[j].head == i]
        if any(tokens[j].dep == "amod" and body[tokens[j].start : tokens[j].end].lower() in _SUSPECTED
               for j in before):  # fmt: skip
            compounds = [j for j in before if tokens[j].dep == "compound"]
            found.append((tokens[min(compounds, default=i)].start, token.end))
    return found


# A place named with its unit ("Khost province") that the parser made the subject, with the real one
# as its appositive: "In X district, Khost province, a combined force detained ...".
_UNIT_HEADS = frozenset({"province", "district", "region", "county", "governorate", "oblast", "prefecture"})


def unit_place(article: Article, root: int) -> bool:
    """Whether the noun at `root` is a unit word: "province" in "Khost province"."""
    token = article.tokens[root]
    return article.body[token.start : token.end].lower() in _UNIT_HEADS
