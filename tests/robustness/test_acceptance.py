"""Acceptance: one folder mixing every kind of bad input with good articles. Each good article comes out
exactly as in a run without the bad ones, each bad one is one error record, no traceback, exit code 1."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
MAX_BYTES = 200_000


def _bad_files(folder: Path) -> dict[str, str]:
    """Write the bad inputs; returns {relative path: a word its error message must hold}."""
    (folder / "bad").mkdir()
    (folder / "bad" / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "bad" / "nul-in-text.txt").write_bytes(b"date: 2024-03-05\n\nAcme\x00 said sales rose.\n")
    (folder / "bad" / "empty.txt").write_bytes(b"")
    (folder / "bad" / "blank.txt").write_bytes(b" \n\t\n")
    (folder / "bad" / "too-big.txt").write_bytes(b"Sales rose. " * (MAX_BYTES // 12 + 10))
    (folder / "bad" / "impossible-date.txt").write_text("date: 2024-02-30\n\nAnna Berg said so.\n", encoding="utf-8")
    (folder / "bad" / "long-bad-header.txt").write_text("date: soon " + "x" * 150_000, encoding="utf-8")
    (folder / "bad" / "front-matter.txt").write_text("---\ndate: 2024-13-01\n---\nText.\n", encoding="utf-8")
    os.symlink(folder / "nowhere.txt", folder / "bad" / "dangling.txt")
    (folder / "bad" / "loop").mkdir()
    os.symlink(folder / "bad" / "loop", folder / "bad" / "loop" / "again")  # not followed: no record
    return {"bad/binary.txt": "binary", "bad/nul-in-text.txt": "binary", "bad/empty.txt": "empty",
            "bad/blank.txt": "empty", "bad/too-big.txt": "limit", "bad/impossible-date.txt": "calendar date",
            "bad/long-bad-header.txt": "malformed date header", "bad/front-matter.txt": "calendar date",
            "bad/dangling.txt": "symlink"}


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_inputs_cost_only_themselves(factx_cmd: list[str], tmp_path: Path, jobs: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(CORPUS.glob("*.txt"))[:10]:
        shutil.copy(path, folder / path.name)
    clean_out = tmp_path / "clean.jsonl"
    clean = subprocess.run([*factx_cmd, "batch", str(folder), "-o", str(clean_out), "--jobs", jobs, "-q",
                            "--max-bytes", str(MAX_BYTES)], capture_output=True, text=True, timeout=900)
    assert clean.returncode == 0, clean.stderr
    expected = {r["source"]: r for r in _records(clean_out)}
    assert len(expected) == 10 and not any("error" in r for r in expected.values())

    bad = _bad_files(folder)
    mixed_out = tmp_path / "out" / "mixed.jsonl"  # a folder that does not exist yet
    mixed = subprocess.run([*factx_cmd, "batch", str(folder), "-o", str(mixed_out), "--jobs", jobs,
                            "--max-bytes", str(MAX_BYTES)], capture_output=True, text=True, timeout=900)
    assert mixed.returncode == 1  # the README: 1 when any input failed
    assert "Traceback" not in mixed.stderr and "internal error" not in mixed.stderr
    records = _records(mixed_out)
    by_source = {r["source"]: r for r in records}
    assert len(by_source) == len(records) == 10 + len(bad)  # one record each, none twice
    for source, record in expected.items():
        assert by_source[source] == record  # as if the bad inputs were not there
    for relative, word in bad.items():
        record = by_source[str(folder / relative)]
        assert set(record) == {"source", "error"}
        message = record["error"]["message"]
        assert word in message and "\n" not in message and len(message) < 300, (relative, message)
    error_lines = [line for line in mixed.stderr.splitlines() if line.startswith("factx: error: ")]
    assert len(error_lines) == len(bad)
    assert all(len(line) < 400 for line in mixed.stderr.splitlines())
