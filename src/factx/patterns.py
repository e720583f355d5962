"""Load and validate the rule patterns in ``patterns/*.jsonl``.

Each line is one rule in spaCy's pattern format: ``{"label": ..., "pattern": ..., "id": ...}``.
A string pattern is a phrase (matched on the lower-cased text), a list is a token pattern.
For lexicon labels (TITLE, CURRENCY, UNIT, ...) the ``id`` carries the normalized value.
Files are data only: they are parsed as JSON and validated, never executed.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import PatternError, quote

_KEYS = {"label", "pattern", "id"}
# Word lists consulted by the components but never matched by the span ruler: matching thousands of
# given names in every text would cost time for spans no component reads from the ruler.
LEXICON_ONLY = frozenset({"GIVEN_NAME", "SURNAME_FIRST", "NAME_PARTICLE", "NOT_NAME", "GENERIC_MODIFIER",
                          "PLACE_TITLE", "ORG_PREFIX"})


@dataclass(frozen=True)
class PatternSet:
    """Validated rules, in file order, and a phrase lexicon per label (lower-cased text -> id)."""

    rules: tuple[dict[str, Any], ...]
    files: tuple[str, ...]
    lexicon: dict[str, dict[str, str]] = field(default_factory=dict)

    def words(self, label: str) -> dict[str, str]:
        """The phrase patterns of one label, lower-cased, mapped to their ids."""
        return self.lexicon.get(label, {})

    @property
    def matcher_rules(self) -> tuple[dict[str, Any], ...]:
        """The rules the span ruler matches (lexicon-only word lists left out)."""
        return tuple(r for r in self.rules if r["label"] not in LEXICON_ONLY)


def builtin_dir() -> Path:
    """The patterns shipped with factx (package data in a wheel, ``patterns/`` in a checkout)."""
    packaged = resources.files("factx").joinpath("patterns")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "patterns"


def _validate_rule(obj: Any, where: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise PatternError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    unknown = set(obj) - _KEYS
    if unknown:
        raise PatternError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    label, pattern = obj.get("label"), obj.get("pattern")
    if not isinstance(label, str) or not label:
        raise PatternError(f"{where}: \"label\" must be a non-empty string")
    if "id" in obj and not isinstance(obj["id"], str):
        raise PatternError(f"{where}: \"id\" must be a string")
    if isinstance(pattern, str):
        if not pattern.strip():
            raise PatternError(f"{where}: empty phrase pattern")
    elif isinstance(pattern, list) and pattern:
        from spacy.schemas import validate_token_pattern

        errors = validate_token_pattern(pattern)
        if errors:
            raise PatternError(f"{where}: invalid token pattern: {'; '.join(errors)}")
        _check_cost(pattern, where)
    else:
        raise PatternError(f"{where}: \"pattern\" must be a string or a non-empty list of token dicts")
    return obj


MAX_TOKENS = 30
MAX_UNBOUNDED = 3
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def regex_risk(regex: str) -> str | None:
    """Why ``regex`` could backtrack exponentially on Python's engine, or None.

    Read from the parsed pattern, not its text. Refused: a variable quantifier inside a repeated
    group ("(a+)+", "(a?)*"), and an alternation inside a repeated group whose branches could
    begin the same way ("(x|x)*", "(a|ab)+", "(\\w|\\d)*"): only branches that start with
    different known characters ("(?:ab|cd)+") may repeat. Conservative by design: a refused
    pattern can be written another way."""
    from re import _parser  # type: ignore[attr-defined]

    return _risk(_parser.parse(regex), inside=False)


def _risk(items: Any, inside: bool) -> str | None:
    for op, arg in items:
        name = str(op)
        if name in _REPEATS:
            low, high, body = arg
            repeats = high > 1
            if inside and low != high:
                return "nests quantifiers"
            if repeats and _ambiguous_branch(body):
                return "repeats an alternation whose branches can match the same text"
            found = _risk(body, inside or repeats)
        elif name == "SUBPATTERN":
            found = _risk(arg[-1], inside)
        elif name == "BRANCH":
            found = next((r for alt in arg[1] if (r := _risk(alt, inside))), None)
        elif name in ("ASSERT", "ASSERT_NOT"):
            found = _risk(arg[1], inside)
        else:
            found = None
        if found:
            return found
    return None


def _ambiguous_branch(items: Any) -> bool:
    """True if ``items`` holds (outside nested repeats) an alternation with overlapping first characters."""
    for op, arg in items:
        name = str(op)
        if name == "SUBPATTERN" and _ambiguous_branch(arg[-1]):
            return True
        if name == "BRANCH":
            seen: set[int] = set()
            for alt in arg[1]:
                first = _first_chars(alt)
                if first is None or first & seen:
                    return True
                seen |= first
                if _ambiguous_branch(alt):
                    return True
    return False


def _first_chars(items: Any) -> set[int] | None:
    """The characters a match of ``items`` can start with; None if unknown or it can be empty."""
    for op, arg in items:
        name = str(op)
        if name == "AT":
            continue  # anchors consume nothing
        if name == "LITERAL":
            return {arg, ord(chr(arg).lower()), ord(chr(arg).upper())}
        if name == "IN":
            chars: set[int] = set()
            for kind, value in arg:
                if str(kind) == "LITERAL":
                    chars.add(value)
                elif str(kind) == "RANGE" and value[1] - value[0] < 5000:
                    chars.update(range(value[0], value[1] + 1))
                else:
                    return None  # negated, a category (\\w, \\d) or a huge range
            return chars
        if name == "SUBPATTERN":
            return _first_chars(arg[-1])
        if name in _REPEATS:
            return _first_chars(arg[2]) if arg[0] >= 1 else None
        if name == "BRANCH":
            union: set[int] = set()
            for alt in arg[1]:
                first = _first_chars(alt)
                if first is None:
                    return None
                union |= first
            return union
        return None  # any character, a category, a back reference...
    return None


def _check_cost(pattern: list[Any], where: str) -> None:
    """Keep matching linear: bounded length, few unbounded operators, no nested regex quantifiers."""
    if len(pattern) > MAX_TOKENS:
        raise PatternError(f"{where}: token pattern longer than {MAX_TOKENS} tokens")
    unbounded = sum(1 for token in pattern if isinstance(token, dict) and token.get("OP") in ("*", "+"))
    if unbounded > MAX_UNBOUNDED:
        raise PatternError(f"{where}: more than {MAX_UNBOUNDED} '*' or '+' operators (matching could explode)")
    for token in pattern:
        for value in token.values() if isinstance(token, dict) else ():
            regex = value.get("REGEX") if isinstance(value, dict) else None
            if isinstance(regex, str):
                try:
                    re.compile(regex)
                except re.error as err:
                    raise PatternError(f"{where}: bad REGEX {quote(regex)}: {err}") from None
                risk = regex_risk(regex)
                if risk:
                    raise PatternError(f"{where}: REGEX {quote(regex)} {risk} (catastrophic backtracking)")


def _read_file(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise PatternError(f"{path}: cannot read pattern file ({err})") from None
    rules = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise PatternError(f"{where}: not valid JSON ({err.msg} at column {err.colno})") from None
        rules.append(_validate_rule(obj, where))
    return rules


def load_patterns(extra_dirs: Sequence[str | Path] = ()) -> PatternSet:
    """Load the built-in patterns plus every ``*.jsonl`` in ``extra_dirs``; raise PatternError."""
    return _load(tuple(str(d) for d in extra_dirs))


@cache
def _load(extra_dirs: tuple[str, ...]) -> PatternSet:
    dirs: list[Path] = [builtin_dir(), *(Path(d) for d in extra_dirs)]
    rules: list[dict[str, Any]] = []
    files: list[str] = []
    seen: dict[tuple[str, str], str] = {}
    for directory in dirs:
        if not directory.is_dir():
            raise PatternError(f"{directory}: pattern folder not found")
        paths = sorted(directory.glob("*.jsonl"))
        if not paths:
            raise PatternError(f"{directory}: no *.jsonl pattern files")
        for path in paths:
            for rule in _read_file(path):
                key = (rule["label"], json.dumps(rule["pattern"], sort_keys=True).lower())
                if key in seen and directory == dirs[0]:
                    raise PatternError(f"{path}: duplicate pattern {quote(str(rule['pattern']))} (also in {seen[key]})")
                seen[key] = path.name
                rules.append(rule)
            files.append(str(path))
    return PatternSet(tuple(rules), tuple(files), _lexicon(rules))


def plural(phrase: str) -> str:
    """English plural of a phrase's last word: "academician" -> "academicians", "chairman" -> "chairmen"."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith("man"):
        word = last[:-3] + "men"
    elif last.endswith(("s", "x", "ch", "sh")):
        word = last + "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        word = last[:-1] + "ies"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word


def with_plurals(rules: Iterable[dict[str, Any]], labels: tuple[str, ...] = ("TITLE",)) -> list[dict[str, Any]]:
    """The rules plus a plural phrase pattern for each phrase of ``labels`` (titles shared by a list)."""
    out = list(rules)
    known = {(r["label"], r["pattern"]) for r in out if isinstance(r["pattern"], str)}
    for rule in list(out):
        if rule["label"] in labels and isinstance(rule["pattern"], str) and rule["pattern"][-1:].isalpha():
            many = plural(rule["pattern"])
            if (rule["label"], many) not in known:
                known.add((rule["label"], many))
                out.append({**rule, "pattern": many})
    return out


def _lexicon(rules: Iterable[dict[str, Any]]) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = defaultdict(dict)
    for rule in rules:
        if isinstance(rule["pattern"], str):
            table[rule["label"]][rule["pattern"].lower()] = rule.get("id", rule["pattern"].lower())
    return dict(table)
