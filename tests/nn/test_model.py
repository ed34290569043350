import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from sitroom.nn import TextEncoder, save_npz
from tests.nn.tiny import HIDDEN, VOCAB, tiny_state, write_tiny

TEXTS = [
    "<s>The harbour authority</s> fined <t>the ferry operator</t> on Tuesday.",
    "ok",
    "",
    "Café owners said the ferry operator fined the harbour authority on Tuesday, said the owners.",
    "北京 москва",
]


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> TextEncoder:
    return TextEncoder.load(write_tiny(tmp_path_factory.mktemp("tiny") / "m.npz", pooling="mean"))


def test_batch_size_and_order_do_not_change_outputs(model: TextEncoder) -> None:
    one_by_one = model.embed(TEXTS, batch_size=1)
    together = model.embed(TEXTS, batch_size=8)
    assert one_by_one.shape == (len(TEXTS), HIDDEN)
    assert np.abs(one_by_one - together).max() < 1e-5
    reversed_out = model.embed(TEXTS[::-1], batch_size=2)
    assert np.abs(reversed_out[::-1] - together).max() < 1e-5


def test_long_input_is_truncated_to_max_length(model: TextEncoder) -> None:
    encodings = model.encode(["the ferry " * 50])
    assert len(encodings[0].ids) == model.max_length == 20
    assert np.isfinite(model.embed(["the ferry " * 50])).all()


def test_probabilities_follow_the_labels(model: TextEncoder) -> None:
    probs = model.predict_proba(TEXTS)
    assert probs.shape == (len(TEXTS), 3) and model.labels == ["x", "y", "z"]
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    state = tiny_state()
    pooled = model.embed(TEXTS)
    expected = pooled @ state["classifier.weight"].T + state["classifier.bias"]
    assert np.allclose(model.logits(TEXTS), expected, atol=1e-5)


def test_pairs_use_segment_embeddings(model: TextEncoder) -> None:
    joined = model.embed(["the ferry fined the harbour"])
    paired = model.embed(["the ferry"], pairs=["fined the harbour"])
    assert np.abs(joined - paired).max() > 1e-3
    with pytest.raises(ValueError, match="pairs"):
        model.embed(["a", "b"], pairs=["a"])


def test_pooler_and_cls_pooling(tmp_path: Path) -> None:
    cls = TextEncoder.load(write_tiny(tmp_path / "cls.npz", pooling="cls"))
    pooler = TextEncoder.load(write_tiny(tmp_path / "pooler.npz", pooling="pooler"))
    a, b = cls.embed(TEXTS[:2]), pooler.embed(TEXTS[:2])
    state = tiny_state()
    assert np.allclose(b, np.tanh(a @ state["bert.pooler.dense.weight"].T + state["bert.pooler.dense.bias"]),
                       atol=1e-5)


def test_model_without_head_embeds_but_cannot_classify(tmp_path: Path) -> None:
    state = {k: v for k, v in tiny_state().items() if not k.startswith("classifier.")}
    model = TextEncoder.load(save_npz(state, tmp_path / "bare.npz", vocab=VOCAB, num_heads=4))
    assert model.embed(["ok"]).shape == (1, HIDDEN)
    with pytest.raises(ValueError, match="head"):
        model.predict_proba(["ok"])


def test_no_texts_gives_empty_arrays(model: TextEncoder) -> None:
    assert model.embed([]).shape == (0, HIDDEN)
    assert model.predict_proba([]).shape == (0, 3)


def test_importing_and_running_never_pulls_torch(tmp_path: Path) -> None:
    # The default install has no PyTorch: the inference side must not even try to import it.
    path = write_tiny(tmp_path / "m.npz")
    code = (
        "import sys; from sitroom.nn import TextEncoder; "
        f"TextEncoder.load({str(path)!r}).predict_proba(['the ferry']); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'torch', 'transformers', 'tokenizers'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
