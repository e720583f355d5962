"""No import cycle in ``src/factx``: every import counts, the lazy ones inside functions too."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def modules(root: Path, package: str) -> dict[str, Path]:
    """Every module of ``package`` under ``root``, by dotted name (a package by its own name)."""
    found = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _base(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


def imports(module: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` that ``module`` imports, anywhere in its code. A module that calls
    ``importlib.import_module`` imports every module it names in a string (the engines table)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: set[str] = set()
    by_name = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _base(module, path, node)
            for alias in node.names:
                # "from . import components" imports a module; "from .api import process" the module api
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
        elif isinstance(node, ast.Call) and "import_module" in ast.unparse(node.func):
            by_name = True
    if by_name:
        found.update(n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in known)
    return {name for name in found if name in known and name != module}


def cycles(root: Path, package: str) -> list[list[str]]:
    """The import cycles of ``package``: each strongly connected group of two or more modules."""
    table = modules(root, package)
    graph = {name: imports(name, path, set(table)) for name, path in table.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return groups


def test_no_import_cycle_in_factx() -> None:
    assert len(modules(SRC, "factx")) > 30
    assert cycles(SRC, "factx") == []


def test_engines_do_not_import_each_other() -> None:
    table = modules(SRC, "factx")
    for engine, other in (("factx.engines.local", "factx.engines.dask"), ("factx.engines.dask", "factx.engines.local")):
        assert other not in imports(engine, table[engine], set(table))
        assert "factx.api" in imports(engine, table[engine], set(table))


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_a_lazy_import_cycle_is_found(tmp_path: Path) -> None:
    _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "from .b import helper\n",
        "pkg/b.py": "def helper():\n    from . import a\n    return a\n",
        "pkg/c.py": "import pkg.a\n",
    })
    assert cycles(tmp_path, "pkg") == [["pkg.a", "pkg.b"]]


def test_a_cycle_through_a_package_and_a_table_of_module_names_is_found(tmp_path: Path) -> None:
    _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/sub/__init__.py": "import importlib\nTABLE = {'x': 'pkg.sub.one'}\n"
                               "def run():\n    return importlib.import_module(TABLE['x'])\n",
        "pkg/sub/one.py": "from ..sub import TABLE\n",
        "pkg/two.py": "from pkg.sub import one\n",
    })
    assert cycles(tmp_path, "pkg") == [["pkg.sub", "pkg.sub.one"]]


def test_no_cycle_in_a_layered_package(tmp_path: Path) -> None:
    _write(tmp_path, {
        "pkg/__init__.py": "from .a import f\n",
        "pkg/a.py": "from . import b\ndef f():\n    from .c import g\n    return g\n",
        "pkg/b.py": "",
        "pkg/c.py": "from .b import *\n",
    })
    assert cycles(tmp_path, "pkg") == []
