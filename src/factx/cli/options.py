"""Options shared by several commands (help strings kept as constants)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..nlp import Settings

MODEL_HELP = ("spaCy pipeline to use: an installed package name or a model directory "
              "(default: $FACTX_MODEL, else the best installed en_core_web_* model).")
PATTERNS_HELP = "Extra folder of *.jsonl rule patterns (repeatable), added to the built-in ones."
DATE_HELP = "Document date YYYY-MM-DD; overrides a date found in the header."

ModelOption = typer.Option(None, "--model", "-m", help=MODEL_HELP, envvar="FACTX_MODEL", metavar="NAME")
PatternsOption = typer.Option(None, "--patterns", help=PATTERNS_HELP, file_okay=False, metavar="DIR")
DateOption = typer.Option(None, "--date", help=DATE_HELP, metavar="YYYY-MM-DD")


def pattern_dirs(values: list[Path] | None) -> list[str]:
    return [str(v) for v in values or []]

DollarOption = typer.Option("USD", "--dollar-currency", metavar="CODE",
                            help="ISO 4217 code for a bare '$' (default USD).")
YenOption = typer.Option("auto", "--yen-currency", metavar="CODE",
                         help="Currency of '¥': CNY, JPY or auto (by context).")
FiscalOption = typer.Option(None, "--fiscal-year-start", min=1, max=12, metavar="MONTH",
                            help="Month (1-12) a fiscal year starts; FY values then get calendar intervals.")


YEN_CHOICES = ("CNY", "JPY")


def currency_codes() -> frozenset[str]:
    """The ISO 4217 codes in current use (``patterns/iso4217.txt``)."""
    from ..patterns import builtin_dir

    lines = (builtin_dir() / "iso4217.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def settings(dollar: str, yen: str, fiscal_start: int | None) -> Settings:
    """The choices of ``--dollar-currency``, ``--yen-currency`` and ``--fiscal-year-start``; a code
    that is not ISO 4217 (or, for the yen sign, neither CNY nor JPY) is a UsageError (exit 2)."""
    from ..errors import UsageError, quote

    codes = currency_codes()
    if dollar.upper() not in codes:
        raise UsageError(f"--dollar-currency {quote(dollar)} is not an ISO 4217 currency code (USD, CAD, AUD, ...)")
    if yen.lower() != "auto" and yen.upper() not in YEN_CHOICES:
        raise UsageError(f"--yen-currency {quote(yen)}: expected CNY, JPY or auto")
    return Settings(dollar.upper(), "auto" if yen.lower() == "auto" else yen.upper(), fiscal_start)


def checked_date(value: str | None) -> str | None:
    """``--date`` as ``YYYY-MM-DD``, or a UsageError (exit 2): no other ISO form, no impossible day."""
    from ..api import document_date_iso

    return document_date_iso(value)


def checked_max_bytes(value: int) -> int:
    """``--max-bytes`` as given, or a one-line usage error (exit 2) for zero or less."""
    if value < 1:
        from ..errors import UsageError

        raise UsageError(f"--max-bytes must be a positive number of bytes, not {value}")
    return value
