"""The review pages in a real browser: headless Chromium loads them from disk and the rendered DOM is
read back (``--dump-dom``), so these tests see what the page's own script did.

Chromium is a system browser (Debian's ``chromium`` package), not a Python dependency; ``.ci/run``
installs it when missing. Without it these tests are skipped, saying so, unless ``FACTX_REQUIRE_BROWSER=1``
(set by ``.ci/run`` once a browser is there) makes its absence a failure; the pages themselves are
checked without a browser in ``test_show.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from test_show import ARTICLE, parse, read, run

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    message = ("headless Chromium is needed for the browser tests: install Debian's chromium package "
               "(sudo apt-get install chromium); .ci/run installs it when missing")
    if os.environ.get("FACTX_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


def browse(page: Path, *extra: str, fragment: str = "") -> str:
    """The DOM of ``page`` (a file) after its scripts ran, as Chromium serializes it."""
    done = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--window-size=1400,900", *extra, "--dump-dom", page.resolve().as_uri() + fragment],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class Body(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.body: dict[str, str] = {}
        self.marked: list[dict[str, str]] = []
        self.rows: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "body":
            self.body = a
        if tag == "mark" and "marked" in a.get("class", "").split():
            self.marked.append(a)
        if tag == "tr" and a.get("class") in ("document", "error"):
            self.rows.append(a["class"])
        if tag == "a":
            self.links.append(a.get("href", ""))


def body(dom: str) -> Body:
    parsed = Body()
    parsed.feed(dom)
    return parsed


@pytest.fixture(scope="module")
def seed_page(factx_cmd: list[str], seed_path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    out = tmp_path_factory.mktemp("browser") / "seed.html"
    shown = run(factx_cmd, "show", str(seed_path), "--html", str(out))
    assert shown.returncode == 0, shown.stderr
    return out, json.loads(run(factx_cmd, "extract", str(seed_path)).stdout)


def test_the_seed_page_runs_its_script_and_lists_every_person(seed_page: tuple[Path, Any],
                                                              seed_path: Path) -> None:
    page, document = seed_page
    dom = browse(page)
    assert body(dom).body.get("data-ready") == "yes"  # the script ran to its end
    rendered = parse(dom)
    assert rendered.panel_people == [p["id"] for p in document["people"]]
    assert "".join(rendered.text) == read(seed_path)  # the browser's DOM still holds the article exactly


def test_clicking_a_person_marks_their_mentions(seed_page: tuple[Path, Any], tmp_path: Path) -> None:
    page, document = seed_page
    person = max(document["people"], key=lambda p: len(p["mentions"]))
    assert len(person["mentions"]) > 1
    # #select=ID clicks the panel entry through the page's own click handler
    dom = browse(page, fragment=f"#select={person['id']}")
    seen = body(dom)
    assert seen.body.get("data-marked") == str(len(person["mentions"]))
    assert sorted((int(m["data-start"]), int(m["data-end"])) for m in seen.marked) == \
        sorted((m["start"], m["end"]) for m in person["mentions"])
    assert all(m["data-owner"] == person["id"] and m["data-type"] == "person" for m in seen.marked)
    other = next(p for p in document["people"] if p["id"] != person["id"])
    again = body(browse(page, fragment=f"#select={other['id']}"))
    assert {m["data-owner"] for m in again.marked} == {other["id"]}
    shot = tmp_path / "seed.png"
    browse(page, f"--screenshot={shot}", fragment=f"#select={person['id']}")
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_batch_index_lists_every_input(factx_cmd: list[str], tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("corp_01_quarterly_results.txt", "dates_02_court_schedule.txt"):
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    (folder / "markup.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    out = tmp_path / "review"
    done = run(factx_cmd, "batch", str(folder), "--format", "html", "--out-dir", str(out), "-q", "-j", "1")
    assert done.returncode == 1
    seen = body(browse(out / "index.html"))
    assert sorted(seen.rows) == ["document", "document", "document", "error"]
    assert len(seen.links) == 3 and all((out / link).exists() for link in seen.links)
    markup = next(link for link in seen.links if "markup" in link)
    shown = body(browse(out / markup))
    assert shown.body.get("data-ready") == "yes"
    dom = browse(out / markup)
    assert dom.count("<script") == 1 and "&lt;script&gt;alert(1)&lt;/script&gt;" in dom  # the article's is text


def test_a_100000_character_article_renders_in_under_2_seconds(factx_cmd: list[str], tmp_path: Path) -> None:
    paragraphs = [p for name in sorted(CORPUS.glob("*.txt")) for p in read(name).split("\n\n")[1:]]
    text = "date: 2024-10-24\n\n"
    while len(text) < 100_000:
        text += paragraphs[len(text) % len(paragraphs)] + "\n\n"
    article = tmp_path / "long.txt"
    article.write_text(text, encoding="utf-8")
    page = tmp_path / "long.html"
    shown = run(factx_cmd, "show", str(article), "--html", str(page))
    assert shown.returncode == 0, shown.stderr
    seen = body(browse(page))
    assert seen.body.get("data-ready") == "yes"
    ms = int(seen.body["data-ms"])  # from navigation start to the end of the script, layout included
    print(f"100,000-character page: {page.stat().st_size} bytes, {ms} ms to script end in headless Chromium")
    assert ms < 2000
