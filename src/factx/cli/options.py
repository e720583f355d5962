"""Options shared by several commands (help strings kept as constants)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..nlp import Settings

MODEL_HELP = ("spaCy pipeline to use: an installed package name or a model directory "
              "(default: $FACTX_MODEL, else the best installed en_core_web_* model).")
PATTERNS_HELP = "Extra folder of *.jsonl rule patterns (repeatable), added to the built-in ones."
DATE_HELP = "Document date YYYY-MM-DD; overrides a date found in the header."

ModelOption = typer.Option(None, "--model", "-m", help=MODEL_HELP, envvar="FACTX_MODEL")
PatternsOption = typer.Option(None, "--patterns", help=PATTERNS_HELP, file_okay=False)
DateOption = typer.Option(None, "--date", help=DATE_HELP)


def pattern_dirs(values: list[Path] | None) -> list[str]:
    return [str(v) for v in values or []]

DollarOption = typer.Option("USD", "--dollar-currency", help="ISO code for a bare '$' (default USD).")
YenOption = typer.Option("auto", "--yen-currency", help="ISO code for '¥': CNY, JPY or auto (by context).")
FiscalOption = typer.Option(None, "--fiscal-year-start", min=1, max=12,
                            help="Month (1-12) a fiscal year starts; FY values then get calendar intervals.")


def settings(dollar: str, yen: str, fiscal_start: int | None) -> Settings:
    return Settings(dollar.upper(), yen if yen == "auto" else yen.upper(), fiscal_start)


def checked_max_bytes(value: int) -> int:
    """``--max-bytes`` as given, or a one-line usage error (exit 2) for zero or less."""
    if value < 1:
        from ..errors import UsageError

        raise UsageError(f"--max-bytes must be a positive number of bytes, not {value}")
    return value
