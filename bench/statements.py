"""Throughput of the statement path (spaCy + EntityStage + StatementStage), words per CPU-second.

    python bench/statements.py --data ../shared/data/quotes/ggt-dev/ggt-dev.jsonl
    python bench/statements.py --seeds ../shared/seeds

CPU time of this process is measured as well as wall time: the machine is shared, so wall time
says more about the neighbours than about the code. Target: >= 3,000 words/s per core. The stock
spaCy model parsing the same bodies in the same run is the anchor: quote the ratio.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitroom.config import Settings
from sitroom.model import Article
from sitroom.pipeline import apply_stage
from sitroom.stages.entities import EntityStage
from sitroom.stages.nlp import NlpStage
from sitroom.stages.statements import StatementStage


def texts(args: argparse.Namespace) -> list[str]:
    if args.seeds:
        return [p.read_text(encoding="utf-8") for p in sorted(Path(args.seeds).glob("*.txt"))]
    lines = Path(args.data).read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default="../shared/data/quotes/ggt-dev/ggt-dev.jsonl")
    parser.add_argument("--seeds", default=None)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    settings = Settings()
    nlp, entities, statements = NlpStage(settings), EntityStage(settings), StatementStage(settings)
    bodies = texts(args) * args.repeat
    # Warm up on one real batch, untimed: a worker's first batches pay for model loading and for
    # spaCy's memory pools growing, which a long run does once; both systems get the same warm-up.
    warm = [Article(id=f"w{k}", source="w", body=b) for k, b in enumerate(bodies[: settings.batch_size])]
    apply_stage(statements, apply_stage(entities, apply_stage(nlp, warm)))
    words = sum(len(b.split()) for b in bodies)
    cpu = {"nlp": 0.0, "entities": 0.0, "statements": 0.0}
    wall_start = time.perf_counter()
    found = 0
    for first in range(0, len(bodies), settings.batch_size):  # batches, as the runner hands them out
        batch = [Article(id=str(first + k), source="bench", body=b)
                 for k, b in enumerate(bodies[first : first + settings.batch_size])]
        for name, stage in (("nlp", nlp), ("entities", entities), ("statements", statements)):
            began = time.process_time()
            batch = apply_stage(stage, batch)
            cpu[name] += time.process_time() - began
        found += sum(len(article.statements) for article in batch)
    wall = time.perf_counter() - wall_start
    total_cpu = sum(cpu.values())
    print(f"articles {len(bodies)}  words {words}  statements {found}")
    for name, seconds in cpu.items():
        print(f"{name:>11}: {seconds:6.2f} CPU s  {words / seconds if seconds else 0:9.0f} words/CPU-s")
    print(f"wall {wall:.1f} s ({words / wall:.0f} words/s on this shared machine)")
    anchor = stock_spacy_cpu(settings.spacy_model, bodies)
    print(f"stock spaCy alone (anchor, same run): {words / anchor:.0f} words/CPU-s")
    print(f"HEADLINE statement path {words / total_cpu:.0f} words per CPU-second (target 3000), "
          f"{anchor / total_cpu:.2f}x stock spaCy alone; "
          f"entity+statement stages alone {words / (cpu['entities'] + cpu['statements']):.0f}")


def stock_spacy_cpu(name: str, bodies: list[str]) -> float:
    """CPU seconds of the unmodified spaCy model parsing the same bodies one by one, as most tools do."""
    import spacy

    nlp = spacy.load(name)
    for body in bodies[:16]:  # the same warm-up as the statement path
        nlp(body)
    began = time.process_time()
    for body in bodies:
        nlp(body)
    return time.process_time() - began


if __name__ == "__main__":
    main()
