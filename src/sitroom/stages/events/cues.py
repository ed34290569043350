"""Cue rules the classifier must not get wrong, and the PLOVER mode read from the sentence.

Troop and equipment movements are MOBILIZE, "condemned" is ACCUSE, "threatened to impose
sanctions" is THREATEN with a sanction mode. Modes follow the PLOVER codebook's mode names.
"""

from __future__ import annotations

from dataclasses import dataclass

_MOVE = {"deploy", "mobilize", "mobilise", "dispatch", "station", "send", "move", "reinforce", "amass",
         "mass", "transfer", "redeploy", "position"}  # fmt: skip
_FORCE_NOUNS = {
    "troops": "troops", "soldiers": "troops", "forces": "troops", "personnel": "troops", "units": "troops",
    "battalion": "troops", "battalions": "troops", "brigade": "troops", "division": "troops",
    "marines": "troops", "paratroopers": "troops", "commandos": "troops", "reservists": "troops",
    "guards": "troops", "peacekeepers": "troops", "armoured": "weapons", "armored": "weapons",
    "missiles": "weapons", "warships": "weapons", "tanks": "weapons", "jets": "weapons",
    "fighters": "weapons", "bombers": "weapons", "submarines": "weapons", "artillery": "weapons",
    "weapons": "weapons", "equipment": "weapons", "launchers": "weapons", "drones": "weapons",
    "carrier": "weapons", "aircraft": "weapons", "police": "police",
    "militia": "militia", "militias": "militia", "fighters_irregular": "militia",
}  # fmt: skip
_ACCUSE = {"condemn": "disapprove", "denounce": "disapprove", "criticize": "disapprove",
           "criticise": "disapprove", "slam": "disapprove", "decry": "disapprove", "censure": "disapprove",
           "blast": "disapprove", "deplore": "disapprove", "accuse": "allege", "blame": "allege",
           "investigate": "investigate", "probe": "investigate"}  # fmt: skip
_THREATEN = {"threaten", "warn"}
_PROTEST = {"protest": "demo", "rally": "demo", "demonstrate": "demo", "riot": "riot", "boycott": "boycott"}
# What rallies on a market: a price, an index, a share, by so many per cent or points.
_MARKETS = {"percent", "%", "cent", "point", "share", "stock", "index", "price", "market", "dollar", "euro",
            "yen", "yuan", "bond", "currency", "high", "low"}  # fmt: skip
_IMPOSE = {"impose", "introduce", "slap", "levy", "adopt", "tighten", "expand", "extend"}
_SANCTION_WORDS = {"sanction", "sanctions", "embargo", "tariff", "tariffs", "penalty", "penalties"}
_VIOLENCE_WORDS = {
    "attack",
    "strike",
    "war",
    "force",
    "bomb",
    "invade",
    "retaliate",
    "retaliation",
    "destroy",
}
_ON_ALERT = {"remain", "put", "place", "keep", "stay", "go"}
# Starting or holding a strike or a protest: "went on strike", "staged a sit-in", "stopped work".
_HOLD = {"go", "stage", "hold", "launch", "begin", "start", "continue", "join", "declare", "mount",
         "organise", "organize", "call", "stop"}  # fmt: skip
_ACTIONS = {"strike": "strike", "walkout": "strike", "sit-in": "obstruct", "protest": "demo",
            "demonstration": "demo", "rally": "demo", "boycott": "boycott"}  # fmt: skip


def _collective_action(verb_lemma: str, lemmas: set[str]) -> str | None:
    if verb_lemma not in _HOLD or "off" in lemmas:  # "called off the strike" ends one
        return None
    if verb_lemma == "stop" and "work" not in lemmas:  # "stopped work in a strike", not "stopped the strike"
        return None
    if verb_lemma == "call" and "for" not in lemmas:
        return None
    found = [_ACTIONS[w] for w in sorted(lemmas) if w in _ACTIONS]
    if not found:
        return None
    return "hunger" if "hunger" in lemmas else found[0]


# Concessions the PLOVER codebook files under YIELD (CAMEO 08): freeing prisoners, lifting a ban or
# sanctions, declaring a ceasefire, resigning.
_CAPTIVES = {"prisoner", "prisoners", "detainee", "detainees", "hostage", "hostages", "captive", "captives",
             "activist", "activists", "politician", "politicians", "journalist", "journalists", "dissident",
             "dissidents", "captivity", "detention", "custody", "jail", "prison", "bail"}  # fmt: skip
_LIFT = {"lift", "ease", "relax", "repeal", "remove", "end", "scrap", "rescind"}
_RESTRICTIONS = {"ban", "sanction", "sanctions", "restriction", "restrictions", "blockade", "curfew",
                 "embargo", "boycott", "siege", "tariff", "tariffs", "emergency"}  # fmt: skip
_TRUCE = {"ceasefire", "cease-fire", "truce", "cessation"}


def _concession(verb_lemma: str, lemmas: set[str], objects: frozenset[str] | set[str]) -> Cue | None:
    if verb_lemma in ("free", "pardon") or (verb_lemma == "release" and lemmas & _CAPTIVES):
        return Cue("YIELD", "release")  # one frees a captive; one also releases a report
    if verb_lemma in _LIFT and lemmas & _RESTRICTIONS:
        return Cue("YIELD", None)
    if verb_lemma in ("declare", "announce", "observe") and lemmas & _TRUCE:
        return Cue("YIELD", "ceasefire")
    if verb_lemma == "resign":
        return Cue("YIELD", "resign")
    # by the verb's own object, and ranked with the classifier under another verb ("agreed to a
    # cease-fire to end months of fighting" is the agreement)
    if ((verb_lemma == "call" and "off" in lemmas) or verb_lemma in _HALT) and objects & _HOSTILITIES:
        return Cue("YIELD", "ceasefire", firm=False)  # "called off the strike", "ceased its operations"
    if verb_lemma in _REVERSE and objects & _MEASURES:
        return Cue("YIELD", None, firm=False)  # "reversed a decision to exclude low-wage workers"
    return None


# Stopping what one was doing to the other side: fighting, or a strike or protest against it.
_HALT = {"cease", "halt", "suspend", "stop", "end"}
_HOSTILITIES = {"strike", "walkout", "protest", "boycott", "sit-in", "operation", "operations", "offensive",
                "hostilities", "fighting", "attack", "attacks", "airstrike", "airstrikes", "shelling",
                "bombing", "bombardment"}  # fmt: skip
_REVERSE = {"reverse", "rescind", "revoke", "retract", "scrap", "drop"}
_MEASURES = {"decision", "policy", "order", "decree", "plan", "ban", "measure", "rule", "law", "bill"}


# Stating support is SUPPORT, whatever the verb that states it.
_VOICE = {"pledge", "voice", "express", "reiterate", "reaffirm", "convey", "declare", "affirm", "underline",
          "stress", "repeat", "restate", "signal"}  # fmt: skip
_BACKING = {"support", "backing", "solidarity", "endorsement"}


# Mode names of the codebook, keyed by the lemmas that signal them.
MODES = {
    "ASSAULT": {"bomb": "explosives", "shell": "heavy-weapons", "shoot": "firearms", "airstrike": "aerial",
                "drone": "drone", "assassinate": "assassinate", "kidnap": "abduct", "abduct": "abduct",
                "torture": "torture", "execute": "execute", "massacre": "massacre",
                "missile": "heavy-weapons"},
    "COERCE": {"arrest": "arrest", "detain": "arrest", "ban": "ban", "censor": "censor", "curfew": "curfew",
               "deport": "deport", "expel": "deport", "seize": "seize", "confiscate": "seize",
               "restrict": "restrict", "hack": "cyber", "withhold": "withhold"},
    "CONSULT": {"visit": "visit", "call": "phone", "phone": "phone", "mediate": "third-party",
                "summit": "multilateral", "talks": "multilateral"},
    "PROTEST": {"strike": "strike", "boycott": "boycott", "rally": "demo", "march": "demo",
                "demonstrate": "demo", "riot": "riot", "hunger": "hunger", "blockade": "obstruct"},
    "SANCTION": {"convict": "convict", "sentence": "convict", "expel": "expel", "suspend": "discontinue",
                 "cut": "discontinue", "halt": "discontinue", "withdraw": "withdraw"},
    "YIELD": {"release": "release", "free": "release", "withdraw": "withdraw", "ceasefire": "ceasefire",
              "truce": "ceasefire", "resign": "resign", "return": "return", "disarm": "disarm",
              "allow": "access", "reopen": "access"},
}  # fmt: skip


# Verbs of harm and arrest: with only the one harmed or held named ("Four militants were killed",
# "A roadside bomb killed two soldiers"), still an event, whose source the text leaves unknown.
HARM = {
    "kill": "ASSAULT", "shoot": "ASSAULT", "wound": "ASSAULT", "injure": "ASSAULT", "stab": "ASSAULT",
    "behead": "ASSAULT", "bomb": "ASSAULT", "shell": "ASSAULT", "assassinate": "ASSAULT",
    "execute": "ASSAULT", "massacre": "ASSAULT", "torture": "ASSAULT", "abduct": "ASSAULT",
    "kidnap": "ASSAULT", "arrest": "COERCE", "detain": "COERCE", "capture": "COERCE", "jail": "COERCE",
    "imprison": "COERCE",
}  # fmt: skip
# No one's act: "killed in a car crash", "injured when the roof collapsed".
MISHAP = {"crash", "accident", "earthquake", "flood", "flooding", "storm", "avalanche", "collision",
          "landslide", "collapse", "heatwave", "lightning", "tornado", "hurricane", "wildfire",
          "fall", "quake", "tsunami", "eruption", "volcano", "cyclone", "typhoon", "derailment", "derail",
          "blaze", "mudslide", "drought", "famine", "epidemic", "pandemic", "outbreak", "flu", "influenza",
          "disease", "virus", "illness", "cancer", "malaria", "cholera", "measles", "ebola", "infection",
          "h1n1", "covid-19", "coronavirus", "overdose"}  # fmt: skip


# Violent verbs PLV holds too few of for the classifier to have learned them ("Russian forces shelled
# Kharkiv", "gunmen kidnapped two engineers"): with both sides named, ASSAULT.
_VIOLENT = {"wound", "injure", "stab", "bomb", "shell", "assassinate", "massacre", "abduct", "kidnap",
            "invade", "overrun", "besiege", "pound", "recapture", "retake", "storm"}  # fmt: skip
# ("launched a scathing attack on the government": an attack or assault launched may be words)
_OFFENSIVES = {"offensive", "counteroffensive", "counter-offensive", "raid", "incursion", "invasion",
               "airstrike", "bombardment", "ambush"}  # fmt: skip
# What weapons or forces do when they are the subject: "Russian drones struck grain silos", "missiles hit
# the port", "Israeli troops struck a school"; not "the army struck a deal".
_ARMS_STRIKE = frozenset({"strike", "hit", "target", "attack", "pound", "slam", "damage", "destroy"})
_BARGAINS = frozenset({"deal", "agreement", "accord", "pact", "bargain", "compromise", "balance", "tone",
                       "chord", "note", "record", "jackpot", "target"})  # fmt: skip


def arms_strike(verb_lemma: str, objects: frozenset[str] | set[str]) -> bool:
    return verb_lemma in _ARMS_STRIKE and not objects & _BARGAINS
# "fired a missile at a tanker", "launched drones at Kyiv": munitions aimed at something are an attack;
# fired into the sea, or at a clock time, they may be a test; drones and barrages are never one.
_MUNITIONS = {"missile", "rocket", "drone", "shell", "mortar", "projectile", "torpedo", "grenade", "salvo",
              "barrage", "round"}  # fmt: skip
_CLOCK = {"dawn", "dusk", "night", "noon", "midnight", "morning", "evening", "a.m.", "p.m.", "am", "pm",
          "time"}  # fmt: skip


@dataclass(frozen=True)
class Cue:
    type: str
    mode: str | None
    firm: bool = True  # outranks the classifier's events wherever its verb stands


# Opening an inquiry or bringing a suit is ACCUSE (the codebook's modes "investigate" and "allege":
# "any investigation, including commissions, grand juries, judicial or political", "sue in court").
_INQUIRIES = {"investigation", "probe", "inquiry", "inquest"}
_START_INQUIRY = {"launch", "open", "order", "begin", "start", "conduct", "initiate", "announce", "lead",
                  "head", "join", "reopen", "widen", "expand"}  # fmt: skip
_SUITS = {"lawsuit", "suit", "complaint", "indictment", "charge"}
_BRING_SUIT = {"file", "bring", "lodge", "launch", "press", "level"}


# Giving money or goods is AID ("monetary aid and financial guarantees, grants, gifts and credit").
_GIVE_AID = {"donate", "lend", "loan", "fund", "finance", "bankroll"}
_GIVE = {"provide", "give", "send", "deliver", "grant", "allocate", "disburse", "ship", "airlift", "extend"}
_AID_GOODS = {"aid", "assistance", "relief", "supplies", "funding", "funds", "money", "loan", "loans",
              "grant", "grants", "donation", "donations", "vaccine", "vaccines", "food", "medicine",
              "medicines", "ventilators", "package", "credit"}  # fmt: skip
_BREACH = {"violate", "breach", "break"}
# A halt named as a noun: what is announced or ordered stops ties or an offensive.
_ANNOUNCE = {"announce", "order", "declare", "approve", "decree"}
_HALTING = {"suspension", "halt", "freeze", "cutoff", "severance", "termination"}
_TIES = {"link", "tie", "relation", "flight", "talk", "trade", "aid", "cooperation", "export", "import",
         "negotiation", "contact", "exchange", "shipment", "delivery", "assistance"}  # fmt: skip
_CURFEWS = {"curfew", "curfews", "lockdown"}


# Taking part in a war: its side fights (the codebook's ASSAULT, "use of conventional military force").
_WARS = {"war", "fighting", "combat", "hostilities", "offensive", "battle", "invasion"}
_NOT_WAR = {"game", "games", "exercise", "exercises", "drill", "drills", "simulation", "crime", "crimes"}


def _joins_war(verb_lemma: str, lemmas: set[str], objects: frozenset[str] | set[str]) -> bool:
    """ "took part in the war against", "joined the fighting", "engage in combat", not war games."""
    if lemmas & _NOT_WAR:
        return False
    if verb_lemma == "join":
        return bool(objects & _WARS)
    taking_part = (verb_lemma == "take" and "part" in objects) or verb_lemma in ("participate", "engage")
    return taking_part and bool(lemmas & _WARS)


def legal_action(verb_lemma: str, objects: frozenset[str] | set[str]) -> Cue | None:
    """'launched an investigation into', 'filed a lawsuit against': by the verb and its direct object."""
    if verb_lemma in _START_INQUIRY and objects & _INQUIRIES:
        return Cue("ACCUSE", "investigate", firm=False)
    if verb_lemma in _BRING_SUIT and objects & _SUITS:
        return Cue("ACCUSE", "allege", firm=False)
    return None


def violence(verb_lemma: str, lemmas: set[str]) -> Cue | None:
    """ASSAULT for a violent verb the classifier does not know; "shelled out $5 million" is no attack."""
    if verb_lemma not in _VIOLENT or "out" in lemmas:
        return None
    return Cue("ASSAULT", MODES["ASSAULT"].get(verb_lemma), firm=False)


def rule(verb_lemma: str, lemmas: set[str], objects: frozenset[str] | set[str] = frozenset()) -> Cue | None:
    """Event types fixed by the cue verb and the words under it (its subtree lemmas; `objects`, the
    lemmas of its direct objects)."""
    legal = legal_action(verb_lemma, objects)
    if legal is not None:
        return legal
    if verb_lemma in _GIVE_AID or (verb_lemma in _GIVE and objects & _AID_GOODS):
        return Cue("AID", None, firm=False)  # "donated ventilators", "is providing urgent assistance"
    emergency = objects & _CURFEWS or ("emergency" in lemmas and "state" in objects)
    if verb_lemma in _IMPOSE | {"declare", "announce", "order"} and (
        emergency or ("martial" in lemmas and "law" in objects)
    ):
        return Cue("COERCE", "curfew", firm=False)  # "imposed a curfew", "declared a state of emergency"
    if _joins_war(verb_lemma, lemmas, objects):
        return Cue("ASSAULT", None, firm=False)  # "will take part in the war against Ukraine"
    if verb_lemma in ("launch", "mount", "begin", "start", "stage") and objects & _OFFENSIVES:
        return Cue("ASSAULT", None, firm=False)  # "would launch a counteroffensive", "mounted a raid"
    aimed = ("at" in lemmas and not lemmas & _CLOCK) or objects & {"drone", "barrage", "salvo"}  # no test
    if verb_lemma in ("fire", "launch") and objects & _MUNITIONS and aimed:
        return Cue("ASSAULT", "drone" if "drone" in objects else "heavy-weapons", firm=False)
    if verb_lemma in _BREACH and objects & _TRUCE:
        return Cue("ASSAULT", None, firm=False)  # "violated the ceasefire by shelling": fighting resumed
    if verb_lemma in _ANNOUNCE and objects & _HALTING:  # "announced a suspension of air links with ..."
        if lemmas & _HOSTILITIES:
            return Cue("YIELD", "ceasefire", firm=False)  # "declared a halt to the offensive"
        if lemmas & _TIES:
            return Cue("SANCTION", "discontinue", firm=False)  # not "a halt to production"
    if verb_lemma in _MOVE:
        mode = next((_FORCE_NOUNS[w] for w in sorted(lemmas) if w in _FORCE_NOUNS), None)
        if mode is not None or verb_lemma in ("deploy", "mobilize", "mobilise", "amass"):
            return Cue("MOBILIZE", mode or "troops")
    if verb_lemma == "call" and "up" in lemmas and lemmas & _FORCE_NOUNS.keys():
        return Cue("MOBILIZE", "troops")  # "call up 5,000 reservists"
    if verb_lemma in _ON_ALERT and "alert" in lemmas:  # "troops remained on high alert"
        mode = next((_FORCE_NOUNS[w] for w in sorted(lemmas) if w in _FORCE_NOUNS), None)
        return Cue("MOBILIZE", mode or "troops")
    action = _collective_action(verb_lemma, lemmas)
    if action is not None:
        return Cue("PROTEST", action)
    concession = _concession(verb_lemma, lemmas, objects)
    if concession is not None:
        return concession
    if verb_lemma in _VOICE and lemmas & _BACKING:
        return Cue("SUPPORT", None)  # "pledged full support for", "voiced its backing of" (CAMEO 05)
    shown = verb_lemma == "demonstrate" and objects  # "demonstrate leadership": shows, not protests
    if verb_lemma in _PROTEST and not (verb_lemma == "rally" and lemmas & _MARKETS) and not shown:
        return Cue("PROTEST", _PROTEST[verb_lemma])  # not a share price that "rallied 6 per cent"
    if verb_lemma in _ACCUSE:
        return Cue("ACCUSE", _ACCUSE[verb_lemma])
    if verb_lemma in _IMPOSE and lemmas & _SANCTION_WORDS:
        return Cue("COERCE", "restrict")  # CAMEO 163 "impose embargo, boycott, or sanctions"
    if verb_lemma in _THREATEN:
        if lemmas & _SANCTION_WORDS:
            return Cue("THREATEN", "restrict")  # the codebook's mode for threatened sanctions (CAMEO 1312)
        if lemmas & _VIOLENCE_WORDS:
            return Cue("THREATEN", "violence")
        if verb_lemma == "threaten":
            return Cue("THREATEN", None)
    return None


def mode_for(event_type: str, lemmas: set[str]) -> str | None:
    table = MODES.get(event_type, {})
    return next((table[w] for w in sorted(lemmas) if w in table), None)


def force_lemmas() -> set[str]:
    return set(_FORCE_NOUNS)


# Abandoning someone, denied: "will not leave Moldova alone", "will never abandon our allies" pledge
# support; the negation is no denial of an event.
_ABANDON = {"abandon", "desert", "forsake", "betray", "forget"}


def litotes(verb_lemma: str, lemmas: set[str]) -> bool:
    return verb_lemma in _ABANDON or (verb_lemma == "leave" and "alone" in lemmas)
