"""Options shared by several commands (help strings kept as constants)."""

from __future__ import annotations

from pathlib import Path

import typer

MODEL_HELP = ("spaCy pipeline to use: an installed package name or a model directory "
              "(default: $FACTX_MODEL, else the best installed en_core_web_* model).")
PATTERNS_HELP = "Extra folder of *.jsonl rule patterns (repeatable), added to the built-in ones."
DATE_HELP = "Document date YYYY-MM-DD; overrides a date found in the header."

ModelOption = typer.Option(None, "--model", "-m", help=MODEL_HELP, envvar="FACTX_MODEL")
PatternsOption = typer.Option(None, "--patterns", help=PATTERNS_HELP, file_okay=False)
DateOption = typer.Option(None, "--date", help=DATE_HELP)


def pattern_dirs(values: list[Path] | None) -> list[str]:
    return [str(v) for v in values or []]
