"""Resolving speakers: surnames to full names, pronouns and role nouns to the person meant."""

from __future__ import annotations

import bisect
import re

from sitroom.stages.entities import Lexicon
from sitroom.stages.statements.fullnames import FullNames
from sitroom.stages.statements.lexicon import NOT_GIVEN, PERSON_HEADS, SPEECH_LEMMAS, TITLE_ABBREVIATIONS
from sitroom.stages.statements.names import (
    FEMALE,
    MALE,
    NOT_NARROWING,
    genders,
    hyphen_tail,
    narrowing,
    person_like,
    spelled_out,
    title_words,
    without_base,
)
from sitroom.stages.statements.parse import Parse

_NICKNAME = re.compile(r"[“\"‘][^”\"’]{1,20}[”\"’]")
_WORD = re.compile(r"[\w’'-]+")
_ORG_LABELS = frozenset({"ORG", "GOVERNMENT", "AGENCY", "MILITARY_UNIT"})
_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "&"})
RANKS = frozenset({"prime", "vice", "deputy", "assistant", "associate", "acting", "former", "shadow"})
_SUBORDINATE = frozenset({"advcl", "ccomp", "relcl", "acl", "xcomp", "csubj", "pcomp", "pobj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def strip_title(name: str) -> str:
    """The name without a leading title ("Dr. ") or a quoted nickname ('Riefian "Ifan" Fajarsyah')."""
    for title in TITLE_ABBREVIATIONS:
        if name.startswith(title):
            name = name[len(title) :]
            break
    return " ".join(_NICKNAME.sub(" ", name).split())


class People:
    """The people an article names, with the titles written around them."""

    def __init__(self, parse: Parse, lex: Lexicon) -> None:
        self.lex = lex
        self._written_out: dict[str, str] = {}
        self._untitled: dict[str, str] = {}
        self._resolved: dict[tuple[str, int, bool], str] = {}  # full_name's answers, asked many times over
        self.parse = parse
        self.body = parse.body
        persons = [(e.start, parse.body[e.start : hyphen_tail(parse.body, e.end)]) for e in parse.entities
                   if e.label == "PERSON"]
        tagged = [(start, self.untitled(text)) for start, text in persons]
        self.mentions = [(start, name) for start, name in tagged if person_like(name, lex)]
        self.full = [(start, name) for start, name in self.mentions if len(name.split()) >= 2]
        self._full_names = FullNames(self.full)
        self.subjects = frozenset(start for start, name in self.mentions if self._is_subject(start, name))
        self.single = self._single_names()
        self.mentions = sorted(self.mentions + self._untagged_names())
        self.subjects = frozenset(start for start, name in self.mentions if self._is_subject(start, name))
        self.single = self._single_names()
        self.named_times: dict[str, int] = {}
        for start, name in self.mentions:
            full = self.full_name(name, start)
            self.named_times[full] = self.named_times.get(full, 0) + 1
        self.roles = [(start, name, title_words(parse, start, name)) for start, name in self.mentions]
        self.gender = self._genders()
        self.orgs = [without_base(e.start, e.text) for e in parse.entities if e.label in _ORG_LABELS]

    def untitled(self, name: str) -> str:
        """The name without its title, also a title the tagger took for a first name ("Treasurer Mark
        Dunn"): a role noun before a known given name."""
        if name not in self._untitled:
            self._untitled[name] = self._without_title(name)
        return self._untitled[name]

    def _without_title(self, name: str) -> str:
        words = strip_title(name).split()
        if len(words) >= 3 and words[1].lower() in self.lex.given_male | self.lex.given_female:
            title = words[0].lower()
            # a role noun, or a word the article also writes in lower case ("the treasurer")
            if title in self.lex.role_heads or re.search(rf"\b{re.escape(title)}\b", self.body):
                words = words[1:]
        return " ".join(words)

    def org_name(self, name: str) -> str:
        """The full name of an organisation written short: an acronym ("IRCC") or a first word ("Norco")."""
        bare = name[4:] if name.lower().startswith("the ") else name
        for _, full in self.orgs:
            words = full.split()
            if len(words) < 2:
                continue
            initials = "".join(w[0] for w in words if w.lower() not in _CONNECTORS and w[:1].isupper())
            if (bare.isupper() and initials == bare) or (words[0] == bare and " " not in bare):
                return full
        if bare.isupper() and bare.isalpha() and len(bare) >= 2:
            return spelled_out(bare, self.body) or name
        return name

    def org_before(self, noun: str, offset: int) -> str | None:
        """The organisation named most recently before the offset whose name holds the noun
        ("the bank" -> "the Bank of Canada")."""
        found: str | None = None
        for start, full in self.orgs:
            if start < offset and noun in full.lower().split():
                found = full
        return self.org_name(found) if found else None

    def _genders(self) -> dict[str, str]:
        full = [(start, name, self.full_name(name, start)) for start, name in self.mentions]
        return genders(self.parse, full, self.lex)

    def person_for_pronoun(self, pronoun: str, offset: int, floor: int) -> str | None:
        """The person a pronoun at the offset means: the latest fitting subject named since `floor`,
        else the nearest fitting mention since then, else the nearest one of known fitting gender."""
        nearest: str | None = None
        fallback: str | None = None
        for start, name in reversed(self.mentions):
            if start >= offset:
                continue
            full = self.full_name(name, start)
            if not self.fits(pronoun, full) or (" " not in full and full not in self.single):
                continue
            if start >= floor:
                if start in self.subjects:
                    return full  # news prose keeps its pronouns on the actor, not on the acted upon
                nearest = nearest or full
            elif fallback is None and full in self.gender:
                fallback = full
        return nearest or fallback

    def _is_subject(self, start: int, name: str) -> bool:
        token = self.parse.tokens[self.name_root(start, start + len(name))]
        if token.dep == "appos":
            token = self.parse.tokens[token.head]
        return token.dep in _SUBJECT_DEPS

    def name_root(self, start: int, end: int) -> int:
        """The token of a name whose head lies outside it ("Procter" in "Procter & Gamble", where
        "Gamble" hangs on "Procter" as a conjunct); the last token when none does."""
        parse = self.parse
        inside = parse.tokens_between(start, end)
        for i in inside:
            head = parse.tokens[i].head
            if head == i or not start <= parse.tokens[head].start < end:
                return i
        return parse.token_at(max(start, end - 1))

    def _untagged_names(self) -> list[tuple[int, str]]:
        """Surnames of people named in full, and one-word names known as people, where the tagger
        left them untagged ("Myers also cited ...", "said Colton")."""
        names = {full.split()[-1] for _, full in self.full} | self.single | self._given_names()
        if not names:
            return []
        covered = sorted((start, start + len(name)) for start, name in self.mentions)
        ends = [end for _, end in covered]  # mentions do not nest, so ends rise with starts
        pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        found: list[tuple[int, str]] = []
        for match in re.finditer(rf"\b(?:{pattern})\b", self.body):
            k = bisect.bisect_right(ends, match.start())
            if k < len(covered) and covered[k][0] <= match.start():
                continue  # inside a tagged mention
            found.append((match.start(), match.group(0)))
        return found

    def _given_names(self) -> set[str]:
        """Known given names standing alone as the subject of a speech verb or with an appositive
        ("Yuni, a resident of ...") whatever the tagger called them: people it never labelled."""
        given = self.lex.given_male | self.lex.given_female
        found: set[str] = set()
        for i, token in enumerate(self.parse.tokens):
            word = self.parse.text(i)
            if token.tag != "NNP" or token.dep not in _SUBJECT_DEPS or word.lower() not in given:
                continue
            entity = self.parse.entity_at(i)
            if not word[:1].isupper() or (entity is not None and entity.text != word):
                continue
            speech = self.parse.tokens[token.head].lemma.lower() in SPEECH_LEMMAS
            if speech or any(self.parse.tokens[c].dep == "appos" for c in self.parse.children[i]):
                found.add(word)
        return found

    def _single_names(self) -> frozenset[str]:
        """One-word names trusted as people: part of a full name, a known given name, or named twice
        and once as a clause subject (a dateline's "Ont." never is)."""
        parts = {w for _, full in self.full for w in full.split()}
        counts: dict[str, int] = {}
        for start, name in self.mentions:
            counts[name] = counts.get(name, 0) + 1 + 100 * (start in self.subjects)
        given = self.lex.given_male | self.lex.given_female
        return frozenset(n for n, c in counts.items() if " " not in n and (
            n in parts or n.lower() in given or (c >= 2 and c >= 100)))

    def known_person(self, name: str, offset: int) -> str | None:
        """The full name of a person written short ("Sinclair", "Dr. Jordan") whom the article names in
        full, however the tagger labelled the short form."""
        words = strip_title(name).split()
        if not words or len(words) > 2 or not all(w[:1].isupper() for w in words):
            return None
        full = self.full_name(" ".join(words), offset, guess=False)
        return full if len(full.split()) > len(words) else None

    def newer_subject(self, pronoun: str, after: int, offset: int) -> str | None:
        """A fitting person who is the subject of a clause between `after` and the offset: news
        prose moves its pronouns on to a newly introduced actor, if the article names them again
        (a photo caption's one-off subject is no actor of the story)."""
        for start, name in reversed(self.mentions):
            if not after <= start < offset or start not in self.subjects:
                continue
            full = self.full_name(name, start)
            main = self._main_clause(start, name) and not self._joint(start, name)
            if main and self.fits(pronoun, full) and self.named_times.get(full, 0) >= 2:
                return full
        return None

    def _joint(self, start: int, name: str) -> bool:
        """Whether the name is a subject together with others ("Holm and Svensson have won"): a
        pair does not take over one person's quote or pronoun."""
        i = self.name_root(start, start + len(name))
        return any(self.parse.tokens[c].dep == "conj" for c in self.parse.children[i])

    def _main_clause(self, start: int, name: str) -> bool:
        """Whether the name is the subject of a main clause, not of a subordinate one ("Although Trump
        has tweeted ...", "as his daughters ham it up"), which does not move the story's actor."""
        token = self.parse.tokens[self.name_root(start, start + len(name))]
        if token.dep == "appos":
            token = self.parse.tokens[token.head]
        return self.parse.tokens[token.head].dep not in _SUBORDINATE

    def introduced(self, pronoun: str, after: int, offset: int) -> str | None:
        """The one fitting person (known in full) named, and introduced, in the sentence before the
        offset's or in its own, after `after`: a quote's pronoun right after an introduction is theirs."""
        floor = max(after, self.parse.sentences[max(0, self.parse.sentence_index(offset) - 1)].start)
        named: dict[str, bool] = {}  # full name -> whether a mention here introduces the person
        for start, name in self.mentions:
            if floor <= start < offset and self._main_clause(start, name):
                full = self.full_name(name, start)
                named[full] = named.get(full, False) or self._described(start, name)
        found = [name for name in named if " " in name]
        return found[0] if len(found) == 1 and named[found[0]] and self.fits(pronoun, found[0]) else None

    def named_next(self, offset: int, country: str | None = None) -> str | None:
        """A person named for the first time as the subject of one of the two sentences after the
        offset's: who "a Superior Court judge" in a lead turns out to be ("Justice Sean Dunphy ...").
        Not one whose title names another country than the description ("a Russian military
        spokesman ... U.S. Vice President Mike Pence")."""
        k = self.parse.sentence_index(offset)
        sentences = self.parse.sentences
        lo, hi = sentences[k].end, sentences[min(k + 2, len(sentences) - 1)].end
        seen = {self.full_name(name, start) for start, name in self.mentions if start < lo}
        for start, name in self.mentions:
            if lo <= start < hi and " " in name and start in self.subjects and self._main_clause(start, name):
                full = self.full_name(name, start)
                titled = self._title_country(start)
                if country and titled and titled != country:
                    return None
                return full if full not in seen else None
        return None

    def _title_country(self, start: int) -> str | None:
        """The country a person's title names, in the few words before the name ("U.S. Vice President")."""
        words = self.body[max(0, start - 40) : start].replace(",", " ").split()[-4:]
        for word in reversed(words):
            code = self.lex.demonyms.get(word) or self.lex.countries.get(word.removesuffix("'s"))
            if code:
                return code
        return None

    def _described(self, start: int, name: str) -> bool:
        """Whether a mention introduces the person: a title or role before it ("accountant X"), or an
        age, appositive or relative clause after it ("X, 50", "X, who ...")."""
        end = start + len(name)
        before = self.parse.tokens[max(0, self.parse.token_at(start) - 1)]
        role = before.tag in ("NN", "NNP") and before.end <= start and self.body[before.start].islower()
        # "the regional governor, Tatiana Caraman, criticised ...": the name set beside its role
        role = role or self.parse.tokens[self.name_root(start, end)].dep == "appos"
        return role or bool(re.match(r",\s+(?:\d|who\b|a\b|an\b|the\b)", self.body[end : end + 8]))

    def org_within(self, start: int, end: int, not_heads: frozenset[str] = frozenset()) -> str | None:
        """The first organisation named inside [start, end), by its full name, leaving out names
        ending in one of `not_heads` (a document's title tagged ORG: "White Paper:")."""
        for begin, name in self.orgs:
            head = _WORD.findall(name.lower())[-1:] or [""]
            if start <= begin and begin + len(name) <= end and head[0] not in not_heads:
                return self.org_name(name)
        return None

    def person_by(self, start: int, end: int) -> str | None:
        """A person named inside [start, end) right after "by" or "from": a document's author."""
        for begin, name in self.mentions:
            if start <= begin < end and re.search(r"\b(?:by|from)\s+$", self.body[max(0, begin - 6) : begin]):
                return self.full_name(name, begin)
        return None

    def org_named(self, name: str | None) -> bool:
        """Whether the tagger calls exactly this name an organisation somewhere ("Facebook" said,
        tagged as a person there) and the article never names it as a person in full."""
        return name is not None and not self.is_person(name) and any(text == name for _, text in self.orgs)

    def is_person(self, name: str | None) -> bool:
        return name is not None and any(full == name for _, full in self.full)

    def recent_org(self, offset: int, floor: int) -> str | None:
        """The organisation named last before the offset as a clause subject, not before `floor`."""
        found = self.recent_org_at(offset, floor)
        return found[1] if found else None

    def recent_org_at(self, offset: int, floor: int) -> tuple[int, str] | None:
        """`recent_org` with where its mention starts."""
        found: tuple[int, str] | None = None
        for start, name in self.orgs:
            if floor <= start < offset and self._is_subject(start, name):
                found = (start, name)
        return (found[0], self.org_name(found[1])) if found else None

    def fits(self, pronoun: str, name: str | None) -> bool:
        wanted = "he" if pronoun in MALE else "she" if pronoun in FEMALE else None
        return name is not None and (wanted is None or self.gender.get(name, wanted) == wanted)

    def full_name(self, name: str, offset: int, guess: bool = True) -> str:
        """The longest full name that ends (or, for East Asian order, starts) with `name`, nearest
        before the offset, else the first after it; the name itself when none does."""
        asked = (name, offset, guess)
        if asked not in self._resolved:
            name = self.untitled(name)
            words = tuple(name.split())
            found = self._full_names.nearest(words, offset) if words else None
            self._resolved[asked] = found or (self._name_in_text(name) if len(words) == 1 and guess else name)
        return self._resolved[asked]

    def _name_in_text(self, surname: str) -> str:
        """ "Patrice Lindsay" where the tagger found only "Lindsay": a capitalised given name before it."""
        if surname not in self._written_out:
            self._written_out[surname] = self._find_given(surname)
        return self._written_out[surname]

    def _find_given(self, surname: str) -> str:
        for match in re.finditer(rf"\b([A-Z][a-z][\w’'-]*) {re.escape(surname)}\b", self.body):
            given = match.group(1)
            i = self.parse.token_at(match.start())
            known = given.lower() in self.lex.given_male or given.lower() in self.lex.given_female
            plain = given.replace("’", "").replace("'", "").isalpha() and given[-2:] not in ("'s", "’s")
            if plain and (self.parse.tokens[i].tag == "NNP" or known) and given.lower() not in NOT_GIVEN:
                return f"{given} {surname}"
        return surname

    def with_title(self, noun: str, offset: int, phrase: str = "") -> str | None:
        """The person most recently introduced before the offset with this title word; a title
        naming another office ("Prime Minister" for "the minister") only if the phrase says so, and
        never a body's spokesman or chief for the body ("the coast guard said")."""
        said = set(_WORD.findall(phrase.lower()))
        # "the economy minister" is not the person called "Foreign Minister": a lower-case word that
        # narrows the title must agree with the title the person was given
        narrows = narrowing(phrase, noun)
        found: str | None = None
        for start, name, words in self.roles:
            headed = noun in PERSON_HEADS or not words & PERSON_HEADS
            titled = any(w.startswith(noun) for w in words)
            if start < offset and headed and titled and (words & RANKS) <= said:
                other = {w for w in words if not w.startswith(noun)} - NOT_NARROWING
                if narrows and other and not narrows & other:
                    continue
                found = self.full_name(name, start)
        return found

    def said_of(self, full: str, noun: str, offset: int, phrase: str = "") -> bool:
        """Whether a sentence naming the person, other than the one at the offset, uses the noun
        ("Justin Trudeau says ... as Canada's prime minister")."""
        own = self.parse.sentence_index(offset)
        for start, name in self.mentions:
            k = self.parse.sentence_index(start)
            if k == own or self.full_name(name, start) != full:
                continue
            sentence = self.parse.sentences[k]
            words = set(_WORD.findall(self.body[sentence.start : sentence.end].lower()))
            if noun in words and narrowing(phrase, noun) <= words:
                return True
        return False

    def named_in_sentence(self, full: str, start: int, end: int) -> bool:
        """Whether the sentence holding [start, end) names the person outside that span."""
        sentence = self.parse.sentences[self.parse.sentence_index(start)]
        return any(
            sentence.start <= at < sentence.end and not start <= at < end and self.full_name(name, at) == full
            for at, name in self.mentions
        )

    def last_before(self, offset: int) -> str | None:
        found: str | None = None
        for start, name in self.mentions:
            if start < offset:
                found = name
        return self.full_name(found, offset) if found else None
