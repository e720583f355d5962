"""One failure boundary per document, in every engine.

A stage is made to raise on a marker word with ``FACTX_FAULT=STAGE:WORD`` (off unless set). A batch
of N documents with one marked document must give the N-1 others exactly as a run without the
marked one (byte for byte, in order), one InternalError record in its place, and exit 1.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

import factx
from factx.read import read_source

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
MARKER = "XYZZYFAIL"
BAD_NAME = "m_marked.txt"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """19 corpus articles and, in the middle, one more that carries the marker word."""
    folder = tmp_path_factory.mktemp("isolation")
    articles = sorted(CORPUS.glob("*.txt"))[:19]
    for path in articles:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    text = articles[0].read_text(encoding="utf-8")
    (folder / BAD_NAME).write_text(text.rstrip("\n") + f" The code word {MARKER} ends it.\n", encoding="utf-8")
    return folder


def _paths(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.glob("*.txt"))


def _run(cmd: list[str], *args: str, fault: str | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FACTX_FAULT", "FACTX_DEBUG")}
    if fault:
        env["FACTX_FAULT"] = fault
    return subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture(scope="module")
def clean_lines(factx_cmd: list[str], folder: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The output lines of a run without the marked document."""
    return _clean_run(factx_cmd, folder, tmp_path_factory.mktemp("clean") / "clean.jsonl", "1")


def _clean_run(factx_cmd: list[str], folder: Path, out: Path, jobs: str) -> list[str]:
    good = [p for p in _paths(folder) if not p.endswith(BAD_NAME)]
    result = _run(factx_cmd, "batch", *good, "-o", str(out), "-q", "--jobs", jobs)
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(good)
    return lines


def _check_isolated(folder: Path, out: Path, clean_lines: list[str], stage: str) -> None:
    lines = out.read_text(encoding="utf-8").splitlines()
    paths = _paths(folder)
    bad = paths.index(str(folder / BAD_NAME))
    assert len(lines) == len(paths)
    record = json.loads(lines[bad])
    assert record["source"] == paths[bad]
    assert record["error"]["type"] == "InternalError"
    assert record["error"]["stage"] == stage
    assert "InjectedFault" in record["error"]["message"] and "\n" not in record["error"]["message"]
    assert lines[:bad] + lines[bad + 1:] == clean_lines


ENGINES = {
    "jobs1": ["--jobs", "1"],
    "jobs2": ["--jobs", "2"],
    "dask": ["--engine", "dask", "--workers", "2"],
}
CASES = [
    ("jobs1", "factx_dates"),  # a factx component
    ("jobs1", "ner"),  # a batched model component: its batch is retried document by document
    ("jobs1", "collect"),  # building the records
    ("jobs1", "chunk"),  # a failure no document owns: the stream's remaining items run one by one
    ("jobs2", "factx_titles"),
    ("jobs2", "parser"),
    ("jobs2", "chunk"),  # a pool task fails as a whole: its items are retried one by one
    ("dask", "factx_numbers"),
    ("dask", "chunk"),
]


@pytest.mark.parametrize(("engine", "stage"), CASES)
def test_one_failing_document_costs_only_itself(factx_cmd: list[str], folder: Path, clean_lines: list[str],
                                                tmp_path: Path, engine: str, stage: str) -> None:
    if engine == "dask":
        pytest.importorskip("distributed")
    out = tmp_path / "out.jsonl"
    word = BAD_NAME if stage == "chunk" else MARKER  # a chunk is known by its sources
    result = _run(factx_cmd, "batch", str(folder), "-o", str(out), *ENGINES[engine], fault=f"{stage}:{word}")
    assert result.returncode == 1, result.stderr
    assert f"internal error in {stage}" in result.stderr
    assert "Traceback" not in result.stderr
    _check_isolated(folder, out, clean_lines, stage)


def test_fail_fast_stops_at_the_failing_document(factx_cmd: list[str], folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = _run(factx_cmd, "batch", str(folder), "-o", str(out), "--jobs", "1", "--fail-fast",
                  fault=f"factx_dates:{MARKER}")
    assert result.returncode == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "error" in json.loads(lines[-1]) and lines[-1].count(BAD_NAME) == 1
    assert len(lines) == _paths(folder).index(str(folder / BAD_NAME)) + 1


def test_debug_shows_the_traceback_on_stderr(factx_cmd: list[str], folder: Path) -> None:
    env = {**os.environ, "FACTX_FAULT": f"factx_people:{MARKER}", "FACTX_DEBUG": "1"}
    result = subprocess.run([*factx_cmd, "extract", str(folder / BAD_NAME)], capture_output=True, text=True,
                            timeout=300, env=env)
    assert result.returncode == 1
    assert "Traceback" in result.stderr and "InjectedFault" in result.stderr
    assert result.stdout == ""


def test_extract_reports_an_internal_error_in_one_line(factx_cmd: list[str], folder: Path) -> None:
    result = _run(factx_cmd, "extract", str(folder / BAD_NAME), fault=f"factx_organizations:{MARKER}")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"factx: error: {folder / BAD_NAME}: internal error in factx_organizations: InjectedFault: injected fault in "
        "factx_organizations (FACTX_FAULT)"
    ]


def test_without_the_variable_the_marker_is_an_ordinary_word(factx_cmd: list[str], folder: Path) -> None:
    result = _run(factx_cmd, "extract", str(folder / BAD_NAME), "--compact")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["people"]


@pytest.fixture(scope="module")
def big_folder(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The marked folder and 30 more articles after it: enough partitions for Ctrl-C to land mid-run."""
    big = tmp_path_factory.mktemp("isolation_big")
    for path in folder.glob("*.txt"):
        (big / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for path in sorted(CORPUS.glob("*.txt"))[19:49]:
        (big / f"z_{path.name}").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return big


@pytest.fixture(scope="module")
def big_clean_lines(factx_cmd: list[str], big_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return _clean_run(factx_cmd, big_folder, tmp_path_factory.mktemp("big_clean") / "clean.jsonl", "2")


@pytest.mark.parametrize("engine", list(ENGINES))
def test_interrupt_then_resume_gives_each_source_once(factx_cmd: list[str], big_folder: Path,
                                                      big_clean_lines: list[str], tmp_path: Path,
                                                      engine: str) -> None:
    if engine == "dask":
        pytest.importorskip("distributed")
    folder, clean_lines = big_folder, big_clean_lines
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "FACTX_FAULT": f"factx_dates:{MARKER}"}
    proc = subprocess.Popen([*factx_cmd, "batch", str(folder), "-o", str(out), *ENGINES[engine], "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.time() + 300
    while time.time() < deadline and (not out.exists() or out.read_text(encoding="utf-8").count("\n") < 3):
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    written = out.read_text(encoding="utf-8").splitlines()
    assert 3 <= len(written) < len(_paths(folder))
    # --resume skips every source already in the output, an error record's too: the marked document
    # fails again, alone, unless its error record was written before the interrupt
    recorded = {json.loads(line)["source"] for line in written}
    result = _run(factx_cmd, "batch", str(folder), "-o", str(out), *ENGINES[engine], "-q", "--resume",
                  fault=f"factx_dates:{MARKER}")
    assert result.returncode == (0 if str(folder / BAD_NAME) in recorded else 1), result.stderr
    _check_isolated(folder, out, clean_lines, "factx_dates")


def test_a_document_does_not_depend_on_its_neighbours(folder: Path, clean_lines: list[str]) -> None:
    """The same article alone and in the middle of a batch gives the same record."""
    batch = {json.loads(line)["source"]: json.loads(line) for line in clean_lines}
    for path in _paths(folder)[5:8]:
        alone: Any = next(factx.process([read_source(path)]))
        assert alone.to_dict() == batch[path], path


def test_library_extract_raises_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTX_FAULT", f"factx_numbers:{MARKER}")
    with pytest.raises(factx.FactxError, match="internal error in factx_numbers"):
        factx.extract(f"Anna Berg paid $5 for {MARKER}.")
    assert factx.extract("Anna Berg paid $5 for it.").numbers[0].value == 5


@pytest.mark.parametrize("engine", ["jobs2", "dask"])
@pytest.mark.parametrize("model", ["nonsense", "EMPTY_DIR"])
def test_a_model_that_cannot_load_ends_a_parallel_run_with_exit_2(factx_cmd: list[str], folder: Path,
                                                                 tmp_path: Path, engine: str, model: str) -> None:
    """More files than one chunk: the run must not start (and respawn) workers for a bad model."""
    if engine == "dask":
        pytest.importorskip("distributed")
    if model == "EMPTY_DIR":
        model = str(tmp_path / "not_a_pipeline")
        Path(model).mkdir()
    result = _run(factx_cmd, "batch", str(folder), "-o", str(tmp_path / "out.jsonl"), *ENGINES[engine],
                  "--model", model, timeout=120)
    assert result.returncode == 2, result.stderr[-2000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factx: error: "), lines[:5]
    assert "Traceback" not in result.stderr
