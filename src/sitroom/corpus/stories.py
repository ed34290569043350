"""Storylines: articles grouped by what they name (people, organisations, places) and their words,
by average linkage within a time window. Copies join their original's story.

The greedy clustering is cubic in the number of articles: fine for a laptop corpus of a few
thousand, and the thing to replace when storylines get their own issue.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np

from sitroom.model import Article
from sitroom.model.corpus import Duplicate, Story
from sitroom.model.ids import corpus_id

# Entity labels that identify what a story is about; numbers and dates do not.
_NAMING_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "AGENCY", "MILITARY_UNIT", "WEAPON"}
_LINK = 0.17  # average cosine similarity at which two groups of articles are one story
_WINDOW_DAYS = 45  # a story spans at most this many days between its first and last dated article


def _features(article: Article) -> str:
    names = [e.text.replace(" ", "_").lower() for e in article.entities if e.label in _NAMING_LABELS]
    # Names count twice: the shared vocabulary of a region ("troops", "border") links too much alone.
    return " ".join([article.title or "", article.body, " ".join(names * 2)])


def build_stories(articles: Sequence[Article], duplicates: Sequence[Duplicate]) -> list[Story]:
    """Every accepted article belongs to exactly one story (a story may hold one article)."""
    accepted = sorted((a for a in articles if not a.rejected), key=lambda a: (a.published or "9999", a.id))
    copy_of = {d.article_id: d.duplicate_of for d in duplicates}
    originals = [a for a in accepted if a.id not in copy_of]
    by_id = {a.id: a for a in accepted}
    stories = []
    for members in _average_linkage(originals):
        ids = {a.id for a in members}
        ids |= {copy for copy, orig in copy_of.items() if orig in ids and copy in by_id}
        stories.append(_story([by_id[i] for i in sorted(ids)], members[0]))
    return sorted(stories, key=lambda s: (s.start or "9999", s.id))


def _similarity(articles: Sequence[Article]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=r"(?u)\b[\w_]{3,}\b")
    matrix = vectorizer.fit_transform([_features(a) for a in articles])
    similarity: np.ndarray = (matrix @ matrix.T).toarray()
    return similarity


def _average_linkage(articles: Sequence[Article]) -> list[list[Article]]:
    """Greedy average-linkage clustering; a merge may not stretch a story past the time window.

    Average (not single) linkage keeps stories of one region from chaining into one: a
    cluster joins another only when its articles are similar to *all* of the other's on average.
    """
    clusters: list[list[int]] = [[i] for i in range(len(articles))]
    if len(articles) < 2:
        return [[articles[i] for i in c] for c in clusters]
    totals = _similarity(articles)
    np.fill_diagonal(totals, 0.0)
    spans = [_dates(articles[i]) for i in range(len(articles))]
    alive = list(range(len(articles)))
    while True:
        best, pair = _LINK, None
        for x_pos, x in enumerate(alive):
            for y in alive[x_pos + 1 :]:
                average = totals[x, y] / (len(clusters[x]) * len(clusters[y]))
                if average >= best and _fits(spans[x], spans[y]):
                    best, pair = average, (x, y)
        if pair is None:
            break
        x, y = pair
        clusters[x] += clusters[y]
        totals[x, :] += totals[y, :]
        totals[:, x] += totals[:, y]
        totals[x, x] = 0.0
        spans[x] = _merge_span(spans[x], spans[y])
        alive.remove(y)
    return [[articles[i] for i in sorted(clusters[c])] for c in alive]


Span = tuple[date, date] | None


def _dates(article: Article) -> Span:
    try:
        day = date.fromisoformat(article.published) if article.published else None
    except ValueError:
        day = None
    return (day, day) if day else None


def _fits(a: Span, b: Span) -> bool:
    if a is None or b is None:
        return True
    return (max(a[1], b[1]) - min(a[0], b[0])).days <= _WINDOW_DAYS


def _merge_span(a: Span, b: Span) -> Span:
    if a is None or b is None:
        return a or b
    return (min(a[0], b[0]), max(a[1], b[1]))


def _story(members: list[Article], first: Article) -> Story:
    dates = sorted(a.published for a in members if a.published)
    title = first.title or next((a.title for a in members if a.title), None) or first.body[:80]
    return Story(
        id=corpus_id("story", [a.id for a in members]),
        title=title,
        article_ids=tuple(a.id for a in members),
        start=dates[0] if dates else None,
        end=dates[-1] if dates else None,
    )
