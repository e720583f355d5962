import json
from pathlib import Path

import pytest

from factx.errors import PatternError
from factx.patterns import builtin_dir, load_patterns


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
        ('{"label": "X", "pattern": [{"LOWR": "a"}]}', "invalid token pattern"),
        ('{"label": "X", "pattern": 5}', "pattern"),
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
    (tmp_path / "slow.jsonl").write_text(json.dumps({"label": "X", "pattern": pattern}) + "\n", encoding="utf-8")
    with pytest.raises(PatternError) as info:
        load_patterns([tmp_path])
    assert message in str(info.value) and "slow.jsonl:1:" in str(info.value)


@pytest.mark.parametrize("regex", ["^(?:ab|cd)+$", r"^(\w|\d)*$", "^[A-Z][a-z]+$", r"^(?:[A-Z]\.){2,4}$",
                                   "^(?:mr|ms)$"])
def test_patterns_linear_regexes_are_accepted(tmp_path: Path, regex: str) -> None:
    (tmp_path / "ok.jsonl").write_text(json.dumps({"label": "X", "pattern": [{"TEXT": {"REGEX": regex}}]}) + "\n",
                                       encoding="utf-8")
    assert load_patterns([tmp_path]).rules[-1]["pattern"] == [{"TEXT": {"REGEX": regex}}]
