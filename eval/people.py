"""Cross-document people and organisations: B-cubed on GUM Wikinews entity links, and on the seeds.

    python eval/people.py --data ../shared/data/quotes/gum_wikinews
    python eval/people.py --data ../shared/data/quotes/gum_wikinews --seeds ../shared/seeds

Gold: every GUM mention of a person or organisation that carries an `identity` (a Wikipedia title);
mentions with the same identity in any document are one entity. Each gold mention takes the cluster
of the sitroom mention overlapping it in the same document (a singleton when none does), and B-cubed
precision, recall and F1 are averaged over gold mentions: all of them (pronouns and descriptions too,
which sitroom does not link) and named mentions only (the headline). A same-surface-name baseline (mentions
with the same normalised text are one entity) is scored in the same run. On the seeds, the check is
the issue's own: Peskov merged across the two articles that name him, namesakes kept apart.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.quotes import Pipeline
from sitroom.corpus.people import merge_entities, normalise
from sitroom.model import Article

KINDS = ("person", "organization")
_FUNCTION = frozenset({"The", "A", "An", "He", "She", "It", "They", "His", "Her", "Its", "Their", "This",
                       "That", "These", "Those", "We", "I", "Our", "My", "Who", "Which"})
GoldMention = tuple[str, int, int, str, str, str]  # doc, start, end, text, identity, kind
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
    for start, end, _, entity_field, identity_field in tokens:
        ids = {ref: name for name, ref in _bracketed(identity_field)}
        for kind, ref in _bracketed(entity_field):
            if kind in KINDS and ref in ids:
                key = ref or f"token-{start}"  # a one-token mention has no bracketed number
                span = spans.setdefault(key, [start, end])
                span[0], span[1] = min(span[0], start), max(span[1], end)
                identity[key] = ids[ref]
                kinds[key] = kind
    doc = path.stem
    return text, [(doc, s, e, text[s:e], identity[ref], kinds[ref]) for ref, (s, e) in spans.items()]


def _is_named(text: str) -> bool:
    """A mention by name ("Donald Trump", "the FIRST team"), not by pronoun or description alone."""
    return any(w[:1].isupper() and w not in _FUNCTION for w in text.split())


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


def system_clusters(articles: list[Article], gold: list[GoldMention]) -> list[str]:
    entities = merge_entities(articles)
    mentions = defaultdict(list)
    for entity in entities:
        for m in entity.mentions:
            mentions[m.article_id].append((m.start, m.end, entity.id, entity.kind))
    labels = []
    for k, (doc, start, end, _, _, kind) in enumerate(gold):
        hits = [(min(e, end) - max(s, start), cid) for s, e, cid, own in mentions[doc]
                if min(e, end) > max(s, start) and own in MATCHING_KINDS[kind]]
        labels.append(max(hits)[1] if hits else f"single-{k}")
    return labels


def seed_check(pipeline: Pipeline, seeds: Path) -> None:
    articles = [pipeline(p.stem, p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]
    entities = merge_entities(articles)
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
    named = [g for g in gold if _is_named(g[3])]
    for label, subset in (("all linked mentions", gold), ("named mentions", named)):
        truth = [g[4] for g in subset]
        ours = b_cubed(truth, system_clusters(articles, subset))
        baseline = b_cubed(truth, [normalise(g[3]) or f"empty-{k}" for k, g in enumerate(subset)])
        print(f"{label}: sitroom B3 P {ours[0]:.3f} R {ours[1]:.3f} F1 {ours[2]:.3f}; "
              f"same-text baseline P {baseline[0]:.3f} R {baseline[1]:.3f} F1 {baseline[2]:.3f}")
    cross = {g[4] for g in gold if len({h[0] for h in gold if h[4] == g[4]}) > 1}
    print(f"documents {len(articles)}  linked mentions {len(gold)}  entities {len(set(truth))} "
          f"({len(cross)} in more than one document)")
    if args.seeds:
        seed_check(pipeline, args.seeds)
    print(f"HEADLINE people B3 F1 on named mentions {ours[2]:.3f} (P {ours[0]:.3f} R {ours[1]:.3f}; "
          f"same-text baseline {baseline[2]:.3f}) on {len(named)} GUM mentions")


if __name__ == "__main__":
    main()
