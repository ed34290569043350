"""Actor mentions in a sentence and who is the source and who the target of a verb."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from sitroom.model import Article, Sentence
from sitroom.model.lookup import lookup
from sitroom.stages.events.actors import ActorTables, keyword_matches, resolve
from sitroom.stages.events.nouns import suspected_people, unit_place
from sitroom.stages.events.spoken import content_pronouns, resolved_speakers

# Entity labels that can act or be acted on (dates, numbers and works of art cannot).
ACTOR_LABELS = frozenset(
    {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC", "AGENCY", "MILITARY_UNIT", "ORGANIZATION", "ORGANISATION"}
)
_SUBJECT = ("nsubj", "csubj")
_OBJECT = ("dobj", "dative", "attr", "oprd")
_TARGET_PREPS = {
    "against",
    "on",
    "to",
    "with",
    "at",
    "into",
    "toward",
    "towards",
    "from",
    "for",
    "over",
    "in",
}


_ATTRIBUTION = {"accord", "according", "say", "tell", "report"}
# Head nouns of institutions that act: "Seoul's spy agency", "the foreign ministry's office".
_ACTOR_HEADS = {"agency", "service", "council", "office", "department", "committee", "commission",
                "party", "command", "group", "body", "bureau", "authority", "institute", "union",
                "coalition", "delegation", "mission", "chief", "director", "allies", "alliance",
                "members"}  # fmt: skip
# Weapons and strikes that act for whoever a named modifier says fired them: "Israeli airstrikes killed
# 12", "Russian missiles hit the plant" (without a name, "a missile" is no actor).
_ARMED_HEADS = {"airstrike", "airstrikes", "strike", "strikes", "missile", "missiles", "rocket", "rockets",
                "drone", "drones", "shelling", "shells", "artillery", "bombs", "bombing", "bombings",
                "warplanes", "jets", "raid", "raids", "attack", "attacks", "fire", "helicopter",
                "helicopters", "gunship", "gunships", "warship", "warships", "tank", "tanks",
                "aircraft"}  # fmt: skip
_BODY_LABELS = {"ORG", "AGENCY", "MILITARY_UNIT", "ORGANIZATION", "ORGANISATION"}
_MOVED = {"deploy", "send", "dispatch", "station", "move", "transfer", "redeploy", "mobilize", "mobilise",
          "withdraw", "pull", "evacuate", "relocate"}  # fmt: skip


def armed(article: Article, mention: Mention, tables: ActorTables) -> bool:
    """Whether the mention is weapons or strikes fired by whom its modifier names."""
    return _fired_by(article, mention.start, mention.root, tables)


def _fired_by(article: Article, start: int, root: int, tables: ActorTables) -> bool:
    """Weapons or strikes (the noun at `root`) that a nationality, a country or a known body before it
    fired ("Israeli airstrikes", "U.S. strikes", "Taliban rockets"), not a town or region where they fell
    ("the Paris attacks", "Gaza airstrikes"), nor a name the model merely guessed is an organisation."""
    token = article.tokens[root]
    if article.body[token.start : token.end].lower() not in _ARMED_HEADS:
        return False
    for entity in lookup(article).entities.starting(start, token.start):
        if entity.label == "NORP":
            return True
        if entity.label == "GPE" and any(
            p.kind == "country" for p in lookup(article).places.overlapping(entity.start, entity.end)
        ):
            return True
        known = resolve(tables, article.body[entity.start : entity.end], [], None)
        if entity.label in _BODY_LABELS and (known.country or known.sector):
            return True
    return False


def is_moved(article: Article, verb: int) -> bool:
    return article.tokens[verb].lemma.lower() in _MOVED


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    root: int  # index of the mention's head token in article.tokens
    named: bool = True  # an entity or a named state/institution, not a bare noun like "troops"
    agentive: bool = True  # can act: not "Russia's cooperation", whose head is a thing
    name: str | None = None  # who a pronoun stands for ("He accused ..." -> the person resolved)
    holder: tuple[int, int] | None = None  # the possessor of a thing: "Trump" in "Trump's proposal"


def sentence_mentions(article: Article, sentence: Sentence, tables: ActorTables) -> list[Mention]:
    """Entities that can be actors, plus institutions and sector nouns the NER missed, widened to
    their noun phrase ("North Korean troops", "Seoul's spy agency")."""
    spans = [
        (e.start, e.end, True)
        for e in lookup(article).entities.starting(sentence.start, sentence.end)
        if e.label in ACTOR_LABELS and e.end <= sentence.end
    ]
    text = article.body[sentence.start : sentence.end]
    for match in keyword_matches(tables, text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if not any(s < end and start < e for s, e, _ in spans):
            spans.append((start, end, match.group(0).lower() not in tables.sectors))
    suspected = suspected_people(article, sentence)
    spans += [(s, e, False) for s, e in suspected if not any(a < e and s < b for a, b, _ in spans)]
    pronouns = content_pronouns(article, sentence) | resolved_speakers(article, sentence)
    spans += [(s, e, True) for s, e in pronouns if not any(a < e and s < b for a, b, _ in spans)]
    mentions = [_widen(article, s, e, named, tables) for s, e, named in sorted(spans)]
    mentions = [replace(m, name=pronouns[(m.start, m.end)]) if m and (m.start, m.end) in pronouns else m
                for m in mentions]
    unique: dict[int, Mention] = {}
    for mention in mentions:
        if mention is not None and mention.root not in unique:
            unique[mention.root] = mention
    return sorted(unique.values(), key=lambda m: m.start)


def _token_range(article: Article, start: int, end: int) -> list[int]:
    """Indices of the tokens inside [start, end): found by bisection, tokens are in text order."""
    tokens = article.tokens
    first = bisect_left(tokens, start, key=lambda t: t.start)
    last = bisect_left(tokens, end, key=lambda t: t.start)
    return [i for i in range(first, last) if tokens[i].end <= end]


_LED_BY = frozenset({"led", "owned", "flagged", "operated", "registered"})


def _widen(article: Article, start: int, end: int, named: bool, tables: ActorTables) -> Mention | None:
    """A modifier entity stands for its head noun phrase: "Russian" in "Russian officials"."""
    members = _token_range(article, start, end)
    if not members:
        return None
    root = next((i for i in members if article.tokens[i].head not in members), members[-1])
    own_root, own_end, possessed = root, end, False
    # "the Saudi-led coalition": the coalition acts, led by the Saudis; "a Greek-owned tanker" is hit
    led = article.tokens[root].head
    if (
        article.tokens[root].dep == "npadvmod"
        and root < led <= root + 2
        and article.body[article.tokens[led].start : article.tokens[led].end].lower() in _LED_BY
        and article.tokens[led].dep == "amod"
        and article.tokens[article.tokens[led].head].pos == "NOUN"
    ):
        root = article.tokens[led].head
        end = article.tokens[root].end
    for _ in range(2):
        token = article.tokens[root]
        head = token.head
        if token.dep not in ("amod", "compound", "poss", "nmod", "case") or not root < head <= root + 5:
            break
        if article.tokens[head].pos not in ("NOUN", "PROPN"):
            break
        possessed = possessed or token.dep in ("poss", "compound")  # "Trump's proposal", "Moldova help"
        root, end = head, article.tokens[head].end
    start = min(start, article.tokens[members[0]].start)
    if article.tokens[root].pos in ("VERB", "AUX", "ADP", "ADV"):
        return None
    head_word = article.body[article.tokens[root].start : article.tokens[root].end].lower()
    head_pair = article.body[article.tokens[max(0, root - 1)].start : article.tokens[root].end].lower()
    agentive = (
        root == own_root
        or article.tokens[root].pos == "PROPN"
        or head_word in tables.sectors
        or head_pair in tables.sectors  # "Norland's air force"
        or head_word in _ACTOR_HEADS
        or (named and _fired_by(article, start, root, tables))
    )
    if not named and not agentive:
        return None  # "official" in "official statement" is an adjective, not an actor
    if not named:
        end = _of_place(article, root, end)
    holder = (_titled_start(article, own_root, start), own_end) if possessed and not agentive else None
    return Mention(start, end, root, named, agentive, holder=holder)


_TITLE_DEPS = ("compound", "amod", "nmod")


def _titled_start(article: Article, root: int, start: int) -> int:
    """Where a name's title starts: "US President" before "Donald Trump" codes the person."""
    inside = {root}
    j = root - 1
    while j >= 0 and article.tokens[j].head in inside and article.tokens[j].dep in _TITLE_DEPS:
        inside.add(j)
        j -= 1
    return min(start, article.tokens[j + 1].start)


def _of_place(article: Article, root: int, end: int) -> int:
    """ "the leader of the breakaway Transnistria region": a role noun takes the place it belongs to,
    so that the actor is coded with that place's country."""
    tokens = article.tokens
    of = root + 1  # "of", or "in": "the authorities in the breakaway region of Transnistria"
    if of >= len(tokens) or tokens[of].head != root or tokens[of].lemma.lower() not in ("of", "in"):
        return end
    for i in range(of + 1, min(len(tokens), of + 7)):
        if tokens[i].head == of and tokens[i].dep == "pobj":
            last = i  # "region of Transnistria": the object's own "of" phrase
            for j in range(i + 1, min(len(tokens), i + 4)):
                if tokens[j].head == last and tokens[j].dep in ("prep", "pobj"):
                    last = j
            lo, hi = tokens[of].end, tokens[last].end
            index = lookup(article)
            ends = [p.end for p in index.places.starting(lo, hi)]
            ends += [e.end for e in index.entities.starting(lo, hi) if e.label in ("GPE", "LOC")]
            covered = any(b <= hi for b in ends)
            return tokens[last].end if covered else end
    return end


def arguments(
    article: Article, verb: int, mentions: list[Mention], purpose: bool = False
) -> tuple[Mention | None, Mention | None]:
    """Source and target of a verb: subject and object, passive subject and "by" agent, or
    an actor under a prepositional or infinitival complement ("threatened to impose X on Y"); with
    `purpose`, failing those, one its purpose clause acts on ("donated ventilators to assist Ethiopia")."""
    roles = {m.root: m for m in mentions}
    source = passive = None
    objects: list[Mention] = []
    late: list[Mention] = []
    for index, role in _dependents(article, verb, depth=4):
        mention = roles.get(index)
        stand_in = mention is None or not mention.agentive or unit_place(article, mention.root)
        if stand_in and (role in _SUBJECT or role == "nsubjpass"):  # "a total of 10,000 soldiers were sent"
            # "the head of the delegation, X,", "a group of X", "militia chief Sheikh X"
            mention = _appositive(article, index, roles) or _members(article, index, roles) or mention
        if mention is None:
            continue
        if role == "prep" and mention.start < article.tokens[verb].start:
            continue  # "In Comrat, the governor criticised the vote": a fronted place, not the target
        if role == "prep" and _place_in(article, index, verb):
            continue  # "met in Rome": where it happened, which the event's location holds
        if role in _SUBJECT and source is None and mention.agentive:
            source = mention
        elif role == "nsubjpass" and passive is None:
            passive = mention
        elif role == "agent" and source is None and mention.agentive:
            source = mention
        elif role in ("object", "prep") and mention is not source:
            objects.append(mention)
        elif role == "late" and mention is not source:
            late.append(mention)
    objects = objects or (late if purpose else []) or _misread_object(article, verb, roles)
    if article.tokens[verb].lemma.lower() in _RECEIVE and source is not None:
        giver = next((m for m in objects if _under(article, m.root, "from")), None)
        if giver is not None:
            return giver, source  # "Ukraine received 40 tanks from Germany": Germany gives
        if not [m for m in objects if not any(_under(article, m.root, p) for p in ("at", "in", "on"))]:
            return None, source  # "the troops are receiving training at Russian sites": they give nothing
    # "sent troops to Russia": the named recipient is the target, the bare "troops" the means.
    recipient = objects[0] if objects else None
    if recipient is not None and not recipient.named and is_moved(article, verb):
        recipient = next((m for m in objects if m.named), recipient)
    if passive is not None and source is None and is_moved(article, verb):
        return passive, recipient  # "North Korean soldiers were deployed (to Russia)": they act
    return source, passive or recipient


_REPORTING_VERBS = frozenset({"say", "tell", "report", "add"})


def _misread_object(article: Article, verb: int, roles: dict[int, Mention]) -> list[Mention]:
    """ "..., killing at least nine people, including two children, governor X said": the parser took the
    participle's object for a second subject of the verb of saying; it is what was killed."""
    tokens = article.tokens
    if tokens[verb].tag != "VBG":
        return []
    for k in range(verb + 1, min(len(tokens), verb + 6)):
        if tokens[k].pos not in ("NOUN", "PROPN"):
            continue
        head = tokens[k].head
        others = [j for j in range(k + 1, min(len(tokens), head + 1)) if tokens[j].head == head
                  and tokens[j].dep == "nsubj"]  # fmt: skip
        misread = tokens[k].dep == "nsubj" and tokens[head].lemma.lower() in _REPORTING_VERBS and others
        return [roles[k]] if misread and k in roles else []
    return []


# Verbs whose subject is the recipient: the giver is under "from".
_RECEIVE = {"receive", "obtain"}


def _under(article: Article, token: int, preposition: str) -> bool:
    head = article.tokens[token].head
    return article.body[article.tokens[head].start : article.tokens[head].end].lower() == preposition


# Verbs whose "in" names who is acted on, not where: "intervened in Syria", "invested in Ukraine".
_INTO = {"intervene", "invest", "interfere", "meddle", "involve", "engage"}


def _place_in(article: Article, pobj: int, verb: int) -> bool:
    """A place under "in" is where the event happened, unless the verb acts on what is in it."""
    preposition = article.tokens[pobj].head
    if article.body[article.tokens[preposition].start : article.tokens[preposition].end].lower() != "in":
        return False
    if article.tokens[verb].lemma.lower() in _INTO:
        return False
    token = article.tokens[pobj]
    # a country is the target in PLOVER's reading ("gave 350 million euros ... in Ethiopia"); a town,
    # a site or water only says where
    inside = lookup(article).places.overlapping(token.start, token.start + 1)
    return any(p.kind in ("city", "site", "water") for p in inside)


# Heads that count the actors in their "of" phrase: "a group of asylum-seekers", "thousands of workers".
_COUNTING = {"group", "groups", "dozens", "hundreds", "thousands", "tens", "number", "crowd", "crowds",
             "band", "majority", "some", "many", "most", "all", "members", "millions", "total"}  # fmt: skip


def _members(article: Article, index: int, roles: dict[int, Mention]) -> Mention | None:
    """The actors a counting head stands for: "a group of asylum-seekers went on hunger strike"."""
    word = article.body[article.tokens[index].start : article.tokens[index].end].lower()
    if word not in _COUNTING:
        return None
    for of in range(index + 1, min(len(article.tokens), index + 3)):
        if article.tokens[of].head == index and article.tokens[of].lemma.lower() == "of":
            return next(
                (roles[c] for c in range(of + 1, min(len(article.tokens), of + 8))
                 if article.tokens[c].head == of and c in roles),
                None,
            )  # fmt: skip
    return None


def _appositive(article: Article, index: int, roles: dict[int, Mention]) -> Mention | None:
    """The named actor set beside a common-noun subject: "the regional governor, Tatiana Caraman,"."""
    for child in range(index + 1, min(len(article.tokens), index + 8)):
        if article.tokens[child].head == index and article.tokens[child].dep == "appos" and child in roles:
            return roles[child]
    return None


def _dependents(article: Article, verb: int, depth: int) -> list[tuple[int, str]]:
    """(token, role) below the verb, breadth first; roles: subject deps, object, prep, agent, and
    "late" for an object or prepositional actor of a purpose clause ("donated ventilators to assist
    Ethiopia"), the target only when the verb has none of its own."""
    tokens = article.tokens
    found: list[tuple[int, str]] = []
    frontier = [(verb, "", False)]
    for level in range(depth):
        next_frontier = []
        for parent, via, late in frontier:
            for child in range(max(0, parent - 25), min(len(tokens), parent + 25)):
                token = tokens[child]
                if token.head != parent or child == parent:
                    continue
                role = _role(token.dep, via, article.body[token.start : token.end].lower(), level)
                if role:
                    found.append((child, "late" if late and role in ("object", "prep") else role))
                if token.lemma.lower() in _ATTRIBUTION:
                    continue  # "according to a White House official" names the source of the news
                if token.dep in ("xcomp", "prep", "agent", "dobj"):
                    step = token.dep if token.dep != "prep" else "prep:" + token.lemma
                    next_frontier.append((child, step, late))
                elif token.dep == "advcl" and level == 0 and _infinitive(article, child):
                    next_frontier.append((child, "xcomp", True))
        frontier = next_frontier
    return found


def _infinitive(article: Article, verb: int) -> bool:
    """A purpose clause: "to" right before the verb ("gave 350 million euros to promote ...")."""
    before = article.tokens[verb - 1] if verb > 0 else None
    return before is not None and before.dep == "aux" and before.lemma.lower() == "to"


def _role(dep: str, via: str, word: str, level: int) -> str | None:
    if level == 0 and dep in (*_SUBJECT, "nsubjpass"):
        return dep if dep != "csubj" else "nsubj"
    if dep in _OBJECT and via in ("", "xcomp"):
        return "object"
    if dep == "pobj" and via == "agent":
        return "agent"
    if dep == "pobj" and via.startswith("prep:") and via[5:] in _TARGET_PREPS:
        return "prep"
    if dep == "pobj" and via.startswith("prep:") and via[5:] == "by" and level <= 1:
        return "agent"
    if dep == "pobj" and via in ("prep:by", "prep:of") and level >= 2:
        return "prep"  # "rejected a motion by Mubarak", "the call of the European Parliament"
    return None
