"""Storylines: articles linked by what they name (people, organisations, places) and their words,
within a time window, grouped by single linkage. Copies join their original's story.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sitroom.model import Article
from sitroom.model.corpus import Duplicate, Story
from sitroom.model.ids import corpus_id

# Entity labels that identify what a story is about; numbers and dates do not.
_NAMING_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "AGENCY", "MILITARY_UNIT", "WEAPON"}
_LINK = 0.25  # cosine similarity that links two articles when their dates are close or unknown
_WINDOW_DAYS = 45


def _features(article: Article) -> str:
    names = [e.text.replace(" ", "_").lower() for e in article.entities if e.label in _NAMING_LABELS]
    # Names count twice: the shared vocabulary of a region ("troops", "border") links too much alone.
    return " ".join([article.title or "", article.body, " ".join(names * 2)])


def _days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return None


def build_stories(articles: Sequence[Article], duplicates: Sequence[Duplicate]) -> list[Story]:
    """Every accepted article belongs to exactly one story (a story may hold one article)."""
    accepted = sorted((a for a in articles if not a.rejected), key=lambda a: (a.published or "9999", a.id))
    copy_of = {d.article_id: d.duplicate_of for d in duplicates}
    originals = [a for a in accepted if a.id not in copy_of]
    parent = list(range(len(originals)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _linked_pairs(originals):
        parent[find(j)] = find(i)
    groups: dict[int, list[Article]] = {}
    for index, article in enumerate(originals):
        groups.setdefault(find(index), []).append(article)
    by_id = {a.id: a for a in accepted}
    stories = []
    for members in groups.values():
        ids = {a.id for a in members}
        ids |= {copy for copy, orig in copy_of.items() if orig in ids and copy in by_id}
        stories.append(_story([by_id[i] for i in sorted(ids)], members[0]))
    return sorted(stories, key=lambda s: (s.start or "9999", s.id))


def _linked_pairs(articles: Sequence[Article]) -> list[tuple[int, int]]:
    if len(articles) < 2:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(
        stop_words="english", sublinear_tf=True, min_df=1, token_pattern=r"(?u)\b[\w_]{3,}\b"
    )
    matrix = vectorizer.fit_transform([_features(a) for a in articles])
    similarity = (matrix @ matrix.T).toarray()
    pairs = []
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            apart = _days_apart(articles[i].published, articles[j].published)
            if apart is not None and apart > _WINDOW_DAYS:
                continue
            if similarity[i, j] >= _LINK:
                pairs.append((i, j))
    return pairs


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
