"""Which mention is no target after all: the force a movement moves, the place it goes to, whose backing
a statement of support names (not whom it backs); harm told with only its target, or done to someone
unnamed; one who speaks elsewhere in the sentence or is named in another cue's words; whom a warning
addresses; the words a cue rule reads under a verb; a participle of ties that only describes its noun
("fighters linked to al-Qaida"); and the actor a preposition of direction introduces (`fallback_target`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from sitroom.model import Actor, Article
from sitroom.model.lookup import lookup, per_article
from sitroom.stages.events.actors import ActorTables
from sitroom.stages.events.cues import HARM, MISHAP, mode_for
from sitroom.stages.events.mentions import Mention, is_moved

# What is moved, not whom it is aimed at: "moved 2,000 troops toward the line".
_MEANS = {"troops", "soldiers", "forces", "units", "tanks", "artillery", "warships", "jets", "aircraft",
          "missiles", "equipment", "personnel", "reservists", "vehicles", "weapons", "ships"}  # fmt: skip


# "expressed Norland's solidarity with X", "reiterated Vestia's support for X": whose backing it is
# says nothing of whom it backs; the actor under "for", "with" or "to" is the target.
_BACKING_NOUNS = {"support", "solidarity", "commitment", "backing", "sympathy", "condolences", "readiness"}


def backed_target(article: Article, target: Mention, mentions: list[Mention]) -> Mention | None:
    root = article.tokens[target.root]
    if target.holder is None or root.lemma.lower() not in _BACKING_NOUNS:
        return target
    roles = {m.root: m for m in mentions}
    for prep in range(target.root + 1, min(len(article.tokens), target.root + 6)):
        token = article.tokens[prep]
        if token.head == target.root and token.lemma.lower() in ("for", "with", "to"):
            found = next((roles[i] for i in range(prep + 1, min(len(article.tokens), prep + 12))
                          if article.tokens[i].head == prep and i in roles), None)  # fmt: skip
            if found is not None:
                return found
    return None


def moved_or_where(article: Article, target: Mention, tables: ActorTables) -> bool:
    """A movement's object that is the force moved, or a town, site or water it goes to or
    from ("toward the Dniester ceasefire line", "from the Cobasna depot"): no one is its target.
    A capital still stands for its state ("moved troops toward Kyiv")."""
    head = article.body[article.tokens[target.root].start : article.tokens[target.root].end].lower()
    if head in _MEANS and not target.named:
        return True
    text = article.body[target.start : target.end].lower().removeprefix("the ")
    if text in tables.countries:
        return False
    kinds = {p.kind for p in lookup(article).places.overlapping(target.start, target.end)}
    return bool(kinds & _WHERE_KINDS) and "country" not in kinds


_WHERE_KINDS = frozenset({"city", "site", "water"})  # a region may be a polity (Crimea, Gaza)


def _bare(name: str) -> str:
    """A place's name as a mention writes it, without its article ("the Korean Peninsula")."""
    return name.removeprefix("the ").removeprefix("The ")


def a_site(article: Article, target: Mention) -> bool:
    """A mention that is a site, a body of water or a stateless region named alone, not a polity: a power
    station, a depot, a river, the Korean Peninsula. It can be attacked, but it does not threaten, demand,
    accuse or agree, nor is it threatened or asked. (A union of states is no mere region.)"""
    places = lookup(article).places.overlapping(target.start, target.end)
    words = _bare(article.body[target.start : target.end])
    return bool(places) and all(
        p.kind in ("site", "water")
        or (p.kind == "region" and p.country is None and article.body[p.start : p.end] == words
            and "union" not in words.lower())
        for p in places
    )


def kept_target(article: Article, mention: Mention | None, kind: str, source: Actor | None,
                target: Actor | None) -> Actor | None:
    """The target, unless it is water or a stateless region named for its geography and the event is no
    attack, or a threat, accusation or attack falls on the source's own country named as a whole by the
    same side, as the word that qualifies what is done ("Pence vowed an overwhelming U.S. response to
    any attack"): no state threatens, blames or strikes itself. A government may still coerce its own
    country ("a state of emergency in Colombia"), rebels strike their own ("Taliban fighters overran a
    base in Afghanistan"), and a country named as the object stays ("Melnik accused Moldova of ...")."""
    if mention is not None and kind != "ASSAULT" and _landform(article, mention):
        return None  # "demanded that the US ease sanctions on the Korean Peninsula": a place, no actor
    if kind not in _NOT_ON_ITSELF or mention is None or target is None or source is None:
        return target
    if (target.country, target.sector) != (source.country, source.sector):
        return target
    if mention.holder is None and article.tokens[mention.root].dep not in _QUALIFIERS:
        return target  # a separatist leader the tables code to the state he defies
    start, end = mention.holder or (mention.start, mention.end)
    words = _bare(article.body[start:end]).rstrip(".")
    countries = [p for p in lookup(article).places.overlapping(start, end) if p.kind == "country"]
    return None if any(article.body[p.start : p.end].rstrip(".") == words for p in countries) else target


_NOT_ON_ITSELF = frozenset({"THREATEN", "ACCUSE", "ASSAULT"})
_QUALIFIERS = frozenset({"compound", "amod", "poss", "nmod"})
# A region named for its lie, which no one governs (a seat of power such as the White House, or a union
# such as the EU, still stands for those who act from it).
_GEOGRAPHIC = re.compile(
    r"\b(?:peninsula|sea|ocean|gulf|strait|bay|basin|middle east|far east|asia)\b", re.IGNORECASE
)


def _landform(article: Article, mention: Mention) -> bool:
    words = _bare(article.body[mention.start : mention.end])
    places = lookup(article).places.overlapping(mention.start, mention.end)
    return bool(places) and all(
        p.kind == "water" or (p.kind == "region" and p.country is None and bool(_GEOGRAPHIC.search(words)))
        for p in places
    ) and any(article.body[p.start : p.end] == words for p in places)


def harmed(
    article: Article, target: Mention | None, lemma: str, lemmas: set[str], verb: int | None = None
) -> tuple[str, str | None] | None:
    """The type and mode of harm or arrest told with only the one it befell ("Four militants were
    killed", "A roadside bomb killed two soldiers"), or None: a mishap, or territory taken. A mishap
    may be named by the noun a relative clause hangs on ("the tsunami, which killed 226,000 people") or,
    for harm with no doer, by the sentence before ("A freight train derailed ... Three employees were
    killed")."""
    kind = HARM.get(lemma)
    if kind is None or target is None or lemmas & MISHAP:
        return None
    if kind == "ASSAULT" and _told_mishap(article, verb):
        return None  # deaths in the disaster just told; an arrest is never a mishap's
    if kind == "COERCE" and lookup(article).places.overlapping(target.start, target.end):
        return None  # "captured the town": territory taken, not a person held
    return kind, mode_for(kind, lemmas)


def _told_mishap(article: Article, verb: int | None) -> bool:
    if verb is None:
        return False
    token = article.tokens[verb]
    clause, steps = verb, 0  # "the quake, which some have estimated has killed ...": up to the relative
    while article.tokens[clause].dep in ("ccomp", "xcomp", "conj") and steps < 3:
        clause, steps = article.tokens[clause].head, steps + 1
    if article.tokens[clause].dep == "relcl" and lemmas_between(article, max(0, clause - 12), verb) & MISHAP:
        return True  # "the tsunami triggered by an earthquake on Dec. 26, 2004, which killed ..."
    near = article.tokens[max(0, verb - 12) : verb + 12]
    if any(t.head == verb and t.dep in ("nsubj", "agent") for t in near):
        return False  # a doer is named: the sentence decides
    # the same sentence before the toll, when it tells no violence ("homeless by the quake, which some
    # have estimated has killed ..."), then the three sentences before, also across a paragraph break: a
    # toll often follows the disaster's own paragraph ("the tsunami washed away an outdoor stage ... /
    # At least four band members were killed")
    ends = lookup(article).sentence_ends
    k = bisect_right(ends, token.start)  # sentences that end before the verb
    if k < len(article.sentences):
        own = article.sentences[k]
        lo = bisect_left(article.tokens, own.start, key=lambda t: t.start)
        hi = bisect_left(article.tokens, own.end, key=lambda t: t.start)
        if lemmas_between(article, lo, verb) & MISHAP and not lemmas_between(article, lo, hi) & _VIOLENCE:
            return True
    for before in article.sentences[max(0, k - _MISHAP_REACH) : k]:
        lo = bisect_left(article.tokens, before.start, key=lambda t: t.start)
        hi = bisect_left(article.tokens, before.end, key=lambda t: t.start)
        if lemmas_between(article, lo, hi) & MISHAP:
            return True
    return False


_MISHAP_REACH = 3

# Dying: the subject is the one who died, never a doer; an attack only where the clause tells violence
# ("died when their patrol was ambushed", "died of gunshot wounds"), not "died in hospital", "of
# natural causes" or "while serving in Iraq".
DYING = frozenset({"die", "perish"})
_VIOLENCE = frozenset({
    "attack", "shelling", "shell", "bombing", "bomb", "blast", "explosion", "explode", "ambush", "gunfire",
    "gunshot", "gunman", "shoot", "shooting", "shot", "airstrike", "raid", "clash", "fighting", "fight",
    "battle", "assault", "mortar", "rocket", "missile", "drone", "sniper", "grenade", "ied", "torture",
    "beating", "beat", "stab", "stabbing", "wound", "insurgent", "militant", "bomber", "crossfire",
})  # fmt: skip


def violent_death(article: Article, verb: int, lemmas: set[str]) -> tuple[str, str | None] | None:
    """ASSAULT (and its mode) for a death the clause tells violence in, else None."""
    if not lemmas & _VIOLENCE or lemmas & MISHAP or _told_mishap(article, verb):
        return None
    return "ASSAULT", mode_for("ASSAULT", lemmas)


# Harm and arrest verbs with no other reading: done by a named actor to someone the text does not name
# as an actor, still an event ("shot a video", "captured the mood", "executed a plan" are not).
_PLAIN_HARM = frozenset({"kill", "wound", "injure", "stab", "behead", "assassinate", "massacre", "torture",
                         "abduct", "kidnap", "arrest", "detain", "jail", "imprison"})  # fmt: skip


def plain_harm(
    article: Article, verb: int, lemmas: set[str], reporting: set[str]
) -> tuple[str, str | None] | None:
    """The type and mode of harm or arrest done by the verb's own subject to someone unnamed ("Italian
    police have arrested the captain"); None for a verb the parser hung on one of saying ("..., officials
    said, killing 17") or a bare participle ("ordered nine men jailed")."""
    token = article.tokens[verb]
    lemma = token.lemma.lower()
    if lemma not in _PLAIN_HARM or lemmas & MISHAP:
        return None
    if article.tokens[token.head].lemma.lower() in reporting:
        return None
    if token.tag == "VBN" and not any(
        t.head == verb and t.dep == "aux" for t in article.tokens[max(0, verb - 4) : verb]
    ):
        return None
    return HARM[lemma], mode_for(HARM[lemma], lemmas)


_PUBLISH = {"release", "issue", "publish", "make", "post", "put"}
_SAYINGS = {"statement", "statements", "comment", "comments", "remarks", "communique", "readout",
            "announcement"}  # fmt: skip
# A verb and direct object that tell no act between actors: what is published, an idiom.
_NO_ACT = {"release": {"data", "datum", "figure", "report", "result", "statistic", "number", "finding",
                       "survey", "study", "video", "footage", "image", "photo", "forecast", "estimate"},
           "give": {"birth"}, "make": {"sense"}, "pay": {"attention"}}  # fmt: skip


_SPARING = {"reduce", "minimise", "minimize", "limit", "avoid", "prevent", "mitigate", "lower"}
_HARMS = {"risk", "harm", "danger", "damage", "casualty", "threat", "injury", "loss"}


def no_act(lemma: str, lemmas: set[str], objects: set[str]) -> bool:
    """ "has not released any statement" (what is said is a statement, not an event), "released trade
    data", "gave birth", "reduce the risk": a verb whose words tell no act between actors."""
    if lemma in _SPARING and objects & _HARMS:
        return True  # "to reduce the risk to civilians", "to minimise casualties": harm kept off
    return (lemma in _PUBLISH and bool(lemmas & _SAYINGS)) or bool(objects & _NO_ACT.get(lemma, set()))


def object_lemmas(article: Article, verb: int, lo: int, hi: int) -> set[str]:
    """Lemmas of the verb's direct objects ("launched an investigation": investigation)."""
    return {t.lemma.lower() for t in article.tokens[lo:hi] if t.head == verb and t.dep == "dobj"}


def lemmas_between(article: Article, lo: int, hi: int) -> set[str]:
    return {t.lemma.lower() for t in article.tokens[lo:hi]}


_CLAUSES = {"ccomp", "advcl", "relcl", "acl", "parataxis", "conj"}


def subtree_words(article: Article, verb: int, lo: int, hi: int) -> set[str]:
    """Lemmas and words under the verb within its own clause ("announced that X plans sanctions"
    does not make "announced" a sanction)."""
    words: set[str] = set()
    for i in range(lo, hi):
        k, steps = i, 0
        while (
            k != verb and article.tokens[k].head != k and steps < 8 and article.tokens[k].dep not in _CLAUSES
        ):
            k, steps = article.tokens[k].head, steps + 1
        if k == verb:
            token = article.tokens[i]
            words.add(token.lemma.lower())
            words.add(article.body[token.start : token.end].lower())
    return words


def speaks_elsewhere(article: Article, mention: Mention, cue_start: int) -> bool:
    """Whether the mention is the speaker of a statement whose cue is another verb, and not one of the
    verb's own subjects ("Jordan and Britain have agreed ... but insisted that ...": a partner)."""
    covering = lookup(article).speakers.overlapping(mention.start, mention.start + 1)
    if not any(s.cue_start != cue_start for s in covering):
        return False
    tokens, at = article.tokens, mention.root
    while tokens[at].dep == "conj" and tokens[at].head != at:
        at = tokens[at].head
    return not (at != mention.root and tokens[at].dep in ("nsubj", "nsubjpass")
                and tokens[tokens[at].head].start == cue_start)


def elsewhere(article: Article, mention: Mention, cue_start: int) -> bool:
    """Whether the mention belongs to another statement than the verb's: its speaker (above), or inside
    what another cue reports while the verb stands outside it ("Russia denied that its soldiers took part
    and warned that sanctions against Transnistrian officials ...": no one denied anything to them)."""
    if speaks_elsewhere(article, mention, cue_start):
        return True
    for statement in lookup(article).statements.overlapping(mention.start, mention.start + 1):
        other = statement.cue_start is not None and statement.cue_start != cue_start
        if other and not statement.start <= cue_start < statement.end:
            return True
    return False


def threat_said(article: Article, cue_start: int) -> bool:
    """Whether the verb introduces a statement the statements stage reads as a threat ("warned that the
    sanctions will not go unanswered"), which a warning's own words under it do not show the cue rules."""
    return "threaten" in _stances_by_cue(article).get(cue_start, ())


def warned(article: Article, target: Mention | None, verb: int) -> Mention | None:
    """Whom a warning is addressed to ("warned Moldova that ..."), not a name inside what it says."""
    if target is None:
        return None
    token = article.tokens[target.root]
    return target if token.head == verb and token.dep in ("dobj", "dative") else None


def _by_cue(article: Article) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for statement in article.statements:
        if statement.cue_start is not None:
            found.setdefault(statement.cue_start, set()).add(statement.stance)
    return found


_stances_by_cue = per_article(_by_cue)


def one_actor(article: Article, a: Mention, b: Mention) -> bool:
    """Whether two mentions are the same actor: one token, one resolved name ("Apple" and "Apple's
    app store", whose holder is Apple), or one name inside the other."""
    def name(m: Mention) -> str:
        start, end = m.holder or (m.start, m.end)
        return (m.name or article.body[start:end]).lower()

    short, long = sorted((f" {name(a)} ", f" {name(b)} "), key=len)  # "Misrata man", "a Misrata man named X"
    return a.root == b.root or short == long or (short.count(" ") > 2 and short in long)


# "Fighters linked to al-Qaida attacked a base": a participle of ties right after its noun describes
# the noun, even when the small parser makes it the sentence's verb.
_TIES = frozenset({"link", "affiliate", "ally", "tie", "align", "associate", "connect"})


def describes_ties(article: Article, verb: int, hi: int) -> bool:
    """`hi`: the end of the sentence's tokens; a finite verb must follow (the tagger may read "linked"
    as one too: "Rebels linked to Rwanda killed 12 villagers")."""
    tokens = article.tokens
    if tokens[verb].lemma.lower() not in _TIES or tokens[verb].tag not in ("VBN", "VBD"):
        return False
    if verb == 0 or verb + 1 >= hi or tokens[verb - 1].pos not in ("NOUN", "PROPN"):
        return False
    after = article.body[tokens[verb + 1].start : tokens[verb + 1].end].lower()
    finite = ("VBD", "VBZ", "VBP", "MD")
    return after in ("to", "with") and any(tokens[k].tag in finite for k in range(verb + 2, hi))


def spared(article: Article, mention: Mention, verb: int) -> bool:
    """Whether the verb's purpose clause keeps the mention from harm: "used precise munitions to reduce
    the risk to civilians" attacks no civilians."""
    tokens, i = article.tokens, mention.root
    path: set[str] = set()
    for _ in range(8):
        if tokens[i].head == i:
            return False
        if tokens[i].head == verb:
            objects = {tokens[c].lemma.lower() for c in range(i + 1, min(len(tokens), i + 6))
                       if tokens[c].head == i}  # fmt: skip
            return tokens[i].lemma.lower() in _SPARING and bool((path | objects) & _HARMS)
        i = tokens[i].head
        path.add(tokens[i].lemma.lower())
    return False



def still_target(
    article: Article, mention: Mention | None, verb: int, cue_start: int | None = None
) -> Mention | None:
    """The mention, unless it speaks elsewhere in the sentence (`elsewhere`, with the cue's offset) or the
    verb's purpose clause only keeps it from harm (`spared`)."""
    if mention is None or (cue_start is not None and elsewhere(article, mention, cue_start)):
        return None
    return None if spared(article, mention, verb) else mention


_TOWARD = re.compile(
    r"\b(to|toward|towards|into|against|on|at|with)\s+(the\s+)?[\w\s-]{0,20}$", re.IGNORECASE
)


_PLACE_PREPS = re.compile(r"\b(?:along|near|in|across|around|by|beside|outside|inside|off)\b", re.I)


# A time, condition or reason clause between the verb and an actor: the actor is not the verb's.
_SUBORDINATE = re.compile(r"\b(?:until|unless|if|once|because|while|when)\b", re.IGNORECASE)


def fallback_target(article: Article, verb: int, mentions: list[Mention], taken: set[int]) -> Mention | None:
    """When the parse loses the recipient ("deployed troops to eastern Russia" mis-tagged), take the
    first named actor after the verb that a preposition of direction introduces."""
    after = article.tokens[verb].end
    for mention in mentions:
        if not (mention.start >= after and mention.named and mention.root not in taken):
            continue
        if _SUBORDINATE.search(article.body, after, mention.start):
            continue  # "will continue our operations until the aggression on Gaza stops": a condition
        if article.body[mention.end : mention.end + 1] == "-" and is_moved(article, verb):
            continue  # "moved troops into a UN-patrolled buffer zone": the UN only qualifies where to
        toward = _TOWARD.search(article.body[max(after, mention.start - 30) : mention.start])
        if toward and not _PLACE_PREPS.search(toward.group(0)):
            return mention  # not "to hospitals along the Dniester": the river only says where
    return None
