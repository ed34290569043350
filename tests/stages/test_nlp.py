from sitroom.config import Settings
from sitroom.model import Article
from sitroom.stages.nlp import NlpStage, to_doc

BODY = (
    "Talks resume in Geneva\n\n"
    "SEOUL – Officials said on Friday that talks would resume. The envoy declined to comment.\n\n"
    "A second paragraph follows here."
)


def _run(body: str) -> Article:
    return NlpStage(Settings(workers=1))(Article(id="a", source="s", body=body))


def test_sentences_never_cross_a_paragraph_break_and_quote_their_text():
    article = _run(BODY)
    texts = [BODY[s.start : s.end] for s in article.sentences]
    assert texts[0] == "Talks resume in Geneva"
    assert "The envoy declined to comment." in texts
    assert all("\n\n" not in t and t == t.strip() for t in texts)


def test_tokens_and_entities_point_into_the_body_and_rebuild_a_parse():
    stage = NlpStage(Settings(workers=1))
    article = stage(Article(id="a", source="s", body=BODY))
    assert all(BODY[t.start : t.end].strip() or t.pos == "SPACE" for t in article.tokens)
    assert any(e.text == "Geneva" and BODY[e.start : e.end] == "Geneva" for e in article.entities)
    doc = to_doc(article, stage.model.get().vocab)
    assert doc.text == BODY
    assert [t.dep_ for t in doc] == [t.dep for t in article.tokens]


def test_long_bodies_are_parsed_in_chunks_with_correct_offsets():
    paragraph = "Officials in Kyiv said the convoy moved north overnight. " * 30
    body = "\n\n".join([paragraph.strip()] * 20)  # about 34,000 characters: two chunks
    article = _run(body)
    assert len(body) > 20_000
    assert all(body[e.start : e.end] == e.text for e in article.entities)
    assert sum(1 for e in article.entities if e.text == "Kyiv") == 600
    assert article.sentences[-1].end == len(body)


def test_rejected_or_empty_articles_pass_through_untouched():
    rejected = Article(id="r", source="s", body="Some text.", rejected="empty")
    assert NlpStage(Settings(workers=1))(rejected) is rejected
    empty = Article(id="e", source="s", body="")
    assert NlpStage(Settings(workers=1))(empty) is empty


PARITY_TEXT = (
    "I ain't gonna sign it, y'all, the envoy told reporters. Let's wait, he said.\n\n"
    "There were 300 troops near the border; that was what she had said. It's the one they've "
    "got, and nothing's changed since Monday's talks, which did not go well. We'd have left.\n\n"
    "  \t  Does anybody know? Everyone does. The ministry, however, said it would not comment."
)


def test_fast_attribute_rules_give_what_spacys_own_ruler_gives():
    import spacy

    from sitroom.stages.nlp_rules import use_fast_rules

    stock = spacy.load(Settings().spacy_model)
    fast = use_fast_rules(spacy.load(Settings().spacy_model))
    assert fast.get_pipe("attribute_ruler").__class__.__name__ == "AttributeRules"
    expected, got = stock(PARITY_TEXT), fast(PARITY_TEXT)

    def view(doc):
        return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]

    assert view(got) == view(expected)
    assert any(t.lemma_ == "be" and t.lower_ == "ai" for t in got)  # a two-token rule fired


def test_a_batch_parses_exactly_as_one_by_one_and_skips_rejected():
    stage = NlpStage(Settings(workers=1))
    bodies = [BODY, PARITY_TEXT, "Short one. In Kyiv."]
    articles = [Article(id=str(k), source="s", body=b) for k, b in enumerate(bodies)]
    rejected = Article(id="r", source="s", body="Not parsed.", rejected="not an article")
    batch = stage.batch([*articles, rejected])
    assert batch[:3] == [stage(a) for a in articles]
    assert batch[3] is rejected


def test_a_dateline_is_parsed_apart_so_the_lead_keeps_its_own_subject():
    body = "VELMORA, Norland (March 4) – A coast guard patrol detained two men near the port."
    article = _run(body)
    texts = [body[s.start : s.end] for s in article.sentences]
    assert texts == ["VELMORA, Norland (March 4) –", "A coast guard patrol detained two men near the port."]
    detained = next(i for i, t in enumerate(article.tokens) if body[t.start : t.end] == "detained")
    subject = next(t for t in article.tokens if t.head == detained and t.dep == "nsubj")
    assert body[subject.start : subject.end] == "patrol"


def test_no_parse_tree_runs_over_a_blank_line():
    # 'X.' reads as an initial: unchecked, the parser joins the two paragraphs into one tree and
    # 'he' becomes the subject of 'declined'.
    body = (
        '"Whoever crosses the line will regret it," he wrote on X.\n\n'
        "A ministry spokesperson declined to comment but said the border stayed open."
    )
    article = _run(body)
    declined = next(i for i, t in enumerate(article.tokens) if body[t.start : t.end] == "declined")
    subject = next(t for t in article.tokens if t.head == declined and t.dep == "nsubj")
    assert body[subject.start : subject.end] == "spokesperson"
    roots = [t for i, t in enumerate(article.tokens) if t.head == i and t.dep == "ROOT"]
    assert [body[t.start : t.end] for t in roots] == ["wrote", "declined"]


def test_a_name_opening_the_paragraph_under_a_heading_stays_the_subject():
    body = "Rates on hold\n\nOkafor said he was a long way from a decision."
    article = _run(body)
    said = next(i for i, t in enumerate(article.tokens) if body[t.start : t.end] == "said")
    subject = next(t for t in article.tokens if t.head == said and t.dep == "nsubj")
    assert body[subject.start : subject.end] == "Okafor"
