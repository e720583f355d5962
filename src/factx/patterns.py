"""Load and validate the rule patterns in ``patterns/*.jsonl`` against a closed schema of labels.

Each line is one rule in spaCy's pattern format: ``{"label": ..., "pattern": ..., "id": ...}``.
A string pattern is a phrase (matched on the lower-cased text), a list is a token pattern.
``LABELS`` is the whole vocabulary: for each label, whether it is a word list the components read
(never matched by the span ruler) or a match pattern the span ruler finds in the text, the component
that owns it, and what ``id`` means. A label outside the table is refused, with the file and line.
A (label, pattern) pair may appear once across every folder; a later line replaces an earlier one
only when it says ``"override": true`` (and it must then replace one). Files are data only: they
are parsed as JSON and validated, never executed.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal
from weakref import WeakKeyDictionary

from .errors import PatternError, quote

_KEYS = {"label", "pattern", "id", "override"}

Kind = Literal["words", "match"]
WORDS: Kind = "words"  # a word list: the owner reads it with PatternSet.words(); the span ruler never sees it
MATCH: Kind = "match"  # a match pattern: the span ruler writes its matches to doc.spans["factx_rules"]


def _one_of(*values: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        return None if value in values else f"must be one of {', '.join(values)}"

    return check


def _number(value: str) -> str | None:
    try:
        return None if Decimal(value).is_finite() and Decimal(value) > 0 else "must be a positive number"
    except InvalidOperation:
        return "must be a positive number"


def _minor(value: str) -> str | None:
    code, _, fraction = value.rpartition(":")
    if code and not re.fullmatch(r"[A-Z]{3}", code):
        return "must be FRACTION or ISO:FRACTION (\"0.01\", \"GBP:0.01\")"
    return None if _number(fraction) is None else "must be FRACTION or ISO:FRACTION (\"0.01\", \"GBP:0.01\")"


@dataclass(frozen=True)
class Label:
    """One label of the pattern schema."""

    kind: Kind
    owner: str  # the spaCy component that reads it
    id: str  # what a line's "id" means for this label
    check_id: Callable[[str], str | None] | None = None  # why an id is invalid, or None
    tokens: bool = False  # token patterns (lists) allowed; else phrases only


LABELS: dict[str, Label] = {
    # dates
    "DATE": Label(MATCH, "factx_dates", "the rule's name (a date expression the NER may miss)", tokens=True),
    "DATE_MODIFIER": Label(MATCH, "factx_dates", "the TimeML modifier of the date it precedes",
                           _one_of("START", "MID", "END", "BEFORE", "AFTER", "APPROX")),
    # numbers
    "CURRENCY": Label(MATCH, "factx_numbers", "the ISO 4217 code"),
    "CURRENCY_MINOR": Label(MATCH, "factx_numbers", "the fraction of the major unit, with its ISO code "
                            "when the word belongs to one currency (\"GBP:0.01\")", _minor),
    "SCALE": Label(MATCH, "factx_numbers", "the multiplier (\"1e6\")", _number),
    "PERCENT_UNIT": Label(MATCH, "factx_numbers", "the unit written in the output", _one_of("%", "pp", "bp")),
    "UNIT": Label(MATCH, "factx_numbers", "the unit symbol written in the output (\"km2\", \"MW\")", tokens=True),
    "QUALIFIER": Label(MATCH, "factx_numbers", "the qualifier written in the output",
                       _one_of("approximately", "at_least", "at_most", "less_than", "more_than")),
    "NUMBER_LABEL": Label(WORDS, "factx_numbers", "a tag, not read: a word that makes the number after it "
                          "an identifier (\"tier 1\")"),
    # organizations
    "ORG_HEAD": Label(MATCH, "factx_organizations", "a tag, not read: a word that heads organization names"),
    "NOT_ORG": Label(WORDS, "factx_organizations", "a tag, not read: a word that is never an organization"),
    "GENERIC_MODIFIER": Label(WORDS, "factx_organizations", "a tag, not read: a word too generic to start "
                              "an organization name"),
    "ORG_PREFIX": Label(WORDS, "factx_organizations", "a tag, not read: a prefix of club names (\"FC\")"),
    "ORG_LEGAL_FORM": Label(WORDS, "factx_organizations", "a tag, not read: a company's legal form, the "
                            "last word of its name (\"Ltd.\", \"GmbH\")"),
    # people
    "GIVEN_NAME": Label(WORDS, "factx_people", "a tag, not read: a given name"),
    "SURNAME_FIRST": Label(WORDS, "factx_people", "the naming tradition (a tag, not read): a surname "
                           "written before the given name"),
    "NAME_PARTICLE": Label(WORDS, "factx_people", "a tag, not read: a particle inside names (\"van\", \"bin\")"),
    "NOT_NAME": Label(WORDS, "factx_people", "a tag, not read: a word of places and institutions, never "
                      "of a name"),
    "HONORIFIC": Label(MATCH, "factx_people", "a tag, not read: a form of address before a name"),
    "POST_NOMINAL": Label(MATCH, "factx_people", "a tag, not read: letters of an honour, a rank at the bar or "
                          "a degree written after a name (\"SC\", \"OBE\"), never part of it; "
                          "token patterns with ORTH: the letters as written", tokens=True),
    # titles
    "TITLE": Label(MATCH, "factx_titles", "the canonical title written in the output"),
    "TITLE_MODIFIER": Label(MATCH, "factx_titles", "the modifier, normalized (\"vice\")"),
    "TITLE_STATUS": Label(MATCH, "factx_titles", "the status written in the output",
                          _one_of("current", "former", "acting", "incoming")),
    "TITLE_PORTFOLIO": Label(MATCH, "factx_titles", "the portfolio, normalized"),
    "PLACE_TITLE": Label(WORDS, "factx_titles", "a tag, not read: a title held in a place (\"mayor\")"),
    "RANK": Label(MATCH, "factx_titles", "a tag, not read: a rank the person holds, not a post a successor takes "
                  "(\"Vice Admiral\", \"Colonel\")"),
}


@dataclass(frozen=True)
class Problem:
    """Why one line (or one file) of a pattern folder cannot be loaded."""

    file: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}" if self.line else f"{self.file}: {self.reason}"


@dataclass(frozen=True)
class PatternSet:
    """Validated rules, in file order, and a phrase lexicon per label (lower-cased text -> id)."""

    rules: tuple[dict[str, Any], ...]
    files: tuple[str, ...]
    lexicon: dict[str, dict[str, str]] = field(default_factory=dict)

    def words(self, label: str) -> dict[str, str]:
        """The phrase patterns of one label, lower-cased, mapped to their ids."""
        if label not in LABELS:
            raise KeyError(f"{label!r} is not a label of the pattern schema")
        return self.lexicon.get(label, {})

    @property
    def matcher_rules(self) -> tuple[dict[str, Any], ...]:
        """The rules the span ruler matches: the match-pattern labels (word lists left out)."""
        return tuple(r for r in self.rules if LABELS[r["label"]].kind == MATCH)

    def counts(self) -> dict[str, int]:
        """How many rules each label has."""
        table: dict[str, int] = defaultdict(int)
        for rule in self.rules:
            table[rule["label"]] += 1
        return dict(table)


_ATTACHED: WeakKeyDictionary[Any, PatternSet] = WeakKeyDictionary()


def attach(nlp: Any, patterns: PatternSet) -> None:
    """Make ``patterns`` the pattern set of the pipeline ``nlp``: the one set its components and
    the collect step read (``nlp.build_nlp`` does this before it adds the components)."""
    _ATTACHED[nlp] = patterns


def attached(nlp: Any) -> PatternSet:
    """The pattern set ``nlp`` was built with; a pipeline factx did not build has none."""
    try:
        return _ATTACHED[nlp]
    except KeyError:
        raise ValueError("this pipeline has no factx pattern set: build it with factx.nlp.build_nlp, or call "
                         "factx.patterns.attach(nlp, load_patterns(...)) before adding factx components") from None


def builtin_dir() -> Path:
    """The patterns shipped with factx (package data in a wheel, ``patterns/`` in a checkout)."""
    packaged = resources.files("factx").joinpath("patterns")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "patterns"


def _validate_rule(obj: Any) -> dict[str, Any]:
    """The rule of one line, without its "override" key; raise PatternError with the reason."""
    if not isinstance(obj, dict):
        raise PatternError(f"expected a JSON object, got {type(obj).__name__}")
    unknown = set(obj) - _KEYS
    if unknown:
        raise PatternError(f"unknown key(s) {', '.join(sorted(unknown))}")
    label, pattern = obj.get("label"), obj.get("pattern")
    if not isinstance(label, str) or not label:
        raise PatternError("\"label\" must be a non-empty string")
    schema = LABELS.get(label)
    if schema is None:
        import difflib

        close = difflib.get_close_matches(label, LABELS, n=1)
        hint = f" (did you mean {close[0]}?)" if close else " (factx patterns list shows the labels)"
        raise PatternError(f"unknown label {quote(str(label))}{hint}")
    if "id" in obj and not isinstance(obj["id"], str):
        raise PatternError("\"id\" must be a string")
    if "override" in obj and obj["override"] is not True:
        raise PatternError("\"override\" must be true (or left out)")
    if isinstance(obj.get("id"), str) and schema.check_id is not None:
        why = schema.check_id(obj["id"])
        if why:
            raise PatternError(f"\"id\" of {label} {why}, not {quote(str(obj['id']))}")
    if isinstance(pattern, str):
        if not pattern.strip():
            raise PatternError("empty phrase pattern")
    elif isinstance(pattern, list) and pattern:
        if not schema.tokens:
            kind = "a word list" if schema.kind == WORDS else "phrases only"
            raise PatternError(f"{label} is {kind}: \"pattern\" must be a string, not a token pattern")
        from spacy.schemas import validate_token_pattern

        errors = validate_token_pattern(pattern)
        if errors:
            raise PatternError(f"invalid token pattern: {'; '.join(errors)}")
        _check_cost(pattern)
    else:
        raise PatternError("\"pattern\" must be a string or a non-empty list of token dicts")
    return {key: value for key, value in obj.items() if key != "override"}


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


def _check_cost(pattern: list[Any]) -> None:
    """Keep matching linear: bounded length, few unbounded operators, no nested regex quantifiers."""
    if len(pattern) > MAX_TOKENS:
        raise PatternError(f"token pattern longer than {MAX_TOKENS} tokens")
    unbounded = sum(1 for token in pattern if isinstance(token, dict) and token.get("OP") in ("*", "+"))
    if unbounded > MAX_UNBOUNDED:
        raise PatternError(f"more than {MAX_UNBOUNDED} '*' or '+' operators (matching could explode)")
    for token in pattern:
        for value in token.values() if isinstance(token, dict) else ():
            regex = value.get("REGEX") if isinstance(value, dict) else None
            if isinstance(regex, str):
                try:
                    re.compile(regex)
                except re.error as err:
                    raise PatternError(f"bad REGEX {quote(regex)}: {err}") from None
                risk = regex_risk(regex)
                if risk:
                    raise PatternError(f"REGEX {quote(regex)} {risk} (catastrophic backtracking)")


def _read_file(path: Path, problems: list[Problem]) -> list[tuple[int, dict[str, Any], bool]]:
    """The valid rules of one file as (line, rule, override); each bad line adds a problem."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        problems.append(Problem(str(path), None, f"cannot read pattern file ({err})"))
        return []
    rules = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(Problem(str(path), number, f"not valid JSON ({err.msg} at column {err.colno})"))
            continue
        try:
            rules.append((number, _validate_rule(obj), obj.get("override") is True))
        except PatternError as err:
            problems.append(Problem(str(path), number, str(err)))
    return rules


@dataclass(frozen=True)
class Loaded:
    """What reading the pattern folders gave: the set, the problems and the warnings."""

    patterns: PatternSet
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]


def read_patterns(extra_dirs: Sequence[str | Path] = ()) -> Loaded:
    """Read the built-in patterns plus every ``*.jsonl`` in ``extra_dirs``; every problem is
    collected (``factx patterns check``), nothing is raised or printed."""
    return _read(tuple(str(d) for d in extra_dirs))


def load_patterns(extra_dirs: Sequence[str | Path] = ()) -> PatternSet:
    """Load the built-in patterns plus every ``*.jsonl`` in ``extra_dirs``; raise PatternError on
    the first problem. Warnings (an empty file) go to stderr, once per process."""
    return _load(tuple(str(d) for d in extra_dirs))


@cache
def _load(extra_dirs: tuple[str, ...]) -> PatternSet:
    loaded = _read(extra_dirs)
    if loaded.problems:
        raise PatternError(str(loaded.problems[0]))
    for warning in loaded.warnings:
        print(f"factx: warning: {warning}", file=sys.stderr)
    return loaded.patterns


def _pattern_key(rule: dict[str, Any]) -> tuple[str, str]:
    return rule["label"], json.dumps(rule["pattern"], sort_keys=True, ensure_ascii=False).lower()


@cache
def _read(extra_dirs: tuple[str, ...]) -> Loaded:
    builtin = builtin_dir()
    # the built-in folder named again ("factx patterns check patterns") is read once, as the built-ins
    dirs: list[Path] = [builtin, *(Path(d) for d in extra_dirs if Path(d).resolve() != builtin.resolve())]
    rules: list[dict[str, Any] | None] = []
    files: list[str] = []
    problems: list[Problem] = []
    warnings: list[Problem] = []
    seen: dict[tuple[str, str], tuple[int, str]] = {}  # key -> (index in rules, "file:line")
    for directory in dirs:
        if not directory.is_dir():
            problems.append(Problem(str(directory), None, "pattern folder not found"))
            continue
        paths = sorted(directory.glob("*.jsonl"))
        if not paths:
            problems.append(Problem(str(directory), None, "no *.jsonl pattern files"))
        for path in paths:
            found = _read_file(path, problems)
            if not found and not any(p.file == str(path) for p in problems):
                warnings.append(Problem(str(path), None, "empty pattern file (no rules)"))
            for number, rule, override in found:
                key, where = _pattern_key(rule), f"{path}:{number}"
                if key in seen and override:
                    rules[seen[key][0]] = None  # the overriding rule replaces the earlier one
                elif key in seen:
                    problems.append(Problem(str(path), number, f"duplicate {rule['label']} pattern "
                                            f"{quote(str(rule['pattern']))} (also at {seen[key][1]}); "
                                            f"add \"override\": true to replace it"))
                    continue
                elif override:
                    problems.append(Problem(str(path), number, f"\"override\": true but no earlier "
                                            f"{rule['label']} pattern {quote(str(rule['pattern']))} to replace"))
                    continue
                seen[key] = (len(rules), where)
                rules.append(rule)
            files.append(str(path))
    kept = [rule for rule in rules if rule is not None]
    problems.sort(key=lambda p: (p.file, p.line or 0))  # stable: file order inside each line
    return Loaded(PatternSet(tuple(kept), tuple(files), _lexicon(kept)), tuple(problems), tuple(warnings))


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
    """The rules plus, for each phrase of ``labels``, its plural (titles shared by a list), for a
    phrase of several words the same words joined by hyphens ("lieutenant general" ->
    "lieutenant-general"), and for an abbreviation its capitalised form ("gen." -> "Gen.": the
    tokenizer keeps a capitalised abbreviation whole and splits "gen.", so only that form matches it)."""
    out = list(rules)
    known = {(r["label"], r["pattern"]) for r in out if isinstance(r["pattern"], str)}
    for rule in list(out):
        if rule["label"] not in labels or not isinstance(rule["pattern"], str):
            continue
        phrase = rule["pattern"]
        forms = [phrase, "-".join(phrase.split())] if " " in phrase else [phrase]
        if phrase[-1:].isalpha():
            forms += [plural(form) for form in forms]
        if "." in phrase:
            forms.append(" ".join(w[:1].upper() + w[1:] for w in phrase.split()))
        for form in dict.fromkeys(forms):
            if (rule["label"], form) not in known:
                known.add((rule["label"], form))
                out.append({**rule, "pattern": form})
    return out


def _lexicon(rules: Iterable[dict[str, Any]]) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = defaultdict(dict)
    for rule in rules:
        if isinstance(rule["pattern"], str):
            table[rule["label"]][rule["pattern"].lower()] = rule.get("id", rule["pattern"].lower())
    return dict(table)
