"""Stance of a statement (assert, deny, decline, estimate, speculate, demand, threaten, accuse) and
the hedges around it, from the cue verb and words of the sentence."""

from __future__ import annotations

import re

from sitroom.stages.statements import stance_words as w
from sitroom.stages.statements.parse import Parse

STANCES = ("assert", "deny", "decline", "estimate", "speculate", "demand", "threaten", "accuse")

# Cues that report without taking a side; a negated claim after them is a denial.
_INSIST = frozenset({"insist", "maintain", "contend", "argue", "stress", "emphasize", "counter", "respond"})
_NEGATED_CLAIM = re.compile(
    r"^(?:that )?(?:\w+ ){0,4}?(?:was|is|were|are|had|has|did|does|will|would|can)(?:n['’]t| not| never)\b|"
    r"^(?:that )?(?:\w+ ){0,4}?(?:won['’]t|cannot)\b", re.IGNORECASE
)
_HEDGED = re.compile(r"\b(?:may|might|could|would|will)\s+$", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:may|might|could|would|can(?!['’]t| not\b))\b", re.IGNORECASE)
_PAST_ACT = re.compile(
    r"(?:called (?:on|for)|urged|demanded(?: that| to)?|accused|blamed|condemned|denounced|critici[sz]ed|"
    r"denied|rejected|dismissed|asked)", re.IGNORECASE,
)
# Someone's act as the object of a judgement: "for North Korea to deny", "difficult to condemn".
_OTHERS_ACT = re.compile(
    r"\bfor (?:\w+ ){1,4}to\s+$|\b(?:unable|impossible|difficult|hard|easy|reluctant|hesitant)\s+to\s+$",
    re.IGNORECASE,
)
# A claim as the thing named: "called the report a lie", "called a report suggesting ... outrageous"
_REPORT = re.compile(
    r"^(?:that|the|this|a|an|those|these|such)\s+(?:\w+\s+){0,2}?(?:reports?|claims?|allegations?|accusations?|"
    r"stor(?:y|ies)|articles?|charges?|suggestions?|rumou?rs?|accounts?)\b", re.IGNORECASE,
)
# a relative or purpose clause before a modal: "investors that the state could pressure", "so they could eat"
_RELATIVE = re.compile(
    r"(?:\b(?:who|which|whom|whose|when|where|so(?: that)?)|"
    r"\b(?!(?:said|say|says|think|thinks|thought|believe|believes|know|knows|knew|hope|hopes|fear|fears|is|was|"
    r"are|were|so|such|fact|sure|clear|likely|possible|now|and|but|or|than|with|of|in|on|at|for|from|by|to|"
    r"about|like|all|just|not)\b)[a-z]+ that)\b(?:\s+\S+){0,4}\s+$",
)
# A quantifier and its noun, then a subject of its own: the relative clause that describes the noun.
_CONTACT_RELATIVE = re.compile(
    r"\b(?:any|all|whatever|every|each)\s+[a-z]+\s+(?:[A-Z][\w'’-]*|he|she|they|we|you|it|I)\s+$"
)
_NEED_DESCRIBED = re.compile(
    r"(?:\b(?:that|which|who)|\b(?:reduc|prevent|eliminat|avoid|remov|lessen|without)\w*(?: [\w-]+){0,4}|"
    # a text or act described as stressing a need: "insisted language stressing the need to ... was included"
    r"\b\w+ (?:stressing|underlining|emphasi[sz]ing|highlighting|citing|acknowledging) the)"
    r"\s+$",
    re.IGNORECASE,
)
_LIE = re.compile(r"\blie\b", re.IGNORECASE)
_SUFFERED = re.compile(r"\b(?:fear of|from|without|against)(?: \w+)?\s+$", re.IGNORECASE)
# A concession before the claim: "X may be true, but ...", up to the comma that opens the "but" clause.
_CONCESSIVE = re.compile(
    r"[^.;?!,]{1,120},\s+but\b(?![^.;?!]*\b(?:may|might|could|probably|perhaps)\b)", re.IGNORECASE
)
# A time or purpose clause opened just before "could": "before cops could", "so that he could".
_TIME_CLAUSE = re.compile(
    r"\b(?:before|until|till|so that|in order that|once)\s+(?:[\w'’-]+\s+){1,3}$", re.IGNORECASE
)
# Inside a non-restrictive relative clause opened since the last comma: ", which lies about ...".
_IN_RELATIVE = re.compile(r",\s*(?:which|who|where|whose)\b[^,;]*$", re.IGNORECASE)
# A hypothetical agent blames no one: "if someone tries to create chaos, the state is ready".
_NO_ONE = re.compile(r"\bif (?:someone|anyone|somebody|anybody)\b[^,;.]*$", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|we|I've|we've|I have|we have)\b", re.IGNORECASE)
# "told his staff never to speak of it": an object, then an infinitive, and no verb of its own before it
_TO_ACTION = re.compile(
    r"^(?:(?!(?:is|was|were|are|will|would|going|had|has|have|that|want\w*|need\w*|plan\w*)\b)\w+[\s,]+){0,4}"
    r"(?:not |never )?to (?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those)\b)\w+",
    re.IGNORECASE,
)


def stance_of(
    cue_lemma: str | None, content: str, sentence: str, cue_text: str = "", direct: bool = False
) -> str:
    """The statement's stance; a refusal in the sentence wins over what the cue verb says. `direct`: the
    content is a quotation whose marks the span leaves out, so a command may open it ("Forget the plan")."""
    lead = sentence[: max(0, sentence.find(content))] if content in sentence else sentence
    lead = w.ANONYMITY.sub(" ", lead)  # "A diplomat, who declined to be identified, said ...": no refusal
    # a refusal in the lead counts unless the cue itself takes another stance ("criticised as")
    own_stance = w.CUE_STANCE.get(_known_lemma(cue_lemma), "decline") != "decline"
    # "he didn't disclose his backing, but he did say ...": the emphatic cue answers the refusal before it
    own_stance = own_stance or bool(re.match(r"(?:did|does|do) (?:say|tell|add|write)\b", cue_text.strip()))
    refusal = not own_stance and w.DECLINE.search(lead + " " + cue_text)
    refusal = refusal or w.DECLINE_CONTENT.search(content)
    unanswered = cue_lemma in ("respond", "reply") and content.startswith("to ") and re.search(
        r"\b(?:not|never)\b|n['’]t\b", lead[-40:])  # "did not reply to emails seeking comment"
    if refusal or unanswered or cue_lemma in ("decline", "refuse"):
        return "decline"
    # "..., two sources told the AP": a cue after what it reports bids no one do anything
    cue_word = cue_text.strip()
    at = sentence.find(content)
    after = bool(cue_word) and at >= 0 and cue_word not in lead and cue_word in sentence[at + len(content) :]
    by_cue = _cue_stance(cue_lemma, _whole_cue(cue_text, lead), content, after) or _main_verb(cue_text, lead)
    if by_cue and by_cue != "speculate":
        return by_cue
    if any(not _IN_RELATIVE.search(content[: m.start()]) for m in w.ESTIMATE.finditer(content)):
        return "estimate"  # not a figure that only describes a noun: "the depot, which lies about 2 km ..."
    if w.FORECAST.search(content):
        return "estimate"
    conditional = re.search(r"\b(?:if|unless)\b", content, re.IGNORECASE)
    if conditional and w.CONDITIONAL_ACTION.search(content):
        return "threaten"  # "We will strike on Friday if nothing changes": our action, on their condition
    if conditional and cue_lemma == "warn" and w.WARNED_ACTION.match(content):
        return "threaten"  # "warned that it would expand the circle of fire if the attacks continued"
    for stance, pattern in (("deny", w.DENY), ("threaten", w.THREATEN), ("demand", w.DEMAND),
                            ("accuse", w.ACCUSE)):
        # a judgement under a modal predicts ("the attack could mark a dangerous change")
        window = 30 if stance == "accuse" else 12
        if any(_counts(content, m, window, threat=stance == "threaten") and not _described_need(content, m)
               and not (stance == "demand" and _describes(content, m))
               and not (stance == "accuse" and _NO_ONE.search(content[max(0, m.start() - 40) : m.start()]))
               for m in pattern.finditer(content)):  # fmt: skip
            return stance
    if w.RHETORICAL.search(content):
        return "accuse"
    opening = f'"{content}' if direct and not content.startswith(('"', "“", "'", "‘")) else content
    if w.IMPERATIVE.search(opening) and not _in_question(content, 0):
        return "demand"
    if by_cue == "speculate" or _speculates(content):
        return "speculate"
    return "assert"



_PERCEIVED = re.compile(r"\s+(?:still |clearly |also )?be (?:heard|seen|felt|smelled|smelt)\b", re.IGNORECASE)


def _speculates(content: str) -> bool:
    """A hedge or prediction of the content's own, not one inside a relative clause that only describes
    something ("a nominee who could be caricatured", "expectations for when rates might rise")."""
    for match in w.SPECULATE.finditer(content):
        if _CONTACT_RELATIVE.search(content, max(0, match.start() - 40), match.start()):
            continue  # "any assistance Moldova may ask for": a relative clause without "that"
        if match.group().lower() in ("may", "might") and _CONCESSIVE.match(content, match.end()):
            continue  # "China may outnumber us 80 to 1, but its growth is good news": granted, then claimed
        could = match.group().lower() == "could"
        if could and _TIME_CLAUSE.search(content, max(0, match.start() - 40), match.start()):
            continue  # "before cops could accompany her": what someone was able to do, not a guess
        if could and _PERCEIVED.match(content, match.end()):
            continue  # "gunfire could be heard through the night": what was perceived, not a guess
        relative = _RELATIVE.search(content, max(0, match.start() - 50), match.start())
        if relative is None or relative.start() == 0:  # "which officials say could ..." is the claim itself
            return True
    return False


def _counts(content: str, match: re.Match[str], window: int = 12, threat: bool = False) -> bool:
    """A cue word counts unless it sits in a question, reports someone else's act, or follows an
    epistemic modal in its clause ("may have to disavow him" speculates, it demands nothing). A threat
    is made with "will": "those responsible will pay a price" threatens."""
    if _in_question(content, match.end()) or _reported(content, match):
        return False
    if threat and _SUFFERED.search(content[max(0, match.start() - 30) : match.start()]):
        return False  # "without fear of employer retaliation": a harm suffered, no threat made
    before = re.split(r"[,;:]", content[max(0, match.start() - window) : match.start()])[-1]
    if threat and re.search(r"\bwill\s+$", before):
        return True
    return not _MODAL.search(before) if window > 12 else not _HEDGED.search(before)


def _described_need(content: str, match: re.Match[str]) -> bool:
    """A need that only describes something asks for nothing: "work that needs to be done", "prevent the
    need for medication"."""
    if not re.match(r"(?:needs?|(?:a|the) need)\b", match.group(), re.IGNORECASE):
        return False
    before = content[max(0, match.start() - 45) : match.start()]
    return bool(_NEED_DESCRIBED.search(before))


def _describes(content: str, match: re.Match[str]) -> bool:
    """An obligation a relative clause lays on its noun only describes it: "an illegal act ... and one
    that should be criticized" condemns the act, as its main clause decides. A clause that names its own
    subject says what is asked ("the advice that Britain should remain")."""
    if not re.match(r"(?:must|should|ought)\b", match.group(), re.IGNORECASE):
        return False
    if not re.search(r"\b(?:that|which|who)\s+$", content[max(0, match.start() - 8) : match.start()]):
        return False
    relative = _RELATIVE.search(content, max(0, match.start() - 50), match.start())
    return relative is not None and relative.start() > 0


def _reported(content: str, match: re.Match[str]) -> bool:
    """A past speech act by someone else inside the content is reported, not made: "the group has long
    called for attacks" asserts; "we called for an inquiry" still demands."""
    if _OTHERS_ACT.search(content[max(0, match.start() - 40) : match.start()]):
        return True  # "it would be difficult for North Korea to deny": an act the content weighs
    if not _PAST_ACT.fullmatch(match.group()):
        return False
    return not _FIRST_PERSON.search(content[max(0, match.start() - 30) : match.start()])


def _in_question(text: str, at: int) -> bool:
    """Whether the sentence around `at` is a question ("why should I care?" demands nothing)."""
    ends = re.search(r"[.!?]", text[at:])
    return ends is not None and ends.group() == "?"


_OWN_CLAUSE = re.compile(r"\s+that\s+(?:\S+\s+){2,}", re.IGNORECASE)


def _main_verb(cue_text: str, lead: str) -> str | None:
    """A participle cue takes the stance of the clause it hangs on: "denied it, saying ..." denies."""
    if not w.PARTICIPLE_CUE.match(cue_text.strip()):
        return None
    clause = re.split(r"[.;!?]", lead)[-1]
    clause = clause[: clause.rfind(cue_text.strip()[:6])] if cue_text.strip()[:6] in clause else clause
    found = next(((stance, m) for stance, pattern in w.MAIN_VERB if (m := pattern.search(clause))), None)
    if found is None:
        return None
    stance, match = found
    # "demanded that X stop, adding that its tests were raising tension": what is added is no demand
    # unless it asks in its own words (the content's own cues decide then)
    if stance == "demand" and cue_text.strip().lower().startswith("adding"):
        return None
    # "denied that civilians were targeted, telling MRTV that the air force had struck a camp": the denial
    # has its own clause; the participle's is the speaker's own account, not more of the denial
    return None if stance == "deny" and _OWN_CLAUSE.match(clause, match.end()) else stance


_REFUSED_LEAVE = re.compile(
    r"\b(?:will|would|shall)\s+not\s+(?:allow|permit|accept)\b|\bwon['’]t\s+(?:allow|permit)\b", re.IGNORECASE
)


def _warning(cue_lemma: str, cue_text: str, content: str) -> str | None:
    """A warning of what the speaker's side will do threatens; "warned X not to" demands; a forecast of
    trouble speculates; a warning about what someone is doing now accuses."""
    if w.THREATEN.search(content) or (cue_lemma != "warn" and w.HARM.search(content)):
        return "threaten"
    if cue_lemma not in ("warn", "warning"):
        return None
    if _REFUSED_LEAVE.search(content):
        return "threaten"  # "warned that it would not allow hostile forces near its border"
    if _TO_ACTION.search(content) or re.search(r"\bagainst\b", cue_text, re.IGNORECASE):
        return "demand"
    if re.match(r"(?:[\w'’-]+ ){1,4}against\b", content):  # "warned China against provocative behaviour"
        return "demand"
    if w.FUTURE.search(content):
        return "speculate"
    return "accuse" if w.ACCUSE.search(content) or re.search(r"\bthreat\b", content) else "speculate"


def _whole_cue(cue_text: str, lead: str) -> str:
    """The cue through to the content when it stands just before it ("made a strong condemnation of")."""
    at = lead.rfind(cue_text) if cue_text.strip() else -1
    if at < 0:
        return cue_text
    phrase = lead[at:].strip(" ,:\"“'")
    return phrase if len(phrase.split()) <= 6 else cue_text


def _cue_stance(cue_lemma: str | None, cue_text: str, content: str, after: bool = False) -> str | None:
    """What the cue alone says, or None when it only reports ("said", "told"); `after`: the cue follows
    the content ("Fighters linked to al-Qaida attacked a base, two sources told the AP")."""
    if cue_lemma in ("warn", "vow", "pledge", "warning", "promise"):
        return _warning(cue_lemma, cue_text, content)
    if cue_lemma in ("ask", "demand", "wonder") and w.RHETORICAL.search(content):
        return "accuse"  # "asked why the mayor didn't pay his": a question that blames
    bidding = cue_lemma in ("tell", "ask", "advise", "remind", "challenge") and not after
    if bidding and _TO_ACTION.search(content.lstrip("“\"' ")):
        return "demand"  # "told his staff never to speak of it", "challenged the mayor to debate him"
    if cue_lemma == "call":
        if re.search(r"\bcall\w* (?:for|on)\b", cue_text, re.IGNORECASE) or content.startswith("to "):
            return "demand"  # "called for talks", "calls to break up the banks"
        if re.search(r"\bcall\w* (?:into question|out)\b", cue_text, re.IGNORECASE):
            return "accuse"
        named_badly = w.ACCUSE.search(content) or w.NEGATIVE.search(content) or _LIE.search(content)
        if _REPORT.match(content) and named_badly:
            return "deny"  # "called the report outrageous": a claim named badly is rejected
        # "called the charges a ploy": naming something accuses unless the name is praise
        if w.DENY.search(content):
            return "deny"  # "called the report a hoax"
        return "accuse" if w.ACCUSE.search(content) or w.NEGATIVE.search(content) else None
    if cue_lemma == "plead" and re.match(r"\W*(?:not guilty|innocent|guilty)\b", content, re.IGNORECASE):
        return "assert" if re.match(r"\W*guilty", content, re.IGNORECASE) else "deny"  # a plea, not a request
    if cue_lemma == "suggest" and re.match(r"^\w+ing\b", content) and not content.startswith("that"):
        return "demand"  # "suggests reducing regulations"
    if cue_lemma in _INSIST and _NEGATED_CLAIM.search(content):
        return "deny"
    if cue_lemma == "dismiss" and re.search(r"\bas\b", content) and w.ACCUSE.search(content):
        return "accuse"  # "dismissed the governor as an ineffective leader"
    # "expressed concern that donors would divert money": a worry about what may come
    concern = re.search(r"\bconcern", cue_text, re.IGNORECASE)
    if concern and content.startswith("that ") and w.FUTURE.search(content):
        return "speculate"
    for stance, pattern in w.CUE_WORDS:
        if len(cue_text.split()) > 1 and pattern.search(cue_text):
            return stance
    by_lemma = w.CUE_STANCE.get(_known_lemma(cue_lemma))
    if by_lemma is None:  # a cue word spaCy did not lemmatise as a verb ("frustrating", "warnings")
        return next((stance for stance, pattern in w.CUE_WORDS if pattern.search(cue_text)), None)
    return by_lemma


def _known_lemma(lemma: str | None) -> str:
    """The word list's lemma for a cue the tagger lemmatised oddly ("lambast", "criticis")."""
    if not lemma or lemma in w.CUE_STANCE or len(lemma) < 5:
        return lemma or ""
    return next((known for known in w.CUE_STANCE if known.startswith(lemma[:6])), lemma)


def hedges_in(text: str) -> tuple[str, ...]:
    """Hedging words as written ("reportedly", "believed to be"), in order, each once."""
    seen: list[str] = []
    for match in w.HEDGES.finditer(text):
        if match.group() not in seen:
            seen.append(match.group())
    return tuple(seen)


def governing_stance_verb(parse: Parse, start: int, end: int) -> int | None:
    """For a quoted fragment found without a cue, the verb that governs it when that verb takes a side:
    'called for "a total and complete ban"', 'has gone after Trump as "a spoiled brat"'. Up to three
    steps up the parse from the fragment's first word, inside its sentence."""
    sentence = parse.sentences[parse.sentence_index(start)]
    i = parse.token_at(start)
    for _ in range(3):
        head = parse.tokens[i].head
        if head == i or not sentence.start <= parse.tokens[head].start < sentence.end:
            return None
        i = head
        token = parse.tokens[i]
        if token.pos == "VERB" and not start <= token.start < end:
            following = parse.tokens[min(i + 1, len(parse.tokens) - 1)].end
            phrase = parse.body[token.start : following]  # "called for", "gone after"
            takes_side = token.lemma.lower() in w.CUE_STANCE or any(p.search(phrase) for _, p in w.CUE_WORDS)
            return i if takes_side else None
    return None
