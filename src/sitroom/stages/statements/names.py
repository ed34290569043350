"""What the text says about names: whether a tagged text can be a person's name, a person's gender
(titles, given names, pronouns), the words of and narrowing a title, and an acronym's spelled-out form."""

from __future__ import annotations

import re

from sitroom.stages.entities import Lexicon
from sitroom.stages.statements.parse import Parse

MALE = frozenset({"he", "his", "him", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
_MALE_TITLE = re.compile(r"\bMr\.? ")
_FEMALE_TITLE = re.compile(r"\b(?:Mrs|Ms|Miss)\.? ")
_TITLE_WEIGHT = 10  # a title's vote: no pronoun count in reach outweighs it
_GENDER_REACH = 250  # characters after a mention whose pronouns tell the person's gender
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "&"})
NOT_NARROWING = frozenset(
    {"the", "a", "an", "its", "his", "her", "their", "our", "of", "for", "and", "former", "then", "current",
     "new", "acting", "outgoing", "incoming", "top", "senior", "country's", "nation's", "state's", "city's"}
)
# Lower-case words that may stand inside a person's name ("Ludwig van Beethoven").
_PARTICLES = frozenset({"de", "da", "di", "du", "del", "der", "den", "van", "von", "al", "el", "bin", "ibn",
                        "la", "le", "dos", "das", "ter", "y"})
_NAME_CHARS = re.compile(r"^[\w.’'-]+$")
_WORD = re.compile(r"[\w’'-]+")
_ROLE_WINDOW = 60
_TITLE_TOKENS = 6
_TITLE_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "HYPH", "POS", "CD"})
_BASED = re.compile(r"(?:[\w.’'-]+-based\s+)+")
_HYPHEN_TAIL = re.compile(r"-[a-z]+\b(?!-)")
_NOT_TAILS = frozenset({"-era", "-like", "-style", "-type", "-made", "-born", "-run", "-owned", "-esque"})
_CAPITAL_RUN = re.compile(r"[A-Z][\w’'-]*(?:[ ]+(?:of|and|for|on|in|the|&|[A-Z][\w’'-]*))+")


def genders(parse: Parse, mentions: list[tuple[int, str, str]], lex: Lexicon) -> dict[str, str]:
    """He or she per full name, from (start, name as written, full name) mentions: a title (Mr., Ms.)
    or a known given name decides; otherwise the pronouns after its mentions vote, the first one
    inside the mention's own sentence most."""
    votes: dict[str, list[int]] = {}
    titled: set[str] = set()
    starts = [start for start, _, _ in mentions] + [len(parse.body)]
    for k, (start, name, full) in enumerate(mentions):
        tally = votes.setdefault(full, [0, 0])
        for gender, weight in _gender_votes(parse, start, name, starts[k + 1]):
            tally[gender] += weight
            if weight >= _TITLE_WEIGHT:
                titled.add(full)
    result = {name: ("he" if m > f else "she") for name, (m, f) in votes.items() if m != f}
    for name in votes.keys() - titled:  # a known given name outweighs pronoun counts, which mix people
        given = name.split()[0].lower()  # up, but not a title: "Ms. Kim Fraser" is a woman
        if given in lex.given_male:
            result[name] = "he"
        elif given in lex.given_female:
            result[name] = "she"
    return result


def _gender_votes(parse: Parse, start: int, name: str, next_start: int) -> list[tuple[int, int]]:
    """(0 for he / 1 for she, weight) votes from one mention's title and following pronouns."""
    body = parse.body
    before = body[max(0, start - 5) : start + 5]
    titled = _MALE_TITLE.search(before) or _FEMALE_TITLE.search(before)
    if titled:
        return [(0 if titled.re is _MALE_TITLE else 1, _TITLE_WEIGHT)]
    end = start + len(name)
    sentence_end = parse.sentences[parse.sentence_index(start)].end
    # pronouns inside quoted speech are the speaker's own ("he's our son"), not about the name
    window = _QUOTED.sub(" ", body[end : min(next_start, end + _GENDER_REACH)])
    words = re.findall(r"[a-z]+", window.lower())
    votes = [(0, 1) for w in words if w in MALE] + [(1, 1) for w in words if w in FEMALE]
    own = re.findall(r"[a-z]+", _QUOTED.sub(" ", body[end : min(next_start, sentence_end)]).lower())
    first = next((w for w in own if w in MALE or w in FEMALE), None)
    if first is not None:
        votes.append((0 if first in MALE else 1, 3))
    return votes


def spelled_out(acronym: str, body: str) -> str | None:
    """The capitalised words whose initials make the acronym, wherever the text writes them out
    ("the Society of Motor Manufacturers and Traders" for SMMT), tagged or not."""
    for match in _CAPITAL_RUN.finditer(body):
        words = match.group(0).split()
        for k, first in enumerate(words):
            if first[0] != acronym[0]:
                continue
            taken = [w for w in words[k:] if w[:1].isupper() and w.lower() not in _CONNECTORS]
            if "".join(w[0] for w in taken[: len(acronym)]) == acronym:
                last = words.index(taken[len(acronym) - 1], k)
                return " ".join(words[k : last + 1])
    return None


def person_like(name: str, lex: Lexicon) -> bool:
    """Whether a PERSON-tagged text can be a person's name: "Archives Canada", "Birth of Modern
    Canada", "Halden-based Norco" or a photo credit "Ana Ruiz / Northgate Images" cannot."""
    words = name.split()
    if not words or not all(_NAME_CHARS.match(w) and not w.endswith("-based") for w in words):
        return False
    if words[-1] in lex.countries or words[-1] in lex.demonyms:
        return False
    if any(w.endswith(("’s", "'s")) for w in words[:-1]):
        return False  # "Justin Trudeau’s Liberals" names a party
    # "al-Gallal", "el-Sisi": a particle joined to a capitalised surname
    return all(w[:1].isupper() or w.lower() in _PARTICLES or (w.split("-", 1)[0] in _PARTICLES
               and w.split("-", 1)[-1][:1].isupper()) for w in words)


def narrowing(phrase: str, noun: str) -> set[str]:
    """Lower-case words that narrow a title ("economy" in "the economy minister")."""
    return {w for w in _WORD.findall(phrase) if w.islower() and w not in NOT_NARROWING} - {noun}


def without_base(start: int, name: str) -> tuple[int, str]:
    """ "Halden-based Norco" is Norco: the headquarters is a description, not part of the name."""
    match = _BASED.match(name)
    return (start + match.end(), name[match.end() :]) if match and match.end() < len(name) else (start, name)


def title_words(parse: Parse, start: int, name: str) -> frozenset[str]:
    """Lower-cased words of the title right before the name ("Halden mayor") and of an appositive
    right after it (", the city's mayor,")."""
    words: set[str] = set()
    i = parse.token_at(start) - 1
    taken = 0
    while i >= 0 and taken < _TITLE_TOKENS and parse.tokens[i].tag in _TITLE_TAGS:
        words.add(parse.lower(i))
        i -= 1
        taken += 1
    sentence = parse.sentences[parse.sentence_index(start)]
    after = parse.body[start + len(name) : min(sentence.end, start + len(name) + 2 * _ROLE_WINDOW)]
    if after.startswith(","):
        words.update(_WORD.findall(after[1:].split(",")[0].lower()))
    return frozenset(words)


def hyphen_tail(body: str, end: int) -> int:
    """Where a name really ends when the tagger stopped at its hyphen ("Moon Jae" of "Moon Jae-in")."""
    match = _HYPHEN_TAIL.match(body, end)
    # a short syllable of the name, not a word made from it ("Trump-backed", "Obama-era", "Smith-like")
    tail = match.group(0) if match else ""
    if not tail or len(tail) > 6 or tail.endswith("ed") or tail in _NOT_TAILS:
        return end
    return end + len(tail)
