"""The review view: a document's facts where they stand in its text, for a person to check.

Everything here reads a document as its JSON dict (``Document.to_dict()``, or one NDJSON line of
``factx batch``) and the text its offsets index; nothing is extracted again. The highlights come from
the registry of fact types (``facttypes.py``): every span with a text field of every record and of
every part of a record (people's and organizations' mentions) is one highlight, so a fact type added
to the registry is shown with no change here (a :data:`STYLES` entry gives it its colours and label).

Two renderings: :func:`terminal_view` (rich renderables: the text with styled facts, then one table
per fact type) and :func:`html_page` / :func:`html_index` (self-contained HTML: inline CSS and JS, no
network). In the HTML each fact is one ``<mark>`` with ``data-type``, ``data-start`` and ``data-end``
(the JSON offsets), nested where facts nest (a title inside an apposition, a number inside a date).
Two facts that cross (neither holds the other) cannot both be one element: the later one is drawn as
pieces sharing its ``data-id``, each with ``data-piece``, whose texts joined equal its text.
"""

from __future__ import annotations

import heapq
import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from .facttypes import FactType, Offsets, fact_types


@dataclass(frozen=True)
class Style:
    """How a fact type looks: ``label`` (the singular, ``data-type`` in HTML), a rich style for the
    terminal (colours readable on dark and light backgrounds), a CSS colour for HTML, and the
    columns of its terminal table (None: every scalar field)."""

    label: str
    rich: str
    css: str
    columns: tuple[str, ...] | None = None


STYLES: dict[str, Style] = {
    "people": Style("person", "bold blue underline", "#2f6fdf", ("name", "titles", "mentions")),
    "titles": Style("title", "bold green", "#1f9d55", ("person", "title", "organization", "status", "rule")),
    "organizations": Style("organization", "bold magenta", "#b0309f", ("name", "aliases", "mentions")),
    "numbers": Style("number", "bold dark_orange", "#d0661a", ("text", "value", "unit", "qualifier", "counted")),
    "dates": Style("date", "bold red", "#c62f3a", ("text", "value", "granularity", "modifier")),
}
_FALLBACK_CSS = ("#6b5bd6", "#0e8c8c", "#8a6d00", "#5d6d7e")


def style_of(fact: FactType) -> Style:
    """The style of a fact type: its :data:`STYLES` entry, else a default one named after it."""
    if fact.name in STYLES:
        return STYLES[fact.name]
    label = fact.name[:-1] if fact.name.endswith("s") else fact.name
    css = _FALLBACK_CSS[sum(map(ord, fact.name)) % len(_FALLBACK_CSS)]
    return Style(label, "bold cyan", css)


def type_labels() -> list[str]:
    """The ``data-type`` of every fact type, in registry order (the values ``--only`` takes)."""
    return [style_of(fact).label for fact in fact_types()]


@dataclass(frozen=True)
class Highlight:
    """One span of the text to mark: its fact type, offsets, an id unique in the page (``f1``...),
    the id of the record it belongs to (a person's id for each of their mentions), and what it was
    normalized to (``details``, the record's scalar fields but offsets and text)."""

    type: str
    fact: str
    start: int
    end: int
    id: str
    owner: str | None
    details: tuple[tuple[str, Any], ...] = field(default=())
    order: int = 0  # the fact type's place in the registry: ties of equal spans keep registry order


def _offset_fields(specs: Sequence[Offsets]) -> set[str]:
    return {name for spec in specs for name in (spec.start, spec.end, spec.text) if name is not None}


def _scalars(item: Mapping[str, Any], skip: set[str]) -> list[tuple[str, Any]]:
    """A record's fields for its tooltip: scalars as they are, a list of strings joined, a list of
    records without offsets (a person's titles) one line each; lists of spans (mentions) left out."""
    out: list[tuple[str, Any]] = []
    for key, value in item.items():
        if key in skip or isinstance(value, dict):
            continue
        if isinstance(value, list):
            if any(isinstance(v, dict) and "start" in v for v in value) or not value:
                continue
            value = "; ".join(", ".join(_show(x) for x in v.values() if x is not None) if isinstance(v, dict)
                              else _show(v) for v in value)
        out.append((key, value))
    return out


def highlights(document: Mapping[str, Any], only: Iterable[str] | None = None) -> list[Highlight]:
    """Every span of the document's facts, in registry order then document order; ``only`` keeps
    the types named (``person``, ``date``...)."""
    keep = set(only) if only is not None else None
    out: list[Highlight] = []
    for order, fact in enumerate(fact_types()):
        label = style_of(fact).label
        if keep is not None and label not in keep:
            continue
        skip = _offset_fields(fact.offsets)
        for index, item in enumerate(document.get(fact.name, [])):
            owner = item.get("id") or f"{fact.name}-{index + 1}"
            details = tuple(_scalars(item, skip))
            for spec in fact.offsets:
                if spec.text is None:
                    continue
                out.append(Highlight(label, fact.name, item[spec.start], item[spec.end], f"f{len(out) + 1}", owner,
                                     details, order))
            for part in fact.parts:
                specs = [spec for spec in part.offsets if spec.text is not None]
                for child in item.get(part.field, []) if specs else []:
                    for spec in specs:
                        out.append(Highlight(label, fact.name, child[spec.start], child[spec.end],
                                             f"f{len(out) + 1}", owner, details, order))
    return out


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# -- terminal -------------------------------------------------------------------------------------

def terminal_text(content: str, document: Mapping[str, Any], only: Iterable[str] | None = None) -> Text:
    """The article as a rich Text, each fact styled by type (overlapping facts combine styles)."""
    text = Text(content, no_wrap=False)
    styles = {style_of(fact).label: style_of(fact).rich for fact in fact_types()}
    for mark in highlights(document, only):
        text.stylize(styles[mark.type], mark.start, mark.end)
    return text


def _cell(fact: FactType, item: Mapping[str, Any], column: str, document: Mapping[str, Any]) -> str:
    value = item.get(column)
    if fact.name == "people" and column == "titles":
        statuses = {(t.get("title"), t.get("organization")): t.get("status")
                    for t in document.get("titles", []) if t.get("person_id") == item.get("id")}
        cells = []
        for ref in value or []:
            where = ref.get("organization") or ref.get("place")
            status = statuses.get((ref.get("title"), ref.get("organization")))
            cells.append(ref["title"] + (f" @ {where}" if where else "") +
                         (f" ({status})" if status and status != "current" else ""))
        return "; ".join(cells)
    if isinstance(value, list):
        if value and isinstance(value[0], dict) and "start" in value[0]:
            return str(len(value))
        return "; ".join(_show(v) for v in value)
    return _show(value)


def fact_table(fact: FactType, document: Mapping[str, Any]) -> Table | None:
    """One compact table of a fact type's records (None when it has none)."""
    items = document.get(fact.name, [])
    if not items:
        return None
    style = style_of(fact)
    columns = list(style.columns) if style.columns is not None else \
        [k for k, v in items[0].items() if k not in ("start", "end") and not isinstance(v, (list, dict))]
    title_style = " ".join(word for word in style.rich.split() if word != "underline")
    table = Table(title=f"{fact.name} ({len(items)})", title_style=title_style, title_justify="left", expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for item in items:
        table.add_row(*(_cell(fact, item, column, document) for column in columns))
    return table


def terminal_view(content: str, document: Mapping[str, Any], only: Iterable[str] | None = None) -> list[RenderableType]:
    """What ``factx show`` prints: the styled article, then one table per fact type shown."""
    keep = set(only) if only is not None else None
    out: list[RenderableType] = [terminal_text(content, document, keep)]
    for fact in fact_types():
        if keep is not None and style_of(fact).label not in keep:
            continue
        table = fact_table(fact, document)
        if table is not None:
            out.append(table)
    return out


# -- HTML -----------------------------------------------------------------------------------------

def _attr(value: Any) -> str:
    return html.escape(_show(value), quote=True)


def _tip(mark: Highlight) -> str:
    return "\n".join(f"{key}: {_show(value)}" for key, value in mark.details if value is not None and value != "")


def _open(mark: Highlight, piece: int | None) -> str:
    attrs = [f'class="fx fx-{_attr(mark.type)}"', f'data-type="{_attr(mark.type)}"',
             f'data-start="{mark.start}"', f'data-end="{mark.end}"', f'data-id="{mark.id}"',
             f'data-owner="{_attr(mark.owner)}"', f'data-tip="{_attr(_tip(mark))}"', 'tabindex="0"']
    if piece is not None:
        attrs.append(f'data-piece="{piece}"')
    return f"<mark {' '.join(attrs)}>"


def marked_text(content: str, marks: Sequence[Highlight]) -> str:
    """The text HTML-escaped, each highlight one ``<mark>`` (nested where spans nest; a span that
    crosses an enclosing one is cut into pieces at its edge)."""
    # (start, -end, order, seq, mark, piece): outer spans open first; equal spans in registry order
    queue: list[tuple[int, int, int, int, Highlight, int | None]] = []
    for seq, mark in enumerate(marks):
        if 0 <= mark.start <= mark.end <= len(content):
            queue.append((mark.start, -mark.end, mark.order, seq, mark, None))
    heapq.heapify(queue)
    out: list[str] = []
    stack: list[int] = []  # ends of the open elements
    pos = 0
    seq = len(marks)

    def upto(end: int) -> None:
        nonlocal pos
        if end > pos:
            out.append(html.escape(content[pos:end], quote=False))
            pos = end

    while queue:
        start, neg_end, order, _, mark, piece = heapq.heappop(queue)
        end = -neg_end
        while stack and stack[-1] <= start:
            upto(stack.pop())
            out.append("</mark>")
        if stack and end > stack[-1]:  # crosses the open element: this piece ends with it
            cut = stack[-1]
            seq += 1
            heapq.heappush(queue, (cut, -end, order, seq, mark, (piece or 1) + 1))
            end, piece = cut, piece or 1
        upto(start)
        out.append(_open(mark, piece))
        stack.append(end)
    while stack:
        upto(stack.pop())
        out.append("</mark>")
    upto(len(content))
    return "".join(out)


_CSS = """
:root { color-scheme: light dark; --bg: #fdfdfb; --fg: #1d1d1f; --panel: #f1f1ee; --line: #d5d5d0; }
@media (prefers-color-scheme: dark) { :root { --bg: #17181a; --fg: #e8e8e6; --panel: #222326; --line: #3a3b3f; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.6 system-ui, sans-serif;
       display: flex; flex-direction: column; height: 100vh; }
header { flex: none; padding: .6rem 1rem; border-bottom: 1px solid var(--line); }
header h1 { font-size: 1.1rem; margin: 0 0 .3rem; word-break: break-all; }
main { flex: 1; display: flex; min-height: 0; }
#article { flex: 1; overflow: auto; padding: 1rem 1.5rem; white-space: pre-wrap; overflow-wrap: anywhere;
           line-height: 2; }
aside { flex: none; width: 22rem; background: var(--panel); border-left: 1px solid var(--line); padding: .8rem;
        overflow: auto; }
aside h2 { font-size: 1rem; margin: .8rem 0 .3rem; }
aside ul { list-style: none; margin: 0; padding-left: .9rem; }
aside > ul { padding-left: 0; }
aside button { font: inherit; background: none; border: 0; color: inherit; cursor: pointer; padding: 0 .2rem;
               text-align: left; border-radius: 3px; }
aside button:hover, aside button:focus-visible { outline: 2px solid var(--line); }
.count { opacity: .7; font-size: .85em; }
.filters label { margin-right: .8rem; white-space: nowrap; }
mark.fx { background: color-mix(in srgb, var(--c) 16%, transparent); color: inherit; border-bottom: 2px solid var(--c);
          padding: 0 1px; border-radius: 2px; }
mark.fx mark.fx { padding-bottom: 3px; }
mark.fx:focus { outline: 2px solid var(--c); }
mark.fx.marked { background: color-mix(in srgb, var(--c) 45%, transparent); outline: 2px dashed var(--c); }
#tip { position: fixed; z-index: 10; max-width: 28rem; white-space: pre-wrap; background: var(--fg); color: var(--bg);
       padding: .4rem .6rem; border-radius: 4px; font-size: .85rem; line-height: 1.4; pointer-events: none; }
#tip[hidden] { display: none; }
.swatch { display: inline-block; width: .8em; height: .8em; background: var(--c); border-radius: 2px; }
"""

_JS = """
(function () {
  var tip = document.getElementById('tip');
  function show(el) {
    var text = el.getAttribute('data-type') + ' [' + el.getAttribute('data-start') + ':' +
      el.getAttribute('data-end') + ']\\n' + el.getAttribute('data-tip');
    tip.textContent = text; tip.hidden = false;
    var r = el.getBoundingClientRect();
    tip.style.left = Math.max(4, Math.min(r.left, window.innerWidth - 460)) + 'px';
    tip.style.top = (r.bottom + 6 < window.innerHeight - 120 ? r.bottom + 6 : Math.max(4, r.top - 120)) + 'px';
  }
  function innermost(ev) { return ev.target.closest ? ev.target.closest('mark.fx') : null; }
  var article = document.getElementById('article');
  article.addEventListener('mouseover', function (ev) { var el = innermost(ev); if (el) show(el); });
  article.addEventListener('mouseout', function () { tip.hidden = true; });
  article.addEventListener('focusin', function (ev) { var el = innermost(ev); if (el) show(el); });
  article.addEventListener('focusout', function () { tip.hidden = true; });
  function mark(selector) {
    document.querySelectorAll('mark.fx.marked').forEach(function (m) { m.classList.remove('marked'); });
    var found = document.querySelectorAll(selector);
    found.forEach(function (m) { m.classList.add('marked'); });
    if (found.length) { found[0].scrollIntoView({block: 'center'}); found[0].focus({preventScroll: true}); }
    document.body.setAttribute('data-marked', String(found.length));
  }
  document.querySelectorAll('aside button[data-select]').forEach(function (b) {
    b.addEventListener('click', function () { mark(b.getAttribute('data-select')); });
  });
  document.querySelectorAll('.filters input').forEach(function (box) {
    box.addEventListener('change', function () {
      var t = box.getAttribute('data-filter');
      document.body.classList.toggle('hide-' + t, !box.checked);
    });
  });
  // #select=ID (a person's, organization's or fact's id) clicks its panel entry: links into a page
  function fromHash() {
    var m = /^#select=(.+)$/.exec(location.hash);
    if (!m) return;
    var b = document.querySelector('aside button[data-key="' + CSS.escape(decodeURIComponent(m[1])) + '"]');
    if (b) b.click();
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();
  void document.body.offsetHeight;  // layout done: the time below includes it
  document.body.setAttribute('data-ms', String(Math.round(performance.now())));
  document.body.setAttribute('data-ready', 'yes');
})();
"""


def _type_css() -> str:
    rules = []
    for fact in fact_types():
        style = style_of(fact)
        label = _attr(style.label)
        rules.append(f'mark.fx[data-type="{label}"], .swatch[data-type="{label}"] {{ --c: {style.css}; }}')
        rules.append(f'body.hide-{label} mark.fx[data-type="{label}"] {{ background: none; border-bottom: 0; '
                     f'padding: 0; }}')
    return "\n".join(rules)


def _button(label: str, selector: str, extra: str = "", key: str | None = None) -> str:
    data_key = f' data-key="{_attr(key)}"' if key else ""
    return (f'<button type="button" data-select="{_attr(selector)}"{data_key}>{html.escape(label)}</button>'
            + (f' <span class="count">{html.escape(extra)}</span>' if extra else ""))


def _panel(document: Mapping[str, Any], marks: Sequence[Highlight]) -> str:
    """People -> titles -> organizations, then the organizations and every other fact type."""
    counts: dict[str, int] = {}
    for mark in marks:
        counts[mark.owner or ""] = counts.get(mark.owner or "", 0) + 1
    title_ids: dict[tuple[Any, Any, Any], list[str]] = {}
    for mark in marks:
        if mark.fact == "titles":
            d = dict(mark.details)
            title_ids.setdefault((d.get("person_id"), d.get("title"), d.get("organization")), []).append(mark.id)
    org_ids = {org.get("name"): org.get("id") for org in document.get("organizations", [])}
    parts = ['<h2>People</h2><ul class="people">']
    for person in document.get("people", []):
        pid = person.get("id", "")
        parts.append(f'<li data-person="{_attr(pid)}">'
                     + _button(person.get("name", ""), f'mark.fx[data-type="person"][data-owner="{pid}"]',
                               f"×{counts.get(pid, 0)}", pid))
        titles = person.get("titles", [])
        if titles:
            parts.append("<ul>")
            for ref in titles:
                ids = title_ids.get((pid, ref.get("title"), ref.get("organization")), [])
                selector = ", ".join(f'mark.fx[data-id="{i}"]' for i in ids) or "mark.fx.none"
                parts.append("<li>" + _button(ref.get("title", ""), selector, key=ids[0] if ids else None))
                org = ref.get("organization")
                if org:
                    oid = org_ids.get(org)
                    selector = f'mark.fx[data-type="organization"][data-owner="{oid}"]' if oid else "mark.fx.none"
                    parts.append("<ul><li>" + _button(org, selector) + "</li></ul>")
                elif ref.get("place"):
                    parts.append(f'<ul><li><span class="count">in {html.escape(ref["place"])}</span></li></ul>')
                parts.append("</li>")
            parts.append("</ul>")
        parts.append("</li>")
    parts.append("</ul>")
    for fact in fact_types():
        if fact.name in ("people", "titles"):
            continue
        style = style_of(fact)
        items = document.get(fact.name, [])
        parts.append(f'<h2>{html.escape(fact.name.capitalize())} <span class="count">{len(items)}</span></h2><ul>')
        for index, item in enumerate(items):
            owner = item.get("id") or f"{fact.name}-{index + 1}"
            label = item.get("name") or item.get("text") or owner
            value = "" if "name" in item else _show(item.get("value"))
            parts.append("<li>" + _button(str(label), f'mark.fx[data-type="{style.label}"][data-owner="{owner}"]',
                                          value, owner) + "</li>")
        parts.append("</ul>")
    return "".join(parts)


def _filters(marks: Sequence[Highlight]) -> str:
    boxes = []
    for fact in fact_types():
        label = style_of(fact).label
        count = sum(1 for m in marks if m.type == label)
        boxes.append(f'<label><input type="checkbox" checked data-filter="{_attr(label)}"> '
                     f'<span class="swatch" data-type="{_attr(label)}"></span> {html.escape(label)} '
                     f'<span class="count">{count}</span></label>')
    return '<div class="filters" role="group" aria-label="fact types">' + "".join(boxes) + "</div>"


def _page(title: str, head: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{html.escape(title)}</title><style>{_CSS}{head}</style></head>\n<body>{body}</body></html>\n')


def html_page(content: str, document: Mapping[str, Any]) -> str:
    """A self-contained review page of one document: the marked text, a side panel and filters."""
    marks = highlights(document)
    source = str(document.get("source", ""))
    meta = (f'document date {html.escape(_show(document.get("document_date")) or "none")} '
            f'({html.escape(_show(document.get("document_date_source")))})')
    body = (f'<header><h1>{html.escape(source)}</h1><div class="count">{meta}</div>{_filters(marks)}</header>'
            f'<main><div id="article">{marked_text(content, marks)}</div>'
            f'<aside aria-label="facts">{_panel(document, marks)}</aside></main>'
            f'<div id="tip" role="tooltip" hidden></div>'
            f'<script>{_JS}</script>')
    return _page(f"factx review: {source}", _type_css(), body)


def html_index(entries: Sequence[tuple[str | None, Mapping[str, Any]]]) -> str:
    """The index of a batch of pages: ``(page file name or None, record)`` per input, a document's
    counts by fact type or an error record's type and message."""
    names = [fact.name for fact in fact_types()]
    rows = []
    for page, record in entries:
        source = html.escape(str(record.get("source", "")))
        link = f'<a href="{_attr(page)}">{source}</a>' if page else source
        if "error" in record:
            error = record["error"]
            rows.append(f'<tr class="error"><td>{link}</td><td colspan="{len(names)}">'
                        f'{html.escape(str(error.get("type", "")))}: {html.escape(str(error.get("message", "")))}'
                        "</td></tr>")
        else:
            cells = "".join(f"<td>{len(record.get(name, []))}</td>" for name in names)
            rows.append(f'<tr class="document"><td>{link}</td>{cells}</tr>')
    failed = sum(1 for _, r in entries if "error" in r)
    head = "".join(f"<th>{html.escape(name)}</th>" for name in names)
    body = (f"<header><h1>factx review: {len(entries)} inputs, {failed} failed</h1></header>"
            f'<main style="display: block; overflow: auto; padding: 1rem"><table id="index"><thead><tr>'
            f'<th>source</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></main>')
    css = ("table { border-collapse: collapse; } td, th { padding: .2rem .6rem; border-bottom: 1px solid var(--line);"
           " text-align: left; } tr.error td { color: #c62f3a; } td + td { text-align: right; }")
    return _page("factx review", css, body)


def page_name(source: str, taken: set[str]) -> str:
    """A file name for a source's page, safe in any folder and unique among ``taken`` (updated)."""
    path = source.strip("./") or "stdin"
    path = path.rsplit(".", 1)[0] if "." in path.rsplit("/", 1)[-1] else path
    stem = "".join(c if c.isalnum() or c in "-_." else "_" for c in path)[-120:]
    name, n = f"{stem}.html", 1
    while name.lower() in taken or name.lower() == "index.html":
        n += 1
        name = f"{stem}-{n}.html"
    taken.add(name.lower())
    return name


__all__ = ["STYLES", "Highlight", "Style", "fact_table", "highlights", "html_index", "html_page", "marked_text",
           "page_name", "style_of", "terminal_text", "terminal_view", "type_labels"]
