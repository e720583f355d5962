"""The README's Layout section lists every module under src/factx, one line each, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def layout_lines(readme: str) -> list[list[str]]:
    """The lines of the code block of the README's Layout section, split into words."""
    section = readme.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```\n(.*?)```", section, re.S)
    assert block is not None, "the Layout section has no code block"
    return [line.split() for line in block.group(1).splitlines() if line.strip()]


def layout_problems(readme: str, root: Path) -> list[str]:
    lines = layout_lines(readme)
    listed = [words[0] for words in lines]
    modules = sorted(str(p.relative_to(root)) for p in (root / "src" / "factx").rglob("*.py"))
    problems = [f"{m} is missing from the README's Layout section" for m in modules if m not in listed]
    problems += [f"{p} is listed but does not exist" for p in listed if p not in modules]
    problems += [f"{p} is listed twice" for p in sorted(set(listed)) if listed.count(p) > 1]
    problems += [f"{words[0]} has no description" for words in lines if len(words) < 2]
    return problems


def test_readme_layout_lists_every_module() -> None:
    assert layout_problems((ROOT / "README.md").read_text(encoding="utf-8"), ROOT) == []


def test_layout_check_finds_a_missing_a_stale_and_a_bare_entry(tmp_path: Path) -> None:
    for name in ("src/factx/__init__.py", "src/factx/a.py", "src/factx/sub/b.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    readme = ("# x\n\n## Layout\n\n```\nsrc/factx/__init__.py   the package\nsrc/factx/gone.py   old\n"
              "src/factx/a.py\n```\n\n## Next\n\nsrc/factx/sub/b.py is mentioned here only\n")
    assert layout_problems(readme, tmp_path) == [
        "src/factx/sub/b.py is missing from the README's Layout section",
        "src/factx/gone.py is listed but does not exist",
        "src/factx/a.py has no description",
    ]
