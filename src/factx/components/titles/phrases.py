"""Title phrases: the title words of the lexicon with their modifiers, portfolios and status.

``patterns/titles.jsonl`` gives the title words (with a canonical form), ``title_modifiers.jsonl``
the words before them ("deputy", "senior") and the status words ("former", "acting"),
``TITLE_PORTFOLIO`` the capitalised portfolios ("Minister of Foreign Affairs"). A phrase is frozen
once its organization is attached (``attach.py``); the constructions only read it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal, NamedTuple

from spacy.tokens import Doc, Token

from ...extensions import SPAN_KEYS
from ...patterns import plural
from ..rules import RuleIndex
from .words import capital_word, coordinated, honorific_width, lower_word, modifies, proper_run


class OrgRef(NamedTuple):
    """What a title belongs to: tokens ``[start, end)``, the name, and how it was found: an
    organization span (``org``), a place entity (``place``) or a run of capitalised words (``run``)."""

    start: int
    end: int
    name: str
    kind: Literal["org", "place", "run"]


@dataclass(frozen=True)
class TitlePhrase:
    """A title written in the text: tokens ``[start, end)`` with modifiers and portfolio, the
    lexicon's canonical form, the status its own words give, and the organization written with it."""

    start: int
    end: int
    canonical: str
    status: str | None
    org: OrgRef | None = None
    org_end: int = -1  # the end of the phrase with its organization ("chairman of Acme Corp")

    @property
    def reach(self) -> int:
        """The end of the title and of the organization written after it."""
        return max(self.end, self.org_end)


_STATUS_WORDS = ("former", "acting", "interim", "incoming", "outgoing", "current", "then", "ex", "-")
# lowercase words before a title that tell its status or time, not the title ("the new chairman", "its
# next chief executive", "the late founder")
_STATUS_LOWER = ("new", "newly", "appointed", "next", "late", "retired", "caretaker", "temporary", "formerly",
                 "previously")


def status_at(index: RuleIndex, j: int) -> str | None:
    """The status a one-word status word at ``j`` names (``TITLE_STATUS`` in the patterns)."""
    match = index.at("TITLE_STATUS", j)
    return match[1] if match is not None and match[0] == j + 1 else None


def find_titles(doc: Doc, index: RuleIndex, honorifics: Collection[str] = ()) -> list[TitlePhrase]:
    """Every title phrase after the header, left to right, none overlapping. ``honorifics``: the words
    of the HONORIFIC lexicon, which end a capitalised portfolio ("Minister of Fisheries Dr. Ann Lee")."""
    body = doc._.factx_body_start
    titles: list[TitlePhrase] = []
    last_end = -1
    # "Board of Education spokesman": a word that ends a longer organization name is the organization's
    org_tails = {o.end - 1 for o in doc.spans.get(SPAN_KEYS["organizations"], []) if len(o) > 1}
    # where a name or an honorific starts: a capitalised portfolio or region stops there
    name_starts = {p.start for p in doc.spans.get(SPAN_KEYS["people"], [])}
    name_starts |= {t.i for t in doc if honorific_width(doc, t.i, honorifics)}
    for start in sorted(index.starts["TITLE"]):
        end, canonical = index.starts["TITLE"][start]
        if start < last_end or doc[start].idx < body:
            continue
        s = start
        first_round = True
        while True:
            before = s
            while True:
                if s > 1 and doc[s - 1].text == "-" and doc[s - 2].lower_ == "non" and not doc[s - 2].whitespace_ \
                        and not doc[s - 1].whitespace_:
                    s -= 2  # "non-executive director": "non-" is the title's, not "executive director" alone
                    continue
                mod = index.ending("TITLE_MODIFIER", s)
                if mod is None and s > 1 and doc[s - 1].text == "-" and not doc[s - 2].whitespace_:
                    mod = index.ending("TITLE_MODIFIER", s - 1)  # "vice-president", "deputy-director"
                if mod is None or mod[0] >= s or not first_round and any(t.ent_type_ for t in doc[mod[0]:s]):
                    break  # past a portfolio, a modifier inside a name is the name's ("King County police")
                s = mod[0]
            first_round = False
            # "Energy Minister", "fitness coach": a portfolio or lowercase noun before the title belongs to it
            # ("Lowmoor chief executive": a capitalized name there is the organization, see attach.py).
            while s > 0 and s - 1 not in org_tails and (
                modifies(doc[s - 1], s, end) and doc[s - 1].is_lower
                # "Health Minister ...": a portfolio word, even where it starts the sentence or NER
                # swallowed it into an entity
                or index.at("TITLE_PORTFOLIO", s - 1) is not None and doc[s - 1].is_alpha
                and doc[s - 1].ent_type_ not in ("PERSON", "GPE", "NORP")
            ):
                s -= 1
            if s == before:
                break  # "Deputy Public Prosecutor": a modifier before a portfolio before the title
        # "head of investor relations": a lowercase portfolio after "of" belongs to it.
        if end + 1 < len(doc) and doc[end].lower_ == "of" and lower_word(doc[end + 1]):
            k = end + 1
            while k < len(doc) and lower_word(doc[k]):
                k += 1
            # "vice minister of food and drug safety", "head of sales, marketing and service"
            end = coordinated(doc, index, k, lower_word)
        # "vice-rector for research", "organiser for freight": a lowercase portfolio after "for"
        elif end + 1 < len(doc) and doc[end].lower_ == "for" and lower_word(doc[end + 1]) and (
            index.at("TITLE_PORTFOLIO", end + 1) is not None
            # "state secretary for agricultural development": an adjective before the portfolio word
            or doc[end + 1].pos_ == "ADJ" and end + 2 < len(doc) and lower_word(doc[end + 2])
            and index.at("TITLE_PORTFOLIO", end + 2) is not None
        ) and index.at("TITLE", end + 1) is None:
            k = end + 1
            while k < len(doc) and lower_word(doc[k]):
                k += 1
            if k == len(doc) or doc[k].text != "-":  # "correspondent for state-run television": no portfolio
                end = coordinated(doc, index, k, lower_word)
        # "head of Japan equity research at X": names inside a portfolio that ends in a lowercase noun.
        elif end + 2 < len(doc) and doc[end].lower_ == "of" and (doc[end + 1].is_title or doc[end + 1].is_upper):
            k = end + 1
            while k < len(doc) and k - end <= 5 and doc[k].is_alpha and doc[k].ent_type_ != "PERSON" and (
                    doc[k].is_title or doc[k].is_upper or doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ")):
                k += 1
            if doc[k - 1].is_lower and doc[k - 1].pos_ == "NOUN" and (
                    k == len(doc) or doc[k].lower_ in ("at", ",", "for", "with")):
                end = k
        # "Minister of Foreign Affairs", "Director of Research": a capitalised portfolio with no
        # organization word is part of the title; "of the Sultanate of Oman" after it is the organization.
        # "Cabinet Secretary for Health", "Minister for Science, Culture and Tourism": the same after "for"
        if end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and index.at("TITLE_PORTFOLIO", end + 1) is not None:
            run_end = proper_run(doc, end + 1)
            # "Minister of Health Ann Lee said": the name after the portfolio is no part of it
            run_end = next((k for k in range(end + 2, run_end) if k in name_starts), run_end)
            # "Minister of Information and Communications of Vietnam": a second "of" starts the organization
            run_end = next((k for k in range(end + 2, run_end) if doc[k].lower_ == "of"), run_end)
            if run_end > end + 1 and not any(k in index.starts["ORG_HEAD"] and index.at("TITLE_PORTFOLIO", k) is None
                                             for k in range(end + 1, run_end)):
                # "Minister of Finance, Budget and National Planning"
                end = coordinated(doc, index, run_end, capital_word, name_starts)
        # "head of research and development": a lexicon title that ends in a portfolio goes on in a coordination
        portfolio = any(t.lower_ in ("of", "for") for t in doc[s:end]) and index.at("TITLE_PORTFOLIO", end - 1)
        if portfolio and end < len(doc) and doc[end].lower_ in ("and", "&", ","):
            end = coordinated(doc, index, end, lower_word if doc[end - 1].is_lower else capital_word, name_starts)
        # "Regional Director for Western and Central Africa", "country director for Kenya": the region a
        # title is for belongs to it (a run of capitalised words that ends in a place the model found)
        # "UNICEF's Representative in Bangladesh": a capitalised title with "in" and a place, the same
        if end + 1 < len(doc) and doc[end + 1].is_title and (
                doc[end].lower_ == "for" or doc[end].lower_ == "in" and doc[end - 1].is_title):
            run_end = proper_run(doc, end + 1)
            run_end = next((k for k in range(end + 2, run_end) if k in name_starts), run_end)
            if run_end > end + 1 and doc[run_end - 1].ent_type_ in ("GPE", "LOC") and all(
                    t.ent_type_ in ("GPE", "LOC", "NORP", "") for t in doc[end + 1:run_end]):
                end = run_end
        # "Bishop-designate of X", "President-elect": a status word joined after the title is its status
        joined = None
        if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_:
            joined = status_at(index, end + 1)
            if joined is not None:
                end += 2
        status = None
        # the status word may sit before the title or among its modifiers ("the incoming chairman")
        stat = index.ending("TITLE_STATUS", s)
        for k in range(max(s - 1, 0), start):
            found = index.at("TITLE_STATUS", k)
            if found is not None and found[0] <= start:
                stat = found
                break
        if joined is not None:
            status = joined
        elif stat is not None:
            status = stat[1]
        elif s > 0 and doc[s - 1].text == "-" and s > 1 and doc[s - 2].lower_ in ("ex", "then"):
            status = "former"
        if doc[start].is_lower and doc[start].pos_ == "VERB":
            continue  # "to head the", "will chair"
        while titles and s <= titles[-1].start:
            titles.pop()  # "Deputy" read alone before "Deputy Public Prosecutor": the longer phrase
        titles.append(TitlePhrase(s, end, canonical, status, org_end=end))
        last_end = end
    return titles


def phrase_head(doc: Doc, title: TitlePhrase) -> Token:
    """The phrase's syntactic head: the word whose head is outside it ("Minister" of "Minister of
    Foreign Affairs", "Editor" of "Editor-in-Chief", "officer" of "chief financial officer")."""
    words = doc[title.start:title.end]
    return next((t for t in words if not title.start <= t.head.i < title.end or t.head.i == t.i), words[-1])


def is_plural(doc: Doc, title: TitlePhrase) -> bool:
    """The title's head word is plural ("economists", "Academicians of X"): it can be shared by a list."""
    head = next((t for t in doc[title.start:title.end] if t.lower_ == "of"), None)
    word = doc[(head.i if head is not None else title.end) - 1]
    singular = title.canonical.rpartition(" ")[2].lower()
    return word.tag_ in ("NNS", "NNPS") or word.lower_ != singular and word.lower_ == plural(singular)


def title_text(doc: Doc, title: TitlePhrase) -> str:
    """The title as written, singular, without status words ("academicians" -> "academician")."""
    tokens = [t for t in doc[title.start:title.end]]
    while tokens and (tokens[0].lower_ in _STATUS_WORDS or tokens[0].is_lower and tokens[0].lower_ in _STATUS_LOWER):
        tokens = tokens[1:]
    if not tokens:
        return doc[title.start:title.end].text
    last = tokens[-1]
    text = doc[tokens[0].i:last.i].text_with_ws if len(tokens) > 1 else ""
    word = last.text
    has_portfolio = any(t.lower_ in ("of", "for") for t in tokens)
    singular = title.canonical.rpartition(" ")[2]
    if not has_portfolio and singular and plural(singular.lower()) == last.lower_:
        word = singular.lower() if last.is_lower else singular[:1].upper() + singular[1:].lower()  # "Economists"
    elif not has_portfolio and last.tag_ in ("NNS", "NNPS") and last.lemma_ and last.lemma_.lower() != last.lower_:
        lemma = last.lemma_
        word = lemma[:1].upper() + lemma[1:] if last.text[:1].isupper() else lemma
    return (text + word).strip()
