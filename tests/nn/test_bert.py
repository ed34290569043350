import math
from pathlib import Path

import numpy as np
import pytest

from sitroom.nn import BertEncoder, load_npz, mean_pool
from sitroom.nn.bert import gelu, layer_norm
from tests.nn.tiny import HEADS, HIDDEN, LAYERS, tiny_state, write_tiny


def reference_forward(state: dict[str, np.ndarray], ids: list[int]) -> np.ndarray:
    """One unpadded sentence, written plainly from BERT's definition (float64, head by head)."""
    s = {k.removeprefix("bert."): v.astype(np.float64) for k, v in state.items() if "position_ids" not in k}

    def norm(x: np.ndarray, name: str) -> np.ndarray:
        mu, var = x.mean(-1, keepdims=True), x.var(-1, keepdims=True)
        out: np.ndarray = (x - mu) / np.sqrt(var + 1e-12) * s[name + ".weight"] + s[name + ".bias"]
        return out

    def linear(x: np.ndarray, name: str) -> np.ndarray:
        return x @ s[name + ".weight"].T + s[name + ".bias"]

    n = len(ids)
    x = s["embeddings.word_embeddings.weight"][ids] + s["embeddings.position_embeddings.weight"][:n]
    x = norm(x + s["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
    width = HIDDEN // HEADS
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."
        q, k, v = (linear(x, p + f"attention.self.{m}") for m in ("query", "key", "value"))
        heads = []
        for h in range(HEADS):
            cut = slice(h * width, (h + 1) * width)
            scores = q[:, cut] @ k[:, cut].T / math.sqrt(width)
            weights = np.exp(scores - scores.max(1, keepdims=True))
            heads.append(weights / weights.sum(1, keepdims=True) @ v[:, cut])
        x = norm(linear(np.concatenate(heads, 1), p + "attention.output.dense") + x,
                 p + "attention.output.LayerNorm")
        inner = linear(x, p + "intermediate.dense")
        inner = inner * 0.5 * (1 + np.vectorize(math.erf)(inner / math.sqrt(2)))
        x = norm(linear(inner, p + "output.dense") + x, p + "output.LayerNorm")
    return x


@pytest.fixture(scope="module")
def encoder(tmp_path_factory: pytest.TempPathFactory) -> BertEncoder:
    return BertEncoder(load_npz(write_tiny(tmp_path_factory.mktemp("tiny") / "m.npz")))


def test_matches_a_plain_reference_implementation(encoder: BertEncoder) -> None:
    ids = [2, 7, 8, 9, 10, 45, 11, 3]
    hidden = encoder(np.array([ids]), np.ones((1, len(ids)), dtype=np.int64))
    assert hidden.shape == (1, len(ids), HIDDEN) and hidden.dtype == np.float32
    assert np.abs(hidden[0] - reference_forward(tiny_state(), ids)).max() < 1e-4


def test_padding_a_batch_does_not_change_a_sentence(encoder: BertEncoder) -> None:
    short, long = [2, 7, 8, 3], [2, 15, 16, 17, 18, 19, 20, 21, 22, 3]
    alone = encoder(np.array([short]), np.ones((1, 4), dtype=np.int64))
    ids = np.zeros((2, 10), dtype=np.int64)
    ids[0, :4], ids[1] = short, long
    mask = (np.arange(10)[None, :] < np.array([[4], [10]])).astype(np.int64)
    batched = encoder(ids, mask)
    assert np.abs(batched[0, :4] - alone[0]).max() < 1e-5
    # mean pooling over the padded row equals pooling the sentence alone
    assert np.abs(mean_pool(batched, mask)[0] - alone[0].mean(0)).max() < 1e-5


def test_too_long_input_is_refused(encoder: BertEncoder) -> None:
    with pytest.raises(ValueError, match="positions"):
        encoder(np.zeros((1, 100), dtype=np.int64), np.ones((1, 100), dtype=np.int64))


def test_gelu_is_the_exact_erf_form() -> None:
    x = np.linspace(-12, 12, 40_000).astype(np.float32)
    exact = np.array([v * 0.5 * (1 + math.erf(v / math.sqrt(2))) for v in x.astype(np.float64)])
    cube = gelu(x.reshape(200, 200, 1))  # several chunks, any shape
    assert cube.shape == (200, 200, 1)
    assert np.abs(cube.ravel() - exact).max() < 1e-6
    # the tanh approximation differs by up to ~1e-3 near |x| = 2: make sure that is not what runs
    tanh_form = 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))
    assert np.abs(gelu(x) - tanh_form).max() > 1e-4


def test_layer_norm_centres_and_scales() -> None:
    x = np.array([[1.0, 2.0, 3.0, 6.0]], dtype=np.float32)
    ones, zeros = np.ones(4, dtype=np.float32), np.zeros(4, dtype=np.float32)
    out = layer_norm(x, (ones, zeros), 1e-12)
    assert abs(float(out.mean())) < 1e-6 and float(out.std()) == pytest.approx(1.0, abs=1e-5)


def test_quantised_model_stays_close(tmp_path: Path, encoder: BertEncoder) -> None:
    path = write_tiny(tmp_path / "q.npz", quantize=True)
    quantised = BertEncoder(load_npz(path))
    ids = np.array([[2, 7, 8, 9, 10, 11, 12, 3]])
    mask = np.ones_like(ids)
    # the word table kept int8 gives the very numbers of the fully dequantised model
    dequantised = BertEncoder(load_npz(path, int8_tables=()))
    assert np.array_equal(quantised(ids, mask), dequantised(ids, mask))
    a, b = encoder(ids, mask)[0], quantised(ids, mask)[0]
    cosine = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    assert cosine.min() > 0.99
