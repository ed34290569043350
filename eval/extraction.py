"""Article extraction benchmark: sitroom vs trafilatura vs jusText vs no cleaning, one run.

    python eval/extraction.py --data ../shared/data/extraction/wcxb-dev-articles --track html
    python eval/extraction.py --data DIR --track text --limit 100 --part holdout

Body quality is the ScrapingHub token-shingle P/R/F1 (eval/shingles.py) against
`ground_truth.main_content`; metadata is title exact match (whitespace-normalised), author
match and publication date same day. `--part` splits the pages by id so tuning can be done on
`tune` and checked on `holdout` (every fifth page).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.shingles import bootstrap_interval, f1_of_means, precision_recall
from sitroom.stages.clean.boilerplate import BoilerplateProfile

BODY_SYSTEMS = ("sitroom", "trafilatura", "justext", "no-cleaning")
META_SYSTEMS = ("sitroom", "trafilatura")


@dataclass(frozen=True, slots=True)
class Page:
    page_id: str
    html: str
    url: str | None
    gold: dict[str, object]


@dataclass(frozen=True, slots=True)
class Output:
    """What one system returned for one page; metadata fields are None when not produced."""

    body: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass
class Score:
    pairs: list[tuple[float, float]] = field(default_factory=list)
    seconds: float = 0.0
    title: int = 0
    author: int = 0
    date: int = 0
    rejected: int = 0
    # pages whose gold has the field: metadata accuracy is over these
    gold: dict[str, int] = field(default_factory=lambda: {"title": 0, "author": 0, "date": 0})

    def accuracy(self, name: str) -> float:
        return float(getattr(self, name)) / self.gold[name] if self.gold[name] else 0.0


# --- loading -----------------------------------------------------------------------------------


def in_part(page_id: str, part: str) -> bool:
    """Every fifth page (by number) is held out from tuning."""
    number = int(re.sub(r"\D", "", page_id) or 0)
    if part == "all":
        return True
    return (number % 5 == 0) == (part == "holdout")


def load_pages(data: Path, limit: int | None = None, part: str = "all") -> list[Page]:
    """Read `html/NNNN.html[.gz]` with `ground-truth/NNNN.json`, in id order."""
    pages: list[Page] = []
    for path in sorted((data / "html").iterdir()):
        page_id = path.name.split(".")[0]
        if not in_part(page_id, part):
            continue
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        truth = json.loads((data / "ground-truth" / f"{page_id}.json").read_text(encoding="utf-8"))
        html = raw.decode("utf-8", errors="replace")
        pages.append(Page(page_id, html, truth.get("url"), truth.get("ground_truth", {})))
        if limit is not None and len(pages) >= limit:
            break
    return pages


def flatten(html: str) -> str:
    """The page as scraped text: everything visible, navigation and footers included."""
    from resiliparse.extract.html2text import extract_plain_text

    return str(
        extract_plain_text(
            html, main_content=False, preserve_formatting=True, list_bullets=True, alt_texts=True,
            links=False, form_fields=False, noscript=False,
        )
    )


# --- systems -----------------------------------------------------------------------------------


def _blocks_as_html(text: str) -> str:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    from html import escape

    return "<html><body>" + "".join(f"<p>{escape(b)}</p>" for b in blocks) + "</body></html>"


def _sitroom_html(page: Page) -> Output:
    from sitroom.model.article import Hints
    from sitroom.stages.clean.html import extract_html

    got = extract_html(page.html, Hints(url=page.url))
    return Output("" if got.rejected else got.body, got.title, got.byline, got.published)


def _sitroom_text(text: str, page: Page, profile: BoilerplateProfile | None = None) -> Output:
    from sitroom.model.article import Hints
    from sitroom.stages.clean.text import clean_text  # lands with the text cleaner

    got = clean_text(text, Hints(url=page.url), profile)
    return Output("" if got.rejected else got.body, got.title, got.byline, got.published)


def _trafilatura(html: str, page: Page, metadata: bool) -> Output:
    import trafilatura

    if not metadata:
        return Output(trafilatura.extract(html, url=page.url) or "")
    doc = trafilatura.bare_extraction(html, url=page.url, with_metadata=True)
    if doc is None:
        return Output("")
    return Output(doc.text or "", doc.title, doc.author, doc.date)


def _justext(html: str) -> Output:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    return Output("\n\n".join(p.text for p in paragraphs if not p.is_boilerplate))


def systems_for(
    track: str, profile: BoilerplateProfile | None = None
) -> dict[str, Callable[[Page, str], Output]]:
    """Each system takes the page and its flattened text and returns an Output.

    `profile`: boilerplate sitroom learned across the pages of the run (text track only).
    """
    if track == "html":
        return {
            "sitroom": lambda page, flat: _sitroom_html(page),
            "trafilatura": lambda page, flat: _trafilatura(page.html, page, metadata=True),
            "justext": lambda page, flat: _justext(page.html),
            "no-cleaning": lambda page, flat: Output(flat),
        }
    return {
        "sitroom": lambda page, flat: _sitroom_text(flat, page, profile),
        "trafilatura": lambda page, flat: _trafilatura(_blocks_as_html(flat), page, metadata=True),
        "justext": lambda page, flat: _justext(_blocks_as_html(flat)),
        "no-cleaning": lambda page, flat: Output(flat),
    }


# --- metadata matching -------------------------------------------------------------------------


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _squash(text: str | None) -> str:
    """Whitespace squashed, typographic quotes and Unicode compatibility forms folded: "’" for "'",
    "…" for "...", a full-width "？" for "?" are typesetting choices, not other titles."""
    return " ".join(unicodedata.normalize("NFKC", text or "").translate(_QUOTES).split())


def title_matches(got: str | None, gold: object) -> bool:
    """Exact match after whitespace and quote-style normalisation."""
    return bool(gold) and _squash(got) == _squash(str(gold))


# Post-nominal credentials and job titles that bylines append to a name: "Ada Berg, MD",
# "Ada Berg (Content Manager)", "Dr. Ada Berg". They say who the author is, not which author.
_CREDENTIALS = frozenset((
    "md", "do", "phd", "dvm", "vmd", "rn", "np", "pa", "mba", "cpa", "cfp", "rd", "rdn", "ld", "ldn",
    "facs", "faclm", "dacvb", "lvt", "vts", "ba", "bs", "ma", "ms", "msc", "esq", "fand", "cepf", "cfa",
    "chfc", "crpc", "jd", "pharmd", "psyd", "dds", "dmd", "dnp", "aprn", "lcsw", "lmft", "dpt", "cscs",
))
_HONORIFICS = frozenset(("dr", "mr", "mrs", "ms", "prof"))
_ROLE = re.compile(
    r"\b(?:expert|director|editor|writer|reporter|manager|ceo|cto|cfo|founder|dietitian|representative|"
    r"contributor|specialist|analyst|consultant|coach|educators?|columnists?|correspondent|officer|"
    r"president|head|lead|engineer|developer|nutritionist|therapist|physician|professor|author)\b"
)


def _drop_roles(text: str) -> str:
    """The name part of a byline: trailing segments that are only a role or credentials dropped."""
    parts = re.split(r"\s*(?:,|;|\(|\)|\s-\s|\s\|\s)\s*", text)
    # ("Ph.D." is "PhD": dots inside a credential do not split it)
    kept = [p for p in parts
            if p and not _ROLE.search(p) and not set(re.findall(r"\w+", p.replace(".", ""))) <= _CREDENTIALS]
    return " ".join(kept) or text  # a byline that is all role ("Community Editor") stays as it is


def _name_tokens(text: str) -> list[str]:
    """Name words only: "By", "and", punctuation, honorifics, credentials and job titles do not count."""
    text = _drop_roles(re.sub(r"^\s*by\s+", "", text.casefold()))
    words = [w for w in re.findall(r"\w+", text) if w != "and"]
    return words[1:] if words and words[0] in _HONORIFICS and len(words) > 2 else words


def author_matches(got: str | None, gold: object) -> bool:
    """Same name words in order, ignoring case, punctuation, "and", a leading "By", honorifics and
    appended credentials or job titles ("Ada Berg, MD", "Ada Berg (Content Manager)")."""
    ours = _name_tokens(got or "")
    return bool(gold) and bool(ours) and ours == _name_tokens(str(gold))


def date_matches(got: str | None, gold: object) -> bool:
    """Same calendar day; the same month where the gold knows only the month ("2015-11")."""
    precision = 7 if re.fullmatch(r"\d{4}-\d\d", str(gold)) else 10
    return bool(gold) and bool(got) and str(got)[:precision] == str(gold)[:precision]


# --- running -----------------------------------------------------------------------------------


def site_profile(pages: list[Page]) -> BoilerplateProfile:
    """Blocks recurring across the run's pages of one site, as `sitroom run` learns them from a batch."""
    from sitroom.model.article import Hints
    from sitroom.stages.clean.blocks import split_units
    from sitroom.stages.clean.boilerplate import group_key, learn_boilerplate

    grouped: dict[str, list[list[str]]] = {}
    for page in pages:
        key = group_key(Hints(url=page.url))
        if key is not None:
            grouped.setdefault(key, []).append([unit.text for unit in split_units(flatten(page.html))])
    return learn_boilerplate(grouped)


def run(
    pages: list[Page], track: str, names: tuple[str, ...] = BODY_SYSTEMS, profile: bool = False
) -> dict[str, Score]:
    """Score each system over the pages; times only the system call, flattening excluded.

    `profile`: on the text track, sitroom first learns the site boilerplate across the pages (untimed).
    """
    systems = systems_for(track, site_profile(pages) if profile and track == "text" else None)
    if track == "text" and "sitroom" in names and not _text_cleaner_available():
        print("sitroom.stages.clean.text.clean_text is not importable yet: sitroom skipped on text")
        names = tuple(n for n in names if n != "sitroom")
    scores = {name: Score() for name in names}
    for page in pages:
        flat = flatten(page.html)
        gold_body = str(page.gold.get("main_content") or "")
        for name in names:
            began = time.perf_counter()
            out = _safe(systems[name], page, flat)
            score = scores[name]
            score.seconds += time.perf_counter() - began
            score.rejected += not out.body
            score.pairs.append(precision_recall(out.body, gold_body))
            score.title += title_matches(out.title, page.gold.get("title"))
            score.author += author_matches(out.author, page.gold.get("author"))
            score.date += date_matches(out.date, page.gold.get("publish_date"))
            for key, gold_key in (("title", "title"), ("author", "author"), ("date", "publish_date")):
                score.gold[key] += bool(page.gold.get(gold_key))
    return scores


def _text_cleaner_available() -> bool:
    try:
        from sitroom.stages.clean.text import clean_text  # noqa: F401
    except ImportError:
        return False
    return True


def _safe(system: Callable[[Page, str], Output], page: Page, flat: str) -> Output:
    """A system that crashes on a page scores an empty extraction there (counted, not fatal)."""
    try:
        return system(page, flat)
    except Exception as exc:  # a benchmark must finish; the crash is reported
        print(f"  {page.page_id}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return Output("")


def report(scores: dict[str, Score], pages: int, track: str) -> str:
    print(f"track={track} pages={pages}")
    print(f"{'system':<13} {'P':>6} {'R':>6} {'F1':>6} {'empty':>6} {'art/s':>8}")
    for name, score in scores.items():
        p, r, f = f1_of_means(score.pairs)
        speed = pages / score.seconds if score.seconds else 0.0
        print(f"{name:<13} {p:6.3f} {r:6.3f} {f:6.3f} {score.rejected:6d} {speed:8.1f}")
    print(f"{'metadata':<13} {'title':>6} {'author':>6} {'date':>6}   (share of pages whose gold has it)")
    for name in META_SYSTEMS:
        if name in scores:
            s = scores[name]
            cells = " ".join(f"{s.accuracy(key):6.1%}" for key in ("title", "author", "date"))
            print(f"{name:<13} {cells}")
    if "sitroom" in scores and len(scores["sitroom"].pairs) > 1:
        ours = scores["sitroom"].pairs
        low, high = bootstrap_interval(ours)
        print(f"sitroom F1, 90% interval over page sets like this one (page bootstrap): {low:.3f}-{high:.3f}")
        for name, score in scores.items():
            if name != "sitroom" and len(score.pairs) == len(ours):
                low, high = bootstrap_interval(ours, score.pairs)
                print(f"  sitroom minus {name}: {low:+.3f} to {high:+.3f}")
    head = [f"{n} F1 {f1_of_means(s.pairs)[2]:.3f}" for n, s in scores.items()]
    if "sitroom" in scores:
        s = scores["sitroom"]
        head.append(" ".join(f"{key} {s.accuracy(key):.1%}" for key in ("title", "author", "date")))
        head.append(f"sitroom {pages / s.seconds if s.seconds else 0:.0f} art/s")
    line = f"HEADLINE {track}: " + " | ".join(head)
    print(line)
    return line


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="folder with html/ and ground-truth/")
    parser.add_argument("--track", choices=("text", "html"), default="html")
    parser.add_argument("--limit", type=int, default=None, help="first N pages only")
    parser.add_argument("--part", choices=("all", "tune", "holdout"), default="all")
    parser.add_argument("--systems", default=",".join(BODY_SYSTEMS), help="comma-separated subset")
    parser.add_argument(
        "--site-profile", action="store_true",
        help="text track: learn boilerplate recurring across each site's pages first, as `sitroom run` does",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = _args(argv)
    pages = load_pages(args.data, args.limit, args.part)
    names = tuple(n for n in args.systems.split(",") if n)
    report(run(pages, args.track, names, args.site_profile), len(pages), args.track)


if __name__ == "__main__":
    main()
