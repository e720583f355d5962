"""Parse written numbers to values: digits, number words, fractions and scale words.

Pure functions, no spaCy: the numbers component calls them on token texts, and the property
tests round-trip them against numbers formatted in many written forms.
"""

from __future__ import annotations

import math
import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
                "trillion": 1_000_000_000_000}
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100, "thousandth": 1000,
}
# Denominators of spelled fractions: "a third", "two-thirds", "one-half", "three quarters".
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
    "tenth": 10, "tenths": 10,
}
_DIGITS = re.compile(r"^[-−–]?(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.I)
_GLUED = re.compile(
    r"^(?P<prefix>[^\d\s-]*?)(?P<number>\d[\d,]*(?:\.\d+)?)(?P<suffix>[^\d\s]*)$"
)


def parse_digits(text: str) -> float | None:
    """``"8,000"`` -> 8000, ``"12,34,567"`` (Indian grouping) -> 1234567, ``"-2.5"`` -> -2.5."""
    cleaned = text.strip()
    if not _DIGITS.match(cleaned):
        return None
    negative = cleaned[0] in "-−–"
    value = float(cleaned.lstrip("-−–").replace(",", ""))
    if not math.isfinite(value):
        return None  # more digits than a float holds
    return -value if negative else value


def parse_fraction(text: str) -> float | None:
    """``"1/2"`` -> 0.5; None for anything else or a zero denominator."""
    match = _FRACTION.match(text.strip())
    if not match or int(match.group(2)) == 0:
        return None
    return int(match.group(1)) / int(match.group(2))


def is_number_word(word: str) -> bool:
    """True for the words of a spelled cardinal ("twenty", "hundred"; not "and")."""
    word = word.lower()
    return word in _UNITS or word in _TENS or word in _MULTIPLIERS


def parse_words(words: list[str]) -> float | None:
    """Spelled cardinals: ``["three", "hundred", "and", "forty"]`` -> 340; ``["twenty", "-", "one"]`` -> 21."""
    total, current, seen = 0, 0, False
    for raw in words:
        word = raw.lower()
        if word in ("and", "-", "a"):
            if word == "a" and not seen:
                current = 1  # "a hundred", "a million"
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _MULTIPLIERS:
            total += (current or 1) * _MULTIPLIERS[word]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def parse_ordinal(text: str) -> int | None:
    """``"12th"`` -> 12, ``"first"`` -> 1."""
    match = _ORDINAL_DIGITS.match(text)
    if match:
        return int(match.group(1))
    return _ORDINAL_WORDS.get(text.lower())


def split_glued(text: str) -> tuple[str, float, str] | None:
    """Split a token like ``"£1.2bn"`` or ``"HK$5"`` into (prefix, number, suffix)."""
    match = _GLUED.match(text)
    if not match:
        return None
    value = parse_digits(match.group("number"))
    if value is None:
        return None
    return match.group("prefix"), value, match.group("suffix")


def format_value(value: float) -> float | int:
    """A JSON-friendly value: integers stay integers, floats are rounded to kill binary noise."""
    rounded = round(value, 10)
    if rounded == int(rounded) and abs(rounded) < 2**53:
        return int(rounded)
    return rounded
