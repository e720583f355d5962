"""``factx eval CORPUS``: precision, recall and F1 per fact type against gold files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.table import Table

from ..api import Failure, process
from ..errors import FactxError
from ..evaluate import FACT_TYPES, Report, evaluate, find_pairs, load_gold
from ..read import read_source
from .console import err_console, fail
from .options import ModelOption, PatternsOption, pattern_dirs

HELP = """Score factx against a folder of NAME.txt + NAME.gold.json pairs (see corpus/GUIDELINES.md).

Prints a table on stderr; --json writes the scores as JSON on stdout.

Example:

  factx eval corpus/ --json | jq '.scores'
"""


def run_eval(corpus: Path, *, model: str | None = None, patterns: list[str] | None = None) -> Report:
    pairs = find_pairs(corpus)
    if not pairs:
        raise FactxError(f"{corpus}: no NAME.txt files with NAME.gold.json beside them")
    items = [read_source(str(text)) for text, _ in pairs]
    results = list(process(items, model=model, patterns_dirs=patterns or []))
    triples = []
    for (text, gold), result in zip(pairs, results, strict=True):
        if isinstance(result, Failure):
            raise FactxError(f"{text}: {result.message}")
        triples.append((text.name, load_gold(gold), result.to_dict()))
    return evaluate(triples)


def _table(report: Report) -> Table:
    table = Table(title=f"factx eval ({len(report.documents)} documents)")
    for column in ("fact type", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "fact type" else "right")
    for fact_type in FACT_TYPES:
        s = report.totals[fact_type]
        table.add_row(fact_type, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                      str(s.tp), str(s.fp), str(s.fn))
    return table


def eval_cli(
    corpus: Path = typer.Argument(Path("corpus"), help="Folder with NAME.txt and NAME.gold.json files."),
    as_json: bool = typer.Option(False, "--json", help="Write the scores as JSON on stdout."),
    show_errors: bool = typer.Option(False, "--show-errors", help="List missed and spurious facts on stderr."),
    model: str | None = ModelOption,
    patterns: list[Path] | None = PatternsOption,
) -> None:
    try:
        report = run_eval(corpus, model=model, patterns=pattern_dirs(patterns))
    except FactxError as err:
        fail(err)
    err_console.print(_table(report))
    if show_errors:
        for name, diffs in report.errors:
            for key, items in diffs.items():
                if items:
                    err_console.print(f"{name} {key}: {items}", markup=False, soft_wrap=True)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
