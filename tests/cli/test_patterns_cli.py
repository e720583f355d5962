"""``factx patterns check DIR`` / ``factx patterns list`` and ``--patterns`` through the real CLI."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

PATTERNS = Path(__file__).resolve().parents[2] / "patterns"


def run(cmd: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=300)


def _write(path: Path, *rules: dict[str, Any] | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rules), encoding="utf-8")
    return path


def test_patterns_check_accepts_a_good_folder(factx_cmd: list[str], tmp_path: Path) -> None:
    path = _write(tmp_path / "mine" / "titles.jsonl",
                  {"label": "TITLE", "pattern": "chief gadget officer", "id": "cgo"},
                  {"label": "TITLE", "pattern": "president", "id": "head of state", "override": True})
    result = run(factx_cmd, "patterns", "check", str(tmp_path / "mine"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["problems"] == [] and report["files"] == [str(path)]


def test_patterns_check_of_the_built_in_folder_reads_it_once(factx_cmd: list[str]) -> None:
    result = run(factx_cmd, "patterns", "check", str(PATTERNS))
    assert result.returncode == 0, result.stderr[:500]
    assert json.loads(result.stdout)["ok"] is True


def test_patterns_check_reports_every_problem_one_line_each(factx_cmd: list[str], tmp_path: Path) -> None:
    path = _write(tmp_path / "mine" / "mine.jsonl",
                  {"label": "TITEL", "pattern": "chief gadget officer"},
                  {"label": "TITLE", "pattern": "CEO"},
                  "{not json",
                  {"label": "NOT_ORG", "pattern": [{"LOWER": "gizmo"}]},
                  {"label": "UNIT", "pattern": "furlong", "id": "fur"})
    result = run(factx_cmd, "patterns", "check", str(tmp_path / "mine"))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert [line.split(": ", 2)[:2] for line in lines] == [
        ["factx", "error"], ["factx", "error"], ["factx", "error"], ["factx", "error"]]
    assert [line.split(": ", 2)[2].split(": ")[0] for line in lines] == [f"{path}:{n}" for n in (1, 2, 3, 4)]
    assert "unknown label 'TITEL'" in lines[0]
    assert "duplicate TITLE pattern 'CEO'" in lines[1] and "titles.jsonl:" in lines[1]
    assert "not valid JSON" in lines[2]
    assert "NOT_ORG is a word list" in lines[3]
    report = json.loads(result.stdout)
    assert report["ok"] is False and [p["line"] for p in report["problems"]] == [1, 2, 3, 4]


def test_patterns_check_warns_on_an_empty_file_and_refuses_a_missing_folder(factx_cmd: list[str],
                                                                           tmp_path: Path) -> None:
    empty = tmp_path / "mine" / "empty.jsonl"
    _write(tmp_path / "mine" / "a.jsonl", {"label": "UNIT", "pattern": "furlong", "id": "fur"})
    empty.write_text("", encoding="utf-8")
    result = run(factx_cmd, "patterns", "check", str(tmp_path / "mine"))
    assert result.returncode == 0
    assert result.stderr == f"factx: warning: {empty}: empty pattern file (no rules)\n"
    missing = run(factx_cmd, "patterns", "check", str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert missing.stderr == f"factx: error: {tmp_path / 'nowhere'}: pattern folder not found\n"


def _builtin_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for path in PATTERNS.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                label = json.loads(line)["label"]
                counts[label] = counts.get(label, 0) + 1
    return counts


def test_patterns_list_gives_every_label_with_kind_owner_and_count(factx_cmd: list[str], tmp_path: Path) -> None:
    result = run(factx_cmd, "patterns", "list")
    assert result.returncode == 0, result.stderr
    table = {row["label"]: row for row in json.loads(result.stdout)}
    assert {label: row["count"] for label, row in table.items()} == _builtin_counts()
    assert (table["GIVEN_NAME"]["kind"], table["GIVEN_NAME"]["owner"]) == ("words", "factx_people")
    assert (table["TITLE"]["kind"], table["TITLE"]["owner"]) == ("match", "factx_titles")
    assert table["NOT_ORG"]["kind"] == "words" and table["NUMBER_LABEL"]["kind"] == "words"
    assert "ISO 4217" in table["CURRENCY"]["id"] and "name" in table["DATE"]["id"]
    _write(tmp_path / "mine" / "a.jsonl", {"label": "UNIT", "pattern": "furlong", "id": "fur"})
    more = json.loads(run(factx_cmd, "patterns", "list", "--patterns", str(tmp_path / "mine")).stdout)
    assert {r["label"]: r["count"] for r in more}["UNIT"] == table["UNIT"]["count"] + 1


def test_extract_refuses_an_unknown_label_in_one_line(factx_cmd: list[str], tmp_path: Path) -> None:
    path = _write(tmp_path / "mine" / "a.jsonl", {"label": "TITEL", "pattern": "chief gadget officer"})
    article = tmp_path / "a.txt"
    article.write_text("Acme said revenue rose.\n", encoding="utf-8")
    result = run(factx_cmd, "extract", str(article), "--patterns", str(tmp_path / "mine"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"factx: error: {path}:1: unknown label 'TITEL' (did you mean TITLE?)\n"


ARTICLE = ("date: 2024-03-05\n\nBoeing reported higher deliveries on Monday, the company said. Later, Boeing "
           "Skyworks, a unit based in Seattle, said it had hired 300 engineers. Analysts at Goldman Sachs said "
           "the Boeing Skyworks deal was large.\n")


def test_collect_reads_the_organization_words_of_patterns_folders(factx_cmd: list[str], tmp_path: Path) -> None:
    """"Boeing" before "Boeing Skyworks" is that organization only if "Skyworks" is an organization
    word: the merge of partial names reads the pipeline's pattern set, --patterns included."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    _write(tmp_path / "mine" / "heads.jsonl", {"label": "ORG_HEAD", "pattern": "skyworks", "id": "org-head"})

    def orgs(*args: str) -> list[tuple[str, list[str], int]]:
        result = run(factx_cmd, "extract", str(article), *args)
        assert result.returncode == 0, result.stderr
        return [(o["name"], o["aliases"], len(o["mentions"])) for o in json.loads(result.stdout)["organizations"]]

    assert orgs() == [("Boeing", [], 1), ("Boeing Skyworks", [], 2), ("Goldman Sachs", [], 1)]
    assert orgs("--patterns", str(tmp_path / "mine")) == [("Boeing Skyworks", ["Boeing"], 3), ("Goldman Sachs", [], 1)]
