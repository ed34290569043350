"""Cross-document people and organisations: B-cubed on GUM Wikinews entity links, and on the seeds.

    python eval/people.py --data ../shared/data/quotes/gum_wikinews
    python eval/people.py --data ../shared/data/quotes/gum_wikinews --seeds ../shared/seeds

Gold: every GUM mention of a person or organisation that carries an `identity` (a Wikipedia title);
mentions with the same identity in any document are one entity. A mention is "named" when its
syntactic head (from GUM's own dependency layer) is a proper noun: "President Obama" and "NASA 's"
are, "Obama 's national security advisor" and "You" are not. Each gold mention takes the cluster of
the sitroom mention over its head token in the same document (one whose kind can stand for the gold
kind first; a singleton when none does), and B-cubed precision, recall and F1 are averaged over gold
mentions: all of them (pronouns and descriptions too, which sitroom does not link) and named mentions
only (the headline). The headline ignores the tagger's kind (a newspaper it calls a person still
clusters right or wrong); the figure with kinds that must agree is printed beside it. A
same-surface-name baseline (mentions with the same normalised text are one entity) is scored in the
same run. On the seeds, the check is the issue's own: Peskov merged across the two articles that
name him, namesakes kept apart.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.quotes import Pipeline
from sitroom.corpus.dedup import find_duplicates
from sitroom.corpus.people import merge_entities, normalise
from sitroom.corpus.stories import build_stories
from sitroom.model import Article
from sitroom.model.corpus import MergedEntity

KINDS = ("person", "organization")
_FUNCTION = frozenset({"The", "A", "An", "He", "She", "It", "They", "His", "Her", "Its", "Their", "This",
                       "That", "These", "Those", "We", "I", "Our", "My", "Who", "Which"})


class GoldMention(NamedTuple):
    doc: str
    start: int
    end: int
    text: str
    identity: str  # the Wikipedia title GUM links the mention to
    kind: str
    head_start: int  # the mention's syntactic head token, by GUM's own dependency layer
    head_end: int
    named: bool  # the head is a proper noun: "President Obama", not "Obama's national security advisor"

# Which sitroom kinds may stand for a gold kind: GUM calls a country acting as a party an organization.
MATCHING_KINDS = {"person": ("person",), "organization": ("organization", "place")}


def read_gum(path: Path) -> tuple[str, list[GoldMention]]:
    """Rebuild the document text from token offsets and collect linked person/organisation mentions."""
    tokens: list[tuple[int, int, str, str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 7 or not re.match(r"\d+-\d+$", parts[0]):
            continue
        start, end = (int(x) for x in parts[1].split("-"))
        tokens.append((start, end, parts[2], parts[3], parts[6]))
    chars = [" "] * (max(e for _, e, *_ in tokens) if tokens else 0)
    for start, end, word, _, _ in tokens:
        chars[start:end] = list(word[: end - start].ljust(end - start))
    text = "".join(chars)
    spans: dict[str, list[int]] = {}
    identity: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for k, (_, _, _, entity_field, identity_field) in enumerate(tokens):
        ids = {ref: name for name, ref in _bracketed(identity_field)}
        for kind, ref in _bracketed(entity_field):
            if kind in KINDS and ref in ids:
                key = ref or f"token-{k}"  # a one-token mention has no bracketed number
                span = spans.setdefault(key, [k, k])
                span[0], span[1] = min(span[0], k), max(span[1], k)
                identity[key] = ids[ref]
                kinds[key] = kind
    syntax = _read_syntax(path)
    found = []
    for ref, (first, last) in spans.items():
        head = _head(syntax, first, last)
        start, end = tokens[first][0], tokens[last][1]
        found.append(GoldMention(path.stem, start, end, text[start:end], identity[ref], kinds[ref],
                                 tokens[head][0], tokens[head][1], syntax[head][1] in ("NNP", "NNPS")))
    return text, found


def _read_syntax(tsv: Path) -> list[tuple[int, str]]:
    """Per token of the document: (index of its syntactic head or -1, PTB tag), from GUM's dep layer."""
    conllu = tsv.parents[3] / "dep" / f"{tsv.stem}.conllu"
    rows: list[tuple[int, str]] = []
    offset = 0
    for line in conllu.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not line.strip():
            offset = len(rows)
        elif len(parts) == 10 and parts[0].isdigit():
            rows.append((offset + int(parts[6]) - 1 if parts[6] != "0" else -1, parts[4]))
    return rows


def _head(syntax: list[tuple[int, str]], first: int, last: int) -> int:
    """The token of a mention whose syntactic head lies outside it ("Obama" in "President Obama 's")."""
    for k in range(first, last + 1):
        if not first <= syntax[k][0] <= last:
            return k
    return last


def _bracketed(field: str) -> list[tuple[str, str]]:
    """'person[3]|abstract[4]' -> [('person', '3'), ('abstract', '4')]; a bare value gets ref ''."""
    if field in ("_", ""):
        return []
    found = []
    for part in field.split("|"):
        match = re.match(r"(.*?)\[(\d+)\]$", part)
        found.append((match.group(1), match.group(2)) if match else (part, ""))
    return found


def b_cubed(gold: list[str], system: list[str]) -> tuple[float, float, float]:
    by_gold: dict[str, set[int]] = defaultdict(set)
    by_system: dict[str, set[int]] = defaultdict(set)
    for k, (g, s) in enumerate(zip(gold, system, strict=True)):
        by_gold[g].add(k)
        by_system[s].add(k)
    precision = recall = 0.0
    for g, s in zip(gold, system, strict=True):
        both = len(by_gold[g] & by_system[s])
        precision += both / len(by_system[s])
        recall += both / len(by_gold[g])
    n = max(1, len(gold))
    precision, recall = precision / n, recall / n
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def system_clusters(entities: list[MergedEntity], gold: list[GoldMention], strict: bool) -> list[str]:
    """Each gold mention takes the cluster of the sitroom mention over its head token, preferring one
    whose kind can stand for the gold kind (`strict`: only such a one); a singleton when there is none."""
    mentions = defaultdict(list)
    for entity in entities:
        for m in entity.mentions:
            mentions[m.article_id].append((m.start, m.end, entity.id, entity.kind))
    labels = []
    for k, g in enumerate(gold):
        # the best-aligned span: "Andy Warhol" is the person inside "the Andy Warhol Museum", not the museum
        hits = [(own in MATCHING_KINDS[g.kind], 2 * (min(e, g.end) - max(s, g.start)) - (e - s), cid)
                for s, e, cid, own in mentions[g.doc] if s < g.head_end and g.head_start < e]
        hits = [h for h in hits if h[0] or not strict]
        labels.append(max(hits)[2] if hits else f"single-{k}")
    return labels


def seed_check(pipeline: Pipeline, seeds: Path) -> None:
    articles = [pipeline(p.stem, p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]
    entities = merge_entities(articles, build_stories(articles, find_duplicates(articles)))
    peskov = [e for e in entities if "Peskov" in e.name]
    kims = sorted(e.name for e in entities if e.kind == "person" and e.name.startswith("Kim"))
    across = [e for e in entities if e.kind == "person" and len(e.article_ids) > 1]
    print(f"seeds: Peskov clusters {len(peskov)} spanning {[len(e.article_ids) for e in peskov]} articles; "
          f"people named in several seeds: {[e.name for e in across]}; Kims kept apart: {kims}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--seeds", type=Path, default=None)
    args = parser.parse_args()
    pipeline = Pipeline()
    articles: list[Article] = []
    gold: list[GoldMention] = []
    for path in sorted((args.data / "coref" / "gum" / "tsv").glob("*.tsv")):
        text, mentions = read_gum(path)
        articles.append(pipeline(path.stem, text))
        gold.extend(mentions)
    named = [g for g in gold if g.named]
    entities = merge_entities(articles, build_stories(articles, find_duplicates(articles)))  # as `analyse`
    for label, subset in (("all linked mentions", gold), ("named mentions", named)):
        truth = [g.identity for g in subset]
        strict = b_cubed(truth, system_clusters(entities, subset, strict=True))
        ours = b_cubed(truth, system_clusters(entities, subset, strict=False))
        baseline = b_cubed(truth, [normalise(g.text) or f"empty-{k}" for k, g in enumerate(subset)])
        print(f"{label}: sitroom B3 P {ours[0]:.3f} R {ours[1]:.3f} F1 {ours[2]:.3f} "
              f"(kinds must agree: F1 {strict[2]:.3f}); "
              f"same-text baseline P {baseline[0]:.3f} R {baseline[1]:.3f} F1 {baseline[2]:.3f}")
    for genre in ("news", "interview"):  # two kinds of text: one figure should not hide the other
        subset = [g for g in named if g.doc.startswith(f"GUM_{genre}")]
        score = b_cubed([g.identity for g in subset], system_clusters(entities, subset, strict=False))
        print(f"  {genre}: {len(subset)} named mentions, sitroom B3 F1 {score[2]:.3f}")
    cross = {g[4] for g in gold if len({h[0] for h in gold if h[4] == g[4]}) > 1}
    print(f"documents {len(articles)}  linked mentions {len(gold)}  entities {len(set(truth))} "
          f"({len(cross)} in more than one document)")
    if args.seeds:
        seed_check(pipeline, args.seeds)
    print(f"HEADLINE people B3 F1 on named mentions {ours[2]:.3f} (P {ours[0]:.3f} R {ours[1]:.3f}; "
          f"kinds must agree {strict[2]:.3f}; same-text baseline {baseline[2]:.3f}) "
          f"on {len(named)} GUM mentions")


if __name__ == "__main__":
    main()
