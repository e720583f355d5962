"""Shared fixtures: the real pipeline with the pinned model, the corpus, the example press release."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

import factx
from factx.nlp import DEFAULT_MODEL, build_nlp
from factx.read import read_source

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEED = ROOT.parent / "shared" / "seeds" / "000_20bceecdab9505ef.txt"
# Tests pin the default model so results do not depend on which other pipelines are installed.
os.environ["FACTX_MODEL"] = DEFAULT_MODEL


@pytest.fixture(scope="session")
def nlp() -> Any:
    return build_nlp(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def extract() -> Any:
    """``extract(text, date=None) -> dict`` through the real pipeline."""

    def run(text: str, date: str | None = None) -> dict[str, Any]:
        return factx.extract(text, document_date=date, model=DEFAULT_MODEL).to_dict()

    return run


@pytest.fixture(scope="session")
def corpus_results() -> list[tuple[Path, str, dict[str, Any]]]:
    """Every corpus article processed once: (path, content, document dict)."""
    paths = sorted(CORPUS.glob("*.txt"))
    items = [read_source(str(p)) for p in paths]
    docs = list(factx.process(items, model=DEFAULT_MODEL))
    return [(p, item.content, doc.to_dict()) for p, item, doc in zip(paths, items, docs, strict=True)]


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("the example press release (../shared/seeds) is not beside this checkout")
    return SEED


@pytest.fixture(scope="session")
def factx_cmd() -> list[str]:
    """The installed console script (the real CLI), falling back to ``python -m factx``."""
    script = shutil.which("factx", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "factx"]
