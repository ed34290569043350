"""Features for the PLOVER classifier: a sentence with its source and target marked.

The same function feeds training (train/plover.py) and the runtime stage, so they cannot
drift. Pure Python: the runtime needs only these dictionaries and the shipped weights.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+|SRC|TGT")
# Words too common to say anything about the relation between two actors.
_STOP = frozenset(
    {
        *[
            "the",
            "a",
            "an",
            "of",
            "to",
            "in",
            "on",
            "and",
            "for",
            "with",
            "by",
            "at",
            "from",
            "as",
            "that",
            "this",
            "its",
            "their",
            "his",
            "her",
        ],
        *["is", "was", "were", "be", "been", "are", "has", "have", "had", "it", "which", "who"],
    }
)
_WINDOW = 4  # words kept on each side of the two actors
_CHAR_WEIGHT = 0.5  # char n-grams catch morphology but are many: damp them against whole words


Span = tuple[int, int]


def mark(sentence: str, source: Span | None, target: Span | None) -> str:
    """The sentence with the source replaced by SRC and the target by TGT (either may be absent)."""
    spans = sorted((span, token) for span, token in ((source, " SRC "), (target, " TGT ")) if span)
    out, last = [], 0
    for (start, end), token in spans:
        if start < last:  # overlapping actors: keep the first one's marker only
            continue
        out.append(sentence[last:start])
        out.append(token)
        last = end
    out.append(sentence[last:])
    return "".join(out)


# The encoder's actor markers (typed punctuation, in its vocabulary): `@ source @`, `# target #`.
SOURCE_MARK, TARGET_MARK = "@", "#"
_MARKUP = re.compile(r"(</?[st]>)")


def encoder_text(sentence: str, source: Span | None, target: Span | None) -> str:
    """The sentence with the actors wrapped in the encoder's markers; stray marker chars blanked."""
    clean = sentence.replace(SOURCE_MARK, " ").replace(TARGET_MARK, " ")  # same length: spans hold
    spans = sorted((span, mark) for span, mark in ((source, SOURCE_MARK), (target, TARGET_MARK)) if span)
    out, last = [], 0
    for (start, end), marker in spans:
        if start < last:  # overlapping actors: keep the first one's markers only
            continue
        out += [clean[last:start], f"{marker} ", clean[start:end], f" {marker}"]
        last = end
    out.append(clean[last:])
    return " ".join("".join(out).split())


def unmark(marked: str) -> tuple[str, Span | None, Span | None]:
    """A PLV `<s>...</s>` / `<t>...</t>` marked sentence as plain text plus the two spans."""
    plain, opened, spans = "", {}, {}
    for part in _MARKUP.split(marked):
        if part in ("<s>", "<t>"):
            opened[part[1]] = len(plain)
        elif part in ("</s>", "</t>") and part[2] in opened:
            spans[part[2]] = (opened[part[2]], len(plain))
        elif not _MARKUP.fullmatch(part):
            plain += part
    return plain, spans.get("s"), spans.get("t")


def words(text: str) -> list[str]:
    return _WORD.findall(_lower_keep_markers(text))


def _lower_keep_markers(text: str) -> str:
    return " ".join(p if p in ("SRC", "TGT") else p.lower() for p in text.split())


def _stem(word: str) -> str:
    """A crude suffix cut so "condemned", "condemns" and "condemning" share a feature."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def featurize(marked: str) -> dict[str, float]:
    """Feature counts for a sentence whose actors are SRC and TGT (see `mark`)."""
    toks = [_stem(w) for w in words(marked)]
    feats: defaultdict[str, float] = defaultdict(float)
    content = [w for w in toks if w not in _STOP]
    for w in content:
        feats["w:" + w] += 1
    for a, b in itertools.pairwise(content):
        feats[f"w2:{a}_{b}"] += 1
    _context_features(toks, feats)
    return {k: float(v) for k, v in feats.items()}


def _context_features(toks: list[str], feats: defaultdict[str, float]) -> None:
    """Words between and around the two actors, whose order says who does what to whom."""
    if "SRC" not in toks or "TGT" not in toks:
        feats["ctx:unmarked"] += 1
        return
    i, j = toks.index("SRC"), toks.index("TGT")
    order = "st" if i < j else "ts"
    lo, hi = min(i, j), max(i, j)
    between = [w for w in toks[lo + 1 : hi] if w not in ("SRC", "TGT")]
    feats[f"ord:{order}"] += 1
    for w in between:
        feats[f"b{order}:{w}"] += 1
    kept = [w for w in between if w not in _STOP]
    for a, b in itertools.pairwise(kept):
        feats[f"b2:{a}_{b}"] += 1
    for w in kept[:3]:
        feats[f"bfirst:{w}"] += 1
    for w in toks[hi + 1 : hi + 1 + _WINDOW]:
        if w not in _STOP:
            feats[f"after:{w}"] += 1
    for w in toks[max(0, lo - _WINDOW) : lo]:
        if w not in _STOP:
            feats[f"before:{w}"] += 1
    for w in between + toks[hi + 1 : hi + 1 + _WINDOW]:
        for gram in _char_grams(w):
            feats["c:" + gram] += _CHAR_WEIGHT


def _char_grams(word: str) -> list[str]:
    padded = f"<{word}>"
    return [padded[k : k + n] for n in (4, 5) for k in range(len(padded) - n + 1)]


# One parsed token of the sentence: (start, end, lemma, pos, dep, head index in the sentence).
ParsedToken = tuple[int, int, str, str, str, int]


def syntax_features(tokens: list[ParsedToken], source: Span | None, target: Span | None) -> dict[str, float]:
    """Lemmas on the dependency path that links the source to the target, and their roles.

    A missing actor is replaced by the sentence root, so the path still reaches the main verb.
    """
    s_root, t_root = _span_root(tokens, source), _span_root(tokens, target)
    if s_root is None and t_root is None:
        return {"syn:none": 1.0}
    source = source or (-1, -1)
    target = target or (-1, -1)
    s_root = s_root if s_root is not None else _sentence_root(tokens, t_root)
    t_root = t_root if t_root is not None else _sentence_root(tokens, s_root)
    s_chain, t_chain = _chain(tokens, s_root), _chain(tokens, t_root)
    common = next((k for k in s_chain if k in t_chain), None)
    inside = set(range(len(tokens)))
    inside = {k for k in inside if _overlaps(tokens[k], source) or _overlaps(tokens[k], target)}
    path = s_chain[: s_chain.index(common) + 1] if common is not None else s_chain
    path += t_chain[: t_chain.index(common)] if common is not None else t_chain
    feats: Counter[str] = Counter()
    for k in path:
        if k in inside:
            continue
        lemma, pos = tokens[k][2], tokens[k][3]
        feats[f"p:{lemma}"] += 1
        if pos in ("VERB", "NOUN", "ADJ"):
            feats[f"p{pos[0]}:{lemma}"] += 1
        feats.update(_verb_mood(tokens, k))
    if common is not None:
        feats[f"lca:{tokens[common][2]}"] += 1
    feats.update(_role(tokens, s_root, "s"))
    feats.update(_role(tokens, t_root, "t"))
    return {k: float(v) for k, v in feats.items()}


_FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})


def _verb_mood(tokens: list[ParsedToken], k: int) -> Counter[str]:
    """Negation and future auxiliaries on a path word, alone and with its lemma.

    "will impose" reads as a threat and "did not accept" as a rejection: the lemma alone cannot say.
    """
    feats: Counter[str] = Counter()
    children = [t for t in tokens if t[5] == k and t is not tokens[k]]
    if any(t[4] == "neg" for t in children):
        feats["p:NEG"] += 1
        feats[f"pneg:{tokens[k][2]}"] += 1
    if tokens[k][3] == "VERB" and any(t[4] == "aux" and t[2].lower() in _FUTURE for t in children):
        feats["p:FUT"] += 1
        feats[f"pfut:{tokens[k][2]}"] += 1
    return feats


def _overlaps(token: ParsedToken, span: Span) -> bool:
    return token[0] < span[1] and span[0] < token[1]


def _sentence_root(tokens: list[ParsedToken], k: int | None) -> int:
    return _chain(tokens, k)[-1] if k is not None else 0


def _span_root(tokens: list[ParsedToken], span: Span | None) -> int | None:
    if span is None:
        return None
    members = [k for k, t in enumerate(tokens) if _overlaps(t, span)]
    for k in members:
        if tokens[k][5] not in members or tokens[k][5] == k:
            return k
    return members[0] if members else None


def _chain(tokens: list[ParsedToken], k: int) -> list[int]:
    chain = [k]
    while tokens[k][5] != k and len(chain) < 40:
        k = tokens[k][5]
        chain.append(k)
    return chain


def _role(tokens: list[ParsedToken], k: int, side: str) -> dict[str, float]:
    """The actor's grammatical role and the word that governs it ("dobj of condemn", "pobj of on")."""
    dep, head = tokens[k][4], tokens[k][5]
    feats = {f"{side}dep:{dep}": 1.0, f"{side}head:{dep}_{tokens[head][2]}": 1.0}
    if dep == "pobj" and tokens[head][5] != head:
        grand = tokens[head][5]
        feats[f"{side}prep:{tokens[head][2]}_{tokens[grand][2]}"] = 1.0
    return feats


def sentence_features(
    sentence: str, tokens: list[ParsedToken], source: Span | None, target: Span | None
) -> dict[str, float]:
    """All classifier features for one sentence with its actors (spans relative to the sentence)."""
    feats = featurize(mark(sentence, source, target))
    feats.update(syntax_features(tokens, source, target))
    return feats
