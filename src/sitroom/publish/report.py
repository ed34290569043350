"""The situation report: `report.html` (self-contained, offline) and `report.md`, from the v1 records.

Article text is hostile: the HTML template autoescapes everything, and Markdown output goes
through `md_escape`, which also neutralises inline HTML.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from sitroom.model import Article
from sitroom.publish.records import Corpus
from sitroom.store.queries import reason_key


@dataclass
class Evidence:
    """A sentence with the part a record is about marked: before, marked, after."""

    before: str
    marked: str
    after: str

    @property
    def plain(self) -> str:
        return f"{self.before}{self.marked}{self.after}"


@dataclass
class StoryView:
    id: str
    title: str
    start: str | None
    end: str | None
    articles: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    discrepancies: list[dict[str, Any]] = field(default_factory=list)
    distances: list[dict[str, Any]] = field(default_factory=list)


def evidence(article: Article, start: int, end: int) -> Evidence:
    """The sentence around [start, end) (or the paragraph when sentences are unknown), span marked."""
    sentence = article.sentence_at(start)
    s_start, s_end = (sentence.start, sentence.end) if sentence else _paragraph(article.body, start, end)
    s_start, s_end = min(s_start, start), max(s_end, end)
    body = article.body
    return Evidence(body[s_start:start], body[start:end], body[end:s_end])


def _paragraph(body: str, start: int, end: int) -> tuple[int, int]:
    left = body.rfind("\n\n", 0, start)
    right = body.find("\n\n", end)
    return (0 if left < 0 else left + 2), (len(body) if right < 0 else right)


def build_view(corpus: Corpus) -> dict[str, Any]:
    by_id = {a.id: a for a in corpus.accepted}
    stories = [_story_view(corpus, story, by_id) for story in corpus.stories]
    rejected = [a for a in corpus.articles if a.rejected]
    counts = {name: sum(1 for _ in corpus.records(name)) for name in ("statements", "events", "places")}
    return {
        "stories": stories,
        "rejected": rejected,
        "rejected_by_reason": Counter(reason_key(a.rejected or "") for a in rejected).most_common(),
        "counts": counts,
        "n_articles": len(corpus.articles),
        "n_accepted": len(by_id),
        "n_duplicates": len(corpus.duplicates),
        "n_discrepancies": len(corpus.discrepancies),
        "map_points": _map_points(stories),
        "people": _people(corpus, by_id),
        "groups": _groups(corpus, by_id),
    }


def _people(corpus: Corpus, by_id: dict[str, Article]) -> list[dict[str, Any]]:
    """People and organisations named in more than one article, with the names they go by.

    A name the places stage resolved to a place, or that the tagger calls a nationality, is left
    out here: the places table and the map show those.
    """
    place_names = {a.body[p.start : p.end].lower() for a in by_id.values() for p in a.places}
    place_names |= {p.name.lower() for a in by_id.values() for p in a.places}
    labels = {(a.id, e.start, e.end): e.label for a in by_id.values() for e in a.entities}
    rows = []
    for entity in corpus.entities:
        if entity.kind == "place" or len(entity.article_ids) < 2 or entity.name.lower() in place_names:
            continue
        spans = [(m.article_id, m.start, m.end) for m in entity.mentions]
        if sum(1 for span in spans if labels.get(span) == "NORP") * 2 >= len(spans):
            continue
        outlets = sorted({by_id[a].outlet or by_id[a].source for a in entity.article_ids if a in by_id})
        rows.append({"entity": entity, "outlets": outlets})
    return sorted(rows, key=lambda r: (-len(r["entity"].article_ids), r["entity"].name))


def _groups(corpus: Corpus, by_id: dict[str, Article]) -> list[dict[str, Any]]:
    """One statement reported by several articles: each report in its own words."""
    views = []
    for group in corpus.statement_groups:
        reports = []
        for report in group.reports:
            article = by_id.get(report.article_id)
            if article is not None:
                reports.append(
                    {
                        "report": report,
                        "title": article.title or article.source,
                        "evidence": evidence(article, report.start, report.end),
                    }
                )
        views.append({"group": group, "reports": reports})
    return views


def _story_view(corpus: Corpus, story: Any, by_id: dict[str, Article]) -> StoryView:
    view = StoryView(story.id, story.title, story.start, story.end)
    members = [by_id[i] for i in story.article_ids if i in by_id]
    member_ids = {article.id for article in members}
    for article in members:
        copy_of = corpus.copy_of.get(article.id)
        original = by_id.get(copy_of) if copy_of else None
        shown = (f"{original.title or original.source} ({original.outlet or original.source})"
                 if original else None)
        shown = shown or copy_of
        view.articles.append({"article": article, "copy_of": shown})
        if copy_of in member_ids:
            continue  # a syndicated copy says what its original says: list it once, under the original
        label = article.title or article.source
        for record in corpus_records(corpus, article, "statements"):
            view.statements.append(
                {**record, "evidence": evidence(article, record["start"], record["end"]), "from": label}
            )
        for record in corpus_records(corpus, article, "events"):
            view.events.append(
                {**record, "evidence": evidence(article, record["start"], record["end"]), "from": label}
            )
        for claim in article.distances:
            if claim.checked:
                view.distances.append({"claim": claim, "evidence": evidence(article, claim.start, claim.end)})
        for record in corpus_records(corpus, article, "places"):
            view.places.append(
                {**record, "evidence": evidence(article, record["start"], record["end"]), "from": label}
            )
    view.places = _group_places(view.places)
    for item in corpus.discrepancies:
        if item.story_id == story.id:
            view.discrepancies.append(
                {"subject": item.subject, "claims": [_claim_view(c, by_id) for c in item.claims]}
            )
    return view


def corpus_records(corpus: Corpus, article: Article, name: str) -> list[dict[str, Any]]:
    single = Corpus([article], [], [], [], story_of=corpus.story_of, copy_of=corpus.copy_of)
    return list(single.records(name))


def _claim_view(claim: Any, by_id: dict[str, Article]) -> dict[str, Any]:
    article = by_id.get(claim.article_id)
    quoted = None
    if article is not None:
        at = article.body.find(claim.text)
        quoted = evidence(article, at, at + len(claim.text)) if at >= 0 else None
    return {"claim": claim, "evidence": quoted, "title": article.title if article else claim.article_id}


def _map_points(stories: list[StoryView]) -> dict[str, Any]:
    """Distinct places with coordinates, fitted into a 720x360 SVG (equirectangular, padded bounds)."""
    seen: dict[tuple[float, float], dict[str, Any]] = {}
    for story in stories:
        for place in story.places:
            if place["lat"] is not None and place["lon"] is not None:
                key = (round(place["lat"], 2), round(place["lon"], 2))
                point = seen.setdefault(
                    key, {"name": place["name"], "lat": key[0], "lon": key[1], "mentions": 0}
                )
                point["mentions"] += place["mentions"]
    points = sorted(seen.values(), key=lambda p: -p["mentions"])
    if not points:
        return {"points": [], "grid_x": [], "grid_y": []}
    west, east, south, north = _bounds(points)
    scale = min(700 / (east - west), 340 / (north - south))
    for p in points:
        p["x"] = 10 + (p["lon"] - west) * scale
        p["y"] = 10 + (north - p["lat"]) * scale
    step = next(s for s in (1, 2, 5, 10, 15, 30, 45, 90) if (east - west) / s <= 12)
    grid_x = [(lon, 10 + (lon - west) * scale) for lon in range(-180, 181, step) if west <= lon <= east]
    grid_y = [(lat, 10 + (north - lat) * scale) for lat in range(-90, 91, step) if south <= lat <= north]
    height = round(20 + (north - south) * scale)
    return {"points": points, "grid_x": grid_x, "grid_y": grid_y, "labelled": points[:12], "height": height}


def _bounds(points: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    lons = [p["lon"] for p in points]
    lats = [p["lat"] for p in points]
    pad_lon = max(2.0, (max(lons) - min(lons)) * 0.08)
    pad_lat = max(2.0, (max(lats) - min(lats)) * 0.08)
    return (
        max(-180.0, min(lons) - pad_lon),
        min(180.0, max(lons) + pad_lon),
        max(-90.0, min(lats) - pad_lat),
        min(90.0, max(lats) + pad_lat),
    )


def _group_places(places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per distinct place in a story, with its mention count and first mention."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for place in places:
        key = (place["name"], place["lat"], place["lon"])
        group = groups.setdefault(key, {**place, "mentions": 0})
        group["mentions"] += 1
    return sorted(groups.values(), key=lambda g: (-g["mentions"], g["name"]))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~-])")


def md_escape(value: Any) -> str:
    """Markdown-safe text: HTML neutralised, Markdown syntax backslash-escaped, on one line."""
    text = "" if value is None else str(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def md_mark(ev: Evidence | None) -> str:
    """The sentence for Markdown with the record's own span in bold (two statements can share one)."""
    if ev is None:
        return ""
    marked = md_escape(ev.marked)
    if not marked:
        return md_escape(ev.plain)
    left = " " if ev.before[-1:].isspace() or ev.marked[:1].isspace() else ""
    right = " " if ev.marked[-1:].isspace() or ev.after[:1].isspace() else ""
    return f"{md_escape(ev.before)}{left}**{marked}**{right}{md_escape(ev.after)}".strip()


def mark(ev: Evidence | None) -> Markup:
    if ev is None:
        return Markup("")
    return Markup("{}<mark>{}</mark>{}").format(escape(ev.before), escape(ev.marked), escape(ev.after))


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")  # fmt: skip


def counted(number: Any, noun: str, plural: str | None = None) -> str:
    """ "1 article", "2 articles", "1 copy", "3 copies": a count with its noun in the right number."""
    many = plural or (noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s")
    return f"{number} {noun if number == 1 else many}"


def country_note(statement: dict[str, Any]) -> bool:
    """Whether to print the speaker's country beside the name: not for a body whose name is only proper
    names ("Moldova", "Moscow", "The United States"), which says it already; for "interior ministry",
    "Ukraine's border guard service" or a person, it tells what the name does not."""
    if not statement.get("speaker_country"):
        return False
    if statement.get("speaker_kind") != "organization":
        return True
    name = str(statement.get("speaker_resolved") or statement.get("speaker") or "")
    words = name.removeprefix("The ").removeprefix("the ").split()
    return not words or any(not word[:1].isupper() for word in words)


def readable_day(value: Any) -> str:
    """A normalised day as a reader says it: full dates stay ISO ("2026-10-17"), partial ones are
    spelt out ("XXXX-WXX-4" is "a Thursday, date unknown", "XXXX-04-21" "21 April, year unknown",
    "2026-W43" "week 43 of 2026", "XXXX-XX" "date unknown"); anything else is shown as it is."""
    text = "" if value is None else str(value)
    if match := re.fullmatch(r"(XXXX|\d{4})-WXX-([1-7])", text):
        year = "date unknown" if match.group(1) == "XXXX" else f"in {match.group(1)}"
        return f"a {_WEEKDAYS[int(match.group(2)) - 1]}, {year}"
    if (match := re.fullmatch(r"XXXX-(\d\d)-(\d\d)", text)) and 1 <= int(match.group(1)) <= 12:
        return f"{int(match.group(2))} {_MONTHS[int(match.group(1)) - 1]}, year unknown"
    if (match := re.fullmatch(r"XXXX-(\d\d)", text)) and 1 <= int(match.group(1)) <= 12:
        return f"{_MONTHS[int(match.group(1)) - 1]}, year unknown"
    if match := re.fullmatch(r"(\d{4})-W(\d\d)", text):
        return f"week {int(match.group(2))} of {match.group(1)}"
    if re.fullmatch(r"X{4}(?:-[WX]+)+", text):  # "earlier this month" in an undated article: "XXXX-XX"
        return "date unknown"
    return text


def write_report(corpus: Corpus, out_dir: Path) -> list[Path]:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("sitroom.publish", "templates"),
        autoescape=select_autoescape(
            enabled_extensions=("html.j2",), disabled_extensions=("md.j2",), default=True
        ),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_escape
    env.filters["mark"] = mark
    env.filters["mdmark"] = md_mark
    env.filters["day"] = readable_day
    env.filters["country_note"] = country_note
    env.filters["counted"] = counted
    view = build_view(corpus)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for template, name in (("report.html.j2", "report.html"), ("report.md.j2", "report.md")):
        path = out_dir / name
        tmp = path.with_name(f".{name}.tmp")
        tmp.write_text(env.get_template(template).render(**view), encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written
