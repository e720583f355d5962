"""Parse written numbers to values: digits, number words, fractions and scale words.

Pure functions, no spaCy: the numbers component calls them on token texts, and the property
tests round-trip them against numbers formatted in many written forms.

Values are computed with :class:`decimal.Decimal` from the digits as written, so "16.6" times a
billion is exactly 16600000000 (binary floats give 16600000000.000002); :func:`format_value` turns
an exact value into a JSON number only at the end.  The ``*_exact`` functions return Decimals; the
others are float wrappers for callers that only need a count.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation, localcontext

_UNITS = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Scale words inside a spelled number, Indian ones included ("three crore twelve lakh").
_MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "lakh": 100_000, "lakhs": 100_000, "lac": 100_000,
                "lacs": 100_000, "lkh": 100_000, "lkhs": 100_000, "million": 1_000_000, "crore": 10_000_000,
                "crores": 10_000_000, "krore": 10_000_000, "krores": 10_000_000, "cr": 10_000_000,
                "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
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
# Words that join the parts of one spelled number: "three hundred and forty", "twenty-one",
# "zero point five", "minus five", "five and three quarters".
NUMBER_GLUE = frozenset({"and", "-", "point"})
NEGATIVE_WORDS = frozenset({"minus", "negative"})
_THIN_SPACES = "\u2009\u202f\u00a0"
_DIGITS = re.compile(
    r"^[-−–]?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u2009\u202f\u00a0]\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)?"
    r"(?:\.\d+)?$"
)
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.I)
_GLUED = re.compile(
    r"^(?P<prefix>[^\d\s-]*?)(?P<number>\d[\d,]*(?:\.\d+)?)(?P<suffix>[^\d\s]*)$"
)
# Past this, no float holds the value: such a number is dropped, never written as infinity.
_FLOAT_MAX = Decimal(repr(1.7976931348623157e308))


def to_decimal(value: float | int | str | Decimal) -> Decimal:
    """A Decimal from a float by its shortest repr (0.1 -> Decimal("0.1")), or from digits."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def is_finite_value(value: Decimal | float | None) -> bool:
    """True if ``value`` can be written as a finite JSON number (None is not a value)."""
    if value is None:
        return False
    if isinstance(value, Decimal):
        return value.is_finite() and abs(value) <= _FLOAT_MAX
    return math.isfinite(value)


def parse_digits_exact(text: str) -> Decimal | None:
    """``"8,000"`` -> 8000, ``"12,34,567"`` (Indian grouping) -> 1234567, ``"25 000"`` -> 25000,
    ``"-2.5"`` -> -2.5, ``".77"`` -> 0.77, exactly as written."""
    cleaned = text.strip()
    if not cleaned or not _DIGITS.match(cleaned) or not any(c.isdigit() for c in cleaned):
        return None
    negative = cleaned[0] in "-−–"
    digits = cleaned.lstrip("-−–").replace(",", "")
    for space in " " + _THIN_SPACES:
        digits = digits.replace(space, "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    if not is_finite_value(value):
        return None  # more digits than a float holds
    return -value if negative else value


def parse_digits(text: str) -> float | None:
    """:func:`parse_digits_exact` as a float."""
    value = parse_digits_exact(text)
    return None if value is None else float(value)


def parse_fraction_exact(text: str) -> Decimal | None:
    """``"1/2"`` -> 0.5; None for anything else or a zero denominator."""
    match = _FRACTION.match(text.strip())
    if not match or int(match.group(2)) == 0:
        return None
    return Decimal(match.group(1)) / Decimal(match.group(2))


def parse_fraction(text: str) -> float | None:
    value = parse_fraction_exact(text)
    return None if value is None else float(value)


def is_number_word(word: str) -> bool:
    """True for the words of a spelled cardinal ("twenty", "hundred", "Lakh"; not "and")."""
    word = word.lower()
    return word in _UNITS or word in _TENS or word in _MULTIPLIERS


def _digit_value(word: str) -> int | None:
    """A single spoken digit after "point": "five" -> 5, "7" -> 7, "oh" -> 0."""
    if word in ("oh", "o"):
        return 0
    if word.isdigit():
        return None
    value = _UNITS.get(word)
    return value if value is not None and value < 10 else None


def parse_words_exact(words: list[str]) -> Decimal | None:
    """Spelled cardinals and decimals, case-insensitive: ``three hundred and forty`` -> 340,
    ``twenty - one`` -> 21, ``zero point five`` -> 0.5, ``three crore twelve lakh`` -> 31200000,
    ``one twenty two`` -> 122 (hundreds said as pairs), ``minus five`` -> -5,
    ``five and three quarters`` -> 5.75.  None if a word is not part of a number."""
    lowered = [w.lower() for w in words]
    negative = False
    if lowered and lowered[0] in NEGATIVE_WORDS:
        negative, lowered = True, lowered[1:]
    total = Decimal(0)  # the value of the scale groups closed so far
    largest = 0  # the largest multiplier applied to ``total``
    current = Decimal(0)  # the group being read ("three hundred forty")
    last = ""  # kind of the last word: unit, teen, tens, hundred, mult
    seen = False
    fraction = Decimal(0)
    i = 0
    while i < len(lowered):
        word = lowered[i]
        if word in ("-", "and"):
            # "five and three quarters", "two hundred and five and a half"
            if word == "and" and seen and i + 2 <= len(lowered):
                rest = _fraction_words(lowered[i + 1:])
                if rest is not None:
                    fraction = rest
                    break
            i += 1
            continue
        if word == "a" and not seen:
            current, seen, last = Decimal(1), True, "unit"  # "a hundred", "a million"
            i += 1
            continue
        if word == "point":
            digits = []
            for follow in lowered[i + 1:]:
                digit = _digit_value(follow)
                if digit is None:
                    break
                digits.append(str(digit))
            if not digits and i + 1 < len(lowered) and lowered[i + 1].isdigit():
                digits = [lowered[i + 1]]  # "point 77", "1 point 1"
            if not digits:
                return None
            current += Decimal("0." + "".join(digits))
            i += 1 + len(digits)
            seen, last = True, "point"
            continue
        if word.isdigit() and not seen:
            current, seen, last = Decimal(word), True, "digits"
            i += 1
            continue
        if word in _UNITS:
            value = _UNITS[word]
            if last in ("unit", "teen", "point"):
                return None  # "five six" is two numbers
            if last == "tens" and value >= 10:
                return None  # "twenty twelve"
            if last == "tens" and current % 100 == 0 and current >= 100 and value < 10:
                return None  # "one twenty" closed a pair: "one twenty two" is handled below
            current += value
            last = "teen" if value >= 10 else "unit"
        elif word in _TENS:
            value = _TENS[word]
            if last == "tens":
                return None
            if last in ("unit", "teen") and current % 100 in range(1, 20) and current < 100:
                current = current * 100 + value  # "one twenty" -> 120, "nineteen fifty" -> 1950
            elif last in ("unit", "teen", "point"):
                return None
            else:
                current += value
            last = "tens"
        elif word in _MULTIPLIERS:
            mult = _MULTIPLIERS[word]
            if mult == 100:
                if last == "mult" and current == 0:
                    return None
                current = (current or Decimal(1)) * 100
                last = "hundred"
            else:
                if mult > largest and largest:
                    # "three hundred thousand crore": the new scale applies to all read so far
                    total = (total + current) * mult
                else:
                    total += (current or Decimal(1)) * mult
                largest = max(largest, mult)
                current = Decimal(0)
                last = "mult"
        else:
            return None
        seen = True
        i += 1
    if not seen:
        return None
    result = total + current + fraction
    return -result if negative else result


def _fraction_words(words: list[str]) -> Decimal | None:
    """``["three", "quarters"]`` -> 0.75, ``["a", "half"]`` -> 0.5; None unless that is all."""
    if len(words) != 2 or words[1] not in DENOMINATORS:
        return None
    numerator = 1 if words[0] in ("a", "one") else _UNITS.get(words[0])
    if not numerator:
        return None
    return Decimal(numerator) / DENOMINATORS[words[1]]


def parse_words(words: list[str]) -> float | None:
    """:func:`parse_words_exact` as a float."""
    value = parse_words_exact(words)
    return None if value is None else float(value)


def parse_ordinal(text: str) -> int | None:
    """``"12th"`` -> 12, ``"first"`` -> 1."""
    match = _ORDINAL_DIGITS.match(text)
    if match:
        return int(match.group(1))
    return _ORDINAL_WORDS.get(text.lower())


def split_glued_exact(text: str) -> tuple[str, Decimal, str] | None:
    """Split a token like ``"£1.2bn"``, ``"HK$5"`` or ``"10$"`` into (prefix, number, suffix)."""
    match = _GLUED.match(text)
    if not match:
        return None
    value = parse_digits_exact(match.group("number"))
    if value is None:
        return None
    return match.group("prefix"), value, match.group("suffix")


def split_glued(text: str) -> tuple[str, float, str] | None:
    glued = split_glued_exact(text)
    return None if glued is None else (glued[0], float(glued[1]), glued[2])


def format_value(value: Decimal | float | int) -> float | int:
    """A JSON number: an integral value as an int, else the shortest float repr of the exact value.

    ``Decimal("16600000000")`` -> 16600000000; ``Decimal("0.1")`` -> 0.1.  A float (older callers)
    is rounded to 10 places first to drop binary noise."""
    if isinstance(value, Decimal):
        with localcontext() as ctx:
            ctx.prec = 60
            if value == value.to_integral_value():
                as_int = int(value)
                if abs(as_int) < 2**63:
                    return as_int
            return float(value)
    rounded = round(value, 10)
    if rounded == int(rounded) and abs(rounded) < 2**53:
        return int(rounded)
    return rounded
