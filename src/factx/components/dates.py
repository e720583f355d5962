"""factx_dates: date expressions from NER and date rules, normalized against the document date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..datenorm import (
    SPOKEN_YEAR,
    DateValue,
    fiscal_interval,
    from_reference,
    is_yearless_day_or_month,
    normalize_date,
    shift_years,
    spoken_year,
)
from ..extensions import SPAN_KEYS, group
from .rules import RuleIndex, rule_index

_LEADING_DROP = {"in", "on", "at", "during", "of", "for", "over", "within", "throughout", "as", "by"}
_DETERMINERS = {"the", "a", "an", "this", "its", "their", "our", "his", "her", "that"}
_NER_LABELS = {"DATE", "TIME"}


@Language.factory(
    "factx_dates",
    requires=["doc.spans", "doc.ents", "doc.sents", "token.is_sent_start", "token.dep", "token.tag", "token.lemma"],
    assigns=["doc.spans", group("dates"), "span._.factx_date"],
    default_config={"fiscal_year_start": None},
)
def make_dates(nlp: Language, name: str, fiscal_year_start: int | None) -> DateExtractor:
    return DateExtractor(fiscal_year_start)


class DateExtractor:
    """Find candidates (NER DATE/TIME, DATE rules), attach modifiers, normalize, keep dates."""

    def __init__(self, fiscal_year_start: int | None = None):
        self.fiscal_year_start = fiscal_year_start

    def __call__(self, doc: Doc) -> Doc:
        index = rule_index(doc)
        return self.set_annotations(doc, self.match(doc, index), index)

    def match(self, doc: Doc, index: RuleIndex) -> list[Span]:
        body = doc._.factx_body_start
        candidates = [e for e in doc.ents if e.label_ in _NER_LABELS and e.start_char >= body]
        for start, (end, rid) in index.starts["DATE"].items():
            if rid.startswith("date-numeric-split") and any(t.whitespace_ for t in doc[start:end - 1]):
                continue  # "2021/17/Mar" split by the tokenizer is written without spaces
            if doc[start].idx >= body:
                candidates.append(doc[start:end])
        candidates.extend(_spoken_years(doc, body))
        candidates.extend(doc[i:i + 1] for i in _early_years(doc, body))
        return _join_intervals(doc, filter_spans(candidates))

    def set_annotations(self, doc: Doc, spans: list[Span], index: RuleIndex) -> Doc:
        anchor = _anchor(doc)
        kept: list[Span] = []
        rule_spans = sorted((doc[s:e] for s, (e, _rid) in index.starts["DATE"].items()), key=lambda s: s.start)
        queue = list(spans)
        seen: set[tuple[int, int]] = set()
        compared_starts: set[int] = set()
        rule_bounds = {(r.start, r.end) for r in rule_spans}
        shrunk: set[tuple[int, int]] = set()  # spans cut from a NER span that is no date: a point or nothing
        early = _early_years(doc, doc._.factx_body_start)
        while queue:
            span = queue.pop(0)
            if (span.start, span.end) in seen or any(k.start < span.end and span.start < k.end for k in kept):
                continue
            seen.add((span.start, span.end))
            candidate = span
            trimmed, core, modifier = _trim(doc, span, index)
            if trimmed is None or _is_name_part(doc, trimmed, modifier) or _is_age(trimmed):
                continue
            if trimmed[-1].lower_ == "may" and trimmed[-1].tag_ == "MD":
                continue  # "This may take some time": the verb
            if _is_last_of(doc, trimmed):
                continue  # "the last night of the fair": the last of something, not the night before
            span = trimmed
            if modifier is None:
                span, core = _anaphoric_bounds(doc, span, core, kept)
            tense = _tense(span)
            if tense == "present" and span.start > 0 and doc[span.start - 1].lower_ == "that" and (
                doc[span.start - 1].tag_ == "DT" and span[-1].lower_ in _WEEKDAYS
            ):  # "That Tuesday, I remember": a day the telling has reached, not one ahead
                tense = None
            if tense == "present":  # "meet on Sunday": scheduled, the coming one; "opens in May": no tense
                tense = "future" if span[-1].lower_ in _WEEKDAYS else None
            if tense != "future" and _scheduled_weekday(doc, span):
                tense = "future"
            prev = doc[span.start - 1].lower_ if span.start > 0 else ""
            opener = prev if modifier is None else ""
            if span[0].lower_ in _LEADING_DROP:
                opener = span[0].lower_
            told_from: DateValue | None = None  # the date a "the following day" is told from: its anchor
            value: DateValue | None = _compared_period(span, core, kept, compared_starts, anchor)
            if value is not None:
                compared_starts.add(span.start)
            elif (span.end == len(doc) or doc[span.end].lower_ != "than") and (
                told := from_reference(core, reference := _last_date(kept))
            ) is not None:  # "six months later than promised" is a duration
                value, told_from = told, reference
            else:
                month_may = modifier is not None or prev in ("in", "on", "by", "of")
                value = normalize_date(core, anchor, future=tense == "future", month_may=month_may,
                                       past=span[0].lower_ == "since" or tense == "past",
                                       offset=opener == "in" and tense == "future")
                year = _narrative_year(kept, anchor) if value is not None and tense != "future" else None
                if year is not None and is_yearless_day_or_month(core):
                    # a biography's "On 30 May": the year the story is in, not the document's
                    told = normalize_date(core, dt.date(year, 12, 31), month_may=month_may, past=True)
                    value = replace(told, relative=False) if told is not None else value
            if value is None and span[-1].i in early and (
                span[-1].i == span.start or span[0].lower_ in _EARLY_YEAR_CUES
            ):  # "In 348", "around 930": a year before 1500
                value = DateValue(f"{int(span[-1].text):04d}", "date", "year")
            if value is None:
                # "the period ending March 31": an over-long NER span; try the date rules inside it.
                inner = filter_spans([r for r in rule_spans if r.start >= candidate.start and r.end <= candidate.end
                                      and (r.end - r.start) < (candidate.end - candidate.start)])
                if not inner and candidate.label_ in _NER_LABELS and 1 < len(candidate) <= 8:
                    # "Wednesday, October 9, 2013 October", "Brieber 2014": a word too many at an edge
                    edges = [doc[candidate.start:candidate.end - 1], doc[candidate.start + 1:candidate.end]]
                    shrunk.update((e.start, e.end) for e in edges if (e.start, e.end) not in rule_bounds)
                    inner[:0] = edges
                queue[:0] = inner
                continue
            if (candidate.start, candidate.end) in shrunk and value.kind != "date":
                continue
            if value.granularity == "season" and value.relative and (
                (span.end < len(doc) and doc[span.end].lower_ == "of")
                or (len(span) == 1 and span.root.dep_ in ("compound", "amod", "nmod"))
            ):
                continue  # "the winter of 2019-20" cut short; "winter storms": a kind of storm
            if _is_count(doc, span, value.granularity) or _is_set_adjective(doc, span, value.kind) or is_fraction(
                doc, span
            ):
                continue
            if value.kind in ("duration", "interval") and modifier in ("BEFORE", "AFTER"):
                modifier = None  # "after 14 years with the city": a duration, not a point
            if modifier == "AFTER" and _is_comparison_from(doc, span):
                modifier, span = None, doc[span.start + 1:span.end]
            out = Span(doc, span.start, span.end, label="DATE")
            out._.factx_date = {
                "value": value.value,
                "kind": value.kind,
                "granularity": value.granularity,
                "modifier": modifier or value.modifier,
                "relative": value.relative,
                "anchor": (told_from.value if told_from is not None else anchor.isoformat() if anchor else None)
                if value.relative else None,
                "calendar": fiscal_interval(value.value, self.fiscal_year_start),
            }
            kept.append(out)
        kept.sort(key=lambda s: s.start)
        doc.spans[SPAN_KEYS["dates"]] = kept
        return doc


_MONTHS_AND_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
_INTERVAL_GAPS = {"to", "and", "-", "–", "—", "until", "through", "till"}


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _join_intervals(doc: Doc, spans: list[Span]) -> list[Span]:
    """"from 2009 to 2015", "between March 2022 and June 2023": NER often returns two dates. A
    weekday written beside a date ("Tuesday, March 8, 2011") is that date: one span."""
    joined: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if joined:
            prev = joined[-1]
            gap = doc[prev.end:span.start]
            if prev[-1].lower_ in _WEEKDAYS and all(t.text == "," for t in gap) and len(gap) <= 1 and (
                span[0].lower_ in _MONTHS_AND_DAYS or span[0].like_num
            ):
                joined[-1] = doc[prev.start:span.end]
                continue
            if len(gap) <= 1 and all(t.text == "," for t in gap) and len(span) == 1 and span[0].like_num \
                    and len(span[0].text) == 4 and span[0].text.isdigit() and is_yearless_day_or_month(prev.text) \
                    and any(t.like_num for t in prev):
                joined[-1] = doc[prev.start:span.end]  # "Dec. 6th" + "1954": NER cut the day from its year
                continue
            opener = doc[prev.start - 1].lower_ if prev.start > 0 else ""
            if (
                len(gap) == 1
                and gap[0].lower_ in _INTERVAL_GAPS
                and (opener in ("from", "between") or prev[0].lower_ in ("from", "between") or gap[0].text in "-–—")
            ):
                start = prev.start - 1 if opener in ("from", "between") else prev.start
                joined[-1] = doc[start:span.end]
                continue
        joined.append(span)
    return joined


_SEASON_WORDS = {"spring", "summer", "autumn", "fall", "winter"}


def _spoken_years(doc: Doc, body: int) -> list[Span]:
    """Years said in words, as transcripts write them: "in nineteen ninety-one", "January nineteen
    ninety-seven", "the winter of nineteen ninety-four", "the year two thousand"."""
    found: list[Span] = []
    for match in SPOKEN_YEAR.finditer(doc.text, body):
        if spoken_year(match) is None:
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        start = span.start
        if start > 0 and (doc[start - 1].like_num or doc[start - 1].lower_ in ("hundred", "thousand", "point")):
            continue  # "one hundred fifteen twenty": part of a longer number
        if start > 0 and doc[start - 1].lower_ in _MONTHS_AND_DAYS:
            start -= 1  # "January nineteen ninety-seven"
        elif start > 1 and doc[start - 1].lower_ == "of" and (
            doc[start - 2].lower_ in _MONTHS_AND_DAYS or doc[start - 2].lower_ in _SEASON_WORDS
        ):
            start -= 2  # "April of fifteen eighteen", "the winter of nineteen ninety-four"
            if start > 0 and doc[start].lower_ in _SEASON_WORDS and doc[start - 1].lower_ == "the":
                start -= 1
        found.append(doc[start:span.end])
    return found


_EARLY_YEAR_CUES = {"in", "around", "about", "after", "before", "until", "since", "c.", "ca.", "circa"}


def _early_years(doc: Doc, body: int) -> set[int]:
    """Tokens that are years before 1500, which the year patterns (1500-2099) leave out: a number of
    three digits (or four, up to 1499; two after "c.") after "in", "around", "about", "after",
    "before", "until", "since" or "c." that ends the phrase: punctuation, a capitalized name or a
    verb comes next ("In 348 Pachomius died", "around 328.", "after 211 became", "c. 347 –").
    A number that counts something ("in 300 cities", "about 360 people") has its noun next; "about"
    after a verb or a preposition gives an amount ("rose by about 120.")."""
    found: set[int] = set()
    for token in doc:
        if token.idx < body or token.i == 0 or not token.text.isdigit() or token.text[0] == "0":
            continue
        prev = doc[token.i - 1].lower_
        if prev not in _EARLY_YEAR_CUES:
            continue
        number = int(token.text)
        if not (100 <= number <= 1499 or (prev in ("c.", "ca.", "circa") and number >= 10)):
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and not (
            (nxt.is_punct and nxt.text not in ("%", "-", "/", "+"))
            or (nxt.is_title and nxt.pos_ == "PROPN" and nxt.tag_ != "NNPS" and nxt.ent_type_ != "NORP")
            or nxt.pos_ in ("PRON", "DET")
            or (nxt.lower_ in ("and", "or") and token.i + 2 < len(doc) and not doc[token.i + 2].like_num)
            or nxt.tag_ in ("VBD", "VBZ", "VBN", "VBP")
            or (prev in ("c.", "ca.", "circa") and nxt.text in ("-", "–", "—"))
        ):
            continue
        before = doc[token.i - 2] if token.i > 1 else None
        if before is not None and (before.like_num or before.tag_ == "$"):
            continue
        if prev in ("about", "around") and before is not None and (
            before.pos_ == "ADP" or before.lemma_ in _AMOUNT_VERBS
        ):
            continue  # "rose by about 120", "fell about 300", "was about 400": an amount
        found.add(token.i)
    return found


def _anchor(doc: Doc) -> dt.date | None:
    value = doc._.factx_document_date
    return dt.date.fromisoformat(value) if value else None


def _trim(doc: Doc, span: Span, index: RuleIndex) -> tuple[Span | None, str, str | None]:
    """Drop leading prepositions and attach a modifier found at or just before the span's start.

    Returns the span to report (modifier words included), the core text to normalize, and the
    modifier.
    """
    start, end = span.start, span.end
    modifier = None
    inside = index.at("DATE_MODIFIER", start)
    if inside and inside[0] < end:
        modifier, core_start = inside[1], inside[0]
    else:
        while start < end and doc[start].lower_ in _LEADING_DROP:
            start += 1
        core_start = start
        before = index.ending("DATE_MODIFIER", start)
        if before:
            modifier, start = before[1], before[0]
    while core_start < end and (doc[core_start].lower_ in _LEADING_DROP or doc[core_start].text in ("-", "–")):
        core_start += 1
    while end > core_start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    if core_start >= end:
        return None, "", None
    return doc[start:end], doc[core_start:end].text, modifier


def _is_name_part(doc: Doc, span: Span, modifier: str | None) -> bool:
    """A year or a "Five-Year" inside a name: "the 2022 World Expo", "the 14th Five-Year Plan"."""
    if modifier:
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    capitalized_next = nxt is not None and nxt.text[:1].isupper() and not nxt.is_sent_start
    if span[0].text[:1].isupper() and "-" in span.text and capitalized_next:
        return True
    named = prev is not None and prev.is_title and not prev.is_sent_start and prev.pos_ in ("PROPN", "NOUN", "ADJ")
    if named and _is_citation(doc, span):
        return False  # "(Smith 2004)", "Heidenreich & Turano 2011;": the year of a cited work
    if named and prev is not None and prev.lower_ not in _MONTHS_AND_DAYS and span[0].shape_.startswith("d"):
        return True  # "Plan 2030", "Euro 2028"
    if named and prev is not None and prev.lower_ not in _MONTHS_AND_DAYS and span[0].lower_ in _MONTHS_AND_DAYS and (
        span[0].lower_ not in _WEEKDAYS
    ):
        return True  # "Long March 5"; a weekday after a headline word is a date ("Magicians Wednesday, Oct. 9")
    if len(span) == 1 and span[0].shape_ == "dddd":
        head = span[0].head
        if span[0].dep_ in ("compound", "nummod", "amod", "nmod", "npadvmod") and head.i > span[0].i and (
            (head.pos_ == "NOUN" or head.pos_ == "PROPN" and head.text.isalpha()) and head.text.islower()
        ):
            # "the 1996 Olympic bombing", "a 2011 study", "the 2010 season": a date (a lower-case head the
            # tagger calls a proper noun is a common noun: "the 1957 flu pandemic")
            return False
        if prev is not None and prev.lower_ in _DETERMINERS:
            return True
        if capitalized_next and (prev is None or prev.lower_ not in ("in", "since", "by", "of")):
            return True
    return False


def _is_citation(doc: Doc, span: Span) -> bool:
    """A year right after an author's name in a reference: inside parentheses and followed by ")",
    ";" or "," ("(Smith 2004)", "(Baron & Beresford 2014)", "(Smith 1994, 6)"), or after two names
    joined by "and"/"&" or after "et al." ("Polio and Gass 1997")."""
    if len(span) != 1 or span[0].shape_ != "dddd":
        return False
    prev = doc[span.start - 1]
    if prev.lower_ in ("al.", "al") or (prev.text == "," and span.start > 1 and doc[span.start - 2].lower_ in (
        "al.", "al"
    )):
        return True  # "Lind et al. 2012", "Lind et al., 2012"
    nxt = doc[span.end].text if span.end < len(doc) else ""
    before = doc[max(span.sent.start, span.start - 40):span.start]
    opened = [t.text for t in before if t.text in "()"]
    if opened and opened[-1] == "(" and nxt in (")", ";", ","):
        return True
    two = doc[span.start - 3:span.start] if span.start >= 3 else None
    return bool(two is not None and two[1].lower_ in ("and", "&") and two[0].is_title and two[2].is_title
                and two[0].pos_ == "PROPN" and two[2].pos_ == "PROPN")


_FUTURE_AUX = {"will", "shall", "'ll", "wo", "is", "are", "be", "going"}
_PAST_AUX = {"was", "were", "had", "has", "have", "did"}


_FUTURE_CUES = {"will", "shall", "'ll", "expect", "forecast", "plan", "project", "assume", "aim", "intend",
                "schedule", "due", "target", "guide", "anticipate"}


_MODALS = {"would", "could", "might", "may", "should", "can", "must", "ca"}


def _tense(span: Span) -> str | None:
    """The tense a date is read in: that of the verb it attaches to (``_verb_tense``); a date that
    modifies a noun names the time of the noun's event ("the August 7 bombings", "Tuesday's ruling",
    "the Nov. 8 election"), which a present or future verb does not move ahead: no tense then, the
    closest such date. A past verb still puts it in the past ("searched since the Oct. 23 slaying")."""
    tense = _verb_tense(span)
    root = span.root
    if root.pos_ == "ADP" and root.i < span.end - 1:
        root = span[-1]  # "before Friday's purchases": the date word, not the modifier's preposition
    if tense in ("present", "future") and root.dep_ in ("compound", "poss", "nmod") \
            and root.head.pos_ in ("NOUN", "PROPN") and root.head.lower_ not in _PARTS_OF_DAY:
        return None
    return tense


_PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}
_SCHEDULING_VERBS = {"schedule", "reschedule", "postpone", "plan", "slate", "set", "delay", "adjourn"}


def _scheduled_weekday(doc: Doc, span: Span) -> bool:
    """A weekday the text puts ahead of what it reports, whatever the verb's tense: "as soon as
    Tuesday", "as early as Friday", "would travel Thursday" (a future told in the past), "has
    scheduled a conference Thursday", "set to resume Monday". A scheduling verb in the past tense
    ("planned a rally for Saturday", "set Friday as the deadline") says nothing of the day's side."""
    if not any(t.lower_ in _WEEKDAYS for t in span):
        return False
    before = [t.lower_ for t in doc[max(0, span.start - 3):span.start]]
    if before[-3:-1] in (["as", "soon"], ["as", "early"]) and before[-1] == "as":
        return True
    verb = span.root.head
    if verb.pos_ == "ADP" and verb.head is not verb:
        verb = verb.head
    if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "nsubjpass") and verb.head.pos_ == "VERB":
        verb = verb.head  # "scheduled a news conference Thursday"
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.lemma_ in _SCHEDULING_VERBS and verb.tag_ != "VBD" and verb.dep_ != "acl":
        return True  # "has scheduled", "is set to"; "planned a rally for Saturday" may be over by now
    for _ in range(2):  # "set to resume Monday": the governing verb of an infinitive
        auxes = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
        if auxes & {"would", "'d"} and not auxes & {"have", "'ve"}:
            return True
        if "to" in auxes and verb.head is not verb and verb.head.lemma_ in _SCHEDULING_VERBS:
            return True
        if "to" not in auxes or verb.head is verb:
            break
        verb = verb.head
    return False


def _verb_tense(span: Span) -> str | None:
    """Tense of the verb a date attaches to, "past", "future" or None (unknown): "said on Friday" is
    past, "will meet on Friday" and "is due in March" future, "meet on Sunday" present (a scheduled
    event when the date is a weekday).
    An infinitive takes the tense of the verb it depends on ("declined to comment Saturday" is past,
    "plans to open in March" future, an infinitive subject too: "to vote on Friday was a mistake"); a
    modal without "have" and a date hanging off a noun give no tense, except periods ("cuts in the
    second half") in a forward-looking sentence."""
    verb = span.root.head
    if verb.pos_ == "ADP" and verb.head is not verb:
        verb = verb.head
    if span.root.lower_ in ("quarter", "half") and verb.pos_ not in ("VERB", "AUX") and any(
        t.lemma_ in _FUTURE_CUES for t in span.sent
    ):
        return "future"
    for _ in range(2):  # "evidence in the October slaying": the verb that governs the noun phrase
        if verb.pos_ not in ("NOUN", "PROPN") or verb.head is verb:
            break
        verb = verb.head.head if verb.head.pos_ == "ADP" and verb.head.head is not verb.head else verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb is span.root:
        return None
    for _ in range(3):  # "declined to comment", "plans to open": the governing verb's tense
        auxes = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
        if verb.tag_ == "VB" and "to" in auxes and verb.dep_ in ("xcomp", "advcl", "ccomp", "csubj", "csubjpass") and (
            verb.head.pos_ in ("VERB", "AUX")
        ):
            if verb.head.lemma_ in _FUTURE_CUES:
                return "future"
            verb = verb.head
            continue
        break
    auxes = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "shall", "'ll", "wo"} or "going" in auxes:
        return "future"
    if verb.tag_ == "VBD" or auxes & _PAST_AUX:
        return "past"
    if auxes & _MODALS:
        return None
    if verb.tag_ == "VBN":
        if verb.dep_ == "acl" and not auxes:
            return "past"  # "the year ended March 31"
        return "future" if auxes & _FUTURE_AUX else None
    if verb.tag_ == "VBG":
        return "future" if auxes & {"is", "are", "am", "'s", "'re"} else None
    if verb.tag_ in ("VBP", "VBZ", "VB"):
        return "present"
    return None


_COMPARISON_VERBS = {"rise", "fall", "increase", "decrease", "decline", "drop", "grow", "jump", "climb", "slip",
                     "gain", "lose", "compare", "change", "improve", "shrink", "slide", "surge", "plunge", "up",
                     "down", "differ"}


_AMOUNT_VERBS = _COMPARISON_VERBS | {"reach", "total", "number", "cost", "count", "be", "have", "hit", "top",
                                     "pay", "sell", "buy", "earn", "score", "weigh", "measure"}


def _is_comparison_from(doc: Doc, span: Span) -> bool:
    """"up 9% from 2023", "from last year's $1.55 billion": "from" names what is compared, not
    the start of a period ("effective from October 1")."""
    first = doc[span.start]
    if first.lower_ != "from":
        return False
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and (prev.like_num or prev.text in ("%", "percent") or prev.tag_ in ("$", "CD")):
        return True
    if span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s", "to", "levels", "level"):
        return True
    return first.head.lemma_ in _COMPARISON_VERBS


_PERIOD_WORDS = r"(?:quarter|period|half|results|months|month|year)"
_COMPARED = re.compile(
    r"^(?:the )?(?:(?:comparable|corresponding|same|prior) )*(?:(?:year ?- ?(?:ago|earlier)|prior ?- ?year)"
    rf"(?: (?P<ord>first|second|third|fourth) quarter| (?P<period>{_PERIOD_WORDS}))?"
    rf"|(?P<period2>{_PERIOD_WORDS}) (?:a year (?:ago|earlier|before)|(?:of )?last year|the year before)"
    r"|(?P<bare>(?:a|one) year (?:ago|earlier|before)))$"
)
_LATEST = re.compile(r"^(?:the )?(?:latest|current|most recent|just-ended) period$")
_FIGURES = {"%", "percent", "cents", "cent"}
_SAID_DAYS = _WEEKDAYS | {"today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night"}


def _compared_period(span: Span, core: str, kept: list[Span], compared: set[int],
                     anchor: dt.date | None) -> DateValue | None:
    """The period a results figure is compared with: "the year-ago quarter", "a year earlier"
    beside a figure ("from $4 million a year earlier"), "the year-earlier period" are the period
    last reported before them (the latest quarter, half, month, year or written date in the text,
    not a weekday or "today": when it was said) one year back; "the latest period" is that period.
    None when the expression is no such comparison ("a year ago" with no figure beside it)."""
    text = re.sub(r"\s+", " ", core.lower().replace("’", "'")).strip()
    latest = _LATEST.match(text)
    match = None if latest else _COMPARED.match(text)
    if latest is None and match is None:
        return None
    if match is not None and match["bare"] and not any(
        t.tag_ == "$" or t.lower_ in _FIGURES for t in span.sent
    ):
        return None
    reference = None
    for earlier in reversed(kept):
        info = earlier._.factx_date
        if earlier.start in compared or info["kind"] != "date" or not info["value"]:
            continue
        if info["granularity"] not in ("quarter", "half", "fiscal_year", "month", "year", "day", "season") or (
            info["granularity"] == "day" and earlier[-1].lower_ in _SAID_DAYS
        ):
            continue
        if info["relative"] and info["granularity"] == "year" and anchor and info["value"] < str(anchor.year):
            continue  # "last year" is itself a comparison, not the period reported on
        reference = info
        break
    if match is not None and match["ord"]:  # "the year-ago third quarter": that quarter, a year back
        quarter = normalize_date(f"the {match['ord']} quarter", anchor, past=True)
        value = shift_years(quarter.value if quarter else None, -1)
        return DateValue(value, "date", "quarter", None, True) if value else None
    granularity = reference["granularity"] if reference else None
    if latest is not None:  # "the latest period": the quarter, half or fiscal year reported on
        if reference is None or granularity not in ("quarter", "half", "fiscal_year"):
            return None
        return DateValue(reference["value"], "date", granularity, None, True)
    if reference is None:
        return DateValue(str(anchor.year - 1), "date", "year", None, True) if anchor else None
    value = reference["value"]
    named = match["period"] or match["period2"] if match is not None else None
    if named == "quarter" and granularity in ("day", "month"):  # "the quarter ended Sept. 30 ... the year-ago quarter"
        month = int(value[5:7])
        value, granularity = f"{value[:4]}-Q{(month - 1) // 3 + 1}", "quarter"
    value = shift_years(value, -1)
    return DateValue(value, "date", granularity, None, True) if value else None


def _narrative_year(kept: list[Span], anchor: dt.date | None) -> int | None:
    """The year a history or a biography tells of: the year of the last date written out in full
    when it and the full date before it are at least two years before the document, and no date
    so far was told from the document date (a news report's "said Tuesday", "last week", "in
    March"); that text's "On 30 May" or "in October" belongs to the story's year. One old year in
    a report ("joined the firm in 1985") does not make it a history."""
    if anchor is None or any(
        k._.factx_date["relative"] and k._.factx_date["anchor"] == anchor.isoformat() for k in kept
    ):  # "the following morning" is told from the story's own date, not the document's
        return None
    years: list[int] = []
    for earlier in reversed(kept):
        info = earlier._.factx_date
        if info["kind"] != "date" or not info["value"]:
            continue
        match = re.match(r"(\d{4})(?:$|-)", info["value"])
        if match is None or int(match.group(1)) > anchor.year - 2:
            return None
        years.append(int(match.group(1)))
        if len(years) == 2:
            return years[0]
    return None


# a word after a count that tells it from the date before, at a clause's end ("two years before." is "two
# years earlier"; "two years before the war" is told from the war)
_TOLD_FROM = {"prior": "prior", "before": "earlier", "after": "later", "afterwards": "afterwards",
              "afterward": "afterward", "earlier": "earlier", "later": "later"}


def _anaphoric_bounds(doc: Doc, span: Span, core: str, kept: list[Span]) -> tuple[Span, str]:
    """The words NER left out of a date told from the one before: "the very" of "the very next year"
    ("next year" alone is told from the document date), "prior" of "three years prior" (at a clause's
    end: "two years before the war" is told from the war)."""
    k = span.start - 1
    if span[0].lower_ == "next" and k >= 0:
        if doc[k].lower_ == "very" and k > 0:
            k -= 1
        if doc[k].lower_ == "the":
            return doc[k:span.end], doc[k:span.end].text
    end = span.end
    if end < len(doc) and doc[end].lower_ in _TOLD_FROM and (
            end + 1 == len(doc) or doc[end + 1].is_punct or doc[end + 1].dep_ == "cc"):
        told = f"{core} {_TOLD_FROM[doc[end].lower_]}"
        if from_reference(told, _last_date(kept)) is not None:
            return doc[span.start:end + 1], told
    return span, core


def _last_date(kept: list[Span]) -> DateValue | None:
    """The calendar date mentioned last before a span: what "the following day" is told from."""
    for earlier in reversed(kept):
        info = earlier._.factx_date
        if info["kind"] == "date" and info["value"]:
            return DateValue(info["value"], "date", info["granularity"], None, info["relative"])
    return None


def _is_count(doc: Doc, span: Span, granularity: str | None) -> bool:
    """"2000 employees", "$2025": a bare four-digit number that counts something is not a year;
    "the 1992 protests" (a determiner, and NER reads a date) is one."""
    if granularity != "year" or len(span) != 1:
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.tag_ == "$":
        return True
    if nxt is None or nxt.tag_ != "NNS":
        return False
    # "the 2020 elections", "the 1992 protests": NER reads the year as a date after a determiner
    # (a round hundred stays a count: "the 2000 employees"); a year joined to one ("the 2011 and 2017
    # censuses") shares its determiner
    first = span[0]
    if first.dep_ == "conj" and first.head.i < first.i and first.head.shape_ == "dddd" and first.head.i > 0:
        prev = doc[first.head.i - 1]
    return not (first.ent_type_ == "DATE" and prev is not None and prev.lower_ in _DETERMINERS | {"'s", "’s"}
                and not first.text.endswith("00"))


def _is_set_adjective(doc: Doc, span: Span, kind: str) -> bool:
    """"its biggest daily gain": a frequency adjective before a noun is not a set expression."""
    return kind == "set" and len(span) == 1 and span.end < len(doc) and doc[span.end].pos_ == "NOUN"


def is_fraction(doc: Doc, span: Span) -> bool:
    """"a quarter of the funding", "cut by a quarter": fractions, not three-month periods."""
    text = span.text.lower()
    for lead in ("by ", "more than ", "less than ", "nearly ", "almost ", "about ", "roughly ", "some "):
        text = text.removeprefix(lead)
    if text not in ("a quarter", "one quarter", "a half", "half", "a third", "one third"):
        return False
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    return nxt == "of" or prev in ("by", "than", "nearly", "almost", "about", "roughly")


def _is_last_of(doc: Doc, span: Span) -> bool:
    """"the last night of the fair", "our last night here": "last" ranks the night among others, it does
    not count back from the document date."""
    if span[0].lower_ != "last" or span[-1].lower_ != "night":
        return False
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    return prev in _DETERMINERS | {"my", "your", "the"} or nxt == "of"


def _is_age(span: Span) -> bool:
    return span[-1].lower_ == "old" or "-year-old" in span.text
