"""The people, organisations and places one article names, each resolved to the fullest form the
article gives it ("Santorum" -> "Rick Santorum", "USI" -> "University of Southern Indiana").

The tagger is inconsistent: it tags a name once and misses it the next time, or calls one name a
person here and an organisation there. So every tagged name (and every person's surname) is looked
for again in the text, names known from other articles of the corpus too, and one name in one
article gets the kind most of its mentions have.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from sitroom.corpus.aliases import abbreviates, bare, is_acronym, normalise, shortens
from sitroom.model import Article
from sitroom.model.corpus import Mention

ORG_LABELS = frozenset({"ORG", "GOVERNMENT", "AGENCY", "MILITARY_UNIT", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # countries and cities act as parties too
_CONNECTORS = frozenset({"of", "the", "and", "for"})
_KINDS = ("person", "organization", "place")
_PARENTHESISED = re.compile(r"(.*?\S)\s*\(\s*([A-Z][\w.&]+)\s*\)?")
_MIN_SURFACE = 3  # shorter names ("Un", "Li") are searched for only as acronyms


@dataclass(frozen=True, slots=True)
class Named:
    """One mention with the full name it stands for in its article."""

    kind: str  # person | organization | place
    full: str  # the fullest form the article gives, as written ("Rick Santorum")
    written: str  # the name as written, bare ("Santorum")
    mention: Mention

    @property
    def key(self) -> str:
        return normalise(self.full)


def majority(votes: Counter[str]) -> str:
    """The kind most mentions have; on a tie a person before an organisation before a place (the
    tagger calls a surname a place more often than the other way round)."""
    return max(votes, key=lambda kind: (votes[kind], -_KINDS.index(kind)))


def kind_of(label: str) -> str | None:
    if label == "PERSON":
        return "person"
    if label in ORG_LABELS:
        return "organization"
    return "place" if label in PLACE_LABELS else None


def tagged_names(articles: Iterable[Article]) -> dict[str, str]:
    """Every name the tagger found anywhere in the corpus, with the kind it got most often, and the
    surnames of the people among them."""
    votes: dict[str, Counter[str]] = {}
    for article in articles:
        for entity in article.entities:
            kind = kind_of(entity.label)
            name = bare(entity.text)
            if kind and name[:1].isupper():
                votes.setdefault(name, Counter())[kind] += 1
    found = {name: majority(counts) for name, counts in votes.items()}
    # a surname alone is looked for too: "Holt" where another article named "Maria Holt"
    surnames = {name.split()[-1] for name, kind in found.items() if kind == "person" and " " in name}
    return {**{s: "person" for s in surnames}, **found}


def lower_words(articles: Iterable[Article]) -> frozenset[str]:
    """Words the corpus writes in lower case at least as often as capitalised: "Will" or "Frank" at a
    sentence start is not a name, while one "scientology.org" does not make "Scientology" a word."""
    counts: Counter[str] = Counter()
    for article in articles:
        counts.update(re.findall(r"(?<!\S)[A-Za-z][a-z-]+(?=[\s,;:!?]|$)", article.body))
    return frozenset(w.lower() for w, n in counts.items() if w.islower() and n >= counts[w.capitalize()])


@dataclass(frozen=True)
class Context:
    """What the whole corpus tells about names, built once per merge."""

    known: Mapping[str, str]  # every tagged name -> its usual kind
    common: frozenset[str]  # words written in lower case: not names on their own
    countries: Mapping[str, str]  # other names of a country -> its usual name
    places: frozenset[str]  # normalised country, demonym and city names
    roles: frozenset[str] = frozenset()  # lower-case words that end a title ("secretary", "president")

    @cached_property
    def by_first(self) -> dict[str, tuple[str, ...]]:
        """Known names by their first word: an article is searched only for names it may hold."""
        index: dict[str, list[str]] = {}
        for name in self.known:
            index.setdefault(name.split()[0], []).append(name)
        return {first: tuple(names) for first, names in index.items()}


def article_names(article: Article, context: Context) -> list[Named]:
    """1. tagged names, 2. one kind per name, 3. untagged repeats, 4. each resolved to its full form."""
    spans = [
        s for e in article.entities if (k := kind_of(e.label))
        for s in _split_acronym(k, e.start, e.text)
    ]
    spans = [s for s in spans if normalise(s[3])]
    spans = _one_kind_per_name(spans)
    spans += _repeats(article, spans, context)
    return _resolve(article, spans, context)


Span = tuple[str, int, int, str]  # kind, start, end, bare name


def _split_acronym(kind: str, start: int, text: str) -> list[Span]:
    """ "World Health Organisation (WHO)" tagged as one name is the name and its acronym."""
    match = _PARENTHESISED.fullmatch(text)
    if not match or not abbreviates(match.group(2), match.group(1)):
        return [(kind, start, start + len(text), bare(text))]
    full, short = match.span(1), match.span(2)
    return [(kind, start + full[0], start + full[1], bare(match.group(1))),
            (kind, start + short[0], start + short[1], match.group(2))]


def _one_kind_per_name(spans: list[Span]) -> list[Span]:
    votes: dict[str, Counter[str]] = {}
    for kind, _, _, name in spans:
        votes.setdefault(normalise(name), Counter())[kind] += 1
    return [(majority(votes[normalise(n)]), s, e, n) for _, s, e, n in spans]


def _repeats(article: Article, spans: list[Span], context: Context) -> list[Span]:
    """Other places the article writes a name tagged in it or elsewhere, or a person's surname alone."""
    words = set(re.findall(r"[A-Z][\w.&-]*", article.body))
    words |= {w.rstrip(".") for w in words}
    known, by_first = context.known, context.by_first
    wanted = {name: known[name] for first in words for name in by_first.get(first, ())}
    wanted.update({name: kind for kind, _, _, name in spans})
    for kind, _, _, name in spans:
        if kind == "person" and len(name.split()) >= 2:
            wanted.setdefault(name.split()[-1], "person")
    local = {name for _, _, _, name in spans}
    common = context.common
    taken = _Taken((s, e, k) for k, s, e, _ in spans)
    extra: list[Span] = []
    for name, kind in sorted(wanted.items(), key=lambda item: -len(item[0])):
        if not _searchable(name, common) or name not in article.body:
            continue
        # a name this article uses on its own, inside a longer one ("the Andy Warhol Foundation",
        # "Google Science Fair"), is a mention of it too
        nests = kind in ("person", "organization") and (name in local or (kind == "person" and " " in name))
        for found in _occurrences(article.body, name):
            if not any(_blocks(span, found, nests) for span in taken.near(*found)):
                taken.add((*found, kind))
                extra.append((kind, *found, name))
    return extra


class _Taken:
    """The spans already named, ordered by start, so that a new occurrence is checked only against
    those that can overlap it (a long text repeats a name thousands of times)."""

    def __init__(self, spans: Iterable[tuple[int, int, str]]) -> None:
        self.spans = sorted(spans)
        self.longest = max((e - s for s, e, _ in self.spans), default=0)

    def near(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The spans that may overlap [start, end): those starting less than the longest span before it."""
        lo = bisect.bisect_left(self.spans, (start - self.longest,))
        hi = bisect.bisect_left(self.spans, (end,))
        return self.spans[lo:hi]

    def add(self, span: tuple[int, int, str]) -> None:
        bisect.insort(self.spans, span)
        self.longest = max(self.longest, span[1] - span[0])


def _occurrences(body: str, name: str) -> list[tuple[int, int]]:
    """Where the body writes the name as whole words (a plain search: thousands of names per article)."""
    found = []
    at = body.find(name)
    while at >= 0:
        end = at + len(name)
        if not _word_char(body[at - 1 : at]) and not _word_char(body[end : end + 1]):
            found.append((at, end))
        at = body.find(name, at + 1)
    return found


def _word_char(char: str) -> bool:
    return char.isalnum() or char in ("_", "-")


def _blocks(span: tuple[int, int, str], found: tuple[int, int], nests: bool) -> bool:
    (s, e, kind), (start, end) = span, found
    if not (s < end and start < e):
        return False
    return not (nests and kind != "person" and s <= start and end <= e and (s, e) != (start, end))


def _searchable(name: str, common: frozenset[str]) -> bool:
    if not name[:1].isupper():
        return False
    if " " in name:
        return len(name) >= _MIN_SURFACE
    return is_acronym(name) or (len(name) >= _MIN_SURFACE and name.lower() not in common)


def _resolve(article: Article, spans: list[Span], context: Context) -> list[Named]:
    fulls: dict[str, list[tuple[int, str]]] = {}
    for kind, start, _, name in spans:
        if len(name.split()) >= 2:
            fulls.setdefault(kind, []).append((start, name))
    found = []
    for kind, start, end, name in sorted(spans, key=lambda s: s[1]):
        full = context.countries.get(name) if kind == "place" else None
        if not full:
            definite = article.body[max(0, start - 4) : start].lower() == "the "
            full = _expand(kind, name, start, fulls.get(kind, []), context.places, definite)
        found.append(Named(kind, full, name, _tight(article, start, end, name)))
    found = _qualify_generic(article, _drop_inside_itself(found))
    return found + _titled(article, found, context)


# Whose "foreign ministry" it is: "Romania's defence ministry", the Transnistrian "defence
# ministry", "the foreign ministry in Kyiv".
_OWNER_BEFORE = re.compile(r"\b([A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2}['’]s|[A-Z][a-z]+) [\"“]?$")
_OWNER_AFTER = re.compile(r"[\"”]? in ([A-Z][\w-]+(?: [A-Z][\w-]+)?)")
_NOT_OWNERS = frozenset({"The", "A", "An", "Its", "Their", "His", "Her", "Our", "This", "That"})


def _qualify_generic(article: Article, found: list[Named]) -> list[Named]:
    """An organisation named by common nouns alone ("foreign ministry") is as many bodies as there are
    countries: it takes the owner the text gives it, or the one given earlier in the article, and with
    none it names nothing beyond its article."""
    owned: dict[str, Named] = {}
    result = []
    for item in found:
        if item.kind != "organization" or item.full != item.full.lower():
            result.append(item)
            continue
        qualified = _owner(article, item)
        if qualified is None:
            earlier = owned.get(item.full)
            full = earlier.full if earlier else f"{item.full} ({article.id})"
            qualified = Named(item.kind, full, item.written, item.mention)
        owned.setdefault(item.full, qualified)
        result.append(qualified)
    return result


def _owner(article: Article, item: Named) -> Named | None:
    start, end = item.mention.start, item.mention.end
    before = _OWNER_BEFORE.search(article.body, max(0, start - 40), start)
    if before is not None and before.group(1) not in _NOT_OWNERS:
        owner = before.group(1).replace("’", "'")
        full = f"{owner} {item.full}"
        return Named(item.kind, full, item.written, _widened(article, before.start(), end, item.mention))
    after = _OWNER_AFTER.match(article.body, end, min(len(article.body), end + 40))
    if after is not None:
        full = f"{item.full} in {after.group(1)}"
        return Named(item.kind, full, item.written, _widened(article, start, after.end(), item.mention))
    return None


def _widened(article: Article, start: int, end: int, mention: Mention) -> Mention:
    """The mention with its owner, unless a quote mark stands between them."""
    text = article.body[start:end]
    if any(mark in text for mark in '"“”'):
        return mention
    return Mention(article.id, start, end, text)


# a run of capitalised words right before a name: "U.S. Senator ", not "June. " ending a sentence
_TITLE_BEFORE = re.compile(r"((?:(?:[A-Z]\.)+[ \t]+|[A-Z][\w-]*[ \t]+){1,3})$")
_TITLE_REACH = 40  # characters before a name where its title is written


def _titles(article: Article, found: list[Named], context: Context) -> dict[str, set[tuple[int, str]]]:
    """Title -> (offset, full name) of the people it introduces ("Home Secretary Suella Braverman")."""
    titles: dict[str, set[tuple[int, str]]] = {}
    for item in found:
        if item.kind != "person" or " " not in item.full:
            continue
        start = item.mention.start
        match = _TITLE_BEFORE.search(article.body[max(0, start - _TITLE_REACH) : start])
        words = match.group(1).split() if match else []
        places = context.places
        while words and (is_acronym(words[0]) or normalise(words[0]) in places):
            words = words[1:]  # "US President", "NASA Administrator", "British Prime Minister"
        if words and words[-1].lower() in context.roles:
            titles.setdefault(" ".join(words), set()).add((start, item.full))
    return titles


def _titled(article: Article, found: list[Named], context: Context) -> list[Named]:
    """ "the Home Secretary" after "Home Secretary Suella Braverman" is her, when the article gives that
    title to one person only."""
    taken = [(n.mention.start, n.mention.end) for n in found]
    extra = []
    for title, people in _titles(article, found, context).items():
        if len({full for _, full in people}) != 1:
            continue
        first, full = min(people)
        for match in re.finditer(rf"\b[Tt]he {re.escape(title)}\b(?!\s+[A-Z])", article.body[first:]):
            start, end = first + match.start() + 4, first + match.end()
            if not any(s < end and start < e for s, e in taken):
                mention = Mention(article.id, start, end, article.body[start:end])
                extra.append(Named("person", full, full, mention))
    return extra


def _tight(article: Article, start: int, end: int, name: str) -> Mention:
    """The mention's span narrowed to the name itself ("the Church of Scientology's" -> its name)."""
    at = article.body.find(name, start, end)
    if at >= 0:
        start, end = at, at + len(name)
    return Mention(article.id, start, end, article.body[start:end])


def _drop_inside_itself(found: list[Named]) -> list[Named]:
    """A short form inside the name it abbreviates ("Scientology" in "Church of Scientology") is not
    a second mention."""
    grouped: dict[str, list[tuple[int, int, str]]] = {}
    for n in found:
        grouped.setdefault(n.key, []).append((n.mention.start, n.mention.end, ""))
    spans = {key: _Taken(group) for key, group in grouped.items()}
    return [n for n in found if not any(
        s <= n.mention.start and n.mention.end <= e and (s, e) != (n.mention.start, n.mention.end)
        for s, e, _ in spans[n.key].near(n.mention.start, n.mention.end)
    )]


def _expand(
    kind: str, name: str, offset: int, fulls: list[tuple[int, str]], places: frozenset[str], definite: bool
) -> str:
    """The full name nearest before the offset (else first after) that this short form abbreviates."""
    if kind == "person":
        fits = [(s, f) for s, f in fulls if shortens(name, f) or _given_name(name, f)]
    elif is_acronym(name):
        fits = [(s, f) for s, f in fulls if abbreviates(name, f)]
    else:
        fits = [(s, f) for s, f in fulls if _org_shortens(name, f, places, definite)]
    if not fits:
        return name
    before = [(offset - s, f) for s, f in fits if s <= offset]
    return min(before)[1] if before else min(fits)[1]


def _org_shortens(short: str, full: str, places: frozenset[str], definite: bool) -> bool:
    """ "Air Force" of "United States Air Force", "Environment" of "Environment Canada", "Scientology"
    of "Church of Scientology", "the Church" of "the Church of Scientology"; not "Google" of "Google
    Science Fair" nor "NASA" of "NASA Administrator"."""
    if not shortens(short, full):
        return False
    a, b = normalise(short).split(), normalise(full).split()
    prefix = b[: len(a)] == a
    dropped = b[len(a) :] if prefix else b[: -len(a)]
    if (not prefix and dropped[-1] == "of") or (prefix and definite and dropped[0] == "of"):
        return True
    return " ".join(w for w in dropped if w not in _CONNECTORS) in places


def _given_name(name: str, full: str) -> bool:
    """ "Britney" for "Britney Spears": interviews call people by their given name."""
    return " " not in name and full.split()[0] == name
