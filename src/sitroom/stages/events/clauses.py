"""Which clause a verb belongs to: whose subject it shares, and whether it is only asked for.

The parser leaves many event verbs without a subject of their own ("walked out, accusing Chisinau",
"plans to introduce sanctions"); these rules find the actor the sentence means.
"""

from __future__ import annotations

from collections.abc import Callable

from sitroom.model import Article, Token
from sitroom.stages.events.mentions import Mention, arguments
from sitroom.stages.events.targets import describes_ties

# A verb under another one yields to it when both make an event: "threatened" over "to impose",
# "will give Moldova 50 million euros" over "and send generators".
GOVERNED = {"xcomp", "conj"}
_OWN_SUBJECT = {"nsubj", "nsubjpass", "csubj", "expl"}


def shared_source(
    article: Article, verb: int, lo: int, hi: int, mentions: list[Mention], same: Callable[[Mention], bool]
) -> Mention | None:
    """The source of a verb without a subject of its own is that of the verb it hangs from: "the EU
    plans to introduce sanctions", "walked out, accusing Chisinau", "said it had no plans to send
    troops". A source that is the target itself is skipped: in "X said Romania was pouring oil on the
    fire and accused Bucharest" the parser hangs "accused" on "pouring", but its subject is X."""
    tokens = article.tokens
    if any(tokens[i].head == verb and tokens[i].dep in _OWN_SUBJECT for i in range(lo, hi) if i != verb):
        return None
    if lo <= tokens[verb].head < hi and describes_ties(article, tokens[verb].head, hi):
        ties = tokens[verb].head  # "Fighters linked to al-Qaida attacked": the subject "linked" was given
        return next((m for m in mentions if tokens[m.root].head == ties and tokens[m.root].dep in _OWN_SUBJECT
                     and m.agentive), None)  # fmt: skip
    if tokens[verb].dep == "ROOT":
        return _adjacent_name(article, verb, mentions)
    if tokens[verb].dep == "acl" and tokens[verb].tag in ("VBD", "VBZ", "VBP"):
        # a finite verb parsed as a clause on its subject ("X, a former tycoon, called for ...")
        return next((m for m in mentions if m.root == tokens[verb].head and m.agentive), None)
    coordinated = False
    for _ in range(3):
        token, head = tokens[verb], tokens[verb].head
        if not lo <= head < hi or head == verb:
            return None
        if token.dep == "acl" and tokens[head].dep == "dobj" and lo <= tokens[head].head < hi:
            head = tokens[head].head  # "had no plans to send": the planner sends
        elif not _shares_subject(token, coordinated):
            return None
        coordinated = coordinated or token.dep == "conj"
        if tokens[head].pos == "ADJ" and tokens[head].dep == "acomp" and lo <= tokens[head].head < hi:
            head = tokens[head].head  # "Russia is willing to withdraw": the subject of "is"
        if tokens[head].pos not in ("VERB", "AUX"):
            return None
        if (
            token.dep == "advcl"
            and tokens[head].lemma.lower() in _SAYING
            and tokens[verb].lemma.lower() not in _SPEECH_ACTS
        ):
            # "Rebels overran a base, officials said, killing 17": who did the deed reported kills,
            # not who says so ("said on Monday, accusing Russia" is the speaker's act)
            head = next((i for i in range(lo, hi) if tokens[i].head == head and tokens[i].dep == "ccomp"), -1)
            if head < 0:
                return None
        if _reported_speech_act(article, verb, head):
            verb = head  # "groups said Italy was not prepared and accused the government": not Italy
            continue
        source = _controller(article, verb, head, mentions) or arguments(article, head, mentions)[0]
        if source is not None and not same(source):
            return source
        verb = head
    return None


# Verbs whose infinitive complement is what they ask for: "urged the administration to send troops"
# is a request, not a deployment.
ASKING = {"urge", "ask", "call", "demand", "press", "request", "appeal", "implore", "encourage", "invite",
           "beg"}  # fmt: skip


def asked_for(article: Article, verb: int, lo: int, hi: int) -> bool:
    token = article.tokens[verb]
    asking = article.tokens[token.head].lemma.lower() in ASKING
    return token.dep == "xcomp" and lo <= token.head < hi and asking


# A clause that must happen, as someone says: "said Qatar must mediate" asks it of Qatar.
_MUST = {"must", "should"}


def demanded_clause(article: Article, verb: int, lo: int, hi: int) -> bool:
    """A verb under a verb of saying with "must" or "should": not done yet, only asked for."""
    token = article.tokens[verb]
    if token.dep != "ccomp" or not lo <= token.head < hi:
        return False
    if article.tokens[token.head].lemma.lower() not in _SAYING:
        return False
    before = article.tokens[max(lo, verb - 3) : verb]
    return any(t.head == verb and t.dep == "aux" and t.lemma.lower() in _MUST for t in before)


# What makes a reported clause lay blame: "said Taliban militants were responsible", "were behind the
# strike", "was to blame" (the codebook's ACCUSE: "formally or informally accuse").
_BLAME = {"responsible", "behind", "blame", "culpable", "guilty"}
# ... or condemns what the one said of did: "said North Korea taking part in the war is an illegal act",
# "said the test was a grave provocation" (a judgement word as the clause's complement or its modifier).
_CONDEMNED = {"illegal", "unlawful", "illegitimate", "unacceptable", "provocation", "provocative",
              "violation", "crime", "criminal", "aggression", "reckless", "irresponsible", "outrageous",
              "shameful", "barbaric", "atrocity", "terrorism"}  # fmt: skip


def claim_in_speech(
    article: Article, verb: int, lo: int, hi: int, mentions: list[Mention]
) -> tuple[str, Mention, Mention] | None:
    """What "X said Y ..." does to Y, when both are actors: REQUEST when Y must (should) do something,
    ACCUSE when Y was responsible, behind it or to blame; with the speaker and Y."""
    tokens = article.tokens
    if tokens[verb].lemma.lower() not in _SAYING:
        return None
    speaker = arguments(article, verb, mentions)[0]
    if speaker is None:
        return None
    roles = {m.root: m for m in mentions}
    for clause in range(lo, hi):
        if tokens[clause].head != verb or tokens[clause].dep != "ccomp":
            continue
        under = [i for i in range(lo, hi) if tokens[i].head == clause and i != clause]
        said_of = next((roles[i] for i in under if tokens[i].dep == "nsubj" and i in roles), None)
        judged = said_of is None and _condemned(article, clause, under, lo, hi)
        if judged:  # what is condemned is a deed: "North Korea taking part in ...", "Russia's move"
            said_of = _doer(article, under, roles, lo, hi)
        if said_of is None or said_of.root == speaker.root:
            continue
        if demanded_clause(article, clause, lo, hi):
            return "REQUEST", speaker, said_of
        blamed = tokens[clause].lemma.lower() == "be" and any(
            tokens[i].lemma.lower() in _BLAME and tokens[i].dep in ("acomp", "prep", "xcomp") for i in under
        )
        if blamed or judged or _condemned(article, clause, under, lo, hi):
            return "ACCUSE", speaker, said_of
    return None


def _doer(article: Article, under: list[int], roles: dict[int, Mention], lo: int, hi: int) -> Mention | None:
    """Whose deed a clause's subject is: the subject of a clause ("North Korea taking part"), or the
    owner of a noun ("Russia's deployment", "the deployment of Russian troops")."""
    tokens = article.tokens
    subject = next((i for i in under if tokens[i].dep in ("csubj", "nsubj")), -1)
    if subject < 0:
        return None
    for i in range(lo, hi):
        if i not in roles:
            continue
        head = tokens[i].head
        if head == subject and tokens[i].dep in ("nsubj", "poss"):
            return roles[i]
        by_of = tokens[head].lemma.lower() in ("of", "by")
        if tokens[i].dep == "pobj" and tokens[head].head == subject and by_of:
            return roles[i]
    return None


def _condemned(article: Article, clause: int, under: list[int], lo: int, hi: int) -> bool:
    """A copular clause whose complement condemns: "is an illegal act", "was a provocation"."""
    tokens = article.tokens
    if tokens[clause].lemma.lower() != "be":
        return False
    complements = [i for i in under if tokens[i].dep in ("acomp", "attr")]
    words = {tokens[i].lemma.lower() for i in complements}
    words |= {tokens[i].lemma.lower() for i in range(lo, hi) if tokens[i].head in complements
              and tokens[i].dep == "amod"}  # fmt: skip
    return bool(words & _CONDEMNED)


def main_clause(article: Article, verb: int) -> bool:
    """A verb heading its sentence or a reported clause, not a participle of its result (", injuring 22")."""
    while article.tokens[verb].dep == "conj" and article.tokens[verb].head != verb:
        verb = article.tokens[verb].head
    return article.tokens[verb].dep in ("ROOT", "ccomp")


def calls_on(article: Article, verb: int, hi: int) -> bool:
    """ "called on", "called for", "called upon": an appeal (the verb or the one it governs)."""
    tokens = article.tokens
    for i in (verb, tokens[verb].head):
        if tokens[i].lemma.lower() == "call" and i + 1 < hi:
            following = article.body[tokens[i + 1].start : tokens[i + 1].end].lower()
            if following in ("on", "for", "upon"):
                return True
    return False


# What one calls on someone to do when the call is a visit: "called on the President to discuss ...".
_VISIT_PURPOSES = {"discuss", "meet", "review", "exchange", "consult", "brief", "congratulate", "apprise",
                   "pay", "seek"}  # fmt: skip


def appeal(article: Article, verb: int, hi: int, mentions: list[Mention]) -> tuple[Mention | None] | None:
    """ "The EU called on both sides to resume talks": a request (the codebook's "appeal for"), made
    of the actor called on, when one is named; None when the verb makes no such appeal, or calls on
    someone only to visit them ("called on the President to discuss the situation")."""
    tokens = article.tokens
    if tokens[verb].lemma.lower() != "call" or verb + 1 >= hi or not calls_on(article, verb, hi):
        return None
    if tokens[verb].dep not in ("ROOT", "conj", "ccomp"):
        return None  # "rejected the reports, calling on the media to ...": the main verb's event
    if article.body[tokens[verb + 1].start : tokens[verb + 1].end].lower() == "for":
        return None
    asked = [i for i in range(verb + 1, hi) if tokens[i].head == verb and tokens[i].dep == "xcomp"]
    if not asked or tokens[asked[0]].lemma.lower() in _VISIT_PURPOSES:
        return None
    called = [i for i in range(verb + 1, asked[0]) if tokens[i].head == verb + 1 and tokens[i].dep == "pobj"]
    return (next((m for m in mentions if called and m.root == called[0]), None),)


# Purposes that help their object: whom a fight is fought "to support" is an ally.
_HELPING = {"support", "help", "back", "aid", "assist", "defend", "protect", "reinforce", "bolster"}


def helps(article: Article, mention: Mention, verb: int) -> bool:
    """Whether the mention is what the verb's purpose clause helps ("to support Russia's war")."""
    tokens, i = article.tokens, mention.root
    for _ in range(8):
        if tokens[i].head == i:
            return False
        if tokens[i].head == verb:
            return tokens[i].lemma.lower() in _HELPING
        i = tokens[i].head
    return False


def located(article: Article, mention: Mention) -> bool:
    """A mention named as where something happens: "talks in the Joint Control Commission"."""
    token = article.tokens[mention.root]
    preposition = article.tokens[token.head]
    where = article.body[preposition.start : preposition.end].lower() in ("in", "at", "inside", "within")
    return token.dep == "pobj" and where


# Speech acts: coordinated with a clause of reported speech, they are the reporter's own act.
_SPEECH_ACTS = {"accuse", "blame", "criticise", "criticize", "condemn", "denounce", "urge", "call", "warn",
                "threaten", "deny", "reject", "demand", "ask", "praise", "welcome", "vow",
                "pledge"}  # fmt: skip


_SAYING = {"say", "tell", "add", "report", "state", "announce", "note"}


def _reported_speech_act(article: Article, verb: int, head: int) -> bool:
    tokens = article.tokens
    act = tokens[verb].lemma.lower() in _SPEECH_ACTS
    return act and tokens[verb].dep == "conj" and tokens[head].dep == "ccomp"


def _shares_subject(token: Token, coordinated: bool) -> bool:
    """Links a subject crosses: an infinitive, a conjunct, a participle clause, and a reported clause
    only once a conjunct was crossed (a clause of its own keeps its own subject)."""
    if token.dep == "ccomp":
        return coordinated
    return token.dep in ("xcomp", "conj") or (token.dep == "advcl" and token.tag == "VBG")


def _controller(article: Article, verb: int, head: int, mentions: list[Mention]) -> Mention | None:
    """An infinitive after an object is that object's act: "authorised the government to call up
    reservists" (the government calls them up), "ordered the army to withdraw"."""
    if article.tokens[verb].dep != "xcomp":
        return None
    roles = {m.root: m for m in mentions}
    for i in range(head + 1, verb):
        if article.tokens[i].head == head and article.tokens[i].dep == "dobj" and i in roles:
            return roles[i]
    return None


# Words that make a relative clause generic: "those who threaten Moldova will pay" is a warning
# about anyone, not a threat that happened.
_GENERIC = {"those", "anyone", "anybody", "whoever", "everyone", "everybody", "whomever"}


# Verbs that only say who has what: "the assets the 13 individuals hold in the EU" describes the assets.
_HAVING = {"hold", "have", "own", "keep", "possess", "control", "store", "contain"}


def generic_clause(article: Article, verb: int) -> bool:
    """A relative clause that describes its noun rather than tells an act: about anyone ("those who
    threaten Moldova will pay") or what someone has ("any assets the individuals hold in the EU")."""
    token = article.tokens[verb]
    if token.dep != "relcl" or token.head == verb:
        return False
    antecedent = article.tokens[token.head]
    if token.lemma.lower() in _HAVING:  # had, with the noun as what is had: not "that holds talks"
        tokens = article.tokens
        window = range(verb + 1, min(len(tokens), verb + 8))
        return not any(tokens[i].head == verb and tokens[i].dep == "dobj" for i in window)
    return article.body[antecedent.start : antecedent.end].lower() in _GENERIC


# Verbs of joint action: "Canada and Costa Rica agreed to start negotiations" is Canada's act
# toward Costa Rica, as PLOVER codes a pair of actors who agree, meet or negotiate.
_JOINT = {"agree", "meet", "sign", "talk", "cooperate", "negotiate", "discuss", "share", "exchange",
          "consult", "collaborate", "partner", "reconcile", "trade"}  # fmt: skip


# "Norland and Vestia failed to reach agreement": reaching one is joint too.
_JOINT_OBJECTS = {"agreement", "deal", "accord", "consensus", "settlement", "compromise", "understanding",
                  "truce", "ceasefire"}  # fmt: skip


def partner(article: Article, verb: int, source: Mention | None, mentions: list[Mention]) -> Mention | None:
    """The actor coordinated with the source of a verb of joint action, its target then."""
    if source is None or not _joint(article, verb):
        return None
    roles = {m.root: m for m in mentions}
    for i in range(source.root + 1, min(len(article.tokens), source.root + 12)):
        if article.tokens[i].head == source.root and article.tokens[i].dep == "conj" and i in roles:
            return roles[i]
    return None


def _joint(article: Article, verb: int) -> bool:
    lemma = article.tokens[verb].lemma.lower()
    if lemma in _JOINT:
        return True
    objects = [i for i in range(verb + 1, min(len(article.tokens), verb + 8))
               if article.tokens[i].head == verb and article.tokens[i].dep == "dobj"]  # fmt: skip
    if lemma == "reach" and any(article.tokens[i].lemma.lower() in _JOINT_OBJECTS for i in objects):
        return True
    # "Norland and Vestia held joint drills": the object says the act is shared
    shared = [i for i in range(verb + 1, min(len(article.tokens), verb + 10))
              if article.tokens[i].lemma.lower() in ("joint", "bilateral")]  # fmt: skip
    return any(_below(article, i, objects) for i in shared)


def _below(article: Article, token: int, heads: list[int], depth: int = 3) -> bool:
    for _ in range(depth):
        token = article.tokens[token].head
        if token in heads:
            return True
    return False


# Verbs whose "that" clause names who must act: "demanded that the minister resign".
_DEMANDING = {"demand", "insist", "urge", "ask", "request", "call", "order", "press"}


def demanded_of(article: Article, verb: int, mentions: list[Mention]) -> Mention | None:
    """The subject of the clause a demand puts on someone: the target of the demand."""
    if article.tokens[verb].lemma.lower() not in _DEMANDING:
        return None
    roles = {m.root: m for m in mentions}
    for clause in range(verb + 1, min(len(article.tokens), verb + 16)):
        if article.tokens[clause].head != verb or article.tokens[clause].dep != "ccomp":
            continue
        subjects = [i for i in range(verb + 1, clause) if article.tokens[i].head == clause
                    and article.tokens[i].dep in ("nsubj", "nsubjpass") and i in roles]  # fmt: skip
        return roles[subjects[0]] if subjects else None
    return None


def _adjacent_name(article: Article, verb: int, mentions: list[Mention]) -> Mention | None:
    """A main verb the parser left without a subject, right after a named actor: in "On a visit to
    Lusaka, President X voiced ..." the name was made a conjunct of "Lusaka". An unnamed one counts
    when it too was made such a conjunct ("In X district, Y province, coalition forces detained ...")."""
    j = verb - 1
    while j >= 0 and article.tokens[j].pos in ("ADV", "AUX", "PART"):
        j -= 1
    return next(
        (m for m in mentions if m.root == j and m.agentive and (m.named or article.tokens[j].dep == "conj")),
        None,
    )


# "Romania and Moldova share a language", "the two countries share a 1,000-km border": a trait held in
# common, no act between them (sharing intelligence or information still is one).
_TRAITS = {"language", "languages", "history", "border", "borders", "culture", "cultures", "heritage",
           "roots", "religion", "faith", "ancestry", "tradition", "traditions", "values", "frontier",
           "coastline"}  # fmt: skip


def shares_a_trait(article: Article, verb: int) -> bool:
    if article.tokens[verb].lemma.lower() != "share":
        return False
    objects = [t for t in article.tokens[verb + 1 : verb + 8] if t.head == verb and t.dep == "dobj"]
    return any(t.lemma.lower() in _TRAITS for t in objects)

