"""People and organisations across articles, and one statement reported by several outlets.

Pure functions over annotated Articles. Names are merged when they are the same full name (up to
case, hyphens and small transliteration differences), when a lone surname has exactly one full
name to belong to, and when a description ("Putin's spokesman") was written next to one person's
name in some article. Two people who only share a family name ("Kim") are never merged.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from sitroom.model import Article, Statement
from sitroom.model.corpus import Mention, MergedEntity, StatementGroup, StatementReport
from sitroom.stages.entities import Lexicon, load_lexicon
from sitroom.stages.statements.parse import Parse
from sitroom.stages.statements.resolve import People, strip_title

ORG_LABELS = frozenset({"ORG", "GOVERNMENT", "AGENCY", "MILITARY_UNIT", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # countries and cities act as parties too
_POSSESSOR = re.compile(r"([A-Z][\w-]+)['’]s\b")
_STOP = frozenset(
    {"that", "this", "with", "from", "have", "been", "were", "will", "would", "their", "there", "they",
     "about", "into", "which", "what", "when", "said", "says", "also", "does", "over", "more", "than"}
)
_SAME_STATEMENT_STEMS = 2  # shared content stems needed, besides the same speaker and stance
_SAME_STATEMENT_JACCARD = 0.4  # enough on its own


def normalise(name: str) -> str:
    """Case, accents, hyphens and titles removed: "Kim Jong-un" and "kim jong un" meet."""
    text = unicodedata.normalize("NFKD", strip_title(name)).encode("ascii", "ignore").decode()
    text = re.sub(r"^the\s+", "", text.lower())
    text = re.sub(r"['’]s$", "", text).replace(".", "")
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", text).split())


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _local_mentions(article: Article, lexicon: Lexicon) -> list[tuple[str, str, Mention]]:
    """(kind, key, mention) for every person and organisation named in one article."""
    parse = Parse(article)
    people = People(parse, lexicon)
    found: list[tuple[str, str, Mention]] = []
    for entity in article.entities:
        mention = Mention(article.id, entity.start, entity.end, entity.text)
        if entity.label == "PERSON":
            found.append(("person", normalise(people.full_name(entity.text, entity.start)), mention))
        elif entity.label in ORG_LABELS:
            found.append(("organization", normalise(people.org_name(entity.text)), mention))
        elif entity.label in PLACE_LABELS:
            found.append(("place", normalise(entity.text), mention))
    found = [f for f in found if f[1]]
    return found + _untagged_repeats(article, found)


def _untagged_repeats(
    article: Article, found: list[tuple[str, str, Mention]]
) -> list[tuple[str, str, Mention]]:
    """Other places the article writes a name it tagged once: the tagger is not consistent."""
    taken = [(m.start, m.end) for _, _, m in found]
    surfaces = {m.text: (kind, key) for kind, key, m in found if len(m.text) >= 3 and m.text[:1].isupper()}
    extra: list[tuple[str, str, Mention]] = []
    for text, (kind, key) in surfaces.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(text)}(?![\w-])", article.body):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                taken.append((match.start(), match.end()))
                extra.append((kind, key, Mention(article.id, match.start(), match.end(), text)))
    return extra


def _role_key(role: str) -> str | None:
    """ "President Vladimir Putin's spokesman" and "Putin's spokesman" share ("spokesman", "putin")."""
    possessors = _POSSESSOR.findall(role)
    words = re.findall(r"[a-z]+", role.lower())
    if not possessors or not words:
        return None
    return f"{words[-1]}|{possessors[-1].lower()}"


def _variant(a: str, b: str) -> bool:
    """Transliteration variants of one name: same family name, given names alike ("Sergey"/"Sergei")."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2 or wa[-1] != wb[-1] or a == b:
        return False
    return all(x[:4] == y[:4] and abs(len(x) - len(y)) <= 2 for x, y in zip(wa[:-1], wb[:-1], strict=True))


def merge_entities(articles: Sequence[Article]) -> list[MergedEntity]:
    """People and organisations across the articles, with every name and description they go by."""
    lexicon = load_lexicon()
    union = _Union()
    members: dict[str, list[Mention]] = defaultdict(list)
    kinds: dict[str, str] = {}
    # 1. names within each article, resolved to the fullest form the article gives
    for article in articles:
        if article.rejected:
            continue
        for kind, key, mention in _local_mentions(article, lexicon):
            node = f"{kind}:{key}"
            union.find(node)
            members[node].append(mention)
            kinds[node] = kind
    # 2. the same person under a transliteration variant, or a lone surname with one full name
    _merge_names(union, [n for n in kinds if kinds[n] == "person"])
    # 3. descriptions written beside a name ("Putin's spokesman, Dmitry Peskov") name that person elsewhere
    _merge_descriptions(union, articles, members, kinds)
    return _build(union, members, kinds)


def _merge_names(union: _Union, persons: list[str]) -> None:
    names = [p.split(":", 1)[1] for p in persons]
    full = [n for n in names if len(n.split()) >= 2]
    for i, a in enumerate(full):
        for b in full[i + 1 :]:
            if _variant(a, b):
                union.union(f"person:{a}", f"person:{b}")
    for name in names:
        if len(name.split()) != 1:
            continue
        owners = {f for f in full if f.split()[-1] == name or f.split()[0] == name}
        if len({union.find(f"person:{o}") for o in owners}) == 1:
            union.union(f"person:{name}", f"person:{owners.pop()}")


def _merge_descriptions(
    union: _Union, articles: Sequence[Article], members: dict[str, list[Mention]], kinds: dict[str, str]
) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    described: list[tuple[str, Statement, str]] = []
    for article in articles:
        for statement in article.statements:
            if statement.speaker_kind == "person" and statement.speaker_resolved and statement.speaker_role:
                key = _role_key(statement.speaker_role)
                if key:
                    owners[key].add(union.find(f"person:{normalise(statement.speaker_resolved)}"))
            elif statement.speaker and statement.speaker_kind in ("anonymous", "unknown"):
                key = _role_key(statement.speaker)
                if key:
                    described.append((key, statement, article.id))
    for key, statement, article_id in described:
        people = owners.get(key, set())
        if len(people) != 1 or statement.speaker is None:
            continue
        node = f"person:{normalise(statement.speaker)}"
        kinds[node] = "person"
        start = statement.speaker_start if statement.speaker_start is not None else statement.start
        end = statement.speaker_end if statement.speaker_end is not None else statement.start
        members[node].append(Mention(article_id, start, end, statement.speaker))
        union.union(node, next(iter(people)))


def _build(union: _Union, members: dict[str, list[Mention]], kinds: dict[str, str]) -> list[MergedEntity]:
    groups: dict[str, list[str]] = defaultdict(list)
    for node in members:
        groups[union.find(node)].append(node)
    merged: list[MergedEntity] = []
    for nodes in groups.values():
        mentions = sorted((m for n in nodes for m in members[n]), key=lambda m: (m.article_id, m.start))
        surfaces = [strip_title(m.text) for m in mentions]
        name = max(surfaces, key=lambda s: (not _POSSESSOR.search(s), len(s.split()), surfaces.count(s)))
        kind = kinds[nodes[0]]
        digest = hashlib.sha1(f"{kind}:{normalise(name)}".encode()).hexdigest()[:12]
        merged.append(MergedEntity(
            id=f"ent-{digest}",
            name=name,
            kind=kind,
            aliases=tuple(sorted({s for s in surfaces if s != name})),
            mentions=tuple(mentions),
            article_ids=tuple(sorted({m.article_id for m in mentions})),
        ))
    return sorted(merged, key=lambda e: (-len(e.mentions), e.name))


def group_statements(articles: Sequence[Article], entities: Sequence[MergedEntity]) -> list[StatementGroup]:
    """Statements by the same merged speaker, with the same stance and overlapping words, reported
    by different articles: one statement with several reports."""
    speaker_of = _speaker_index(entities)
    items = [
        (article, statement, speaker_of.get((article.id, normalise(statement.speaker_resolved or ""))))
        for article in articles
        for statement in article.statements
    ]
    items = [(a, s, e) for a, s, e in items if e is not None]
    union = _Union()
    stems = [_stems(s.text) for _, s, _ in items]
    for i, (a1, s1, e1) in enumerate(items):
        for j in range(i + 1, len(items)):
            a2, s2, e2 = items[j]
            if a1.id != a2.id and e1 == e2 and _same(s1, s2, stems[i], stems[j]):
                union.union(str(i), str(j))
    clusters: dict[str, list[int]] = defaultdict(list)
    for k in range(len(items)):
        clusters[union.find(str(k))].append(k)
    names = {e.id: e.name for e in entities}
    groups = [_group(items, ks, names) for ks in clusters.values() if len({items[k][0].id for k in ks}) > 1]
    return sorted(groups, key=lambda g: g.id)


def _speaker_index(entities: Sequence[MergedEntity]) -> dict[tuple[str, str], str]:
    """(article id, normalised name as resolved in that article) -> merged entity id."""
    index: dict[tuple[str, str], str] = {}
    for entity in entities:
        for mention in entity.mentions:
            for form in (mention.text, entity.name):
                index.setdefault((mention.article_id, normalise(form)), entity.id)
    return index


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


def _same(s1: Statement, s2: Statement, a: set[str], b: set[str]) -> bool:
    shared = len(a & b)
    jaccard = shared / max(1, len(a | b))
    return jaccard >= _SAME_STATEMENT_JACCARD or (s1.stance == s2.stance and shared >= _SAME_STATEMENT_STEMS)


def _group(
    items: list[tuple[Article, Statement, str | None]], ks: list[int], names: dict[str, str]
) -> StatementGroup:
    ordered = sorted(ks, key=lambda k: (items[k][0].id, items[k][1].start))
    reports = tuple(
        StatementReport(article.id, statement.start, statement.end, article.outlet, statement.via)
        for article, statement, _ in (items[k] for k in ordered)
    )
    # reports resting on the same agency or wire copy are one source, not several
    sources = {r.via[0] if r.via else (items[k][0].wire or r.outlet or r.article_id)
               for k, r in zip(ordered, reports, strict=True)}
    entity_id = items[ks[0]][2] or ""
    stances = [items[k][1].stance for k in ks]
    digest = hashlib.sha1("|".join(f"{r.article_id}:{r.start}" for r in reports).encode()).hexdigest()[:12]
    return StatementGroup(
        id=f"stm-{digest}",
        speaker=names.get(entity_id, ""),
        stance=max(sorted(set(stances)), key=stances.count),
        reports=reports,
        independent_sources=len(sources),
    )
