"""Word lists for reporting cues and stance (project-authored)."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that report speech or a stated position; lemmas as spaCy gives them.
SPEECH_LEMMAS = _words(
    """
    say tell add state explain note claim argue insist write tweet post announce confirm deny reject
    dismiss warn threaten urge demand ask accuse blame estimate predict suggest acknowledge admit
    concede stress emphasize emphasise highlight report recall reply respond retort joke quip describe
    complain promise vow pledge assure caution allege contend maintain mention observe remark reveal
    disclose speculate declare proclaim comment conclude counter decline refuse testify inform advise
    recommend propose assert affirm question criticize criticise condemn denounce hail welcome indicate
    agree disagree point scold sniff crow stutter blurt confess lament boast brag muse wonder reiterate
    repeat clarify concur object protest plead charge rebuff refute contradict dispute project forecast
    tout predict underline reassure recount recommend continue call
    """
)
# Cues that need a clause (ccomp) or a quote next to them before they count as speech.
WEAK_LEMMAS = frozenset({"believe", "think", "feel", "expect", "continue", "call", "point", "question",
                         "describe", "hail", "welcome", "agree", "disagree", "object", "wonder"})
# Cues whose object is the statement itself ("urged Washington to ...", "denied the report").
OBJECT_LEMMAS = _words(
    """
    urge demand deny reject dismiss accuse blame warn threaten condemn denounce criticize criticise
    refute rebuff dispute vow pledge decline refuse confirm
    """
)
# What a denial can deny in a word or two, and still report a stance: "denied any involvement",
# "rejected the allegations", "denied wrongdoing".
CLAIM_NOUNS = _words(
    """
    involvement wrongdoing accusation allegation charge claim report responsibility role link tie
    knowledge guilt culpability complicity participation connection
    """
)
DENIAL_LEMMAS = _words("deny reject dismiss refute dispute rebuff")
# Who a title names when it names a body as well: in "coast guard spokesman" or "army chief" the body
# ("the coast guard said", "the army said") is not the person.
PERSON_HEADS = _words(
    "spokesman spokeswoman spokesperson official chief head commander director officer representative"
)
# The object of a rejecting or confirming cue that makes it an act, not speech ("rejected a harbour
# deal", "denied the request", "confirmed the nominees"): proposals, requests, people put forward.
ACT_OBJECTS = _words(
    """
    deal plan bill motion offer proposal request application appeal bid nomination nominee candidate
    call plea demand amendment budget treaty agreement legislation law resolution invitation petition
    """
)
# Subjects that hold a view but cannot voice it ("Popular belief says ...", "Conventional wisdom holds").
ABSTRACT_SPEAKERS = _words("belief wisdom notion idea perception assumption thinking sentiment")
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you"})
PERSON_PRONOUNS = frozenset({"he", "she", "i"})
DETERMINERS_ANONYMOUS = frozenset({"a", "an", "some", "several", "many", "one", "two", "three", "few",
                                   "other", "another", "most", "numerous", "various", "certain"})
ORG_NOUNS = frozenset({"agency", "ministry", "department", "government", "company", "firm", "office",
                       "committee", "council", "board", "union", "association", "police", "military",
                       "army", "embassy", "administration", "organization", "organisation", "group",
                       "city", "province", "state", "court", "party", "campaign", "team", "club",
                       "league", "service", "authority", "commission", "university", "school", "hospital",
                       "bank", "utility", "railway", "railroad", "airline", "carrier", "retailer", "insurer",
                       "lender", "network", "broadcaster", "newspaper", "automaker", "manufacturer",
                       "corporation", "startup", "chain", "regulator", "watchdog", "institute", "foundation",
                       "charity", "business", "operator", "provider", "publisher", "station",
                       "delegation", "mission", "cabinet", "parliament", "secretariat", "presidency",
                       "prefecture", "municipality", "governorate", "legislature", "senate", "directorate",
                       "inspectorate", "tribunal", "consultancy", "coalition", "alliance", "movement",
                       "faction", "militia", "federation", "tank", "force", "navy", "command", "headquarters",
                       "brigade", "regiment", "battalion", "corps"})
TITLE_ABBREVIATIONS = ("Mr. ", "Mrs. ", "Ms. ", "Dr. ", "Prof. ", "Sen. ", "Rep. ", "Gov. ", "Gen. ",
                       "Lt. ", "Col. ", "Capt. ", "Sgt. ", "Mr ", "Mrs ", "Ms ", "Dr ")
# Heads of speaker phrases that are texts or figures, not people ("the report", "government data").
NOT_PEOPLE = frozenset({"report", "document", "data", "study", "paper", "statement", "survey", "poll",
                        "complaint", "memo", "release", "letter", "website", "figures", "numbers",
                        "records", "analysis", "filing", "ruling", "decision", "order", "lawsuit",
                        "video", "post", "tweet", "email", "message", "notice", "review", "audit",
                        "research", "findings", "documents", "source", "sources", "media", "reports"})
# Offices a text names a holder by ("the judge", "the minister"): such a description is bound to a
# person only by a title or apposition, never by being the person the text was talking about.
OFFICES = frozenset({"judge", "justice", "minister", "mayor", "president", "premier", "governor",
                     "senator", "councillor", "officer", "official", "spokesman", "spokeswoman",
                     "spokesperson", "prosecutor", "commissioner", "chairman", "chairwoman", "chair",
                     "sheriff", "coroner", "ambassador", "secretary", "chancellor", "magistrate"})
# Heads of speaker phrases that are documents an organisation publishes ("the report", "a study").
DOCUMENTS = frozenset({"report", "document", "study", "paper", "statement", "survey", "poll", "memo",
                       "release", "letter", "website", "data", "figures", "numbers", "analysis", "filing",
                       "findings", "research", "review", "audit", "guide", "plan"})
# Nouns for groups of people that "they said" can point back to (lemmas).
HUMAN_PLURALS = _words(
    """
    official executive senator resident member worker expert analyst critic supporter leader lawmaker
    legislator politician voter parent student teacher doctor nurse researcher scientist economist
    investor trader activist protester advocate lawyer prosecutor investigator officer organizer
    employee manager owner player fan user customer tenant landlord farmer citizen neighbour neighbor
    villager witness survivor victim relative friend source insider diplomat minister councillor
    representative candidate republican democrat conservative liberal backer opponent rebel militant
    soldier staff author organiser participant volunteer director commissioner judge police deputy
    delegate negotiator envoy spokesperson mp congressman parliamentarian
    """
)
# Capitalised words that come before a surname without being a given name.
NOT_GIVEN = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "mayor", "minister", "president",
     "premier", "chief", "coach", "judge", "justice", "senator", "councillor", "officer", "director",
     "professor", "the", "and", "but", "when", "while", "said", "says", "according", "spokesperson",
     "spokesman", "spokeswoman", "captain", "sergeant", "constable", "detective", "monday", "tuesday",
     "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "july",
     "august", "september", "october", "november", "december", "on", "in", "at", "by", "for", "from"}
)
