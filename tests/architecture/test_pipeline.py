"""The pipeline's order is declared: factories say what they require and assign, spaCy's
``analyze_pipes`` finds no missing requirement, and every span key a component writes is in the
extension table (``extensions.SPAN_KEYS``) and in its ``assigns=``."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
import spacy

from factx.api import prepare
from factx.extensions import SPAN_KEYS
from factx.nlp import DEFAULT_MODEL
from factx.patterns import attach, load_patterns
from factx.read import SourceText

COMPONENTS = Path(__file__).resolve().parents[2] / "src" / "factx" / "components"
FACTX = ["factx_dates", "factx_numbers", "factx_organizations", "factx_people", "factx_titles"]
TEXT = ("date: 2024-03-05\n\nMarek Halas of Brightwater Capital said on Monday that revenue rose 12% to "
        "$3.1 billion. Halvorsen Dynamics chief executive Jane Roe will become chair of the Nordic Wind "
        "Association in June, the association said.\n")


def _problems(nlp: Any) -> dict[str, list[str]]:
    return {name: missing for name, missing in nlp.analyze_pipes()["problems"].items() if missing}


def _pipeline(order: list[str], exclude: tuple[str, ...] = ()) -> Any:
    nlp = spacy.load(DEFAULT_MODEL, exclude=list(exclude))
    attach(nlp, load_patterns())
    nlp.add_pipe("span_ruler", name="factx_rules", config={"spans_key": SPAN_KEYS["rules"]})
    for name in order:
        nlp.add_pipe(name)
    return nlp


def test_analyze_pipes_finds_no_missing_requirement(nlp: Any) -> None:
    assert nlp.pipe_names[-6:] == ["factx_rules", *FACTX]
    assert _problems(nlp) == {}
    for name in FACTX:
        meta = nlp.get_pipe_meta(name)
        assert meta.requires and meta.assigns, name


def test_analyze_pipes_reports_a_component_placed_before_what_it_reads() -> None:
    order = ["factx_dates", "factx_numbers", "factx_organizations", "factx_titles", "factx_people"]
    assert _problems(_pipeline(order)) == {"factx_titles": ["doc._.factx_people"]}
    assert _problems(_pipeline(FACTX[:1] + FACTX[2:] + FACTX[1:2])) == {}  # numbers later reads nothing missing
    moved = _problems(_pipeline(["factx_numbers", *FACTX[:1], *FACTX[2:]]))
    assert moved == {"factx_numbers": ["doc._.factx_dates"]}


def test_analyze_pipes_reports_a_model_without_ner() -> None:
    problems = _problems(_pipeline(FACTX, exclude=("ner",)))
    assert set(problems) == set(FACTX)
    assert all("doc.ents" in missing for missing in problems.values()), problems


def _declared(nlp: Any, name: str) -> set[str]:
    return {attr.removeprefix("doc._.") for attr in nlp.get_pipe_meta(name).assigns if attr.startswith("doc._.")}


def test_every_span_key_a_component_writes_is_in_the_extension_table_and_declared(nlp: Any) -> None:
    [(_, doc)], _ = prepare(nlp, SourceText("t.txt", TEXT, "utf-8"), None)
    written: dict[str, set[str]] = {}
    for name, proc in nlp.pipeline:
        before = {key: [(s.start, s.end, s.label_) for s in doc.spans[key]] for key in doc.spans}
        doc = proc(doc)
        after = {key: [(s.start, s.end, s.label_) for s in doc.spans[key]] for key in doc.spans}
        written[name] = {key for key in after if before.get(key) != after[key]}
    assert set().union(*written.values()) <= set(SPAN_KEYS.values())
    for name in FACTX:
        assert written[name] <= _declared(nlp, name), name
        assert SPAN_KEYS[name.removeprefix("factx_")] in written[name], name
    assert written["factx_rules"] == {SPAN_KEYS["rules"]}
    assert SPAN_KEYS["person_candidates"] in written["factx_organizations"]
    assert [doc._.factx_people[0].text] == [s.text for s in doc.spans["factx_people"]][:1]


def _span_writes(tree: ast.AST) -> list[ast.expr]:
    """The keys of every ``doc.spans[KEY] = ...`` in a module."""
    keys = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Subscript) and ast.unparse(target.value).endswith(".spans"):
                    keys.append(target.slice)
    return keys


def bad_span_writes(tree: ast.AST) -> list[str]:
    """The keys of ``doc.spans[KEY] = ...`` writes that are not an entry of SPAN_KEYS (a local name
    bound to ``SPAN_KEYS["x"]`` counts as that entry)."""
    names = {ast.unparse(n.targets[0]): n.value for n in ast.walk(tree)
             if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)}
    bad = []
    for key in _span_writes(tree):
        value = names.get(ast.unparse(key), key) if isinstance(key, ast.Name) else key
        if not (isinstance(value, ast.Subscript) and ast.unparse(value.value) == "SPAN_KEYS"
                and isinstance(value.slice, ast.Constant) and value.slice.value in SPAN_KEYS):
            bad.append(ast.unparse(key))
    return bad


@pytest.mark.parametrize("module", sorted(str(p.relative_to(COMPONENTS)) for p in COMPONENTS.rglob("*.py")))
def test_components_write_span_keys_only_through_the_extension_table(module: str) -> None:
    tree = ast.parse((COMPONENTS / module).read_text(encoding="utf-8"))
    assert bad_span_writes(tree) == [], module


def test_the_span_write_check_catches_a_key_outside_the_table() -> None:
    tree = ast.parse("def f(doc):\n    doc.spans['factx_extra'] = []\n    key = SPAN_KEYS['people']\n"
                     "    doc.spans[key] = []\n    doc.spans[SPAN_KEYS['nope']] = []\n    other = 'x'\n"
                     "    doc.spans[other] = []\n")
    assert bad_span_writes(tree) == ["'factx_extra'", "SPAN_KEYS['nope']", "other"]
