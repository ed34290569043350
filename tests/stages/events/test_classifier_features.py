"""The PLOVER classifier's parse features: the mood (future, negation) of the words linking the actors."""

from __future__ import annotations

from sitroom.stages.events.features import ParsedToken, syntax_features

# "Freedonia will impose tariffs on Sylvania", parsed by hand: (start, end, lemma, pos, dep, head).
_FUTURE: list[ParsedToken] = [
    (0, 9, "Freedonia", "PROPN", "nsubj", 2),
    (10, 14, "will", "AUX", "aux", 2),
    (15, 21, "impose", "VERB", "ROOT", 2),
    (22, 29, "tariff", "NOUN", "dobj", 2),
    (30, 32, "on", "ADP", "prep", 2),
    (33, 41, "Sylvania", "PROPN", "pobj", 4),
]
# "Freedonia did not accept Sylvania's offer": the target's head is the noun, negation on the verb.
_NEGATED: list[ParsedToken] = [
    (0, 9, "Freedonia", "PROPN", "nsubj", 3),
    (10, 13, "do", "AUX", "aux", 3),
    (14, 17, "not", "PART", "neg", 3),
    (18, 24, "accept", "VERB", "ROOT", 3),
    (25, 33, "Sylvania", "PROPN", "poss", 6),
    (33, 35, "'s", "PART", "case", 4),
    (36, 41, "offer", "NOUN", "dobj", 3),
]


def test_a_future_auxiliary_marks_the_verb_linking_the_actors() -> None:
    feats = syntax_features(_FUTURE, (0, 9), (33, 41))
    assert feats["pfut:impose"] == 1.0 and feats["p:FUT"] == 1.0
    assert "p:NEG" not in feats


def test_negation_marks_the_verb_with_its_lemma() -> None:
    feats = syntax_features(_NEGATED, (0, 9), (25, 33))
    assert feats["pneg:accept"] == 1.0 and feats["p:NEG"] == 1.0
    assert not any(k.startswith("pfut:") for k in feats)


def test_a_past_plain_verb_has_no_mood_features() -> None:
    past = [t if t[1] != 14 else (10, 14, "do", "AUX", "aux", 2) for t in _FUTURE]
    feats = syntax_features(past, (0, 9), (33, 41))
    assert not any(k.startswith(("pfut:", "pneg:", "p:FUT", "p:NEG")) for k in feats)
    assert feats["pV:impose"] == 1.0
