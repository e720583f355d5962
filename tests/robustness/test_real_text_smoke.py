"""Real text: every document of every development set in ../shared/dev goes through ``factx batch``
with no error record, every source once, and every offset true (skipped where the sets are absent)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from factx.facttypes import offset_items

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "dev"
SETS = sorted(p.parent.name for p in DEV.glob("*/docs")) if DEV.is_dir() else []


@pytest.mark.skipif(not SETS, reason="the development sets (../shared/dev) are not beside this checkout")
@pytest.mark.parametrize("name", SETS)
def test_every_real_document_comes_out_whole(factx_cmd: list[str], tmp_path: Path, name: str) -> None:
    docs = DEV / name / "docs"
    paths = sorted(str(p) for p in docs.glob("*.txt"))
    out = tmp_path / f"{name}.jsonl"
    result = subprocess.run([*factx_cmd, "batch", str(docs), "-o", str(out), "-q", "--jobs", "2"],
                            capture_output=True, text=True, timeout=1800)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    errors = [r for r in records if "error" in r]
    assert not errors, errors[:3]
    assert result.returncode == 0, result.stderr[-2000:]
    assert [r["source"] for r in records] == paths
    for record in records:
        content = Path(record["source"]).read_text(encoding="utf-8")
        for item in offset_items(record):
            assert content[item["start"]:item["end"]] == item["text"], (record["source"], item)
