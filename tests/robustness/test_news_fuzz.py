"""Fuzz factx with generated text that looks like news, built from the lexicons in ``patterns/``.

Random unicode (test_fuzz.py) rarely reaches the number, date and title rules; these articles do:
they compose people with titles, organizations, money with scales, percentages, ranges, durations,
relative and explicit dates, lists, quotes, odd spacing and some junk. The vocabulary is read from
the pattern files at import time, so the fuzz grows with the lexicons.

Every extraction must either succeed, with every offset indexing the text, or refuse with a
FactxError that is not an InternalError (a malformed header is a clean refusal; an internal
error is a bug). Run more examples with ``FACTX_FUZZ_EXAMPLES=N``.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factx
from factx.errors import FactxError, InternalError
from factx.facttypes import offset_items
from factx.nlp import DEFAULT_MODEL
from factx.patterns import builtin_dir

# --------------------------------------------------------------------------------------------------
# Example budget: small by default so the regular suite stays fast; FACTX_FUZZ_EXAMPLES=N for more.


def _examples_from_env() -> int:
    raw = os.environ.get("FACTX_FUZZ_EXAMPLES", "").strip()
    if not raw:
        return 100
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"FACTX_FUZZ_EXAMPLES must be a positive integer, got {raw!r}") from None
    if value < 1:
        raise ValueError(f"FACTX_FUZZ_EXAMPLES must be a positive integer, got {raw!r}")
    return value


MAIN_EXAMPLES = _examples_from_env()  # default 100, plus 50 for determinism: 150 in a normal run
DETERMINISM_EXAMPLES = max(50, MAIN_EXAMPLES // 10)


def _settings(max_examples: int) -> settings:
    return settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
        derandomize=False,
    )


# --------------------------------------------------------------------------------------------------
# Vocabulary from the pattern files: string patterns, and the LOWER/ORTH/TEXT strings of token
# patterns (REGEX and other predicates are skipped: they are not words a writer types).

_TOKEN_KEYS = ("LOWER", "ORTH", "TEXT")


def _token_strings(token: dict[str, Any]) -> Iterator[str]:
    for key in _TOKEN_KEYS:
        value = token.get(key)
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict) and isinstance(value.get("IN"), list):
            yield from (item for item in value["IN"] if isinstance(item, str))


def _load_lexicon(directory: Path) -> dict[str, list[str]]:
    words: defaultdict[str, set[str]] = defaultdict(set)
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            label, pattern = record.get("label"), record.get("pattern")
            if not isinstance(label, str):
                continue
            if isinstance(pattern, str):
                words[label].add(pattern)
            elif isinstance(pattern, list):
                for token in pattern:
                    if isinstance(token, dict):
                        words[label].update(_token_strings(token))
    return {label: sorted(w for w in found if w.strip()) for label, found in words.items()}


LEXICON = _load_lexicon(builtin_dir())


def _words(*labels: str, fallback: Sequence[str]) -> list[str]:
    """The lexicon's words under ``labels``, or ``fallback`` if a label has vanished from the files."""
    found = sorted({word for label in labels for word in LEXICON.get(label, [])})
    return found or list(fallback)


TITLES = _words("TITLE", fallback=["president", "chief executive officer", "minister"])
TITLE_MODIFIERS = _words("TITLE_MODIFIER", fallback=["vice", "deputy", "senior"])
TITLE_STATUSES = _words("TITLE_STATUS", fallback=["former", "acting", "incoming"])
PORTFOLIOS = _words("TITLE_PORTFOLIO", fallback=["finance", "energy", "health"])
PLACE_TITLES = _words("PLACE_TITLE", fallback=["mayor", "governor"])
ORG_HEADS = _words("ORG_HEAD", fallback=["bank", "group", "ministry", "corp."])
ORG_PREFIXES = _words("ORG_PREFIX", fallback=["fc"])
GENERIC_MODIFIERS = _words("GENERIC_MODIFIER", fallback=["global", "national"])
NOT_ORG = _words("NOT_ORG", fallback=["5g", "ai", "gdp"])
GIVEN_NAMES = _words("GIVEN_NAME", fallback=["jane", "john"])
HONORIFICS = _words("HONORIFIC", fallback=["mr.", "dr"])
SURNAME_FIRST = _words("SURNAME_FIRST", fallback=["zhao", "wang"])
NAME_PARTICLES = _words("NAME_PARTICLE", fallback=["van", "de"])
NOT_NAME = _words("NOT_NAME", fallback=["lake", "street"])
CURRENCIES = _words("CURRENCY", fallback=["$", "usd", "rs", "€", "yuan"])
MINOR_CURRENCIES = _words("CURRENCY_MINOR", fallback=["cents", "pence"])
SCALES = _words("SCALE", fallback=["million", "billion", "bn", "crore"])
PERCENT_UNITS = _words("PERCENT_UNIT", fallback=["%", "percent", "per cent"])
UNITS = _words("UNIT", fallback=["km", "tonnes", "barrels per day"])
QUALIFIERS = _words("QUALIFIER", fallback=["about", "more than", "nearly"])
NUMBER_LABELS = _words("NUMBER_LABEL", fallback=["phase", "tier", "route"])
DATE_WORDS = _words("DATE", fallback=["since", "march", "years", "monday"])
DATE_MODIFIERS = _words("DATE_MODIFIER", fallback=["the end of", "early", "mid-"])

# Grammar words the lexicons do not hold (or hold only inside larger patterns).
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
          "Nov.", "Dec.", "Jan", "Feb", "Sept"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TIME_UNITS = ["day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
              "quarter", "quarters", "hour", "hours", "fortnight", "minutes", "seconds", "century"]
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "fifteen", "twenty", "twenty-one", "thirty", "forty-five", "ninety-nine", "hundred",
                "a hundred", "a dozen", "dozens of", "a few", "several", "a million", "one and a half", "a couple of"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "tenth", "21st", "1st", "2nd", "3rd", "4th", "11th",
            "22nd", "103rd", "twentieth", "last", "final"]
FRACTIONS = ["a quarter of", "a third of", "half of", "half", "two-thirds", "two-thirds of", "three-quarters of",
             "one-fifth", "a fifth of", "1/3", "3/4 of", "one in five", "nine out of 10", "a tenth of", "½", "¼"]
PLACES = ["Freedonia", "Ruritania", "New York", "Hong Kong", "São Paulo", "the United States", "China", "India",
          "Kerala", "Lagos", "the EU", "the U.K.", "Côte d'Ivoire", "Washington, D.C."]
SURNAMES = ["Roe", "Smith", "O'Neill", "McDonald", "García", "Müller", "Smith-Jones", "Nguyen", "Okafor",
            "Kowalski", "Al-Sayed", "D'Souza", "Lee", "Ng", "Ó Briain"]
ORG_NAMES = ["Acme", "Initech", "Globex", "Tata", "Reliance", "Sino", "Deutsche", "Banco", "Hooli", "Umbrella"]
WELL_KNOWN_ORGS = ["the IMF", "NATO", "the U.N.", "OPEC+", "the World Bank", "AT&T", "3M", "7-Eleven", "the Fed",
                   "the European Central Bank", "Apple Inc.", "Tesla's"]
NOUNS = ["revenue", "profit", "sales", "output", "inflation", "the deficit", "exports", "shares", "the index",
         "unemployment", "employees", "people", "cases", "units", "the budget", "debt", "growth", "votes"]
VERBS = ["said", "says", "announced", "reported", "rose", "fell", "grew", "jumped", "dropped", "climbed",
         "expects", "forecast", "raised", "cut", "spent", "paid", "will invest", "has appointed", "named",
         "told reporters", "added", "estimated", "plans to hire", "signed", "was up", "was down"]
FUNCTION_WORDS = ["to", "from", "by", "in", "on", "at", "of", "and", "or", "with", "after", "before", "since",
                  "for", "over", "up", "down", "compared with", "year-on-year", "according to", "than", "as",
                  "the", "a", "an", "its", "their", "while", "but", "per", "each", "every", "ago", "until"]
JUNK = ["()", "( )", "[]", ",", ", ,", "$", "%", "5G", "abc123", "123abc", "Q32024", "5billion", "2024revenue",
        "—", "–", "-", "--", "''", "“", "”", "‘", "’", "'", '"', "...", "…", "/", "&", "#", "@", "*", ";", ":",
        "(", ")", "'s", "’s", "s'", "\u00a0", "\u200b", "\t", "°", "±", "x", "No.", "e.g.", "U.S.", "Inc.,", "1.",
        "2.", "a)", "—-", "$$", "%%", "1,", ",1", ".5", "5.", "0", "00", "-0", "+1", "1e6", "10^6", "#1"]
SEPARATORS = [" "] * 12 + ["  ", "\n", " \n", "\t", "\u00a0", ", ", " - ", " — ", "", "\n\n", "   "]
QUOTES = [('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’"), ("“", '"'), ("", "")]
HEADERS = ["", "", "", "", "date: 2024-03-05\n\n", "date: 2024-03-05\n", "Date: 2019-08-12\n\n",
           "DATE:2000-02-29\n", "---\ndate: 2024-03-05\ntitle: x\n---\n", "---\ntitle: no date\n---\n",
           "date 2024-03-05 ", "WASHINGTON, March 3, 2024 /PRNewswire/ -- ", "BEIJING, Oct. 26, 2024 (Xinhua) -- ",
           "LONDON, March 3 -- ", "Posted: 2024-03-03\n", "date: 2024-13-45\n\n", "date: \n\n", "\ufeff", "\n\n"]
DOCUMENT_DATES = st.sampled_from(["2024-03-05"] * 6 + [None, None, "9999-12-31", "0001-01-01", "2000-02-29"])


# --------------------------------------------------------------------------------------------------
# Strategies. A composite picks one of its forms first and draws only that form's parts (the forms
# are lambdas), so an article costs a few hundred draws, not thousands.

Forms = Sequence[Callable[[], str]]


def _one(draw: st.DrawFn, forms: Forms) -> str:
    return draw(st.sampled_from(forms))()


def _pick(draw: st.DrawFn, choices: Sequence[str]) -> str:
    return draw(st.sampled_from(choices))


def _case(draw: st.DrawFn, word: str) -> str:
    """``word`` as is (mostly), in Title Case, in UPPER CASE or Capitalised."""
    style = draw(st.integers(0, 5))
    if style == 3:
        return word.title()
    if style == 4:
        return word.upper()
    if style == 5:
        return word[:1].upper() + word[1:]
    return word


def _capitalised(word: str) -> str:
    return " ".join(part[:1].upper() + part[1:] for part in word.split(" "))


@st.composite
def digits(draw: st.DrawFn) -> str:
    """A written number: plain, with thousands commas, with decimals, in odd or Indian groupings."""
    n = draw(st.integers(0, 10 ** draw(st.integers(0, 12))))
    style = draw(st.integers(0, 9))
    if style <= 2:
        text = f"{n:,}"
    elif style <= 4:
        text = str(n)
    elif style <= 6:
        text = f"{n:,}.{draw(st.integers(0, 999)):0{draw(st.integers(1, 3))}d}"
    elif style == 7:
        text = f"{n}.{draw(st.integers(0, 99))}"
    elif style == 8:
        text = draw(st.sampled_from([f"{n:,}".replace(",", "."), f"{n:,}".replace(",", " "), f"0{n}", f".{n}"]))
    else:  # 1,00,000
        head, tail = str(n)[:-3], str(n)[-3:]
        groups: list[str] = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        text = ",".join([g for g in [head, *groups] if g] + [tail])
    if draw(st.integers(0, 15)) == 0:
        text = "-" + text
    return text


@st.composite
def number(draw: st.DrawFn) -> str:
    return _one(draw, [lambda: draw(digits()), lambda: draw(digits()), lambda: _pick(draw, NUMBER_WORDS),
                       lambda: _pick(draw, ORDINALS)])


@st.composite
def scale(draw: st.DrawFn) -> str:
    return _case(draw, _pick(draw, SCALES))


@st.composite
def amount(draw: st.DrawFn) -> str:
    """A number with an optional scale: "2.5 billion", "5bn", "4,500 crore", "hundreds of thousands"."""
    return _one(draw, [
        lambda: draw(number()),
        lambda: draw(number()),
        lambda: draw(number()) + draw(scale()),  # glued: 5bn, 3m, 10k
        lambda: f"{draw(scale())} of {draw(scale())}",
        lambda: f"{draw(number())} {draw(scale())}",
        lambda: f"{draw(number())} {draw(scale())}",
    ])


@st.composite
def money(draw: st.DrawFn) -> str:
    """ "$16.6 billion", "Rs 4,500 crore", "5 billion yuan", "US$3", "€5m", "50 cents", "$10 to $20 million"."""
    symbol = _case(draw, _pick(draw, CURRENCIES))
    glue = " " if symbol[-1:].isalpha() else ""
    return _one(draw, [
        lambda: f"{symbol}{glue}{draw(amount())}",
        lambda: f"{symbol}{draw(st.sampled_from([glue, ' ', '']))}{draw(amount())}",
        lambda: f"{draw(amount())} {symbol}",
        lambda: f"{draw(digits())} {_pick(draw, MINOR_CURRENCIES)}",
        lambda: f"{symbol}{glue}{draw(digits())} to {symbol}{glue}{draw(digits())} {draw(scale())}",
        lambda: f"{symbol}{glue}{draw(digits())}-{draw(digits())} {draw(scale())}",
    ])


@st.composite
def percent(draw: st.DrawFn) -> str:
    """ "12%", "5.5 per cent", "-3 pct", "10-20%", "two percentage points a year"."""
    unit = _case(draw, _pick(draw, PERCENT_UNITS))
    glue = "" if unit[:1] in "%‰" else " "
    value = draw(st.one_of(digits(), st.sampled_from(NUMBER_WORDS)))
    return _one(draw, [
        lambda: f"{value}{glue}{unit}",
        lambda: f"{value}{glue}{unit}",
        lambda: f"{draw(digits())}-{value}{glue}{unit}",
        lambda: f"{value}{glue}{unit}{draw(st.sampled_from([' points', ' a year', ' year-on-year']))}",
    ])


@st.composite
def quantity(draw: st.DrawFn) -> str:
    """ "40 miles", "5 million barrels per day", "a 90-km road", "phase 3", "4,500 employees"."""
    return _one(draw, [
        lambda: f"{draw(amount())} {_case(draw, _pick(draw, UNITS))}",
        lambda: f"{draw(amount())} {_case(draw, _pick(draw, UNITS))}",
        lambda: f"a {draw(digits())}-{_pick(draw, UNITS)} {_pick(draw, NOUNS)}",
        lambda: f"{_case(draw, _pick(draw, NUMBER_LABELS))}{_pick(draw, [' ', '-', ' No. ', ''])}{draw(digits())}",
        lambda: f"{draw(number())} {_pick(draw, NOUNS)}",
    ])


@st.composite
def fraction_of(draw: st.DrawFn) -> str:
    """ "two-thirds of employees", "a quarter of the budget"."""
    return f"{_pick(draw, FRACTIONS)} {_pick(draw, NOUNS)}"


@st.composite
def qualified(draw: st.DrawFn) -> str:
    """ "about 5%", "more than $3 billion", "nearly two-thirds of the budget"."""
    qualifier = _case(draw, _pick(draw, QUALIFIERS))
    return _one(draw, [lambda: f"{qualifier} {draw(money())}", lambda: f"{qualifier} {draw(percent())}",
                       lambda: f"{qualifier} {draw(quantity())}", lambda: f"{qualifier} {draw(number())}",
                       lambda: f"{qualifier} {draw(fraction_of())}"])


@st.composite
def year(draw: st.DrawFn) -> str:
    return str(draw(st.one_of(st.integers(1990, 2030), st.integers(1500, 2099), st.integers(0, 9999))))


@st.composite
def month(draw: st.DrawFn) -> str:
    return _case(draw, _pick(draw, MONTHS))


@st.composite
def day(draw: st.DrawFn) -> str:
    return str(draw(st.one_of(st.integers(1, 31), st.integers(0, 99))))


@st.composite
def explicit_date(draw: st.DrawFn) -> str:
    """ "March 8, 2011", "8 March 2011", "14/05/2019", "2019-08-12", "Q2 2024", "FY2023", "mid-2020"."""
    y, m, d = draw(year()), draw(month()), draw(day())
    mm, dd = draw(st.integers(0, 13)), draw(st.integers(0, 32))
    return _one(draw, [
        lambda: f"{m} {d}, {y}", lambda: f"{d} {m} {y}", lambda: f"{m} {d}", lambda: f"{d} {m}",
        lambda: f"{m} {y}", lambda: f"{m} {d}th", lambda: f"the {d}th of {m}", lambda: f"{dd:02d}/{mm:02d}/{y}",
        lambda: f"{mm}/{dd}/{y[-2:]}", lambda: f"{y}-{mm:02d}-{dd:02d}", lambda: f"{y}-{mm}-{dd}",
        lambda: f"{dd}.{mm}.{y}", lambda: y, lambda: f"the {y[:3]}0s", lambda: f"'{y[-2:]}", lambda: f"mid-{y}",
        lambda: f"Q{draw(st.integers(0, 5))} {y}", lambda: f"{y} Q{draw(st.integers(1, 4))}",
        lambda: f"H{draw(st.integers(1, 2))} {y}", lambda: f"FY{y}", lambda: f"FY{y[-2:]}", lambda: f"fiscal {y}",
        lambda: f"FY {y}-{y[-2:]}", lambda: f"{y}/{y[-2:]}", lambda: f"{m} {d}, {y}, at 3 p.m.",
        lambda: f"{d}:{mm:02d} GMT", lambda: f"{_pick(draw, WEEKDAYS)}, {m} {d}", lambda: f"{m}. {d}",
        lambda: f"{y}-{mm:02d}-{dd:02d}T10:00:00Z",
    ])


def _count(draw: st.DrawFn) -> str:
    return draw(st.one_of(st.sampled_from(NUMBER_WORDS), digits()))


@st.composite
def relative_date(draw: st.DrawFn) -> str:
    """ "last March", "three weeks ago", "next year", "the third quarter", "the past six months"."""
    unit = _pick(draw, TIME_UNITS)
    return _one(draw, [
        lambda: f"last {draw(month())}", lambda: f"next {draw(month())}", lambda: f"{_count(draw)} {unit} ago",
        lambda: f"next {unit}", lambda: f"last {unit}", lambda: f"this {unit}",
        lambda: f"the {_pick(draw, ORDINALS)} quarter", lambda: f"the past {_count(draw)} {unit}",
        lambda: f"the next {_count(draw)} {unit}", lambda: f"in {_count(draw)} {unit}",
        lambda: f"{_count(draw)} {unit} later", lambda: f"earlier this {unit}", lambda: f"later this {unit}",
        lambda: f"the {_pick(draw, ORDINALS)} half of {draw(year())}", lambda: f"last {_pick(draw, WEEKDAYS)}",
        lambda: _pick(draw, ["yesterday", "today", "tomorrow", "recently", "last spring", "a year earlier"]),
        lambda: f"{_pick(draw, ORDINALS)}-quarter", lambda: f"the same period last {unit}",
    ])


@st.composite
def duration(draw: st.DrawFn) -> str:
    """ "four years", "90 days", "a decade", "six-month", "two consecutive quarters"."""
    unit = _pick(draw, TIME_UNITS)
    return _one(draw, [
        lambda: f"{_count(draw)} {unit}", lambda: f"{_count(draw)} {unit}", lambda: f"a {unit}",
        lambda: f"{_count(draw)}-{unit.rstrip('s')}", lambda: f"{_count(draw)} consecutive {unit}",
        lambda: f"{_count(draw)} more {unit}", lambda: f"{_count(draw)} full {unit}", lambda: unit,
        lambda: f"every {_count(draw)} {unit}", lambda: f"{_count(draw)} and a half {unit}",
        lambda: f"{_count(draw)} {unit} and {draw(digits())} {_pick(draw, TIME_UNITS)}",
    ])


@st.composite
def modified_date(draw: st.DrawFn) -> str:
    """ "the end of October 2022", "since 2010", "early next year", "by the end of the third quarter"."""
    modifier = _pick(draw, DATE_MODIFIERS)
    glue = "" if modifier.endswith("-") else " "
    return _one(draw, [lambda: f"{modifier}{glue}{draw(explicit_date())}",
                       lambda: f"{modifier}{glue}{draw(relative_date())}", lambda: f"{modifier}{glue}{draw(year())}"])


@st.composite
def date_word_phrase(draw: st.DrawFn) -> str:
    """A word from the date patterns next to a number or a year: "since 2010", "until March 2024"."""
    word = _case(draw, _pick(draw, DATE_WORDS))
    return _one(draw, [lambda: f"{word} {draw(year())}", lambda: f"{draw(digits())} {word}", lambda: word,
                       lambda: f"{word} {draw(month())} {draw(year())}", lambda: f"{word} {draw(day())}"])


@st.composite
def range_phrase(draw: st.DrawFn) -> str:
    """Ranges of numbers, money, durations and dates, well-formed and mixed up."""
    a, b, unit = draw(digits()), draw(digits()), _pick(draw, TIME_UNITS)
    dash = _pick(draw, ["-", "-", "–", "—", " - ", " to ", "/"])
    return _one(draw, [
        lambda: f"from {a} to {b} {unit}", lambda: f"between {a} and {b} {unit}",
        lambda: f"{draw(day())}{dash}{draw(day())} {draw(month())} {draw(year())}",
        lambda: f"{draw(month())} {draw(day())}{dash}{draw(day())}",
        lambda: f"{draw(day())}{dash}{draw(day())} {draw(month())}",
        lambda: (lambda y: f"{y}{dash}{y[-2:]}")(draw(year())), lambda: f"{draw(year())}{dash}{draw(year())}",
        lambda: f"from {draw(month())} to {b} {unit}", lambda: f"from {a} to {draw(year())}", lambda: f"{a}{dash}{b}",
        lambda: f"{a}{dash}{b}%", lambda: f"from {draw(money())} to {draw(money())}",
        lambda: f"between {draw(percent())} and {draw(percent())}", lambda: f"{a} to {b} {draw(scale())}",
        lambda: f"from {draw(month())} {draw(year())} to {draw(month())} {draw(year())}",
        lambda: f"between {draw(month())} and {draw(month())}",
        lambda: f"{_pick(draw, NUMBER_WORDS)} to {_pick(draw, NUMBER_WORDS)} {unit}",
        lambda: f"from {_pick(draw, WEEKDAYS)} to {_pick(draw, WEEKDAYS)}", lambda: f"{a}-{b}-{unit}",
        lambda: f"from {a} {unit} to {b}", lambda: f"between {draw(year())} and", lambda: f"from to {a}",
    ])


@st.composite
def surname(draw: st.DrawFn) -> str:
    return _one(draw, [
        lambda: _pick(draw, SURNAMES),
        lambda: draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10)).capitalize(),
        lambda: _pick(draw, SURNAME_FIRST).capitalize(),
    ])


@st.composite
def person(draw: st.DrawFn) -> str:
    """ "Jane Roe", "Dr. Amir J. van Berg Jr.", "Zhao Wei", "Roe", "JANE ROE"."""
    given = _capitalised(_pick(draw, GIVEN_NAMES))
    form = draw(st.integers(0, 9))
    if form == 0:
        return f"{_capitalised(_pick(draw, SURNAME_FIRST))} {given}"
    if form == 1:
        return draw(surname())
    parts = []
    if draw(st.integers(0, 4)) == 0:
        parts.append(_case(draw, _pick(draw, HONORIFICS)))
    parts.append(given)
    if draw(st.integers(0, 5)) == 0:
        parts.append(_one(draw, [lambda: _pick(draw, ["J.", "A.", "M.", "Lee"]),
                                 lambda: _capitalised(_pick(draw, GIVEN_NAMES))]))
    if draw(st.integers(0, 6)) == 0:
        parts.append(_pick(draw, NAME_PARTICLES))
    parts.append(draw(surname()))
    if draw(st.integers(0, 10)) == 0:
        parts.append(_pick(draw, ["Jr.", "Sr.", "III", "PhD"]))
    name = " ".join(parts)
    return name.upper() if draw(st.integers(0, 20)) == 0 else name


@st.composite
def place(draw: st.DrawFn) -> str:
    return _one(draw, [lambda: _pick(draw, PLACES),
                       lambda: draw(st.text(alphabet="aeioulmnrstkv", min_size=3, max_size=9)).capitalize()])


@st.composite
def title(draw: st.DrawFn) -> str:
    """ "Chief Executive Officer", "former minister of finance", "acting CEO", "Deputy Mayor", "president-elect"."""
    words = []
    if draw(st.integers(0, 2)) == 0:
        words.append(_pick(draw, TITLE_STATUSES))
    if draw(st.integers(0, 3)) == 0:
        words.append(_pick(draw, TITLE_MODIFIERS))
    if draw(st.integers(0, 4)) == 0:
        words.append(_pick(draw, PORTFOLIOS))
    words.append(_pick(draw, TITLES) if draw(st.integers(0, 3)) else _pick(draw, PLACE_TITLES))
    text = " ".join(words).replace("- ", "-")
    tail = draw(st.integers(0, 6))
    if tail == 0:
        text += f" of {_pick(draw, PORTFOLIOS)}"
    elif tail == 1:
        text += f" for {_pick(draw, PORTFOLIOS)}"
    elif tail == 2:
        text += _pick(draw, ["-elect", " designate", "-designate", " emeritus"])
    return _case(draw, text)


@st.composite
def organization(draw: st.DrawFn) -> str:
    """ "Acme Bank", "the Ministry of Finance", "Global Energy Holdings Ltd.", "FC Freedonia", "Acme Bank (AB)"."""
    head = _capitalised(_pick(draw, ORG_HEADS))

    def name_word() -> str:
        return _one(draw, [
            lambda: draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)).capitalize(),
            lambda: _capitalised(_pick(draw, GENERIC_MODIFIERS)),
            lambda: _capitalised(_pick(draw, NOT_NAME)),
            lambda: _pick(draw, ORG_NAMES),
            lambda: _pick(draw, ORG_NAMES),
        ])

    words = [name_word() for _ in range(draw(st.integers(1, 3)))]
    name = " ".join([*words, head])
    return _one(draw, [
        lambda: name, lambda: name, lambda: name,
        lambda: f"{_pick(draw, ['the ', 'The ', ''])}{head} of {draw(place())}",
        lambda: f"{_pick(draw, ['the ', 'The ', ''])}{head} of {_capitalised(_pick(draw, PORTFOLIOS))}",
        lambda: f"{_pick(draw, ORG_PREFIXES).upper()} {draw(place())}",
        lambda: f"{name} ({''.join(w[0] for w in [*words, head]).upper()})",
        lambda: _pick(draw, WELL_KNOWN_ORGS),
        lambda: f"{name} {_case(draw, _pick(draw, NOT_ORG))}",
    ])


@st.composite
def titled_person(draw: st.DrawFn) -> str:
    """Titles before and after names, appositions, ages, possessives."""
    who, role = draw(person()), draw(title())
    q = _pick(draw, ['"', "“", "”", "'", ""])
    return _one(draw, [
        lambda: f"{role} {who}",
        lambda: f"{role} {who}",
        lambda: f"{who}, {role} of {draw(organization())},",
        lambda: f"{who}, the {role} of {draw(place())},",
        lambda: f"{draw(organization())} {role} {who}",
        lambda: f"{who}, {draw(organization())}'s {role},",
        lambda: f"{who} ({draw(st.integers(0, 120))})",
        lambda: f"{who}, {draw(st.integers(0, 120))}, {role}",
        lambda: f"{role} of {draw(organization())} {who}",
        lambda: f"{who}, who was {role} until {draw(explicit_date())},",
        lambda: f"{who}'s",
        lambda: f"{who}, {role}",
        lambda: f"{q}{who}{q}",
        lambda: f"{who} of {draw(organization())}",
        lambda: f"{role}s {who} and {draw(person())}",
        lambda: f"{who}, {role} and {draw(title())} of {draw(organization())},",
        lambda: f"{draw(organization())}'s {role}, {who},",
        lambda: f"{role} ({who})",
    ])


@st.composite
def fact(draw: st.DrawFn) -> str:
    return _one(draw, [lambda: draw(money()), lambda: draw(percent()), lambda: draw(quantity()),
                       lambda: draw(qualified()), lambda: draw(range_phrase()), lambda: draw(amount()),
                       lambda: draw(fraction_of())])


@st.composite
def when(draw: st.DrawFn) -> str:
    return _one(draw, [
        lambda: draw(explicit_date()), lambda: draw(relative_date()), lambda: draw(duration()),
        lambda: draw(modified_date()), lambda: draw(date_word_phrase()), lambda: draw(range_phrase()),
        lambda: f"{_pick(draw, ['on ', 'On ', 'last ', 'next ', ''])}{_pick(draw, WEEKDAYS)}",
    ])


@st.composite
def listing(draw: st.DrawFn) -> str:
    """ "A, B and C", "A and B", "A, B, and C" over people, organizations, facts or dates."""
    element = _pick(draw, ["person", "organization", "fact", "titled_person", "when"])
    strategy = {"person": person, "organization": organization, "fact": fact, "titled_person": titled_person,
                "when": when}[element]
    items = [draw(strategy()) for _ in range(draw(st.integers(2, 4)))]
    oxford, conj = _pick(draw, [",", ""]), _pick(draw, ["and", "and", "or", "&", "as well as"])
    return f"{', '.join(items[:-1])}{oxford} {conj} {items[-1]}"


@st.composite
def phrase(draw: st.DrawFn) -> str:
    return _one(draw, [
        lambda: draw(person()), lambda: draw(titled_person()), lambda: draw(organization()),
        lambda: draw(title()), lambda: draw(fact()), lambda: draw(fact()), lambda: draw(when()),
        lambda: draw(when()), lambda: draw(listing()), lambda: draw(place()), lambda: draw(digits()),
        lambda: _pick(draw, VERBS), lambda: _pick(draw, FUNCTION_WORDS), lambda: _pick(draw, FUNCTION_WORDS),
        lambda: _pick(draw, NOUNS), lambda: _pick(draw, JUNK), lambda: _pick(draw, JUNK),
        lambda: _pick(draw, DATE_WORDS), lambda: _pick(draw, ORDINALS), lambda: _pick(draw, FRACTIONS),
    ])


@st.composite
def soup(draw: st.DrawFn) -> str:
    """2-10 news fragments and junk joined with odd separators."""
    text = draw(phrase())
    for _ in range(draw(st.integers(1, 9))):
        text += _pick(draw, SEPARATORS) + draw(phrase())
    return text


@st.composite
def templated(draw: st.DrawFn) -> str:
    """A sentence shaped like reporting: subject, verb, fact, time, attribution, quotes."""
    subject = _one(draw, [lambda: draw(person()), lambda: draw(titled_person()), lambda: draw(organization()),
                          lambda: draw(listing())])
    verb, noun = _pick(draw, VERBS), _pick(draw, NOUNS)
    what, time = draw(fact()), draw(when())
    open_q, close_q = draw(st.sampled_from(QUOTES))
    return _one(draw, [
        lambda: f"{subject} {verb} {what} {time}",
        lambda: f"{subject} {verb} {what} {time}",
        lambda: f"{draw(organization())}'s {noun} {verb} {what} to {draw(fact())} in {time}",
        lambda: f"{open_q}{noun.capitalize()} {verb} {what},{close_q} said {draw(titled_person())}",
        lambda: f"{time}, {subject} {verb} {noun} of {what}",
        lambda: f"{subject} ({draw(organization())}) {verb} {what} {time}",
        lambda: f"{subject} {verb} {open_q}{what}{close_q} {time} ({draw(fact())})",
        lambda: f"{draw(titled_person())} said {noun} {verb} {what}, {draw(qualified())} {time}",
        lambda: f"{subject} {verb}: {open_q}{what} {time}{close_q}",
        lambda: f"{subject} - {draw(title())} - {verb} {what} {time} ()",
        lambda: f"{subject}{_pick(draw, JUNK)} {verb}{_pick(draw, JUNK)} {what} {time}",
        lambda: f"{what} {verb} {time}, {subject} said",
    ])


@st.composite
def sentence(draw: st.DrawFn) -> str:
    body = _one(draw, [lambda: draw(templated()), lambda: draw(templated()), lambda: draw(soup())])
    if body[:1].islower() and draw(st.booleans()):
        body = body[0].upper() + body[1:]
    return body + _pick(draw, [".", ".", ".", ".", "!", "?", "", "...", '."', ".”", ".)", " .", ".."])


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    """1-6 sentences."""
    text = draw(sentence())
    for _ in range(draw(st.integers(0, 5))):
        text += _pick(draw, [" ", " ", " ", "  ", "\n", "", " \n"]) + draw(sentence())
    return text


@st.composite
def article(draw: st.DrawFn) -> str:
    """An optional header, then 1-3 paragraphs."""
    paragraphs = [draw(paragraph()) for _ in range(draw(st.integers(1, 3)))]
    joiner = _pick(draw, ["\n\n", "\n\n", "\n", "\r\n\r\n", "\n \n", "\n\n\n"])
    return _pick(draw, HEADERS) + joiner.join(paragraphs) + _pick(draw, ["", "", "\n", " ", "\n\n"])


# --------------------------------------------------------------------------------------------------
# Running factx and checking its output.


def _extract(text: str, document_date: str | None) -> dict[str, Any] | None:
    """The document dict, or None when factx cleanly refuses the text; an internal error propagates."""
    try:
        doc: dict[str, Any] = factx.extract(text, document_date=document_date, model=DEFAULT_MODEL).to_dict()
    except InternalError:
        raise  # a bug inside factx, never a legitimate refusal
    except FactxError:
        return None  # e.g. a malformed date header
    return doc


def _spans(node: Any) -> Iterator[dict[str, Any]]:
    """Every dict with text/start/end anywhere in the document."""
    if isinstance(node, dict):
        if {"text", "start", "end"} <= node.keys():
            yield node
        for value in node.values():
            yield from _spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from _spans(value)


def check_offsets(text: str, doc: dict[str, Any]) -> None:
    """Every item and every mention (and any other span in the document) slices ``text`` exactly."""
    listed = list(offset_items(doc))
    for span in {id(span): span for span in [*listed, *_spans(doc)]}.values():
        start, end = span["start"], span["end"]
        assert isinstance(start, int) and isinstance(end, int), span
        assert 0 <= start <= end <= len(text), span
        assert text[start:end] == span["text"], (span, text[start:end])


# --------------------------------------------------------------------------------------------------
# Tests.


def test_lexicon_is_loaded() -> None:
    """The fuzz draws from the pattern files, not from the fallbacks."""
    for label in ("TITLE", "TITLE_MODIFIER", "TITLE_STATUS", "ORG_HEAD", "GIVEN_NAME", "CURRENCY", "SCALE", "UNIT",
                  "PERCENT_UNIT", "QUALIFIER", "DATE", "DATE_MODIFIER"):
        assert LEXICON.get(label), label
    assert "billion" in SCALES and "former" in TITLE_STATUSES and "march" in DATE_WORDS


@_settings(MAIN_EXAMPLES)
@given(text=article(), document_date=DOCUMENT_DATES)
def test_news_like_articles_never_crash_and_offsets_index_the_text(text: str, document_date: str | None) -> None:
    doc = _extract(text, document_date)
    if doc is not None:
        check_offsets(text, doc)


@_settings(DETERMINISM_EXAMPLES)
@given(text=article(), document_date=DOCUMENT_DATES)
def test_news_like_articles_are_extracted_deterministically(text: str, document_date: str | None) -> None:
    assert _extract(text, document_date) == _extract(text, document_date)


REGRESSIONS = [
    "The trial runs from 60 to 90 days.",
    "The course lasts between 21 and 28 days.",
    "The window runs from March to 90 days.",
    "Revenue in 2019-21 was flat.",
    "The summit is on March 3-5.",
    "The summit is on 3-5 March 2024.",
    "Prices went from 5 to 2024.",
    "Output rose from 5 to 2024 days, then from 2024 to 5.",
    "It takes 3-5 weeks, or 10–20 days, or four to six months.",
    "The company raised $10 to $20 million, up from $16.6 billion in FY2023.",
    "India spent Rs 4,500 crore (about 2.5 billion dollars) over the past six months.",
    "Chief Executive Officer Jane Roe said sales rose more than 12% in the third quarter.",
    "Jane Roe, the former minister of finance of Freedonia, said on Friday that growth was two-thirds of 2%.",
    "Acting CEO John Smith, 54, and incoming chairwoman Ada Lovelace of Acme Bank (AB) met last March.",
    "“We expect a quarter of the budget,” said Mr. Lee, Acme’s chief economist, three weeks ago.",
    "'A, B and C' rose 5 per cent on 14/05/2019, 2019-08-12 and March 8, 2011.",
    "The deal, signed 2019-13-45 or February 30, 2021, expires next year.",
    "Between 2019 and 2021, output fell by between 21 and 28 days.",
    "It happened on the 21st, the 3rd and the fourth quarter of 2024.",
    "() , $ % 5G abc123 123abc , , $$ %% ( )",
    "$",
    "%",
    "from",
    "between and",
    "from to",
    "3-",
    "-5",
    "2019-",
    "from 60 to",
    "between 21 and",
    "March 3-",
    "the past  six\nmonths and the next\tfour years",
    "He was paid $5bn, €3m, ¥100 and 50 cents in mid-2020, early 2021 and late-2022.",
    "Shares jumped 10-20% year-on-year, from 1,00,000 to 2,50,000 units.",
    "Ms. Zhao Wei, vice-president-elect, and the president-designate met on Monday, March 4, 2024.",
    "date: 2024-03-05\n\nThe trial runs from 60 to 90 days.",
    "date: 2024-13-45\n\nThe trial runs from 60 to 90 days.",
    "WASHINGTON, March 3, 2024 /PRNewswire/ -- Acme Corp. said revenue rose 5% between 2019-21.",
    "---\ndate: 2024-03-05\n---\nFrom March 3-5 to 2024-21, the 90-day plan ran for 2019-2021 days.",
    "Q2 2024 and H1 2023 and FY24 and 2023/24 and fiscal 2025 and the 1990s and '90s.",
    "It rose 5%from 3% in2024 to 4% by2025, 5billion and Q32024.",
]


@pytest.mark.parametrize("text", REGRESSIONS, ids=[f"regression-{n}" for n in range(len(REGRESSIONS))])
def test_news_regressions_never_crash_and_offsets_index_the_text(text: str) -> None:
    for document_date in ("2024-03-05", None, "9999-12-31", "0001-01-01"):
        doc = _extract(text, document_date)
        if doc is not None:
            check_offsets(text, doc)
