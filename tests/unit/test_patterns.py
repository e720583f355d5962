import json
import re
from pathlib import Path

import pytest

from factx.errors import PatternError
from factx.patterns import LABELS, MATCH, WORDS, builtin_dir, load_patterns, read_patterns

SRC = Path(__file__).resolve().parents[2] / "src" / "factx"


def _lines(path: Path, *rules: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(rule) + "\n" for rule in rules), encoding="utf-8")
    return path


def test_patterns_builtin_load_and_cover_every_lexicon() -> None:
    patterns = load_patterns()
    for label in ("TITLE", "CURRENCY", "UNIT", "QUALIFIER", "SCALE", "DATE_MODIFIER", "ORG_HEAD"):
        assert patterns.words(label), label
    assert len(list(builtin_dir().glob("*.jsonl"))) >= 5


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"label": "X", "pattern": "a", "extra": 1}', "unknown key"),
        ('{"label": "", "pattern": "a"}', "label"),
        ('{"label": "DATE", "pattern": [{"LOWR": "a"}]}', "invalid token pattern"),
        ('{"label": "DATE", "pattern": 5}', "pattern"),
        ('{"label": "TITEL", "pattern": "chief gadget officer"}', "unknown label 'TITEL' (did you mean TITLE?)"),
        ('{"label": "XYZZY", "pattern": "apple"}', "unknown label 'XYZZY' (factx patterns list shows the labels)"),
        ('{"label": "GIVEN_NAME", "pattern": [{"LOWER": "ada"}]}', "GIVEN_NAME is a word list"),
        ('{"label": "TITLE", "pattern": [{"LOWER": "gadgeteer"}]}', "TITLE is phrases only"),
        ('{"label": "SCALE", "pattern": "zillion", "id": "lots"}', "\"id\" of SCALE must be a positive number"),
        ('{"label": "DATE_MODIFIER", "pattern": "round about", "id": "AROUND"}', "must be one of START, MID"),
        ('{"label": "CURRENCY_MINOR", "pattern": "groat", "id": "gbp:0.01"}', "must be FRACTION or ISO:FRACTION"),
        ('{"label": "TITLE", "pattern": "gadgeteer", "override": false}', "\"override\" must be true"),
    ],
)
def test_patterns_bad_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "mine.jsonl"
    good = json.dumps({"label": "TITLE", "pattern": "chief widget officer"})
    path.write_text(good + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(PatternError) as info:
        load_patterns([tmp_path])
    assert f"{path}:2:" in str(info.value)
    assert message in str(info.value)


def test_patterns_user_folder_adds_rules(tmp_path: Path) -> None:
    (tmp_path / "titles.jsonl").write_text(
        json.dumps({"label": "TITLE", "pattern": "chief widget officer", "id": "cwo"}) + "\n", encoding="utf-8"
    )
    assert load_patterns([tmp_path]).words("TITLE")["chief widget officer"] == "cwo"


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ([{"OP": "*", "IS_ALPHA": True}] * 4, "operators"),
        ([{"LOWER": "a"}] * 31, "longer than"),
        ([{"TEXT": {"REGEX": "(a+)+$"}}], "nests quantifiers"),
        ([{"TEXT": {"REGEX": "(unclosed"}}], "bad REGEX"),
        ([{"TEXT": {"REGEX": "^(x|x)*y$"}}], "alternation whose branches can match the same text"),
        ([{"TEXT": {"REGEX": "^(a|ab)+$"}}], "alternation whose branches can match the same text"),
        ([{"TEXT": {"REGEX": "^(?:[a-c]x|bx)*$"}}], "alternation whose branches can match the same text"),
        ([{"TEXT": {"REGEX": "^(a?)*b$"}}], "nests quantifiers"),
        ([{"LOWER": {"REGEX": "^(?:(?:ab)+c)*$"}}], "nests quantifiers"),
    ],
)
def test_patterns_costly_patterns_are_refused(tmp_path: Path, pattern: list[dict[str, object]], message: str) -> None:
    (tmp_path / "slow.jsonl").write_text(json.dumps({"label": "DATE", "pattern": pattern}) + "\n", encoding="utf-8")
    with pytest.raises(PatternError) as info:
        load_patterns([tmp_path])
    assert message in str(info.value) and "slow.jsonl:1:" in str(info.value)


@pytest.mark.parametrize("regex", ["^(?:ab|cd)+$", r"^(\w|\d)*$", "^[A-Z][a-z]+$", r"^(?:[A-Z]\.){2,4}$",
                                   "^(?:mr|ms)$"])
def test_patterns_linear_regexes_are_accepted(tmp_path: Path, regex: str) -> None:
    (tmp_path / "ok.jsonl").write_text(json.dumps({"label": "DATE", "pattern": [{"TEXT": {"REGEX": regex}}]}) + "\n",
                                       encoding="utf-8")
    assert load_patterns([tmp_path]).rules[-1]["pattern"] == [{"TEXT": {"REGEX": regex}}]


def test_patterns_every_builtin_label_is_in_the_schema_and_every_schema_label_has_rules() -> None:
    counts = load_patterns().counts()
    assert set(counts) == set(LABELS)
    assert counts["TITLE"] >= 300 and counts["GIVEN_NAME"] >= 2000


def test_patterns_word_lists_never_reach_the_span_ruler() -> None:
    patterns = load_patterns()
    ruled = {rule["label"] for rule in patterns.matcher_rules}
    assert ruled == {label for label, info in LABELS.items() if info.kind == MATCH}
    # the two word lists that used to be matched for nothing
    assert "NOT_ORG" not in ruled and "NUMBER_LABEL" not in ruled
    assert patterns.words("NOT_ORG") and patterns.words("NUMBER_LABEL")


def _labels_read(pattern: str) -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        found.update(re.findall(pattern, path.read_text(encoding="utf-8")))
    return found


def test_patterns_labels_read_from_the_rule_index_are_match_labels_and_every_word_list_is_read() -> None:
    """The components read match labels from the span ruler's index and word lists with words():
    a word list read from the index would find nothing, a word list nobody reads is dead data."""
    from_index = _labels_read(r'index\.(?:at|ending)\("([A-Z_]+)"') | _labels_read(r'\.starts\["([A-Z_]+)"\]')
    from_words = _labels_read(r'\.words\("([A-Z_]+)"\)')
    assert {"TITLE", "CURRENCY", "DATE", "ORG_HEAD"} <= from_index
    assert {label for label in from_index if LABELS[label].kind != MATCH} == set()
    assert {label for label, info in LABELS.items() if info.kind == WORDS} <= from_words


def test_patterns_owners_are_factx_components(nlp: object) -> None:
    names = set(nlp.pipe_names)  # type: ignore[attr-defined]
    assert {info.owner for info in LABELS.values()} <= names


def test_patterns_duplicate_in_a_user_folder_is_refused_with_both_places(tmp_path: Path) -> None:
    path = _lines(tmp_path / "mine.jsonl", {"label": "TITLE", "pattern": "chief gadget officer"},
                  {"label": "TITLE", "pattern": "President", "id": "head of state"})
    with pytest.raises(PatternError) as info:
        load_patterns([tmp_path])
    message = str(info.value)
    assert message.startswith(f"{path}:2: duplicate TITLE pattern 'President' (also at ")
    assert "titles.jsonl:" in message and '"override": true' in message


def test_patterns_duplicate_inside_one_user_file_is_refused(tmp_path: Path) -> None:
    path = _lines(tmp_path / "mine.jsonl", {"label": "UNIT", "pattern": "furlong", "id": "fur"},
                  {"label": "UNIT", "pattern": "Furlong", "id": "fur"})
    with pytest.raises(PatternError, match=f"{path}:2: duplicate UNIT pattern 'Furlong' \\(also at {path}:1\\)"):
        load_patterns([tmp_path])


def test_patterns_same_phrase_under_two_labels_is_no_duplicate(tmp_path: Path) -> None:
    _lines(tmp_path / "mine.jsonl", {"label": "NOT_ORG", "pattern": "president"})
    assert "president" in load_patterns([tmp_path]).words("NOT_ORG")


def test_patterns_override_replaces_the_earlier_rule(tmp_path: Path) -> None:
    builtin = load_patterns()
    _lines(tmp_path / "mine.jsonl", {"label": "TITLE", "pattern": "president", "id": "head of state", "override": True})
    patterns = load_patterns([tmp_path])
    assert builtin.words("TITLE")["president"] == "president"
    assert patterns.words("TITLE")["president"] == "head of state"
    assert len(patterns.rules) == len(builtin.rules)
    assert [r for r in patterns.rules if r["label"] == "TITLE" and r["pattern"] == "president"] == [
        {"label": "TITLE", "pattern": "president", "id": "head of state"}]  # no "override" key reaches spaCy


def test_patterns_override_of_nothing_is_refused(tmp_path: Path) -> None:
    path = _lines(tmp_path / "mine.jsonl", {"label": "TITLE", "pattern": "chief gadget officer", "override": True})
    with pytest.raises(PatternError, match=f"{path}:1: \"override\": true but no earlier TITLE pattern"):
        load_patterns([tmp_path])


def test_patterns_empty_file_warns_on_stderr_and_loads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    _lines(tmp_path / "mine.jsonl", {"label": "TITLE", "pattern": "chief gadget officer", "id": "cgo"})
    patterns = load_patterns([tmp_path])
    assert patterns.words("TITLE")["chief gadget officer"] == "cgo"
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"factx: warning: {tmp_path / 'empty.jsonl'}: empty pattern file (no rules)\n"


def test_patterns_read_collects_every_problem_in_order(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text('{"label": "TITEL", "pattern": "a"}\n{"label": "TITLE", "pattern": "chief gadget officer"}\n'
                    '{oops\n{"label": "SCALE", "pattern": "zillion", "id": "0"}\n', encoding="utf-8")
    loaded = read_patterns([tmp_path])
    assert [(p.file, p.line) for p in loaded.problems] == [(str(path), 1), (str(path), 3), (str(path), 4)]
    assert loaded.patterns.words("TITLE")["chief gadget officer"] == "chief gadget officer"
    assert read_patterns().problems == () and read_patterns().warnings == ()


def test_patterns_words_of_an_unknown_label_is_a_bug() -> None:
    with pytest.raises(KeyError):
        load_patterns().words("TITEL")
