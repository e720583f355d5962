"""``factx eval CORPUS``: precision, recall and F1 per fact type against gold files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from .. import spanscore
from ..api import Failure, process
from ..errors import FactxError
from ..evaluate import Report, evaluate, find_pairs, load_gold
from ..read import read_source
from .console import err_console, fail
from .options import ModelOption, PatternsOption, pattern_dirs

HELP = """Score factx against a folder of NAME.txt + NAME.gold.json pairs (see corpus/GUIDELINES.md), or
a span-annotated folder (docs/*.txt + gold.jsonl) with relaxed one-to-one overlap matching.

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
    for fact_type, s in report.totals.items():
        table.add_row(fact_type, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                      str(s.tp), str(s.fp), str(s.fn))
    return table


def _span_eval(folder: Path, model: str | None, patterns: list[str]) -> dict[str, Any]:
    """Score a span-annotated folder (docs/*.txt + gold.jsonl) with the development sets' rules."""
    golds = spanscore.load_gold(folder)
    paths = [folder / "docs" / g["doc"] for g in golds]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise FactxError(f"{missing[0]}: named in gold.jsonl but not found")
    documents: dict[str, dict[str, Any]] = {}
    errors = 0
    for path, result in zip(paths, process((read_source(str(p)) for p in paths), model=model,
                                           patterns_dirs=patterns), strict=True):
        if isinstance(result, Failure):
            errors += 1
            continue
        documents[path.name] = result.to_dict()
    totals = spanscore.score(golds, documents, spanscore.sections(folder, golds))
    return {"documents": len(golds), "error_records": errors,
            "scores": {name: counts.to_dict() for name, counts in totals.items()}}


def _span_table(report: dict[str, Any]) -> Table:
    table = Table(title=f"factx eval ({report['documents']} documents, span matching)")
    for column in ("section", "precision", "recall", "F1", "tp", "fp", "gold"):
        table.add_column(column, justify="left" if column == "section" else "right")
    for name, s in report["scores"].items():
        table.add_row(name, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                      str(s["tp"]), str(s["fp"]), str(s["n_gold"]))
    return table


def eval_cli(
    corpus: Path = typer.Argument(Path("corpus"), help="Folder with NAME.txt and NAME.gold.json files.", metavar="DIR"),
    as_json: bool = typer.Option(False, "--json", help="Write the scores as JSON on stdout."),
    show_errors: bool = typer.Option(False, "--show-errors", help="List missed and spurious facts on stderr."),
    model: str | None = ModelOption,
    patterns: list[Path] | None = PatternsOption,
) -> None:
    if spanscore.is_span_set(corpus):
        try:
            spans = _span_eval(corpus, model, pattern_dirs(patterns))
        except FactxError as err:
            fail(err)
        err_console.print(_span_table(spans))
        if as_json:
            sys.stdout.write(json.dumps(spans, ensure_ascii=False) + "\n")
        return
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
