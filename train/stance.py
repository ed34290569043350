"""Can a learned stance model beat the rules? Cross-validated on the tuning rows only (issue 4).

    python train/stance.py --data ../shared/data/quotes/polnear/dev [--layers 2,4,6] [--seeds 0,1]
    python train/stance.py --data ../shared/data/quotes/polnear/dev --layers "" --sentiment
    python train/stance.py --data ../shared/data/quotes/polnear/dev --sequential

Features that should generalise beyond word lists: the rules' own decision, the cue lemma and the
lemma's stance class, which stance patterns fire in the content and in the lead, modal / negation /
future / conditional / person / number / question flags, and optionally a mean-pooled MiniLM layer of the
content from sitroom's numpy encoder (the PLOVER file's lower layers are the published MiniLM-L6 ones),
and with --sentiment VADER word valences of the content (needs the MIT-licensed vaderSentiment package).
Folds are grouped by document; the clean test split is never read. A model would ship only if its CV
accuracy beats the rules on the same rows; nothing is written (none has so far). `--export PATH` only
writes the tuning rows (text pieces, the rules' answer now and, on the later draws, before they saw
them, label, document) for train/stance_encoder.py.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from eval.stance import LABELS, Item, classify, cue_lemma, load_items, sentence_context
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from sitroom.config import RESOURCES_DIR, Settings
from sitroom.model import Article
from sitroom.nn import TextEncoder
from sitroom.nn.bert import layer_norm, mean_pool
from sitroom.stages.nlp import NlpStage
from sitroom.stages.statements import stance_words as w
from sitroom.stages.statements.stance import STANCES

PATTERNS = ("DECLINE", "DECLINE_CONTENT", "DENY", "THREATEN", "DEMAND", "ACCUSE", "IMPERATIVE", "RHETORICAL",
            "HARM", "ESTIMATE", "FORECAST", "FUTURE", "SPECULATE", "HEDGES", "NEGATIVE", "PRAISE")
FLAGS = {
    "question": r"\?", "digit": r"\d", "money_or_share": r"%|\bper ?cent|\$",
    "first_person": r"\b(?:I|we|our|us|my)\b", "second_person": r"\byou\b",
    "negation": r"n['’]t\b|\bnot\b|\bnever\b|\bno\b", "will": r"\bwill\b|['’]ll\b|going to",
    "would": r"\bwould\b", "could": r"\bcould\b|\bcan\b", "may": r"\bmay\b|\bmight\b",
    "should": r"\bshould\b", "must": r"\bmust\b|\bneeds? to\b|\bha(?:ve|s) to\b",
    "if": r"\bif\b|\bunless\b", "quoted": r"^[“\"'‘]",
}


def features(row: dict[str, Any]) -> dict[str, float]:
    """Symbolic features of one statement: rule decision, cue, pattern hits, content flags."""
    content, lead, cue = row["content"], row["lead"], row["cue"]
    lemma = row["lemma"] or ""
    found: dict[str, float] = {f"rule={row['rule']}": 1, f"lemma={lemma}": 1,
                               f"lemma_class={w.CUE_STANCE.get(lemma)}": 1}
    for name in PATTERNS:
        pattern = getattr(w, name)
        found.update({f"content:{name}": 1} if pattern.search(content) else {})
        found.update({f"lead:{name}": 1} if pattern.search(f"{lead} {cue}") else {})
    for name, flag in FLAGS.items():
        if re.search(flag, content, re.IGNORECASE if name != "first_person" else 0):
            found[f"flag:{name}"] = 1
    found["log_words"] = float(np.log1p(len(content.split()))) / 4
    return found


def sentiment_lexicon() -> dict[str, float]:
    """VADER's word valences (-4..4), shipped in the MIT-licensed vaderSentiment wheel; empty if absent."""
    try:
        from importlib.resources import files

        text = (files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    return {line.split("\t")[0]: float(line.split("\t")[1]) for line in text.splitlines() if "\t" in line}


def sentiment_features(content: str, lexicon: dict[str, float]) -> dict[str, float]:
    """Negative and positive evaluation in the content (a negator just before flips a word's sign)."""
    words = re.findall(r"[a-z][a-z'-]*", content.lower())
    values = []
    for k, word in enumerate(words):
        value = lexicon.get(word)
        if value is not None:
            negated = any(x in ("not", "no", "never") or x.endswith("n't") for x in words[max(0, k - 3) : k])
            values.append(-0.5 * value if negated else value)
    negative = [v for v in values if v < 0]
    return {"sent:min": min(negative, default=0.0) / 4, "sent:neg": sum(negative) / 8,
            "sent:pos": sum(v for v in values if v > 0) / 8,
            "sent:any_strong": float(any(v <= -2 for v in values))}


def statements(args: argparse.Namespace) -> list[dict[str, Any]]:
    """Every tuning row with its text pieces and the rules' answer (the test split is left out)."""
    items, readers = load_items(argparse.Namespace(**vars(args), part="tune"))
    nlp, articles = NlpStage(Settings()), {}
    rows: list[dict[str, Any]] = []
    for item in items:
        key = (item.source, item.doc)
        if key not in articles:
            body = readers[item.source](item.doc)  # type: ignore[misc]
            articles[key] = nlp(Article(id=item.doc, source=item.doc, body=body))
        rows.append(_row(articles[key], item))
    return rows


def _row(article: Article, item: Item) -> dict[str, Any]:
    (cs, ce), (qs, qe) = item.content, item.cue
    content, context = article.body[cs:ce], sentence_context(article, min(cs, qs), max(ce, qe))
    lead = context[: max(0, context.find(content))] if content in context else ""
    return {"item": item, "content": content, "lead": lead, "cue": article.body[qs:qe], "sentence": context,
            "lemma": cue_lemma(article, qs, qe), "rule": classify(article, item)}


# The rules as they were just before each later draw was tuned on (git revisions of stance.py and
# stance_words.py): their answers on that draw are the honest, unseen figures of the rules.
# From the sixth draw on, each draw's label file was committed alone (or with its own rules, hence "^").
BLIND_RULES = {"stance_labels_tune4": "5377dfd^", "stance_labels_tune5": "a868389",
               "stance_labels_tune6": "fce3b4a", "stance_labels_tune7": "aa07c0c",
               "stance_labels_tune8": "e768b19",
               "stance_labels_tune9": "96f8990", "stance_labels_tune10": "494a333",
               "stance_labels_tune11": "81098b1^", "stance_labels_tune12": "58f866f^",
               "stance_labels_tune13": "7d64fb3^"}


def blind_rule_functions() -> dict[str, Any]:
    """Each later draw's stance_of as of its blind revision, or nothing when git history is absent."""
    import importlib.util
    import subprocess
    import tempfile

    root, found = Path(__file__).resolve().parents[1], {}
    for batch, revision in BLIND_RULES.items():
        folder = Path(tempfile.mkdtemp(prefix="stance_rules_"))
        try:
            for name in ("stance_words", "stance"):
                text = subprocess.run(["git", "show", f"{revision}:src/sitroom/stages/statements/{name}.py"],
                                      cwd=root, capture_output=True, text=True, check=True).stdout
                module_name = f"{batch}_{name}"
                text = text.replace("from sitroom.stages.statements import stance_words as w",
                                    f"import {batch}_stance_words as w")
                (folder / f"{module_name}.py").write_text(text, encoding="utf-8")
                spec = importlib.util.spec_from_file_location(module_name, folder / f"{module_name}.py")
                assert spec is not None and spec.loader is not None
                module = sys.modules[module_name] = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
            found[batch] = module.stance_of
        except (subprocess.CalledProcessError, FileNotFoundError):
            print(f"note: no git revision {revision}; {batch} gets no blind rules")
    return found


def export_rows(rows: list[dict[str, Any]], path: Path) -> None:
    """The tuning rows as JSON lines for train/stance_encoder.py (its venv has no spaCy); stays local."""
    keys = ("content", "sentence", "cue", "lemma", "rule")
    blind = blind_rule_functions()
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            item = row["item"]
            record = {k: row[k] for k in keys} | {"doc": f"{item.source}:{item.doc}", "batch": item.batch,
                                                  "label": item.label}
            if item.batch in blind:
                old = blind[item.batch]
                record["blind_rule"] = old(row["lemma"], row["content"], row["sentence"], row["cue"])
            out.write(json.dumps(record) + "\n")
    print(f"wrote {len(rows)} tuning rows to {path}")


def sequential(rows: list[dict[str, Any]]) -> None:
    """Each later draw as it came: the rules of just before it, alone and with a word n-gram model (plus
    the rules' answer) trained on every row labelled before it. The rules' figures are the carry-over
    figures of docs/benchmarks.md; the model ships only if it beats them."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer

    blind = blind_rule_functions()
    order = list(dict.fromkeys(row["item"].batch for row in rows))
    def answer(rule: Any, row: dict[str, Any]) -> str:
        return str(rule(row["lemma"], row["content"], row["sentence"], row["cue"]))
    def onehot(answers: list[str]) -> Any:
        return csr_matrix(np.array([[2.0 * (a == s) for s in STANCES] for a in answers]))
    right = {"rules": 0, "model": 0}
    total = 0
    for batch in (b for b in order if b in blind):
        rule, at = blind[batch], order.index(batch)
        train = [r for r in rows if order.index(r["item"].batch) < at]
        test = [r for r in rows if r["item"].batch == batch]
        own = {id(r): answer(blind[r["item"].batch], r) for r in train if r["item"].batch in blind}
        train_rule = [own.get(id(r)) or answer(rule, r) for r in train]
        test_rule = [answer(rule, r) for r in test]
        words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        cues = TfidfVectorizer(ngram_range=(1, 2))
        x_train = hstack([words.fit_transform([r["content"][:400] for r in train]),
                          cues.fit_transform([r["cue"] for r in train]), onehot(train_rule)]).tocsr()
        x_test = hstack([words.transform([r["content"][:400] for r in test]),
                         cues.transform([r["cue"] for r in test]), onehot(test_rule)]).tocsr()
        model = LogisticRegression(C=4.0, max_iter=3000).fit(x_train, [r["item"].label for r in train])
        gold = [r["item"].label for r in test]
        scores = {"rules": sum(g == a for g, a in zip(gold, test_rule, strict=True)),
                  "model": sum(g == a for g, a in zip(gold, model.predict(x_test), strict=True))}
        print(f"{batch}: n {len(test)}  rules before it {scores['rules'] / len(test):.3f}  "
              f"+ word model {scores['model'] / len(test):.3f}")
        right = {k: right[k] + scores[k] for k in right}
        total += len(test)
    if total:
        print(f"HEADLINE stance carry-over on {total} rows of later draws: "
              f"rules {right['rules'] / total:.3f}, rules + word model {right['model'] / total:.3f}")


def layer_vectors(texts: list[str], layers: list[int], max_length: int = 64) -> dict[int, np.ndarray]:
    """Mean-pooled hidden states of the content after each asked layer (0 = embeddings)."""
    model = TextEncoder.load(RESOURCES_DIR / "plover" / "encoder.npz")
    model.max_length = max_length  # the opening of a long statement carries its stance; keeps cost low
    enc, encoder = model.encode(texts), model.encoder
    out = {k: np.zeros((len(texts), encoder.hidden_size), np.float32) for k in layers}
    for rows, batch in model.batches(enc, 32):
        x = encoder.word[batch.ids] + encoder.position[: batch.ids.shape[1]]
        x = x + encoder.token_type[batch.type_ids]
        x = layer_norm(x, encoder.embed_norm, encoder.eps)
        bias = np.where(batch.mask > 0, np.float32(0), np.float32(-1e9)).astype(np.float32)[:, None, None, :]
        for k in range(max(layers) + 1):
            if k:
                x = encoder._block(x, bias, encoder.layers[k - 1])
            if k in out:
                out[k][rows] = mean_pool(x, batch.mask)
    return out


def cross_validate(
    rows: list[dict[str, Any]], vectors: np.ndarray | None, seed: int, c: float = 1.0
) -> float:
    """Accuracy of logistic regression over 5 document-grouped folds."""
    labels = np.array([row["item"].label for row in rows])
    found = [features(row) | row.get("extra", {}) for row in rows]
    groups = np.random.RandomState(seed).permutation(len({r["item"].doc for r in rows}))
    by_doc = {doc: groups[i] for i, doc in enumerate(sorted({r["item"].doc for r in rows}))}
    predicted = np.empty(len(rows), dtype=object)
    for train, test in GroupKFold(n_splits=5).split(labels, labels, [by_doc[r["item"].doc] for r in rows]):
        vectorizer = DictVectorizer()
        x_train = vectorizer.fit_transform([found[i] for i in train]).toarray()
        x_test = vectorizer.transform([found[i] for i in test]).toarray()
        if vectors is not None:
            x_train, x_test = np.hstack([x_train, vectors[train]]), np.hstack([x_test, vectors[test]])
        model = LogisticRegression(C=c, max_iter=3000).fit(x_train, labels[train])
        predicted[test] = model.predict(x_test)
    return float((predicted == labels).mean())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="PolNeAR dev folder")
    parser.add_argument("--labels", type=Path, default=LABELS, help="labels for the --data folder")
    parser.add_argument("--polnear-train", type=Path)
    parser.add_argument("--ggt", type=Path)
    parser.add_argument("--layers", default="2,4,6", help="MiniLM layers to try ('' for none)")
    parser.add_argument("--seeds", default="0,1")
    parser.add_argument("--scale", type=float, default=0.03, help="weight of the standardised vector")
    parser.add_argument("--sentiment", action="store_true", help="also try VADER valence features")
    parser.add_argument("--export", type=Path, help="only write the rows for train/stance_encoder.py here")
    parser.add_argument("--sequential", action="store_true",
                        help="score each later draw with the rules of just before it (needs git history)")
    args = parser.parse_args()
    options = {k: v for k, v in vars(args).items() if k in ("data", "labels", "polnear_train", "ggt")}
    rows = statements(argparse.Namespace(**options))
    if args.export:
        args.export.parent.mkdir(parents=True, exist_ok=True)
        return export_rows(rows, args.export)
    if args.sequential:
        return sequential(rows)
    seeds = [int(s) for s in args.seeds.split(",")]
    rules = float(np.mean([row["rule"] == row["item"].label for row in rows]))
    best = ("rules", rules)
    print(f"rules on {len(rows)} tuning rows: accuracy {rules:.3f}")
    symbolic = float(np.mean([cross_validate(rows, None, s) for s in seeds]))
    print(f"logistic regression, symbolic features: CV accuracy {symbolic:.3f}")
    best = max(best, ("symbolic", symbolic), key=lambda b: b[1])
    lexicon = sentiment_lexicon() if args.sentiment else {}
    if lexicon:
        with_sentiment = [row | {"extra": sentiment_features(row["content"], lexicon)} for row in rows]
        score = float(np.mean([cross_validate(with_sentiment, None, s) for s in seeds]))
        print(f"logistic regression, symbolic + sentiment (VADER) features: CV accuracy {score:.3f}")
        best = max(best, ("symbolic+sentiment", score), key=lambda b: b[1])
    layers = [int(k) for k in args.layers.split(",") if k]
    for layer, vectors in (layer_vectors([r["content"] for r in rows], layers) if layers else {}).items():
        scaled = (vectors - vectors.mean(0)) / (vectors.std(0) + 1e-6) * args.scale
        score = float(np.mean([cross_validate(rows, scaled, s) for s in seeds]))
        print(f"logistic regression, symbolic + MiniLM layer {layer}: CV accuracy {score:.3f}")
        best = max(best, (f"symbolic+layer{layer}", score), key=lambda b: b[1])
    print(f"HEADLINE stance model search: rules {rules:.3f}, best {best[0]} {best[1]:.3f} "
          f"on {len(rows)} tuning rows ({len(seeds)} fold seeds); ships only if it beats the rules clearly")


if __name__ == "__main__":
    main()
