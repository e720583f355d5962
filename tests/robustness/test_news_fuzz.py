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
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factx
from factx.errors import FactxError, InternalError
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


MAIN_EXAMPLES = _examples_from_env()  # default 100 here + 50 for determinism = 150 in a normal run
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
          "November", "December"]
MONTH_ABBREVIATIONS = ["Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.",
                       "Dec.", "Jan", "Feb", "Sept"]
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


# --------------------------------------------------------------------------------------------------
# Strategies.


def _pick(draw: st.DrawFn, choices: Sequence[str]) -> str:
    return draw(st.sampled_from(choices))


def _case(draw: st.DrawFn, word: str) -> str:
    """``word`` as written in lower case, Title Case, UPPER CASE or Capitalised (mostly as is)."""
    style = draw(st.sampled_from(["as-is", "as-is", "title", "upper", "capitalize"]))
    if style == "title":
        return word.title()
    if style == "upper":
        return word.upper()
    if style == "capitalize":
        return word[:1].upper() + word[1:]
    return word


def _capitalised(word: str) -> str:
    return " ".join(part[:1].upper() + part[1:] for part in word.split(" "))


@st.composite
def digits(draw: st.DrawFn) -> str:
    """A written number: plain, with thousands commas, with decimals, odd groupings."""
    magnitude = draw(st.integers(0, 12))
    n = draw(st.integers(0, 10**magnitude))
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
    else:
        lakhs = str(n)  # Indian grouping: 1,00,000
        head, tail = lakhs[:-3], lakhs[-3:]
        groups = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        text = ",".join([g for g in [head, *groups] if g] + [tail])
    if draw(st.integers(0, 15)) == 0:
        text = "-" + text
    return text


@st.composite
def number(draw: st.DrawFn) -> str:
    return draw(st.one_of(digits(), digits(), st.sampled_from(NUMBER_WORDS), st.sampled_from(ORDINALS)))


@st.composite
def scale(draw: st.DrawFn) -> str:
    return _case(draw, _pick(draw, SCALES))


@st.composite
def amount(draw: st.DrawFn) -> str:
    """A number with an optional scale: "2.5 billion", "5bn", "4,500 crore", "hundreds of thousands"."""
    value = draw(number())
    kind = draw(st.integers(0, 5))
    if kind <= 1:
        return value
    if kind == 2:
        return value + draw(scale())  # glued: 5bn, 3m, 10k
    if kind == 3:
        return f"{draw(scale())} of {draw(scale())}"
    return f"{value} {draw(scale())}"


@st.composite
def currency(draw: st.DrawFn) -> str:
    return _case(draw, _pick(draw, CURRENCIES))


@st.composite
def money(draw: st.DrawFn) -> str:
    """"$16.6 billion", "Rs 4,500 crore", "5 billion yuan", "US$3", "€5m", "50 cents"."""
    symbol = draw(currency())
    value = draw(amount())
    form = draw(st.integers(0, 5))
    if form <= 1:
        glue = "" if not symbol[-1:].isalpha() else draw(st.sampled_from([" ", "", " "]))
        return f"{symbol}{glue}{value}"
    if form == 2:
        return f"{value} {symbol}"
    if form == 3:
        return f"{draw(digits())} {_pick(draw, MINOR_CURRENCIES)}"
    if form == 4:
        return f"{symbol}{draw(digits())} to {symbol}{draw(digits())} {draw(scale())}"  # $10 to $20 million
    return f"{symbol}{draw(digits())}-{draw(digits())} {draw(scale())}"


@st.composite
def percent(draw: st.DrawFn) -> str:
    """"12%", "5.5 per cent", "-3 pct", "10-20%", "two percentage points"."""
    unit = _case(draw, _pick(draw, PERCENT_UNITS))
    value = draw(st.one_of(digits(), st.sampled_from(NUMBER_WORDS)))
    glue = "" if unit[:1] in "%‰" else " "
    form = draw(st.integers(0, 4))
    if form == 0:
        return f"{draw(digits())}-{value}{glue}{unit}"
    if form == 1:
        return f"{value}{glue}{unit}{draw(st.sampled_from(['', ' points', ' a year', ' year-on-year']))}"
    return f"{value}{glue}{unit}"


@st.composite
def quantity(draw: st.DrawFn) -> str:
    """"40 miles", "5 million barrels per day", "a 90-km road", "phase 3", "tier-2"."""
    unit = _case(draw, _pick(draw, UNITS))
    form = draw(st.integers(0, 4))
    if form == 0:
        return f"a {draw(digits())}-{unit}"
    if form == 1:
        label = _case(draw, _pick(draw, NUMBER_LABELS))
        return f"{label}{draw(st.sampled_from([' ', '-', ' No. ', '']))}{draw(digits())}"
    if form == 2:
        return f"{draw(digits())} {draw(st.sampled_from(NOUNS))}"
    return f"{draw(amount())} {unit}"


@st.composite
def qualified(draw: st.DrawFn) -> str:
    """"about 5%", "more than $3 billion", "nearly two-thirds of"."""
    qualifier = _case(draw, _pick(draw, QUALIFIERS))
    thing = draw(st.one_of(money(), percent(), quantity(), number(), st.sampled_from(FRACTIONS)))
    return f"{qualifier} {thing}"


@st.composite
def year(draw: st.DrawFn) -> str:
    return str(draw(st.one_of(st.integers(1990, 2030), st.integers(1500, 2099), st.integers(0, 9999))))


@st.composite
def month(draw: st.DrawFn) -> str:
    return _case(draw, draw(st.sampled_from(MONTHS + MONTH_ABBREVIATIONS)))


@st.composite
def day(draw: st.DrawFn) -> str:
    return str(draw(st.one_of(st.integers(1, 31), st.integers(0, 99))))


@st.composite
def explicit_date(draw: st.DrawFn) -> str:
    """"March 8, 2011", "8 March 2011", "14/05/2019", "2019-08-12", "Q2 2024", "FY2023", "mid-2020"."""
    y, m, d = draw(year()), draw(month()), draw(day())
    mm, dd = draw(st.integers(0, 13)), draw(st.integers(0, 32))
    forms = [
        f"{m} {d}, {y}", f"{d} {m} {y}", f"{m} {d}", f"{d} {m}", f"{m} {y}", f"{m} {d}th", f"the {d}th of {m}",
        f"{dd:02d}/{mm:02d}/{y}", f"{mm}/{dd}/{y[-2:]}", f"{y}-{mm:02d}-{dd:02d}", f"{y}-{mm}-{dd}",
        f"{dd}.{mm}.{y}", f"{y}", f"the {y[:3]}0s", f"'{y[-2:]}", f"mid-{y}", f"Q{draw(st.integers(0, 5))} {y}",
        f"{y} Q{draw(st.integers(1, 4))}", f"H{draw(st.integers(1, 2))} {y}", f"FY{y}", f"FY{y[-2:]}",
        f"fiscal {y}", f"FY {y}-{y[-2:]}", f"{y}/{y[-2:]}", f"{m} {d}, {y}, at 3 p.m.", f"{d}:{mm:02d} GMT",
        f"{draw(st.sampled_from(WEEKDAYS))}, {m} {d}", f"{m}. {d}", f"{y}-{mm:02d}-{dd:02d}T10:00:00Z",
    ]
    return draw(st.sampled_from(forms))


@st.composite
def relative_date(draw: st.DrawFn) -> str:
    """"last March", "three weeks ago", "next year", "the third quarter", "the past six months"."""
    unit = draw(st.sampled_from(TIME_UNITS))
    count = draw(st.one_of(st.sampled_from(NUMBER_WORDS), digits()))
    forms = [
        f"last {draw(month())}", f"next {draw(month())}", f"{count} {unit} ago", f"next {unit}", f"last {unit}",
        f"this {unit}", f"the {draw(st.sampled_from(ORDINALS))} quarter", f"the past {count} {unit}",
        f"the next {count} {unit}", f"in {count} {unit}", f"{count} {unit} later", f"earlier this {unit}",
        f"later this {unit}", f"the {draw(st.sampled_from(ORDINALS))} half of {draw(year())}",
        f"last {draw(st.sampled_from(WEEKDAYS))}", "yesterday", "today", "tomorrow", "recently", "last spring",
        f"{draw(st.sampled_from(ORDINALS))}-quarter", f"a year earlier", f"the same period last {unit}",
    ]
    return draw(st.sampled_from(forms))


@st.composite
def duration(draw: st.DrawFn) -> str:
    """"four years", "90 days", "a decade", "six-month", "two consecutive quarters"."""
    unit = draw(st.sampled_from(TIME_UNITS))
    count = draw(st.one_of(st.sampled_from(NUMBER_WORDS), digits()))
    forms = [f"{count} {unit}", f"a {unit}", f"{count}-{unit.rstrip('s')}", f"{count} consecutive {unit}",
             f"{count} more {unit}", f"{count} full {unit}", f"{unit}", f"every {count} {unit}",
             f"{count} and a half {unit}", f"{count} {unit} and {draw(digits())} {draw(st.sampled_from(TIME_UNITS))}"]
    return draw(st.sampled_from(forms))


@st.composite
def modified_date(draw: st.DrawFn) -> str:
    """"the end of October 2022", "since 2010", "early next year", "by the end of the third quarter"."""
    modifier = _pick(draw, DATE_MODIFIERS)
    target = draw(st.one_of(explicit_date(), relative_date(), year()))
    glue = "" if modifier.endswith("-") else " "
    return f"{modifier}{glue}{target}"


@st.composite
def date_word_phrase(draw: st.DrawFn) -> str:
    """A word from the date patterns next to a number or a year: "since 2010", "until March 2024"."""
    word = _case(draw, _pick(draw, DATE_WORDS))
    return draw(st.sampled_from([f"{word} {draw(year())}", f"{draw(digits())} {word}", word,
                                 f"{word} {draw(month())} {draw(year())}", f"{word} {draw(day())}"]))


@st.composite
def range_phrase(draw: st.DrawFn) -> str:
    """Ranges of numbers, money, durations and dates, well-formed and mixed up."""
    a, b = draw(digits()), draw(digits())
    unit = draw(st.sampled_from(TIME_UNITS))
    m, y, d1, d2 = draw(month()), draw(year()), draw(day()), draw(day())
    dash = draw(st.sampled_from(["-", "–", "—", " - ", " to ", "/"]))
    forms = [
        f"from {a} to {b} {unit}", f"between {a} and {b} {unit}", f"{d1}{dash}{d2} {m} {y}", f"{m} {d1}{dash}{d2}",
        f"{y}{dash}{y[-2:]}", f"{y}{dash}{draw(year())}", f"from {m} to {b} {unit}", f"from {a} to {y}",
        f"{a}{dash}{b}", f"{a}{dash}{b}%", f"from {draw(money())} to {draw(money())}",
        f"between {draw(percent())} and {draw(percent())}", f"{a} to {b} {draw(scale())}",
        f"from {m} {y} to {draw(month())} {draw(year())}", f"between {m} and {draw(month())}",
        f"{draw(st.sampled_from(NUMBER_WORDS))} to {draw(st.sampled_from(NUMBER_WORDS))} {unit}",
        f"from {draw(st.sampled_from(WEEKDAYS))} to {draw(st.sampled_from(WEEKDAYS))}", f"{a}-{b}-{unit}",
        f"from {a} {unit} to {b}", f"between {y} and", f"from to {a}", f"{d1}{dash}{d2} {m}",
    ]
    return draw(st.sampled_from(forms))


@st.composite
def surname(draw: st.DrawFn) -> str:
    made_up = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10).map(str.capitalize)
    return draw(st.one_of(st.sampled_from(SURNAMES), made_up, st.sampled_from(SURNAME_FIRST).map(str.capitalize)))


@st.composite
def person(draw: st.DrawFn) -> str:
    """"Jane Roe", "Dr. Amir J. van der Berg Jr.", "Zhao Wei", "ROE", "Roe's"."""
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
        parts.append(draw(st.sampled_from(["J.", "A.", "M.", "van", "Lee", _capitalised(_pick(draw, GIVEN_NAMES))])))
    if draw(st.integers(0, 6)) == 0:
        parts.append(_pick(draw, NAME_PARTICLES))
    parts.append(draw(surname()))
    if draw(st.integers(0, 10)) == 0:
        parts.append(draw(st.sampled_from(["Jr.", "Sr.", "III", "PhD"])))
    name = " ".join(parts)
    return name.upper() if draw(st.integers(0, 20)) == 0 else name


@st.composite
def place(draw: st.DrawFn) -> str:
    made_up = st.text(alphabet="aeioulmnrstkv", min_size=3, max_size=9).map(str.capitalize)
    return draw(st.one_of(st.sampled_from(PLACES), made_up))


@st.composite
def title(draw: st.DrawFn) -> str:
    """"Chief Executive Officer", "former minister of finance", "acting CEO", "Deputy Mayor", "president-elect"."""
    words = []
    if draw(st.integers(0, 2)) == 0:
        words.append(_pick(draw, TITLE_STATUSES))
    if draw(st.integers(0, 3)) == 0:
        words.append(_pick(draw, TITLE_MODIFIERS))
    if draw(st.integers(0, 4)) == 0:
        words.append(_pick(draw, PORTFOLIOS))
    words.append(draw(st.one_of(st.sampled_from(TITLES), st.sampled_from(PLACE_TITLES))))
    text = " ".join(words).replace("- ", "-")
    tail = draw(st.integers(0, 6))
    if tail == 0:
        text += f" of {_pick(draw, PORTFOLIOS)}"
    elif tail == 1:
        text += f" for {_pick(draw, PORTFOLIOS)}"
    elif tail == 2:
        text += draw(st.sampled_from(["-elect", " designate", "-designate", " emeritus"]))
    return _case(draw, text)


@st.composite
def organization(draw: st.DrawFn) -> str:
    """"Acme Bank", "the Ministry of Finance", "Global Energy Holdings Ltd.", "FC Freedonia", "the IMF"."""
    head = _capitalised(_pick(draw, ORG_HEADS))
    name_words = st.one_of(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).map(str.capitalize),
        st.sampled_from(GENERIC_MODIFIERS).map(_capitalised),
        st.sampled_from(NOT_NAME).map(_capitalised),
        st.sampled_from(["Acme", "Initech", "Globex", "Tata", "Reliance", "Sino", "Deutsche", "Banco"]),
    )
    words = draw(st.lists(name_words, min_size=1, max_size=3))
    form = draw(st.integers(0, 7))
    if form <= 2:
        return " ".join([*words, head])
    if form == 3:
        return f"{draw(st.sampled_from(['the ', 'The ', '']))}{head} of {draw(st.one_of(place(), st.sampled_from(PORTFOLIOS).map(_capitalised)))}"
    if form == 4:
        return f"{_pick(draw, ORG_PREFIXES).upper()} {draw(place())}"
    if form == 5:
        acronym = "".join(w[0] for w in [*words, head]).upper()
        return f"{' '.join([*words, head])} ({acronym})"
    if form == 6:
        return draw(st.sampled_from(["the IMF", "NATO", "the U.N.", "OPEC+", "the World Bank", "AT&T", "3M",
                                     "7-Eleven", "the Fed", "the European Central Bank", "Apple Inc.", "Tesla's"]))
    return f"{' '.join([*words, head])} {_case(draw, _pick(draw, NOT_ORG))}"


@st.composite
def titled_person(draw: st.DrawFn) -> str:
    """Titles before and after names, appositions, ages, possessives."""
    who, role, org = draw(person()), draw(title()), draw(organization())
    q = draw(st.sampled_from(['"', "“", "”", "'", ""]))
    forms = [
        f"{role} {who}", f"{who}, {role} of {org},", f"{who}, the {role} of {draw(place())},", f"{org} {role} {who}",
        f"{who}, {org}'s {role},", f"{who} ({draw(st.integers(0, 120))})", f"{who}, {draw(st.integers(0, 120))},",
        f"{role} of {org} {who}", f"{who}, who was {role} until {draw(explicit_date())},", f"{who}'s",
        f"{who}, {role}", f"{q}{who}{q}", f"{who} of {org}", f"{role}s {who} and {draw(person())}",
        f"{who}, {role} and {draw(title())} of {org},", f"{org}'s {role}, {who},", f"{role} ({who})",
    ]
    return draw(st.sampled_from(forms))


@st.composite
def fact(draw: st.DrawFn) -> str:
    return draw(st.one_of(money(), percent(), quantity(), qualified(), range_phrase(), amount(),
                          st.sampled_from(FRACTIONS).map(lambda f: f"{f} {NOUNS[len(f) % len(NOUNS)]}")))


@st.composite
def when(draw: st.DrawFn) -> str:
    return draw(st.one_of(explicit_date(), relative_date(), duration(), modified_date(), date_word_phrase(),
                          st.sampled_from(WEEKDAYS).map(lambda d: f"on {d}"), range_phrase()))


@st.composite
def listing(draw: st.DrawFn) -> str:
    """"A, B and C", "A and B", "A, B, and C" over people, organizations or facts."""
    element = draw(st.sampled_from([person(), organization(), fact(), titled_person(), when()]))
    items = draw(st.lists(element, min_size=2, max_size=4))
    oxford = draw(st.sampled_from([",", ""]))
    conj = draw(st.sampled_from(["and", "or", "&", "as well as"]))
    return f"{', '.join(items[:-1])}{oxford} {conj} {items[-1]}"


def _phrase() -> st.SearchStrategy[str]:
    return st.one_of(
        person(), titled_person(), organization(), title(), fact(), when(), listing(), place(),
        st.sampled_from(VERBS), st.sampled_from(FUNCTION_WORDS), st.sampled_from(NOUNS), st.sampled_from(JUNK),
        st.sampled_from(DATE_WORDS), st.sampled_from(ORDINALS), st.sampled_from(FRACTIONS), digits(),
    )


@st.composite
def soup(draw: st.DrawFn) -> str:
    """2-10 news fragments and junk joined with odd separators."""
    phrases = draw(st.lists(_phrase(), min_size=2, max_size=10))
    text = phrases[0]
    for phrase in phrases[1:]:
        text += draw(st.sampled_from(SEPARATORS)) + phrase
    return text


@st.composite
def templated(draw: st.DrawFn) -> str:
    """A sentence shaped like reporting: subject, verb, fact, time, attribution."""
    subject = draw(st.one_of(person(), titled_person(), organization(), listing()))
    verb, noun = draw(st.sampled_from(VERBS)), draw(st.sampled_from(NOUNS))
    what, time = draw(fact()), draw(when())
    open_q, close_q = draw(st.sampled_from([('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’"), ("“", '"'), ("", "")]))
    forms = [
        f"{subject} {verb} {what} {time}",
        f"{draw(organization())}'s {noun} {verb} {what} to {draw(fact())} in {time}",
        f"{open_q}{noun.capitalize()} {verb} {what},{close_q} said {draw(titled_person())}",
        f"{time}, {subject} {verb} {noun} of {what}",
        f"{subject} ({draw(organization())}) {verb} {what} {time}",
        f"{subject} {verb} {open_q}{what}{close_q} {time} ({draw(fact())})",
        f"{draw(titled_person())} said {noun} {verb} {what}, {draw(qualified())} {time}",
        f"{subject} {verb}: {open_q}{what} {time}{close_q}",
        f"{subject} - {draw(title())} - {verb} {what} {time} ()",
        f"{subject}{draw(st.sampled_from(JUNK))} {verb}{draw(st.sampled_from(JUNK))} {what} {time}",
        f"{what} {verb} {time}, {subject} said",
    ]
    return draw(st.sampled_from(forms))


@st.composite
def sentence(draw: st.DrawFn) -> str:
    body = draw(st.one_of(templated(), templated(), soup()))
    if body[:1].islower() and draw(st.booleans()):
        body = body[0].upper() + body[1:]
    end = draw(st.sampled_from([".", ".", ".", "!", "?", "", "...", '."', ".”", ".)", " .", ".."]))
    return body + end


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    sentences = draw(st.lists(sentence(), min_size=1, max_size=6))
    text = sentences[0]
    for item in sentences[1:]:
        text += draw(st.sampled_from([" ", " ", " ", "  ", "\n", "", " \n"])) + item
    return text


HEADERS = ["", "", "", "date: 2024-03-05\n\n", "date: 2024-03-05\n", "Date: 2019-08-12\n\n", "DATE:2000-02-29\n",
           "---\ndate: 2024-03-05\ntitle: x\n---\n", "---\ntitle: no date\n---\n", "date 2024-03-05 ",
           "WASHINGTON, March 3, 2024 /PRNewswire/ -- ", "BEIJING, Oct. 26, 2024 (Xinhua) -- ",
           "LONDON, March 3 -- ", "Posted: 2024-03-03\n", "date: 2024-13-45\n\n", "date: \n\n", "\ufeff",
           "\n\n", "   "]


@st.composite
def article(draw: st.DrawFn) -> str:
    """An optional header line, then 1-3 paragraphs of 1-6 sentences."""
    header = draw(st.sampled_from(HEADERS))
    paragraphs = draw(st.lists(paragraph(), min_size=1, max_size=3))
    joiner = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n", "\n\n\n"]))
    return header + joiner.join(paragraphs) + draw(st.sampled_from(["", "", "\n", " ", "\n\n"]))


DOCUMENT_DATES = st.sampled_from(["2024-03-05"] * 6 + [None, None, "9999-12-31", "0001-01-01", "2000-02-29"])


# --------------------------------------------------------------------------------------------------
# Running factx and checking its output.


def _extract(text: str, document_date: str | None) -> dict[str, Any] | None:
    """The document dict, or None when factx cleanly refuses the text; an internal error propagates."""
    try:
        return factx.extract(text, document_date=document_date, model=DEFAULT_MODEL).to_dict()
    except InternalError:
        raise  # a bug inside factx, never a legitimate refusal
    except FactxError:
        return None  # e.g. a malformed date header


def _spans(node: Any) -> Iterator[dict[str, Any]]:
    """Every dict with text/start/end in the document: titles, numbers, dates, people and org mentions."""
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
    listed = [m for key in ("people", "organizations") for record in doc[key] for m in record["mentions"]]
    listed += doc["titles"] + doc["numbers"] + doc["dates"]
    for span in {id(span): span for span in [*listed, *_spans(doc)]}.values():
        start, end = span["start"], span["end"]
        assert isinstance(start, int) and isinstance(end, int), span
        assert 0 <= start <= end <= len(text), span
        assert text[start:end] == span["text"], (span, text[start:end])


# --------------------------------------------------------------------------------------------------
# Tests.


def test_lexicon_is_loaded() -> None:
    """The fuzz draws from the pattern files, not only from the fallbacks."""
    for label in ("TITLE", "TITLE_MODIFIER", "ORG_HEAD", "GIVEN_NAME", "CURRENCY", "SCALE", "UNIT", "QUALIFIER",
                  "DATE", "DATE_MODIFIER"):
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
    first = _extract(text, document_date)
    second = _extract(text, document_date)
    assert first == second


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
