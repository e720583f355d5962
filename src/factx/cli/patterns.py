"""``factx patterns check DIR`` and ``factx patterns list``: for people who write their own patterns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from ..patterns import LABELS, read_patterns
from ..serialize import to_json
from .console import err_console, stdout_is_terminal, write_json_stdout
from .options import PatternsOption, pattern_dirs

HELP = """Check and list rule patterns (the schema of labels is closed: see the README's Patterns section)."""

app = typer.Typer(add_completion=False, no_args_is_help=True, help=HELP, rich_markup_mode=None)


def _print_json(value: Any) -> None:
    pretty = stdout_is_terminal()
    write_json_stdout(to_json(value, pretty=pretty), pretty=pretty)


@app.command("check")
def check_cli(
    folders: list[Path] = typer.Argument(..., help="Pattern folders to check, as --patterns would load them."),
) -> None:
    """Validate pattern folders against the built-in ones: one line per problem on stderr
    (factx: error: FILE:LINE: reason), a JSON report on stdout; exit 2 on problems, else 0."""
    loaded = read_patterns([str(folder) for folder in folders])
    for warning in loaded.warnings:
        err_console.print(f"factx: warning: {warning}", markup=False, soft_wrap=True)
    for problem in loaded.problems:
        err_console.print(f"factx: error: {problem}", markup=False, soft_wrap=True)
    mine = [f for f in loaded.patterns.files if any(Path(f).parent == Path(folder) for folder in folders)]
    _print_json({
        "folders": [str(folder) for folder in folders],
        "files": mine,
        "ok": not loaded.problems,
        "problems": [{"file": p.file, "line": p.line, "reason": p.reason} for p in loaded.problems],
        "warnings": [{"file": w.file, "line": w.line, "reason": w.reason} for w in loaded.warnings],
    })
    raise typer.Exit(2 if loaded.problems else 0)


@app.command("list")
def list_cli(patterns: list[Path] | None = PatternsOption) -> None:
    """Every label of the pattern schema as JSON: kind (words or match), owner component, what id
    means and how many rules it has (built-in plus --patterns folders)."""
    loaded = read_patterns(pattern_dirs(patterns))
    if loaded.problems:
        for problem in loaded.problems:
            err_console.print(f"factx: error: {problem}", markup=False, soft_wrap=True)
        raise typer.Exit(2)
    counts = loaded.patterns.counts()
    _print_json([{"label": label, "kind": info.kind, "owner": info.owner, "id": info.id,
                  "count": counts.get(label, 0)} for label, info in LABELS.items()])
