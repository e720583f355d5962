"""factx_numbers: figures with value, unit, kind, qualifier and counted noun.

A token-level number grammar over the NER output: NER boundaries are often wrong ("2.25 million
5" for "2.25 million 5G base stations"), so spans are rebuilt from the tokens:

    [qualifier] [currency] core [scale words] [currency | percent | unit] ["-" core ...]

Not numbers (documented in README): dates and years, numbers inside names and identifiers
("5G", "COVID-19", "Windows 11", "the 14th Five-Year Plan"), scores ("won 3-1"), "No. 5".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extensions import SPAN_KEYS, group
from ..numparse import (
    DENOMINATORS,
    NEGATIVE_WORDS,
    format_value,
    is_finite_value,
    is_number_word,
    parse_digits_exact,
    parse_fraction_exact,
    parse_ordinal,
    parse_words_exact,
    split_glued_exact,
)
from ..patterns import PatternSet, attached
from .dates import is_fraction
from .rules import RuleIndex, rule_index

_NAME_ENTS = {"PERSON", "ORG", "GPE", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NORP",
              "LANGUAGE", "LOC"}
_PRONOUN_ONE_BEFORE = {"no", "the", "any", "each", "every", "another", "which", "this", "that",
                       "someone", "anyone", "everyone"}
_SUBJECT_VERBS = {"reach", "exceed", "total", "hit", "top", "stand", "number", "surpass", "amount",
                  "climb", "rise", "grow", "increase", "fall", "drop", "decline"}
_COUNT_NOUNS = {"number", "total", "count", "tally"}
_HYPHENS = {"-", "–", "—"}
_CASED_SCALES = {"MM": Decimal(1_000_000), "T": Decimal(1_000_000_000_000)}
_SYMBOLS = {"$", "€", "£", "¥", "₹", "₺", "₦", "₩", "₱", "₪", "₽", "৳", "₫", "₵"}
_PARAGRAPH = re.compile(r"\n\s*\n")
_GROUP_SPACES = (" ", "\u2009", "\u202f", "\u00a0")
_CHANGE_VERBS = {"rise", "fall", "increase", "decrease", "grow", "climb", "drop", "decline", "jump", "slip", "edge",
                 "surge", "soar", "sink", "slide", "cut", "raise", "lift", "lower", "up", "down", "by", "boost"}
# "spread over 4,300 hectares", "edged up to $8,985": after such verbs these words are not qualifiers.
_DETERMINERS = {"the", "a", "an", "its", "their", "our", "his", "her", "these", "those", "this"}


@Language.factory(
    "factx_numbers",
    requires=["doc.spans", group("dates"), "doc.ents", "token.ent_type", "doc.sents", "token.is_sent_start",
              "token.dep", "token.tag", "token.lemma"],
    assigns=["doc.spans", group("numbers"), "span._.factx_number"],
    default_config={"dollar_currency": "USD", "yen_currency": "auto"},
)
def make_numbers(nlp: Language, name: str, dollar_currency: str, yen_currency: str) -> NumberExtractor:
    return NumberExtractor(attached(nlp), dollar_currency, yen_currency)


@dataclass
class _Number:
    start: int
    end: int
    value: Decimal | None
    raw: Decimal | None = None  # the value before scale words
    unit: str | None = None
    kind: str = "count"
    qualifier: str | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    counted: str | None = None


class NumberExtractor:
    """Scan tokens for figures; write ``doc.spans["factx_numbers"]`` with ``Span._.factx_number``."""

    def __init__(self, patterns: PatternSet, dollar_currency: str = "USD", yen_currency: str = "auto"):
        self.currencies = patterns.words("CURRENCY")
        self.minor_currencies = patterns.words("CURRENCY_MINOR")
        self.scales = {k: Decimal(v) for k, v in patterns.words("SCALE").items()}
        self.percent_units = patterns.words("PERCENT_UNIT")
        self.units = patterns.words("UNIT")
        self.labels = patterns.words("NUMBER_LABEL")
        self.money_words = set(self.currencies) | set(self.scales)
        self.dollar_currency = dollar_currency
        self.yen_currency = yen_currency

    def __call__(self, doc: Doc) -> Doc:
        index = rule_index(doc)
        return self.set_annotations(doc, self.match(doc, index))

    # -- finding -----------------------------------------------------------------------------
    def match(self, doc: Doc, index: RuleIndex) -> list[_Number]:
        blocked = _blocked_tokens(doc, self.money_words)
        found: list[_Number] = []
        i = 0
        while i < len(doc):
            if blocked[i]:
                i += 1
                continue
            number = self._number_at(doc, i, index, blocked)
            if number is None:
                i += 1
                continue
            if number.value is not None or number.low is not None:
                _restated(doc, number, self, index, blocked)
                found.append(number)
            i = max(number.end, i + 1)
        return found

    def _number_at(self, doc: Doc, i: int, index: RuleIndex, blocked: list[bool]) -> _Number | None:
        core = self._core(doc, i, blocked)
        if core is None:
            return None
        end, value, kind, glued_prefix, glued_suffix = core
        if kind == "ordinal":
            return _Number(i, end, value, kind="ordinal")
        if kind == "skip":
            return _Number(i, end, None)
        number = _Number(i, end, value, raw=value, kind=kind)
        self._prefix(doc, number, index, glued_prefix)
        self._suffix(doc, number, index, glued_suffix)
        self._range(doc, number, index, blocked)
        if number.kind != "fraction" and number.value is not None and self._is_identifier(doc, number, i):
            return _Number(i, number.end, None)
        if number.value is not None and number.kind == "count" and _is_year(doc, number):
            return _Number(i, number.end, None)
        self._qualifier(doc, number, index)
        if number.kind in ("count", "fraction", "quantity"):
            number.counted = _counted(doc, number)
        return number

    def _core(self, doc: Doc, i: int, blocked: list[bool]) -> tuple[int, Decimal, str, str, str] | None:
        """The number at token i: (end, value, kind, glued prefix, glued suffix), or None."""
        tok = doc[i]
        text = tok.text
        lower = tok.lower_
        # Spelled fractions: "one-half", "two-thirds", "a third of", "half of", "a dozen".
        fraction = _spelled_fraction(doc, i)
        if fraction:
            return fraction[0], fraction[1], "fraction", "", ""
        if lower in ("a", "one") and i + 1 < len(doc) and doc[i + 1].lower_ == "dozen":
            return i + 2, Decimal(12), "count", "", ""
        ordinal = parse_ordinal(text)
        if ordinal is not None and (text[0].isdigit() or tok.ent_type_ == "ORDINAL"):
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is not None and nxt.text[:1].isupper() and not nxt.is_sent_start:
                return i + 1, Decimal(0), "skip", "", ""  # "the 14th Five-Year Plan"
            return i + 1, Decimal(ordinal), "ordinal", "", ""
        digits = parse_digits_exact(text)
        if digits is not None:
            end = i + 1
            # "25 000", "1 250 000": thousands grouped by a space or a thin space
            if len(text) <= 3 and text.isdigit():
                while end < len(doc) and not blocked[end]:
                    group_at = end
                    if doc[end].text in _GROUP_SPACES[1:] and not doc[end - 1].whitespace_:
                        group_at = end + 1  # a thin space is a token of its own
                    elif doc[end - 1].whitespace_ != " ":
                        break
                    if group_at < len(doc) and len(doc[group_at].text) == 3 and doc[group_at].text.isdigit():
                        end = group_at + 1
                    else:
                        break
                if end > i + 1:
                    grouped = parse_digits_exact(doc[i:end].text)
                    digits = grouped if grouped is not None else digits
                    end = end if grouped is not None else i + 1
            # "2 1/2"
            if end < len(doc) and not blocked[end] and (frac := parse_fraction_exact(doc[end].text)) is not None:
                return end + 1, digits + frac, "count", "", ""
            # "1 point 5": a decimal said in words
            if (
                end + 1 < len(doc) and doc[end].lower_ == "point" and not blocked[end + 1]
                and "." not in text and (dec := parse_words_exact([text, "point", doc[end + 1].text])) is not None
            ):
                return end + 2, dec, "count", "", ""
            return end, digits, "count", "", ""
        frac = parse_fraction_exact(text)
        if frac is not None:
            return i + 1, frac, "fraction", "", ""
        if is_number_word(lower) and lower not in self.scales and _spelled_start(doc, i):
            if lower == "one" and _one_is_pronoun(doc, i):
                return None
            if _compound_adjective(doc, i, self.units):
                return None  # "one-time items", "a one-off", "a three-member panel"
            words, end = _spelled_run(doc, i, blocked)
            # the longest run that reads as one number: "twenty and thirty" is two
            while end > i:
                value = parse_words_exact(words)
                if value is not None:
                    return end, value, "count", "", ""
                words, end = words[:-1], end - 1
            return None
        glued = split_glued_exact(text)
        if glued and glued[0] + glued[2]:
            prefix, value, suffix = glued
            lowered = suffix.lower()
            known = (prefix.lower() in self.currencies or not prefix) and (
                not suffix or lowered in self.scales or lowered in self.percent_units or lowered in self.units
                or (not prefix and (lowered in self.currencies or lowered in self.minor_currencies))
            )
            if suffix in _CASED_SCALES:
                # "$3MM", "$1.5T": a capital T is a trillion only after a currency (1.5t is tonnes)
                known = prefix.lower() in self.currencies if suffix == "T" or prefix else True
            if len(prefix) == 1 and prefix.isalpha() and not (
                "," in text or "." in text or (i + 1 < len(doc) and doc[i + 1].lower_ in self.scales)
            ):
                known = False  # a one-letter symbol ("R" for rand) only on a written amount: "R48.6 million"
            if known and (prefix or suffix):
                return i + 1, value, "count", prefix.lower(), suffix if suffix in _CASED_SCALES else suffix.lower()
        return None

    def _prefix(self, doc: Doc, number: _Number, index: RuleIndex, glued: str) -> None:
        if glued:
            number.unit, number.kind = self._currency(doc[number.start].sent, self.currencies[glued]), "money"
            return
        cur = index.ending("CURRENCY", number.start)
        if cur and len(doc[cur[0]:number.start].text) == 1 and doc[cur[0]].is_alpha:
            cur = None  # a one-letter symbol stands apart from no figure ("R 5" is no rand amount)
        if cur and not doc[cur[0]].is_lower and doc[cur[0]].text not in ("won", "real"):
            number.start = cur[0]
            number.unit, number.kind = self._currency(doc[number.start].sent, cur[1]), "money"
        prev = doc[number.start - 1] if number.start > 0 else None
        if prev is not None and (
            (prev.text in ("-", "−") and not prev.whitespace_) or prev.lower_ in NEGATIVE_WORDS
        ):
            # "-5", "minus 171 degrees", "negative five"; not "5 minus 3"
            prev2 = doc[number.start - 2] if number.start > 1 else None
            if prev2 is None or not prev2.like_num:
                number.start -= 1
                if number.value is not None:
                    number.value = -number.value

    def _suffix(self, doc: Doc, number: _Number, index: RuleIndex, glued: str) -> None:
        value = number.value
        if glued:
            if glued in _CASED_SCALES and value is not None:
                value *= _CASED_SCALES[glued]  # "$3MM" (finance); "3 mm" stays millimetres
            elif glued in self.scales and value is not None:
                value *= self.scales[glued]
            elif glued in self.percent_units:
                number.unit, number.kind = self.percent_units[glued], "percent"
            elif glued in self.units:
                number.unit, number.kind = self.units[glued], "quantity"
            elif glued in self.currencies and number.kind != "money":
                number.unit, number.kind = self._currency(doc[number.start].sent, self.currencies[glued]), "money"
            elif glued in self.minor_currencies and value is not None:  # "43c"
                code, _, factor = self.minor_currencies[glued].rpartition(":")
                value *= Decimal(factor)
                number.unit, number.kind = self._currency(doc[number.start].sent, code or "USD"), "money"
        j = number.end
        while j < len(doc) and value is not None:
            k = j
            if _hyphen_glued(doc, j):
                k = j + 1  # "a 6-billion-yuan fund"
            if doc[k].text in _CASED_SCALES and k == j and not doc[k - 1].whitespace_ and number.kind == "money":
                value *= _CASED_SCALES[doc[k].text]  # "$1.5T", "$3MM" split by the tokenizer
                j = k + 1
                continue
            if not (scale := index.at("SCALE", k)):
                break
            if doc[k].lower_ in ("m", "b", "k") and doc[k - 1].whitespace_:
                break  # a spaced-out single letter is not a scale ("5 m" of rope)
            value *= Decimal(scale[1])
            j = scale[0]
        number.value, number.end = value, j
        if number.kind == "money" and number.unit:
            self._minor_part(doc, number, index)
            return
        k = j + 1 if _hyphen_glued(doc, j) else j  # "3.2 trillion-won", "an 8.6-tonne lander"
        if (pct := index.at("PERCENT_UNIT", j)) is not None:
            number.unit, number.kind, number.end = pct[1], "percent", pct[0]
        elif (cur := index.at("CURRENCY", k)) is not None and number.kind != "money":
            # a symbol after a figure belongs to it only glued ("7€", "10 $" is the next amount's)
            if doc[k].text not in _SYMBOLS or not doc[k - 1].whitespace_:
                number.unit, number.kind, number.end = self._currency(doc[number.start].sent, cur[1]), "money", cur[0]
                self._minor_part(doc, number, index)
        elif (minor := index.at("CURRENCY_MINOR", j)) is not None and number.value is not None:
            code, _, factor = minor[1].rpartition(":")
            number.value = number.value * Decimal(factor)
            if number.kind != "money":
                number.unit = code or self.dollar_currency
            number.kind, number.end = "money", minor[0]
        elif (unit := index.at("UNIT", k)) is not None and number.kind == "count":
            number.unit, number.kind, number.end = unit[1], "quantity", unit[0]

    def _minor_part(self, doc: Doc, number: _Number, index: RuleIndex) -> None:
        """"20 dollars 43 cents", "$20 and 43c", "3 GBP 1 pence", "twenty ringgit and 43" (ending the
        sentence): whole units and a count of minor units under 100 are one amount."""
        if number.value is None or number.value != number.value.to_integral_value() or number.value != number.raw:
            return
        j = number.end
        if j < len(doc) and doc[j].lower_ == "and":
            j += 1
        if j >= len(doc) or j == number.end and not doc[j - 1].whitespace_:
            return
        tok = doc[j]
        glued = split_glued_exact(tok.text)
        if glued and not glued[0] and glued[2].lower() in self.minor_currencies:
            cents, end, minor = glued[1], j + 1, True
        else:
            cents_value = parse_digits_exact(tok.text) if tok.text.isdigit() else None
            end = j + 1
            if cents_value is None and is_number_word(tok.lower_):
                words, end = _spelled_run(doc, j, [False] * len(doc))
                cents_value = parse_words_exact(words)
            if cents_value is None:
                return
            cents = cents_value
            minor = index.at("CURRENCY_MINOR", end) is not None
            if minor:
                end = index.at("CURRENCY_MINOR", end)[0]  # type: ignore[index]
            elif end < len(doc) and not (doc[end].is_punct or doc[end].is_space):
                return  # "$20 and 43 people": the second figure counts something else
        if not (0 <= cents < 100) or cents != cents.to_integral_value():
            return
        number.value = number.value + cents / 100
        number.raw = number.value
        number.end = end

    def _range(self, doc: Doc, number: _Number, index: RuleIndex, blocked: list[bool]) -> None:
        """"10-20%", "between 10 and 20 million", "4% to 5%": two bounds, value null.
        "from 5 to 8 billion" is a change: the first number only borrows the second's scale and unit."""
        j = number.end
        if j + 1 >= len(doc) or number.value is None:
            return
        sep = doc[j]
        before = doc[number.start - 1] if number.start > 0 else None
        opener = before.lower_ if before is not None else ""
        glued = sep.text in _HYPHENS and not doc[j - 1].whitespace_ and not sep.whitespace_
        between = sep.lower_ == "and" and opener == "between"
        to = sep.lower_ in ("to", "-", "–") and not glued
        if not (glued or between or to) or blocked[j + 1]:
            return
        k = j + 1
        if (cur := index.at("CURRENCY", k)) is not None and not doc[k].is_lower:
            k = cur[0]  # "$5.10 to $5.30"
        other = self._core(doc, k, blocked)
        if other is None or other[2] not in ("count", "fraction"):
            return
        second = _Number(k, other[0], other[1], raw=other[1], kind=other[2])
        self._prefix(doc, second, index, other[3])
        self._suffix(doc, second, index, other[4])
        if second.value is None:
            return
        scale = (second.value / second.raw) if second.raw else Decimal(1)
        first_scaled = number.value != number.raw
        low = number.value if first_scaled or scale == 1 else number.value * scale
        has_unit = bool(number.unit or second.unit) or number.kind != "count" or second.kind != "count"
        # "50-60 people", "five to 20 pages": rising bounds that count a plural noun are a range
        counts = (
            not has_unit and low < second.value and second.end < len(doc) and doc[second.end].tag_ == "NNS"
            and doc[second.end - 1].whitespace_ != ""
        )
        has_unit = has_unit or counts
        if glued and not (has_unit or scale != 1 or between):
            number.value = None  # a score or an identifier: "won 3-1", "555-0100"
            number.end = second.end
            return
        if to and opener == "from":
            # a change: "rose from 5 to 8 billion" -> 5e9 and 8e9, two records
            number.value = low
            number.unit = number.unit or second.unit
            if number.kind == "count":
                number.kind = second.kind
            return
        if to and not (number.unit == second.unit or number.unit is None) or (
            to and before is not None and before.lemma_ in _CHANGE_VERBS
        ):
            return
        if to and not has_unit and scale == 1:
            return  # "3 to 1": not clearly a range
        number.low, number.high, number.value = low, second.value, None
        number.unit = number.unit or second.unit
        if number.kind == "count":
            number.kind = second.kind
        if between:
            number.start -= 1
        number.end = second.end

    def _qualifier(self, doc: Doc, number: _Number, index: RuleIndex) -> None:
        qual = index.ending("QUALIFIER", number.start)
        if not qual:
            return
        words = doc[qual[0]:number.start].text.lower()
        prev = doc[qual[0] - 1] if qual[0] > 0 else None
        if prev is not None and (
            (words == "up to" and prev.lemma_ in _CHANGE_VERBS and prev.lower_ != "by")
            or (words == "over" and prev.lemma_ in ("spread", "stretch", "span", "extend"))
        ):
            return
        number.qualifier = qual[1]  # the qualifier word stays out of the figure's text

    def _is_identifier(self, doc: Doc, number: _Number, i: int) -> bool:
        """"5G", "Windows 11", "MAX 8", "No. 5": numbers that are parts of names."""
        last = doc[number.end - 1]
        if number.end < len(doc) and not last.whitespace_:
            nxt = doc[number.end]
            if nxt.is_alpha and nxt.lower_ not in self.scales:
                return True
        if number.kind != "count" or number.end - i > 1:
            return False
        if number.start > 0:
            prev = doc[number.start - 1]
            if prev.text in ("#",) or self.labels.get(prev.lower_) or (
                prev.is_alpha and (prev.is_title or prev.is_upper) and not prev.is_sent_start
                and prev.ent_type_ not in ("DATE", "CARDINAL", "MONEY") and prev.lower_ not in self.currencies
            ):
                return True
        return False

    def _currency(self, doc: Doc | Span, code: str) -> str:
        if code == "USD" and self.dollar_currency != "USD":
            return self.dollar_currency
        if code == "JPY_OR_CNY":
            if self.yen_currency != "auto":
                return self.yen_currency
            return _yen_or_yuan(doc)
        if code in _SHARED_NAMES:
            return _by_country(doc, *_SHARED_NAMES[code])
        return code

    # -- writing -----------------------------------------------------------------------------
    def set_annotations(self, doc: Doc, numbers: list[_Number]) -> Doc:
        spans = []
        for number in numbers:
            if not all(v is None or is_finite_value(v) for v in (number.value, number.low, number.high)):
                continue  # "$999...9 trillion" past the float range: no value can be written for it
            span = Span(doc, number.start, number.end, label=number.kind.upper())
            payload: dict[str, Any] = {
                "value": None if number.value is None else format_value(number.value),
                "unit": number.unit,
                "kind": number.kind,
                "qualifier": number.qualifier,
                "counted": number.counted,
            }
            if number.low is not None:
                payload["low"] = format_value(number.low)
                payload["high"] = None if number.high is None else format_value(number.high)
            span._.factx_number = payload
            spans.append(span)
        doc.spans[SPAN_KEYS["numbers"]] = spans
        return doc


def _restated(doc: Doc, number: _Number, extractor: NumberExtractor, index: RuleIndex,
              blocked: list[bool]) -> None:
    """"forty-five (45)", "five (5) days": a figure repeated in parentheses is one number."""
    j = number.end
    if number.value is None or j + 2 >= len(doc) or doc[j].text != "(":
        return
    other = extractor._core(doc, j + 1, blocked)
    if other is None or other[1] != number.raw or other[0] >= len(doc) or doc[other[0]].text != ")":
        return
    number.end = other[0] + 1
    if number.kind in ("count", "fraction", "quantity") and number.counted is None:
        number.counted = _counted(doc, number)


def _blocked_tokens(doc: Doc, money_words: set[str] | None = None) -> list[bool]:
    """Tokens that cannot start a number: the header, dates, and names ("Atlas 9", "Windows 11").

    A "name" made only of numbers and currency or scale words ("PLN 6.9 billion" read as LAW) is not one."""
    blocked = [False] * len(doc)
    body = doc._.factx_body_start
    for tok in doc:
        if tok.idx < body:
            blocked[tok.i] = True
        else:
            break
    for span in doc.spans.get(SPAN_KEYS["dates"], []):
        for k in range(span.start, span.end):
            blocked[k] = True
    for ent in doc.ents:
        if ent.label_ in _NAME_ENTS and all(
            t.like_num or t.is_punct or t.lower_ in (money_words or ()) for t in ent
        ):
            continue
        if ent.label_ == "DATE" and is_fraction(doc, ent):
            continue  # "a quarter of new studios": NER says DATE, it is a fraction
        if ent.label_ in ("DATE", "TIME") and all(
            (t.like_num and t.shape_ != "dddd") or t.lower_ in (money_words or ()) or _scaled_token(t, money_words)
            or (t.pos_ in ("DET", "ADV") and t.i < ent.end - 1)
            for t in ent
        ) and any(t.like_num or _scaled_token(t, money_words) for t in ent):
            continue  # "100000", "2 dozens" read as DATE or TIME: no date word, no year; the dates component
            # blocks what it normalized
        if ent.label_ in _NAME_ENTS or ent.label_ in ("DATE", "TIME"):
            for k in range(ent.start, ent.end):
                blocked[k] = True
    return blocked


_NUMERIC_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}


def _spelled_start(doc: Doc, i: int) -> bool:
    """A number word starts a spelled number where the tagger or NER reads it as one, or where
    another number word follows ("ONE TwentY tWO", "nought" alone on a line)."""
    tok = doc[i]
    if tok.tag_ == "CD" or tok.ent_type_ in _NUMERIC_ENTS:
        return True
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is None or nxt.is_punct or nxt.is_space:
        return bool(tok.is_sent_start)  # a number word standing alone
    return is_number_word(nxt.lower_) or nxt.lower_ == "point"


def _spelled_run(doc: Doc, i: int, blocked: list[bool]) -> tuple[list[str], int]:
    """The words of the spelled number starting at token i: number words joined by "and", "-",
    "point" + digits, and a closing fraction ("two hundred and five and three quarters")."""
    words, end = [doc[i].lower_], i + 1
    while end < len(doc) and not blocked[end]:
        w = doc[end].lower_
        nxt = doc[end + 1].lower_ if end + 1 < len(doc) else ""
        if w == "and" and nxt in ("a", "one", *_SMALL_NUMERATORS) and end + 2 < len(doc) \
                and doc[end + 2].lower_ in DENOMINATORS:
            words.extend([w, nxt, doc[end + 2].lower_])
            end += 3
            break
        if is_number_word(w) or (w in ("and", "-") and is_number_word(nxt)):
            words.append(w)
            end += 1
        elif w == "point" and (is_number_word(nxt) or nxt.isdigit()):
            words.append(w)
            end += 1
            if nxt.isdigit():
                words.append(nxt)
                end += 1
                break
        else:
            break
    return words, end


_SMALL_NUMERATORS = ("two", "three", "four", "five", "six", "seven", "eight", "nine")


def _scaled_token(tok: Token, scale_words: set[str] | None) -> bool:
    """"1200k", "3MM": digits glued to a scale word."""
    glued = split_glued_exact(tok.text)
    return bool(glued and not glued[0] and glued[2] and glued[2].lower() in (scale_words or ()))


def _hyphen_glued(doc: Doc, j: int) -> bool:
    """Token j is a hyphen glued to the words on both sides ("6-billion", "trillion-won")."""
    return (
        0 < j < len(doc) - 1 and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
    )


def _compound_adjective(doc: Doc, i: int, units: dict[str, str]) -> bool:
    if i + 2 >= len(doc) or doc[i].whitespace_ or doc[i + 1].text != "-" or doc[i + 1].whitespace_:
        return False
    nxt = doc[i + 2]
    word = nxt.lower_
    return nxt.is_alpha and word not in units and word not in DENOMINATORS and not is_number_word(word)


def _one_is_pronoun(doc: Doc, i: int) -> bool:
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    prev = doc[i - 1].lower_ if i > 0 else ""
    return nxt in ("of", "another", "'s", ",", ".") or prev in _PRONOUN_ONE_BEFORE


def _spelled_fraction(doc: Doc, i: int) -> tuple[int, Decimal] | None:
    tok = doc[i]
    lower = tok.lower_
    # one token: "two-thirds"
    if "-" in lower:
        left, _, right = lower.partition("-")
        if right in DENOMINATORS and (left in ("a", "one") or is_number_word(left)):
            numerator = Decimal(1) if left in ("a", "one") else parse_words_exact([left]) or Decimal(1)
            return i + 1, numerator / DENOMINATORS[right]
    # "one - half", "a third", "two thirds"
    if lower in ("a", "one") or is_number_word(lower):
        j = i + 1
        if j < len(doc) and doc[j].text in _HYPHENS:
            j += 1
        if j < len(doc) and doc[j].lower_ in DENOMINATORS:
            den = doc[j].lower_
            parsed = Decimal(1) if lower in ("a", "one") else parse_words_exact([lower])
            if parsed is None:
                return None
            numerator = parsed
            plural_ok = den.endswith("s") == (numerator > 1) or den in ("half", "quarter")
            nxt = doc[j + 1].lower_ if j + 1 < len(doc) else ""
            prev = doc[i - 1].lower_ if i > 0 else ""
            if lower == "a" and nxt != "of" and prev not in ("by", "than", "nearly", "almost", "about", "roughly"):
                return None  # "a quarter" alone is too often a date or a district
            if plural_ok:
                return j + 1, numerator / DENOMINATORS[den]
    if lower == "half" and i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        prev = doc[i - 1].lower_ if i > 0 else ""
        if prev not in ("first", "second", "the", "1st", "2nd"):
            return i + 1, Decimal("0.5")
    return None


def _is_year(doc: Doc, number: _Number) -> bool:
    token = doc[number.start]
    if number.end - number.start != 1 or token.shape_ != "dddd" or number.unit:
        return False
    if not 1500 <= int(token.text) <= 2100:
        return False
    nxt = doc[number.end] if number.end < len(doc) else None
    return nxt is None or nxt.tag_ != "NNS"


def _counted(doc: Doc, number: _Number) -> str | None:
    """The noun phrase a number counts: "8,000 enterprises", "users have reached 1.777 billion"."""
    j = number.end
    span_tokens = doc[number.start:number.end]
    if number.kind in ("quantity", "fraction"):
        if j + 1 < len(doc) and doc[j].lower_ == "of":
            return _phrase_after(doc, j + 1)
        return None
    for tok in span_tokens:
        head = tok.head
        if head.i >= j and head.pos_ in ("NOUN", "PROPN") and head.i - j < 8 and head.sent == tok.sent:
            tokens = [t for t in doc[j:head.i + 1]]
            # the noun of this figure's own phrase: "killed 87 and 14 people" -- 87 does not count
            # "and 14 people"; never across a paragraph break
            if tokens and all((not t.is_punct or t.text == "-") and t.pos_ != "CCONJ"
                              and not (t.like_num and t.whitespace_) for t in tokens) \
                    and not _PARAGRAPH.search(doc.text[doc[j - 1].idx:head.idx]):
                return _strip_det(doc[j:head.i + 1])
    if j < len(doc) and doc[j].tag_ == "NNS":
        return doc[j].text
    return _counted_subject(doc, number)


def _counted_subject(doc: Doc, number: _Number) -> str | None:
    """"Mobile IoT terminal users have reached 1.777 billion": the subject is what is counted."""
    last = doc[number.end - 1]
    verb = last.head
    while verb.dep_ in ("nummod", "quantmod", "compound") and verb.head is not verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ not in _SUBJECT_VERBS:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
            if child.lemma_ in _COUNT_NOUNS:
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        for obj in prep.children:
                            if obj.dep_ == "pobj":
                                return _strip_det(doc[obj.left_edge.i:obj.i + 1])
            return _strip_det(doc[child.left_edge.i:child.i + 1])
    return None


def _phrase_after(doc: Doc, start: int) -> str | None:
    tok = doc[start]
    end = start
    while end < len(doc) and doc[end].pos_ in ("ADJ", "NOUN", "PROPN", "DET", "NUM") and end - start < 6:
        end += 1
        if doc[end - 1].pos_ in ("NOUN", "PROPN") and (end >= len(doc) or doc[end].pos_ not in ("NOUN", "PROPN")):
            break
    if end == start or tok.is_punct:
        return None
    return _strip_det(doc[start:end])


def _strip_det(span: Span) -> str | None:
    tokens: list[Token] = list(span)
    while tokens and tokens[0].lower_ in _DETERMINERS:
        tokens = tokens[1:]
    if not tokens:
        return None
    return span.doc[tokens[0].i:tokens[-1].i + 1].text


_CHINESE = {"yuan", "rmb", "renminbi", "china", "chinese", "beijing", "shanghai", "shenzhen"}
_JAPANESE = {"yen", "japan", "japanese", "tokyo", "osaka", "nikkei"}


# Currency names several countries use: the country the sentence (then the text) names decides.
_SHARED_NAMES: dict[str, tuple[str, dict[str, frozenset[str]]]] = {
    "RUPEE": ("INR", {
        "PKR": frozenset({"pakistan", "pakistani", "karachi", "lahore", "islamabad", "punjab", "sindh", "psx"}),
        "LKR": frozenset({"lanka", "lankan", "colombo", "kandy"}),
        "NPR": frozenset({"nepal", "nepali", "nepalese", "kathmandu"}),
        "MUR": frozenset({"mauritius", "mauritian"}),
        "INR": frozenset({"india", "indian", "delhi", "mumbai", "bengaluru", "chennai", "kolkata"}),
    }),
    "RIAL": ("OMR", {
        "IRR": frozenset({"iran", "iranian", "tehran", "isfahan", "tabriz", "mashhad", "shiraz"}),
        "YER": frozenset({"yemen", "yemeni", "sanaa", "aden"}),
        "OMR": frozenset({"oman", "omani", "muscat"}),
    }),
}


def _by_country(doc: Doc | Span, default: str, countries: dict[str, frozenset[str]]) -> str:
    """The one country of ``countries`` the text names (then the sentence, where the text names several)."""
    scopes: list[Doc | Span] = [doc] if isinstance(doc, Doc) else [doc.doc, doc]
    for scope in scopes:
        words = {t.lower_ for t in scope}
        named = [code for code, names in countries.items() if words & names]
        if len(named) == 1:
            return named[0]
    return default


def _yen_or_yuan(doc: Doc | Span) -> str:
    """"¥": CNY in a Chinese context, JPY in a Japanese one (the sentence decides, then the text)."""
    scopes: list[Doc | Span] = [doc] if isinstance(doc, Doc) else [doc, doc.doc]
    for scope in scopes:
        words = {t.lower_ for t in scope}
        chinese, japanese = bool(words & _CHINESE), bool(words & _JAPANESE)
        if chinese != japanese:
            return "CNY" if chinese else "JPY"
    return "JPY"
