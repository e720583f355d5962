from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factx.numparse import (
    format_value,
    is_finite_value,
    parse_digits,
    parse_digits_exact,
    parse_fraction,
    parse_ordinal,
    parse_words,
    parse_words_exact,
    split_glued,
)

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int) -> list[str]:
    """An independent speller used only to generate test input."""
    if n < 20:
        return [_ONES[n]]
    if n < 100:
        return [_TENS[n // 10]] + (["-", _ONES[n % 10]] if n % 10 else [])
    if n < 1000:
        rest = spell(n % 100) if n % 100 else []
        return [_ONES[n // 100], "hundred"] + (["and", *rest] if rest else [])
    for scale, word in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            rest = spell(n % scale) if n % scale else []
            return spell(n // scale) + [word] + rest
    raise AssertionError(n)


@pytest.mark.parametrize(
    ("text", "value"),
    [("8,000", 8000), ("12,34,567", 1234567), ("2.25", 2.25), ("-4.5", -4.5), ("1,000,000", 1e6), ("007", 7)],
)
def test_numparse_digits(text: str, value: float) -> None:
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["8,00", "1.2.3", "abc", "", "5G"])
def test_numparse_digits_rejects(text: str) -> None:
    assert parse_digits(text) is None


@pytest.mark.parametrize(
    ("words", "value"),
    [(["three", "hundred", "and", "forty"], 340), (["twenty", "-", "one"], 21), (["a", "hundred"], 100),
     (["two", "million"], 2e6)],
)
def test_numparse_words(words: list[str], value: float) -> None:
    assert parse_words(words) == value


def test_numparse_fraction_ordinal_glued() -> None:
    assert parse_fraction("1/2") == 0.5
    assert parse_fraction("1/0") is None
    assert parse_ordinal("12th") == 12
    assert parse_ordinal("first") == 1
    assert split_glued("£1.2bn") == ("£", 1.2, "bn")
    assert split_glued("HK$5") == ("HK$", 5.0, "")


@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_numparse_digits_roundtrip(n: int) -> None:
    assert parse_digits(f"{n:,}") == n
    assert parse_digits(str(n)) == n


@given(st.integers(min_value=0, max_value=999_999_999))
def test_numparse_words_roundtrip(n: int) -> None:
    assert parse_words(spell(n)) == n


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_numparse_format_value_is_stable(x: float) -> None:
    assert format_value(format_value(x)) == format_value(x)


# -- exact values (#16) -------------------------------------------------------------------------


def test_numparse_exact_scaled_values_are_integers() -> None:
    assert format_value(parse_digits_exact("16.6") * Decimal("1e9")) == 16_600_000_000
    assert format_value(parse_digits_exact("4.35") * Decimal("1e12")) == 4_350_000_000_000
    assert isinstance(format_value(parse_digits_exact("4.35") * Decimal("1e12")), int)
    assert format_value(Decimal("0.1") + Decimal("0.2")) == 0.3
    assert format_value(Decimal(1) / Decimal(3)) == 1 / 3


@pytest.mark.parametrize(
    ("text", "value"),
    [("25 000", Decimal(25000)), ("1\u2009250\u2009000", Decimal(1250000)), (".75", Decimal("0.75")),
     ("12,34,567", Decimal(1234567)), ("-0.5", Decimal("-0.5"))],
)
def test_numparse_digits_exact(text: str, value: Decimal) -> None:
    assert parse_digits_exact(text) == value


@pytest.mark.parametrize("text", ["25 00", "1 2345", "12 ,000", ".", "-"])
def test_numparse_digits_exact_rejects(text: str) -> None:
    assert parse_digits_exact(text) is None


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("Three Hundred AND forty", "340"),
        ("zero point five", "0.5"),
        ("two point two five million", "2250000"),
        ("nought", "0"),
        ("minus five", "-5"),
        ("negative six hundred and one", "-601"),
        ("seven hundred and two and three quarters", "702.75"),
        ("nine and a half", "9.5"),
        ("four crore eleven lakh sixty - two thousand", "41162000"),
        ("two hundred thousand crore", "2000000000000"),
        ("one fifty", "150"),
        ("nineteen sixty - one", "1961"),
        ("six million four hundred thousand", "6400000"),
    ],
)
def test_numparse_words_exact(phrase: str, value: str) -> None:
    assert parse_words_exact(phrase.split()) == Decimal(value)


@pytest.mark.parametrize("phrase", ["four seven", "thirty forty", "twenty fifteen", "and", "point", "five point",
                                    "eleven and a car"])
def test_numparse_words_exact_rejects(phrase: str) -> None:
    assert parse_words_exact(phrase.split()) is None


def test_numparse_past_the_float_range_is_not_finite() -> None:
    assert parse_digits_exact("9" * 400) is None
    assert not is_finite_value(Decimal("1e309"))
    assert is_finite_value(Decimal("1e308"))
    assert not is_finite_value(None)
