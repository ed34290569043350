"""Actors the statements stage already resolved: a speaker named in full elsewhere or by a pronoun ("He
accused Moldova"), and subject pronouns inside a statement that stand for its speaker ("the ministry
said it had no plans to send troops")."""

from __future__ import annotations

from bisect import bisect_left

from sitroom.model import Article, Sentence, Statement, Token
from sitroom.model.lookup import lookup

_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})


def resolved_speakers(article: Article, sentence: Sentence) -> dict[tuple[int, int], str]:
    """Speakers the statements stage resolved in this sentence: a pronoun ("He accused Moldova") or
    a person's surname ("Rusnac accused ...", the tagger may have missed it) by the full name, and
    a body named by a common noun by the body it points back to ("The council threatened ...")."""
    found = {}
    for st in lookup(article).speakers.starting(sentence.start, sentence.end):
        start, end = st.speaker_start, st.speaker_end
        if start is None or end is None:
            continue
        resolved = st.speaker_resolved
        pronoun = (st.speaker or "").lower() in _PRONOUNS
        if resolved and resolved != st.speaker and (pronoun or st.speaker_kind in ("person", "organization")):
            found[(start, end)] = resolved
    return found


# Which speakers a subject pronoun in their own statement can stand for ("the ministry said it had
# no plans to send troops": "it" is the ministry).
_AGREES = {"he": {"person"}, "she": {"person"}, "i": {"person"}, "it": {"organization"},
           "they": {"organization", "anonymous"},
           "we": {"person", "organization", "anonymous"}}  # "We sternly denounce ...," Jeon said


def content_pronouns(article: Article, sentence: Sentence) -> dict[tuple[int, int], str]:
    """Subject pronouns inside a statement's content that agree with its speaker, by the speaker."""
    found: dict[tuple[int, int], str] = {}
    for st in lookup(article).statements.starting(sentence.start, sentence.end):
        name = st.speaker_resolved or st.speaker
        if not name or name.lower() in _PRONOUNS:
            continue
        lo = bisect_left(article.tokens, st.start, key=_token_start)
        hi = bisect_left(article.tokens, min(st.end, sentence.end), key=_token_start)
        for token in article.tokens[lo:hi]:
            word = article.body[token.start : token.end].lower()
            if token.dep in ("nsubj", "nsubjpass") and st.speaker_kind in _AGREES.get(word, ()):
                found.setdefault((token.start, token.end), _as_written(article, st, sentence) or name)
    return found


def _as_written(article: Article, statement: Statement, sentence: Sentence) -> str | None:
    """The speaker's whole noun phrase when it is in this sentence: "Romania's defence ministry"
    where the statement keeps only its head, "defence ministry"."""
    start, end = statement.speaker_start, statement.speaker_end
    if statement.speaker_resolved not in (None, statement.speaker):
        return None  # a full name found elsewhere says more
    if start is None or end is None or not sentence.start <= start < sentence.end:
        return None
    lo = bisect_left(article.tokens, start, key=_token_start)
    if lo >= len(article.tokens) or article.tokens[lo].start != start:
        return None
    for token in article.tokens[max(0, lo - 4) : lo]:  # a possessor before it: "Romania's"
        if token.dep == "poss" and article.tokens[token.head].end <= end:
            return article.body[token.start : end]
    return None


def _token_start(token: Token) -> int:
    return token.start
