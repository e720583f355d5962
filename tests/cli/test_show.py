"""``factx show`` and the HTML review pages: the real CLI in a subprocess, the pages parsed back.

Every fact of the JSON must be one element of the page whose ``data-start``/``data-end`` are its
offsets and whose text is ``content[start:end]``; the text outside the markup must be the article.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from factx.facttypes import SPAN, FactType, fact_types, offset_items, registered
from factx.review import highlights, html_page, marked_text, style_of

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"

ARTICLE = (
    "date: 2024-05-02\n\n"
    "Maria Lopez, chief executive of Acme Robotics, said on Tuesday that sales rose 12% to $4.5 billion.\n"
    "Lopez said the <script>alert(1)</script> tag & the entity &amp; must stay text.\n"
)


class Page(HTMLParser):
    """The article element of a review page: its text, and every fact element with its text (the
    pieces of a fact drawn in pieces joined)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # > 0 inside the article element
        self.open: list[dict[str, str] | None] = []
        self.facts: dict[str, dict[str, Any]] = {}
        self.text: list[str] = []
        self.scripts = 0
        self.script_text: list[str] = []
        self.in_script = False
        self.panel_people: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "script":
            self.scripts += 1
            self.in_script = True
        if a.get("id") == "article":
            self.depth = 1
            return
        if "data-person" in a:
            self.panel_people.append(a["data-person"])
        if self.depth:
            self.depth += 1
            fact = None
            if tag == "mark":
                fact = self.facts.setdefault(a["data-id"], {**a, "text": "", "pieces": 0})
                fact["pieces"] += 1
            self.open.append(fact)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False
        if self.depth:
            self.depth -= 1
            if self.depth:
                self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.script_text.append(data)
        if self.depth:
            self.text.append(data)
            for fact in self.open:
                if fact is not None:
                    fact["text"] += data


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def run(factx_cmd: list[str], *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*factx_cmd, *args], capture_output=True, text=True, encoding="utf-8", timeout=300,
                          **kwargs)


def read(path: Path) -> str:
    """The text as factx reads it: no newline translation."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def spans_of(document: dict[str, Any]) -> list[tuple[str, int, int, str]]:
    """(data-type, start, end, text) of every span of the JSON, from the registry."""
    out = []
    for fact in fact_types():
        label = style_of(fact).label
        for item in document.get(fact.name, []):
            if any(spec.text for spec in fact.offsets):
                out.append((label, item["start"], item["end"], item["text"]))
            for part in fact.parts:
                if any(spec.text for spec in part.offsets):
                    out += [(label, m["start"], m["end"], m["text"]) for m in item.get(part.field, [])]
    return out


def check_page(html: str, content: str, document: dict[str, Any]) -> Page:
    page = parse(html)
    assert "".join(page.text) == content, "the page's text is not the article"
    expected = sorted(spans_of(document))
    drawn = sorted((f["data-type"], int(f["data-start"]), int(f["data-end"]), f["text"]) for f in page.facts.values())
    assert drawn == expected
    for fact in page.facts.values():
        assert content[int(fact["data-start"]):int(fact["data-end"])] == fact["text"]
    return page


# -- HTML -----------------------------------------------------------------------------------------

def test_the_seed_page_has_one_element_per_fact(factx_cmd: list[str], seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    shown = run(factx_cmd, "show", str(seed_path), "--html", str(out))
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == ""
    extracted = run(factx_cmd, "extract", str(seed_path))
    document = json.loads(extracted.stdout)
    content = read(seed_path)
    html = out.read_text(encoding="utf-8")
    page = check_page(html, content, document)
    assert len(page.facts) == len(list(offset_items(document))) > 100
    assert page.panel_people == [p["id"] for p in document["people"]]
    types = {f["data-type"] for f in page.facts.values()}
    assert types == {"person", "title", "organization", "number", "date"}
    # self-contained: nothing fetched from anywhere
    assert "http://" not in html.replace(content, "") and "https://" not in html.replace(content, "")
    assert "<link" not in html and " src=" not in html


def test_an_article_with_markup_stays_text(factx_cmd: list[str], tmp_path: Path) -> None:
    article = tmp_path / "markup.txt"
    article.write_text(ARTICLE, encoding="utf-8", newline="")
    out = tmp_path / "markup.html"
    shown = run(factx_cmd, "show", str(article), "--html", str(out))
    assert shown.returncode == 0, shown.stderr
    document = json.loads(run(factx_cmd, "extract", str(article)).stdout)
    html = out.read_text(encoding="utf-8")
    page = check_page(html, ARTICLE, document)
    assert page.scripts == 1  # the page's own script; the article's is text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&amp;amp;" in html
    assert "alert(1)" not in "".join(page.script_text)
    people = {p["name"] for p in document["people"]}
    assert "Maria Lopez" in people
    tips = [f["data-tip"] for f in page.facts.values() if f["data-type"] == "number"]
    assert any("value: 4500000000" in t and "unit: USD" in t for t in tips), tips
    titles = [f for f in page.facts.values() if f["data-type"] == "title"]
    assert titles and all("rule: " in f["data-tip"] for f in titles)


def test_batch_writes_a_page_per_article_and_an_index(factx_cmd: list[str], tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    names = ["corp_01_quarterly_results.txt", "dates_02_court_schedule.txt"]
    for name in names:
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    (folder / "markup.txt").write_text(ARTICLE, encoding="utf-8", newline="")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "review"
    done = run(factx_cmd, "batch", str(folder), "--format", "html", "--out-dir", str(out), "-q", "-j", "1")
    assert done.returncode == 1, done.stderr  # the empty file failed
    assert done.stdout == ""
    pages = sorted(p.name for p in out.glob("*.html"))
    assert len(pages) == 4 and "index.html" in pages
    records = [json.loads(line) for line in run(factx_cmd, "batch", str(folder), "-q", "-j", "1").stdout.splitlines()]
    index = (out / "index.html").read_text(encoding="utf-8")
    for record in records:
        row = index.split(f">{record['source']}<", 1)[1].split("</tr>", 1)[0]
        if "error" in record:
            assert "empty input" in row and "<a " not in index.split(f">{record['source']}<", 1)[0][-200:]
            continue
        counts = [int(c) for c in row.split("<td>")[1:] for c in [c.split("<", 1)[0]]]
        assert counts == [len(record[f.name]) for f in fact_types()]
        href = index.split(f">{record['source']}<", 1)[0].rsplit('href="', 1)[1].split('"', 1)[0]
        content = read(Path(record["source"]))
        check_page((out / href).read_text(encoding="utf-8"), content, record)


def test_batch_html_needs_an_out_dir(factx_cmd: list[str]) -> None:
    done = run(factx_cmd, "batch", str(CORPUS / "corp_01_quarterly_results.txt"), "--format", "html", "-q")
    assert done.returncode != 0 and "--out-dir" in done.stderr


# -- the renderer on spans written for the test ---------------------------------------------------

TEXT = "From 3 to 5 May 2024, Dr Ann Lee of Acme Corp Ltd spoke."


def _doc() -> dict[str, Any]:
    def at(word: str) -> dict[str, Any]:
        start = TEXT.index(word)
        return {"text": word, "start": start, "end": start + len(word)}

    return {
        "source": "t.txt",
        "people": [{"id": "person-1", "name": "Ann Lee", "mentions": [at("Dr Ann Lee")],
                    "titles": [{"title": "Dr", "organization": None},
                               {"title": "chair", "organization": "Acme Corp"}]}],
        # "Acme Corp" and "Corp Ltd" cross: neither holds the other
        "organizations": [{"id": "org-1", "name": "Acme Corp", "mentions": [at("Acme Corp")],
                           "aliases": ["Acme", "AC"]},
                          {"id": "org-2", "name": "Corp Ltd", "mentions": [at("Corp Ltd")], "aliases": []}],
        "titles": [{**at("Dr"), "title": "Dr", "person": "Ann Lee", "person_id": "person-1",
                    "organization": None, "canonical": "doctor", "status": "current", "organization_id": None,
                    "rule": "test-rule", "sentence_start": 0, "sentence_end": len(TEXT)}],
        "numbers": [{**at("3"), "value": 3, "unit": None, "kind": "count", "qualifier": None, "counted": None}],
        "dates": [{**at("3 to 5 May 2024"), "value": "2024-05-03/2024-05-05", "kind": "interval",
                   "granularity": "day", "modifier": None, "relative": False, "anchor": None}],
    }


def test_nested_and_crossing_spans() -> None:
    document = _doc()
    html = marked_text(TEXT, highlights(document))
    page = parse(f'<div id="article">{html}</div>')
    assert "".join(page.text) == TEXT
    by_text = {f["text"]: f for f in page.facts.values()}
    assert set(by_text) == {"Dr Ann Lee", "Dr", "Acme Corp", "Corp Ltd", "3", "3 to 5 May 2024"}
    assert by_text["Corp Ltd"]["pieces"] == 2 and by_text["Acme Corp"]["pieces"] == 1
    assert all(f["pieces"] == 1 for t, f in by_text.items() if t != "Corp Ltd")
    # the number is inside the date, the title inside the person's mention
    assert html.index('data-type="date"') < html.index('data-type="number"')
    assert html.index('data-type="person"') < html.index('data-type="title"')
    assert 'data-tip="value: 2024-05-03/2024-05-05\nkind: interval\ngranularity: day\nrelative: no"' in html
    # a mention shows its owner's fields: lists of strings and of records joined, mentions left out
    assert by_text["Dr Ann Lee"]["data-tip"] == "id: person-1\nname: Ann Lee\ntitles: Dr; chair, Acme Corp"
    assert by_text["Acme Corp"]["data-tip"] == "id: org-1\nname: Acme Corp\naliases: Acme; AC"
    # offsets (the sentence's too) and empty fields are not shown
    assert by_text["Dr"]["data-tip"] == \
        "title: Dr\nperson: Ann Lee\nperson_id: person-1\ncanonical: doctor\nstatus: current\nrule: test-rule"
    full = parse(html_page(TEXT, document))
    assert full.panel_people == ["person-1"]


def test_only_keeps_the_types_named() -> None:
    marks = highlights(_doc(), {"person", "date"})
    assert sorted(m.type for m in marks) == ["date", "person"]
    assert highlights(_doc(), set()) == []


@dataclass(frozen=True)
class Flag:
    text: str
    start: int
    end: int
    colour: str


FLAGS = FactType(name="flags", record=Flag, collector=lambda found: [], span_key="factx_test_flags",
                 schema={"type": "object", "required": ["text", "start", "end", "colour"],
                         "properties": {"text": {"type": "string"}, "start": {"type": "integer"},
                                        "end": {"type": "integer"}, "colour": {"type": "string"}}},
                 offsets=SPAN)


def test_a_registered_fact_type_is_shown_with_no_change_to_the_view() -> None:
    document = {**_doc(), "flags": [{"text": "spoke", "start": TEXT.index("spoke"), "end": len(TEXT) - 1,
                                     "colour": "red"}]}
    with registered(FLAGS):
        page = html_page(TEXT, document)
        marks = highlights(document)
    parsed = parse(page)
    flags = [f for f in parsed.facts.values() if f["data-type"] == "flag"]
    assert [(f["text"], f["data-tip"]) for f in flags] == [("spoke", "colour: red")]
    assert 'mark.fx[data-type="flag"]' in page and 'data-filter="flag"' in page
    assert [m.type for m in marks if m.fact == "flags"] == ["flag"]
    assert "flag" not in {m.type for m in highlights(document)}  # gone with its registry entry


# -- terminal -------------------------------------------------------------------------------------

def in_terminal(factx_cmd: list[str], args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run the CLI with stdout on a pseudo-terminal; returns (exit code, what it wrote)."""
    main, child = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ = {**environ, "COLUMNS": "120", "LINES": "5000", "TERM": "xterm-256color", **env}
    proc = subprocess.Popen([*factx_cmd, *args], stdout=child, stderr=subprocess.PIPE, stdin=child,
                            env={k: v for k, v in environ.items() if v != ""})
    os.close(child)
    chunks = []
    while True:
        ready, _, _ = select.select([main], [], [], 300)
        if not ready:
            proc.kill()
            raise AssertionError("factx show hung on the terminal")
        try:
            data = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    code = proc.wait(timeout=60)
    return code, b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8", newline="")
    return path


def test_show_in_a_terminal_styles_the_facts(factx_cmd: list[str], tmp_path: Path) -> None:
    code, out = in_terminal(factx_cmd, ["show", str(_article(tmp_path)), "--no-pager"], {"NO_COLOR": ""})
    assert code == 0
    assert "\x1b[1;4;34mMaria Lopez\x1b[0m" in out  # the person's style: bold blue underline
    assert "\x1b" not in out.split("\n", 1)[0]  # the header line holds no fact
    for table in ("people (", "organizations (", "titles (", "numbers (", "dates ("):
        assert table in out


def test_show_with_no_color_or_piped_has_no_escapes(factx_cmd: list[str], tmp_path: Path) -> None:
    path = _article(tmp_path)
    code, out = in_terminal(factx_cmd, ["show", str(path), "--no-pager"], {"NO_COLOR": "1"})
    assert code == 0 and "\x1b" not in out
    assert out.startswith(ARTICLE)
    piped = run(factx_cmd, "show", str(path))
    assert piped.returncode == 0 and "\x1b" not in piped.stdout
    assert piped.stdout.startswith(ARTICLE)
    for table in ("people (", "organizations (", "titles (", "numbers (", "dates ("):
        assert table in piped.stdout
    assert "Maria Lopez" in piped.stdout.split("people (", 1)[1]
    assert "4500000000" in piped.stdout.split("numbers (", 1)[1]


def test_show_reads_stdin_and_only_narrows(factx_cmd: list[str]) -> None:
    shown = run(factx_cmd, "show", "-", "--only", "people,dates", input=ARTICLE)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith(ARTICLE)
    assert "people (" in shown.stdout and "dates (" in shown.stdout
    assert "numbers (" not in shown.stdout and "organizations (" not in shown.stdout
    bad = run(factx_cmd, "show", "-", "--only", "people,colours", input=ARTICLE)
    assert bad.returncode == 2 and "colours" in bad.stderr and bad.stdout == ""


def test_show_pages_a_long_article_on_a_terminal(factx_cmd: list[str], tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE + "The board met again.\n" * 80, encoding="utf-8")
    code, out = in_terminal(factx_cmd, ["show", str(path)],
                            {"LINES": "20", "PAGER": "sed s/^/paged:/", "NO_COLOR": "1"})
    assert code == 0
    assert out.startswith("paged:date: 2024-05-02") and "paged:The board met again." in out


def test_show_of_a_missing_file_fails_in_one_line(factx_cmd: list[str], tmp_path: Path) -> None:
    shown = run(factx_cmd, "show", str(tmp_path / "nope.txt"))
    assert shown.returncode == 1 and shown.stdout == ""
    assert shown.stderr.startswith("factx: error:") and shown.stderr.count("\n") == 1


@pytest.mark.parametrize("name", ["people", "person"])
def test_only_takes_names_and_labels(factx_cmd: list[str], name: str) -> None:
    shown = run(factx_cmd, "show", "-", "--only", name, input=ARTICLE)
    assert shown.returncode == 0 and "people (" in shown.stdout and "titles (" not in shown.stdout
