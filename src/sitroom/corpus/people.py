"""People and organisations across articles, and one statement reported by several outlets.

Pure functions over annotated Articles. Within an article, a short form (surname, given name,
acronym, the name without its first or last words) stands for the full name the article writes
out (`corpus.mentions`). Across articles, full names merge by their normalised form and
transliteration variants; a short form learned in one article ("Peskov" for "Dmitry Peskov",
"NASA" for its full name) names the same entity elsewhere only when the whole corpus gives it one
full name, and a description ("Putin's spokesman") written next to one person's name names that
person. Two people who only share a family name ("Kim") are never merged.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from sitroom.corpus.aliases import initials, is_acronym, normalise, variant
from sitroom.corpus.mentions import Context, Named, article_names, lower_words, majority, tagged_names
from sitroom.model import Article, Statement
from sitroom.model.corpus import Mention, MergedEntity, StatementGroup, StatementReport, Story
from sitroom.stages.entities import Lexicon, load_lexicon
from sitroom.stages.statements.resolve import strip_title

__all__ = ["group_statements", "merge_entities", "normalise"]

_POSSESSOR = re.compile(r"([A-Z][\w-]+)['’]s\b")
_STOP = frozenset(
    {"that", "this", "with", "from", "have", "been", "were", "will", "would", "their", "there", "they",
     "about", "into", "which", "what", "when", "said", "says", "also", "does", "over", "more", "than"}
)
_SAME_STATEMENT_STEMS = 2  # shared content stems needed, besides the same speaker and stance
_SAME_STATEMENT_JACCARD = 0.4  # enough on its own


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


def _role_key(role: str) -> str | None:
    """ "President Vladimir Putin's spokesman" and "Putin's spokesman" share ("spokesman", "putin")."""
    possessors = _POSSESSOR.findall(role)
    words = re.findall(r"[a-z]+", role.lower())
    if not possessors or not words:
        return None
    return f"{words[-1]}|{possessors[-1].lower()}"


def _country_names(lexicon: Lexicon) -> dict[str, str]:
    """Other names of a country ("U.S.", "America") -> the name countries.tsv gives it. Capitals and
    seats of government ("Washington", "the Kremlin") name the government, not the country."""
    canonical: dict[str, str] = {}
    for name, code in lexicon.countries.items():
        canonical.setdefault(code, name)
    seats = lexicon.cities | lexicon.government_standalone
    return {name: canonical[code] for name, code in lexicon.countries.items() if name not in seats}


def _place_names(lexicon: Lexicon, countries: dict[str, str]) -> frozenset[str]:
    names = (*countries, *countries.values(), *lexicon.demonyms, *lexicon.cities)
    return frozenset(normalise(n) for n in names)


def merge_entities(articles: Sequence[Article], stories: Sequence[Story] | None = None) -> list[MergedEntity]:
    """People and organisations across the articles, with every name and description they go by.
    `stories` (the corpus step's storylines) keep an acronym no article spells out to the stories
    that name what it abbreviates; without them the whole corpus is one story."""
    articles = [a for a in articles if not a.rejected]
    story_of = {a: story.id for story in stories or () for a in story.article_ids}
    union = _Union()
    members: dict[str, list[Mention]] = defaultdict(list)
    kinds: dict[str, str] = {}
    # 1. names within each article, resolved to the fullest form the article gives
    lexicon = load_lexicon()
    countries = _country_names(lexicon)
    places = _place_names(lexicon, countries)
    roles = frozenset(w.lower() for w in lexicon.role_words | lexicon.role_heads) - places
    context = Context(tagged_names(articles), lower_words(articles), countries, places, roles)
    named = _all_names(articles, context)
    for item in named:
        node = f"{item.kind}:{item.key}"
        union.find(node)
        members[node].append(item.mention)
        kinds[node] = item.kind
    # 2. short forms an article spelled out, wherever the corpus gives them one full name
    given = lexicon.given_male | lexicon.given_female | roles
    _merge_learned(union, named, places, kinds, given)
    # 3. the same person under a transliteration variant, or a lone name or acronym with one owner
    _merge_names(union, [n for n in kinds if kinds[n] == "person"], given)
    _merge_acronyms(union, named, story_of)
    _merge_agency_types(union, kinds)
    # 4. descriptions written beside a name ("Putin's spokesman, Dmitry Peskov") name that person elsewhere
    _merge_descriptions(union, articles, members, kinds)
    return _build(union, members, kinds)


def _all_names(articles: Sequence[Article], context: Context) -> list[Named]:
    named = [item for article in articles for item in article_names(article, context)]
    named = [_country_spelled_out(item, context.countries) for item in named]
    # one name, one kind across the corpus: the tagger calls the same name a person here, a place there
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for item in named:
        votes[item.key][item.kind] += 1
    return [replace(item, kind=majority(votes[item.key])) for item in named]


def _country_spelled_out(item: Named, countries: Mapping[str, str]) -> Named:
    """ "U.S. Air Force" is "United States Air Force": a country's acronym leading an organisation's name."""
    first, _, rest = item.full.partition(" ")
    if item.kind != "organization" or not rest or not is_acronym(first) or first not in countries:
        return item
    return replace(item, full=f"{countries[first]} {rest}")


def _merge_learned(
    union: _Union, named: Iterable[Named], places: frozenset[str], kinds: dict[str, str],
    given: frozenset[str] = frozenset(),
) -> None:
    """A short form an article spelled out names the same entity wherever the corpus gives it one full
    name; not a person's given name or title alone ("David" for "David Cameron" in one article is
    another article's David)."""
    targets: dict[tuple[str, str], set[str]] = defaultdict(set)
    for item in named:
        short = normalise(item.written)
        if short != item.key and not (item.kind == "person" and item.written.strip().lower() in given):
            targets[(item.kind, short)].add(f"{item.kind}:{item.key}")
    for (kind, short), fulls in targets.items():
        if len({union.find(f) for f in fulls}) != 1:
            continue
        full = fulls.pop()
        union.union(f"{kind}:{short}", full)
        # an organisation's short name the tagger calls a place elsewhere ("Scientology"), when no
        # gazetteer knows it as a place
        other = {"organization": "place", "place": "organization"}.get(kind)
        if other and short not in places and f"{other}:{short}" in kinds:
            union.union(f"{other}:{short}", full)


def _merge_names(union: _Union, persons: list[str], given: frozenset[str] = frozenset()) -> None:
    """Full names that are variants of each other, and a lone name with one owner across the corpus: its
    surname, or its first word ("Xi" of "Xi Jinping") unless that is a given name or a title ("David"
    of "David Cameron" may be anyone's David in another article; "King" of "King Abdullah")."""
    names = [p.split(":", 1)[1] for p in persons]
    by_word: dict[str, list[str]] = defaultdict(list)  # surname (or first word) -> full names
    by_last: dict[str, list[str]] = defaultdict(list)
    for name in names:
        words = name.split()
        if len(words) >= 2:
            by_word[words[-1]].append(name)
            by_last[words[-1]].append(name)
            if words[0] != words[-1]:
                by_word[words[0]].append(name)
    for same in by_word.values():
        for i, a in enumerate(same):
            for b in same[i + 1 :]:
                if variant(a, b):
                    union.union(f"person:{a}", f"person:{b}")
    for name in names:
        lone = " " not in name
        owners = (by_last.get(name, []) if name.lower() in given else by_word.get(name, [])) if lone else []
        if owners and len({union.find(f"person:{o}") for o in owners}) == 1:
            union.union(f"person:{name}", f"person:{owners[0]}")


def _merge_acronyms(union: _Union, named: Sequence[Named], story_of: Mapping[str, str]) -> None:
    """An acronym no article spelled out goes to the one organisation it abbreviates among those named
    in its own story: "IAEA" in a story on a nuclear site is the agency another report of it names in
    full, but "MBA" in a business school's page is no aquarium named in an unrelated travel story."""
    by_initials: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for n in named:
        if n.kind != "person" and len(n.full.split()) >= 2:
            story = story_of.get(n.mention.article_id) if story_of else None
            by_initials[(initials(n.full), story)].add(f"{n.kind}:{n.key}")
    for item in named:
        if item.kind == "person" or not is_acronym(item.full):
            continue
        story = story_of.get(item.mention.article_id) if story_of else None
        if story_of and story is None:
            continue  # an article in no story shares no context with the others
        owners = {union.find(node) for node in by_initials.get((item.full.replace(".", ""), story), ())}
        if len(owners) == 1:
            union.union(f"{item.kind}:{item.key}", owners.pop())


_AGENCY_TYPE = re.compile(r" (?:news|press|wire) (?:agency|service)$")


def _merge_agency_types(union: _Union, kinds: dict[str, str]) -> None:
    """ "Yonhap News Agency" is "Yonhap": an agency's name with its type is the name alone, whatever
    the tagger made of the name alone (a person, a place)."""
    for node, kind in list(kinds.items()):
        key = node.split(":", 1)[1]
        short = _AGENCY_TYPE.sub("", key)
        if kind != "organization" or short == key:
            continue
        for other in ("organization", "person", "place"):
            if f"{other}:{short}" in kinds:
                union.union(f"{other}:{short}", node)
                kinds[f"{other}:{short}"] = "organization"


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
    common = [_stems(s.text, lowercase_only=True) for _, s, _ in items]
    for i, j in _candidate_pairs(items, stems):
        (a1, s1, _), (a2, s2, _) = items[i], items[j]
        if a1.id != a2.id and _same(s1, s2, stems[i], stems[j], bool(common[i] & common[j])):
            union.union(str(i), str(j))
    clusters: dict[str, list[int]] = defaultdict(list)
    for k in range(len(items)):
        clusters[union.find(str(k))].append(k)
    names = {e.id: e.name for e in entities}
    groups = [_group(items, ks, names) for ks in clusters.values() if len({items[k][0].id for k in ks}) > 1]
    return sorted(groups, key=lambda g: g.id)


def _candidate_pairs(
    items: list[tuple[Article, Statement, str | None]], stems: list[set[str]]
) -> list[tuple[int, int]]:
    """Pairs by the same merged speaker sharing a content stem: the only ones `_same` can accept,
    found through a stem index per speaker instead of comparing every statement with every other."""
    by_speaker: dict[str | None, list[int]] = defaultdict(list)
    for k, (_, _, entity) in enumerate(items):
        by_speaker[entity].append(k)
    pairs: set[tuple[int, int]] = set()
    for ks in by_speaker.values():
        postings: dict[str, list[int]] = defaultdict(list)
        for k in ks:
            for stem in stems[k]:
                postings[stem].append(k)
        for posting in postings.values():
            pairs.update((x, y) for n, x in enumerate(posting) for y in posting[n + 1 :])
    return sorted(pairs)


def _speaker_index(entities: Sequence[MergedEntity]) -> dict[tuple[str, str], str]:
    """(article id, normalised name as resolved in that article) -> merged entity id."""
    index: dict[tuple[str, str], str] = {}
    for entity in entities:
        for mention in entity.mentions:
            for form in (mention.text, entity.name):
                index.setdefault((mention.article_id, normalise(form)), entity.id)
    return index


def _stems(text: str, lowercase_only: bool = False) -> set[str]:
    """Five-letter stems of the content words; of those written in lower case only, when asked
    (names of the story's places and people are shared by statements that say different things)."""
    words = re.findall(r"(?<![A-Za-z])[a-z]{4,}" if lowercase_only else r"[A-Za-z]{4,}", text)
    return {w.lower()[:5] for w in words if w.lower() not in _STOP}


def _same(s1: Statement, s2: Statement, a: set[str], b: set[str], common_word: bool) -> bool:
    """Jaccard of the stems alone, or the same stance with a few shared stems of which at least one
    is a common word: "Romania will give Moldova ..." is not "Romania will not leave Moldova ..."."""
    shared = len(a & b)
    jaccard = shared / max(1, len(a | b))
    if jaccard >= _SAME_STATEMENT_JACCARD:
        return True
    return s1.stance == s2.stance and shared >= _SAME_STATEMENT_STEMS and common_word


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
