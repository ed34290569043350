"""EventStage: per sentence, the PLOVER event a verb reports between two coded actors."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from typing import ClassVar

from sitroom.config import Settings
from sitroom.model import SPOKEN_TYPES, Actor, Article, Event, Sentence, Token
from sitroom.model.lookup import lookup
from sitroom.stages.clean.textmeta import dateline_end
from sitroom.stages.events import cues
from sitroom.stages.events.actors import LazyActorTables, keyword_matches, resolve
from sitroom.stages.events.classifier import LazyPloverModel, PloverModel
from sitroom.stages.events.clauses import (
    ASKING,
    GOVERNED,
    appeal,
    asked_for,
    calls_on,
    claim_in_speech,
    demanded_clause,
    demanded_of,
    generic_clause,
    helps,
    located,
    main_clause,
    partner,
    shared_source,
    shares_a_trait,
)
from sitroom.stages.events.factuality import factuality, is_future, refuses
from sitroom.stages.events.features import ParsedToken, sentence_features
from sitroom.stages.events.home import as_speaker, at_home, coded, loyal_to
from sitroom.stages.events.mentions import (
    Mention,
    arguments,
    armed,
    is_moved,
    sentence_mentions,
)
from sitroom.stages.events.targets import (
    DYING,
    a_site,
    backed_target,
    describes_ties,
    elsewhere,
    fallback_target,
    harmed,
    kept_target,
    lemmas_between,
    moved_or_where,
    no_act,
    object_lemmas,
    one_actor,
    plain_harm,
    still_target,
    subtree_words,
    threat_said,
    violent_death,
    warned,
)
from sitroom.stages.events.when import event_date
from sitroom.stages.events.where import event_place, in_quotes
from sitroom.stages.quantities.numbers import counts_for_event

# Below this the classifier is too often wrong (out of fold on PLV, linear + encoder: 90% right at
# >= 0.5, 92% of sentences kept): no event is better than a wrong one.
MIN_CONFIDENCE = 0.5
# A verb is an event cue when the model learned a weight for it on an actor path in training.
_CUE_WEIGHT = 0.2
_REPORTING = {"say", "tell", "add", "report", "state", "note", "write", "quote", "cite", "claim", "believe"}
# Issuing a statement is saying something: the statements stage keeps it, no PLOVER event.
_ALONE = 0.9  # the classifier's confidence at which a named source's act stands without a target
_REFUSING = frozenset({"refuse", "decline", "reject"})
# Light verbs carry no event of their own ("has been", "did", "got").
_LIGHT = {"be", "have", "do", "get", "become", "seem", "appear", "include", "remain", "go", "come", "know"}


@dataclass(frozen=True)
class _Candidate:
    verb: int
    source: Mention | None
    target: Mention | None
    type: str
    mode: str | None
    confidence: float
    by_rule: bool = False
    governs: bool = True  # not an infinitive under another verb: "threatened" over "to impose"
    alone: bool = False  # the classifier's act of a named source on no actor: any pair outranks it

    @property
    def rank(self) -> tuple[bool, bool, bool, bool, float]:
        return self.by_rule, self.source is not None, not self.alone, self.governs, self.confidence


class EventStage:
    """PLOVER events with coded actors, mode, place, date, figures and factuality."""

    name: ClassVar[str] = "events"
    version: ClassVar[str] = "66"  # 66: "three days later" counted; 65: the dead misread as a speaker
    requires: ClassVar[tuple[str, ...]] = (
        "sentences", "tokens", "entities", "timexes", "quantities", "statements", "places",
    )  # fmt: skip
    assigns: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.model = LazyPloverModel()
        self.tables = LazyActorTables()
        self._cue_lemmas: frozenset[str] | None = None

    def __call__(self, article: Article) -> Article:
        if article.rejected or not article.sentences:
            return article
        story = _story_countries(article, self)
        events, told = [], set()
        for sentence in article.sentences:
            said = " ".join(article.body[sentence.start : sentence.end].split())
            if said in told and said.count(" ") >= 11:  # a repeated caption once; not a short line that
                continue  # may close each report of a roundup ("Police arrested two suspects.")
            event = self._sentence_event(article, sentence, story)
            if event is not None:
                events.append(event)
                told.add(said)
        return article.evolve(events=tuple(events))

    def cue_lemmas(self, model: PloverModel) -> frozenset[str]:
        """Verbs the classifier learned to read as events (derived from the shipped weights)."""
        if self._cue_lemmas is None:
            weights = {
                name[3:]: float(abs(model.coef[row]).max())
                for name, row in model.index.items()
                if name.startswith("pV:")
            }
            self._cue_lemmas = (
                frozenset(k for k, w in weights.items() if w >= _CUE_WEIGHT) - _REPORTING - _LIGHT
            )
        return self._cue_lemmas

    def _sentence_event(self, article: Article, sentence: Sentence, story: list[str]) -> Event | None:
        tables = self.tables.get()
        opening = _dateline_end(article)  # "SEOUL -- The ministry said": the dateline does nothing
        mentions = [m for m in sentence_mentions(article, sentence, tables) if m.start >= opening]
        if not mentions:
            return None
        lo, hi = _token_bounds(article, sentence)
        best = None
        for verb in range(lo, hi):
            candidate = self._candidate(article, sentence, verb, lo, hi, mentions)
            if candidate is not None and (best is None or candidate.rank > best.rank):
                best = candidate
        if best is None:
            return None
        return self._event(article, sentence, best, lo, hi, story)

    def _candidate(
        self, article: Article, sentence: Sentence, verb: int, lo: int, hi: int, mentions: list[Mention]
    ) -> _Candidate | None:
        token = article.tokens[verb]
        lemma = token.lemma.lower()
        if token.pos == "VERB" and lemma in _REPORTING:
            claim = claim_in_speech(article, verb, lo, hi, mentions)  # "said Qatar must mediate"
            if claim is None or one_actor(article, *claim[1:]) or self._same(article, *claim[1:]):
                return None  # "Peskov said Russia must protect its citizens": an intent, asked of no one
            kind, speaker, said_of = claim
            mode = "allege" if kind == "ACCUSE" else None
            blames = kind == "ACCUSE"  # the blame outranks the deed blamed ("... sending troops is illegal")
            governs = token.dep not in GOVERNED
            return _Candidate(verb, speaker, said_of, kind, mode, 0.95 if blames else 0.6, blames, governs)
        if token.pos != "VERB" or asked_for(article, verb, lo, hi) or demanded_clause(article, verb, lo, hi):
            return None  # what is asked for is no event yet: the asking verb is
        if lemma == "blame" and token.dep == "xcomp" and article.tokens[token.head].lemma.lower() == "be":
            return None  # "Hamas was to blame": the one blamed, not one who blames
        if generic_clause(article, verb) or shares_a_trait(article, verb):
            return None
        if describes_ties(article, verb, hi):  # "Fighters linked to al-Qaida attacked a base"
            return None
        source, target = arguments(article, verb, mentions)
        if source is None:
            source = shared_source(article, verb, lo, hi, mentions, lambda m: self._same(article, m, target))
        target = still_target(article, target, verb, token.start)  # "..., an official told the paper"
        target = target or partner(article, verb, source, mentions) or demanded_of(article, verb, mentions)
        helped = None
        if target is None and source is not None:
            target = still_target(article, arguments(article, verb, mentions, purpose=True)[1], verb)
            helped = target if target is not None and helps(article, target, verb) else None
        lemmas = subtree_words(article, verb, lo, hi)
        objects = object_lemmas(article, verb, lo, hi)
        if no_act(lemma, lemmas, objects):
            return None  # "has not released any statement", "released trade data", "gave birth"
        if token.dep == "advcl" and article.tokens[token.head].lemma.lower() in cues.MISHAP:
            return None  # "a helicopter crashed in the mountains, killing two soldiers": no one's act
        joined = target is not None and article.body[max(0, target.start - 8) : target.start].rstrip()
        if lemma == "serve" and joined and joined.endswith("with"):
            return None  # "had served with The Parachute Regiment": a member of it, no act on it
        if lemma in DYING:  # "A soldier died in an accident": the one who died, and an attack only if told
            death, victim = violent_death(article, verb, lemmas_between(article, lo, hi)), source or target
            if death is None or victim is None:
                return None
            return _Candidate(verb, None, victim, *death, 0.6, governs=token.dep not in GOVERNED)
        rule = cues.rule(lemma, lemmas, objects)
        threat = rule is None and threat_said(article, token.start)  # "warned that it will not go unanswered"
        rule = cues.Cue("THREATEN", None) if threat else rule
        refused = token.dep == "xcomp" and article.tokens[token.head].lemma.lower() in _REFUSING
        if rule is not None and rule.mode == "curfew" and lemmas_between(article, lo, hi) & cues.MISHAP:
            rule = None  # a state of emergency for floods coerces no one
        promised = token.dep == "xcomp" or is_future(article.tokens, verb, lo, hi)
        if rule is not None and rule.type == "AID" and promised:
            rule = None  # "will provide a grant": a promise, which the codebook files under AGREE
        # The moved troops are the means, not the target: look for where they go.
        if target is None or (not target.named and rule is not None and rule.type == "MOBILIZE"):
            taken = {source.root} if source is not None else set()
            target = fallback_target(article, verb, mentions, taken) or target
        target = backed_target(article, target, mentions) if target is not None else None
        target = warned(article, target, verb) if threat else target  # whom a warning addresses, if anyone
        if target is not None and rule is not None and rule.type == "MOBILIZE" and moved_or_where(
            article, target, self.tables.get()
        ):
            target = None
        elif target is not None and rule is not None and rule.type != "ASSAULT" and a_site(article, target):
            target = None  # "threatened to halt deliveries from the Cuciurgan power station": no actor
        if helped is not None and target is helped and rule is not None and rule.type == "ASSAULT":
            target = None  # "might engage in combat to support Russia": an ally, not whom they fight
        appealed = appeal(article, verb, hi, mentions) if rule is None else None
        if appealed is not None:  # "called on Israel to halt ...": asked of Israel; of no actor, it is
            rule = cues.Cue("REQUEST", None, firm=False)  # about what it opposes, not where talks are held
            target = appealed[0] or (None if target is None or located(article, target) else target)
        if rule is not None and refused:  # "refused to send troops", "refuses to lift the ban": the
            rule = cues.Cue("REJECT", "yield" if rule.type == "YIELD" else None, rule.firm)  # refusal is it
        if target is not None and elsewhere(article, target, token.start):
            target = None  # nor is one found later: "sent teams, according to the department"
        if target is not None and _quoted_apart(article, sentence, target, token.start):
            target = None  # 'called them "an act of war against the people of X"': X is in the words
        if target is not None and source is not None and one_actor(article, source, target):
            target = None  # '"We asked ...," said X': both resolve to X, who acts on no one here
        if source is None and target is None:
            return None
        by_arms = source is not None and armed(article, source, self.tables.get())  # "Israeli airstrikes"
        if source is not None and rule is None and cues.arms_strike(lemma, objects) and (by_arms or resolve(
            self.tables.get(), source.name or article.body[source.start : source.end]).sector == "military"):
            weapon = article.tokens[source.root].lemma  # "Russian drones struck grain silos"
            rule = cues.Cue("ASSAULT", cues.MODES["ASSAULT"].get(weapon), firm=False)
        unlearned = rule is None and not by_arms and lemma not in self.cue_lemmas(self.model.get())
        if unlearned and source is not None and target is not None and main_clause(article, verb):
            rule = cues.violence(lemma, lemmas)  # "Russian forces shelled Kharkiv"
        told_harm = (source is None or by_arms) and rule is None
        harm = harmed(article, target, lemma, lemmas, verb) if told_harm else None
        if harm is not None:  # "Four militants were killed": the event, its source unknown (or the arms')
            return _Candidate(verb, source, target, *harm, 0.6, governs=token.dep not in GOVERNED)
        harm = plain_harm(article, verb, lemmas, _REPORTING) if rule is None and target is None else None
        if harm is not None:  # "Italian police have arrested the captain": the one held goes unnamed
            return _Candidate(verb, source, None, *harm, 0.6, governs=token.dep not in GOVERNED)
        model = self.model.get()
        if rule is None and lemma not in self.cue_lemmas(model) and lemma not in ASKING:
            return None
        text = article.body[sentence.start : sentence.end]
        spans = _relative(source, sentence), _relative(target, sentence)
        features = sentence_features(text, _parsed(article, sentence, lo, hi), *spans)
        event_type, confidence = self.model.predict(features, text, *spans)  # linear + encoder
        if rule is not None:
            agrees = event_type == rule.type
            # a suit or inquiry only named in a clause under another verb ("saying it would file a
            # complaint") does not outrank that verb's own event
            firm = rule.firm or token.dep in ("ROOT", "conj")
            confidence = confidence if agrees else 0.9 if firm else MIN_CONFIDENCE
            return _Candidate(
                verb, source, target, rule.type, rule.mode, confidence, firm, token.dep not in GOVERNED
            )
        # Without a rule, both actors must be there: the model was trained on marked pairs.
        sure = confidence >= _ALONE and source is not None and source.named and main_clause(article, verb)
        if confidence < MIN_CONFIDENCE or source is None or (target is None and not sure):
            return None  # a named actor's clear act on no actor still counts: "Baghdad rejected the vote"
        if calls_on(article, verb, hi):
            lemmas = lemmas - {"call"}  # "called on both sides to ...": an appeal, not a phone call
        mode = cues.mode_for(event_type, lemmas)
        governs = token.dep not in GOVERNED
        return _Candidate(verb, source, target, event_type, mode, confidence, False, governs, target is None)

    def _same(self, article: Article, mention: Mention, other: Mention | None) -> bool:
        """Whether two mentions code as the same actor ("Romania" and "Bucharest")."""
        if other is None:
            return False
        tables = self.tables.get()
        a = resolve(tables, mention.name or article.body[mention.start : mention.end], ())
        b = resolve(tables, other.name or article.body[other.start : other.end], ())
        return a.country is not None and (a.country, a.sector) == (b.country, b.sector)

    def _event(
        self, article: Article, sentence: Sentence, best: _Candidate, lo: int, hi: int, story: list[str]
    ) -> Event:
        tables = self.tables.get()
        cue = article.tokens[best.verb]
        text = article.body[sentence.start : sentence.end]
        fact = factuality(article.tokens, best.verb, lo, hi, text)
        if fact == "denied" and cues.litotes(cue.lemma.lower(), subtree_words(article, best.verb, lo, hi)):
            best = replace(best, type="SUPPORT", mode=None)  # "will not leave Moldova alone": a pledge
            fact = "planned" if is_future(article.tokens, best.verb, lo, hi) else "reported"
        if best.type == "YIELD" and fact == "denied" and refuses(article.tokens, best.verb, lo, hi):
            best = replace(best, type="REJECT", mode="yield")  # "will not end the strike": a refusal
            fact = "reported"
        said_to = best.target if best.type in SPOKEN_TYPES else None  # whom something said is aimed at
        moved = best.type == "MOBILIZE" or is_moved(article, best.verb)  # where it goes is where it happens
        date, as_of, basis = event_date(article, sentence, cue.start)
        source = _actor(article, best.source, tables, story)
        spoken = best.type in SPOKEN_TYPES
        return Event(
            start=sentence.start,
            end=sentence.end,
            type=plover_type(best.type, fact),
            mode=best.mode,
            source_actor=source,
            target_actor=kept_target(article, best.target, best.type, source,
                                     _actor(article, best.target, tables, story)),
            location=event_place(article, sentence, cue.start, said_to, best.source, moved, spoken,
                                 speaker_country=source.country if source is not None else None),
            date=date,
            quantities=tuple(
                filter(counts_for_event, lookup(article).quantities.starting(sentence.start, sentence.end))
            ),
            factuality=fact,
            trigger=article.body[cue.start : cue.end],
            confidence=round(best.confidence, 3),
            as_of=as_of,
            as_of_basis=basis,
        )


def plover_type(label: str, fact: str) -> str:
    """The training data's YIELD is split as the PLOVER codebook does: a promise is CONCEDE,
    a concession with material effect now (withdrawal, release, ceasefire) is RETREAT."""
    if label != "YIELD":
        return label
    return "CONCEDE" if fact in ("planned", "hypothetical", "estimated") else "RETREAT"


def _token_bounds(article: Article, sentence: Sentence) -> tuple[int, int]:
    """Token indices [lo, hi) of a sentence, by binary search (tokens are in body order)."""
    lo = bisect_left(article.tokens, sentence.start, key=_start)
    return lo, bisect_left(article.tokens, sentence.end, lo=lo, key=_start)


def _start(token: Token) -> int:
    return token.start


def _parsed(article: Article, sentence: Sentence, lo: int, hi: int) -> list[ParsedToken]:
    """The sentence's tokens as the classifier saw them in training (offsets and heads relative)."""
    out = []
    for i in range(lo, hi):
        t = article.tokens[i]
        head = t.head - lo if lo <= t.head < hi else i - lo
        out.append((t.start - sentence.start, t.end - sentence.start, t.lemma.lower(), t.pos, t.dep, head))
    return out


def _relative(mention: Mention | None, sentence: Sentence) -> tuple[int, int] | None:
    return None if mention is None else (mention.start - sentence.start, mention.end - sentence.start)


def _actor(article: Article, mention: Mention | None, tables: object, story: list[str]) -> Actor | None:
    if mention is None:
        return None
    start, end = mention.holder or (mention.start, mention.end)  # "rejected Trump's proposal": Trump
    place = next(iter(lookup(article).places.overlapping(start, end)), None)
    text = mention.name or article.body[start:end]
    actor = coded(article, text, start, tables, story, place.country if place else None)  # type: ignore[arg-type]
    if actor.country is None or actor.sector is None:
        actor = as_speaker(article, actor, tables)  # type: ignore[arg-type]
    if actor.sector is None and armed(article, mention, tables):  # type: ignore[arg-type]
        actor = replace(actor, sector="military")  # "Russian missiles": fired by Russia's military
    actor = loyal_to(article, actor, mention.root, tables)  # type: ignore[arg-type]
    return at_home(article, actor, text, tables, mention.start)  # type: ignore[arg-type]


def _dateline_end(article: Article) -> int:
    """Where the dateline that opens the body ends (0 when the body does not open with one), whether
    or not the clean step set the article's dateline (text given straight to the stages has none)."""
    return dateline_end(article.body[:300])


def _quoted_apart(article: Article, sentence: Sentence, mention: Mention, trigger: int) -> bool:
    """A mention inside quotation marks that the event's verb stands outside of."""
    body = article.body
    return in_quotes(body, sentence.start, mention.start) and not in_quotes(body, sentence.start, trigger)


def _story_countries(article: Article, stage: EventStage) -> list[str]:
    """Countries the article is about, most mentioned first: they settle "the North"."""
    counts: Counter[str] = Counter(p.country for p in article.places if p.country)
    tables = stage.tables.get()
    for match in keyword_matches(tables, article.body):  # "us" is no vote for the United States
        code = tables.countries.get(match.group(0).lower())
        if code:
            counts[code] += 1
    return [code for code, _ in counts.most_common()]
