"""What the constructions read: a document's people, title phrases and organizations, indexed.

A ``Scene`` is built once per document, after every title phrase has its written organization
attached, and is never changed after: the constructions are pure functions of it. The two
readings several constructions share are computed here once per person: the titles in apposition
after a name (``after``) and the title just before a name (``before``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc, Span

from ...extensions import SPAN_KEYS
from ...titlerules import TitleRule
from ..rules import RuleIndex
from .attach import Organizations, org_ref
from .phrases import OrgRef, TitlePhrase, find_titles, status_at
from .words import honorific_width, proper_run, starts_with

# "NAME, who has been TITLE", "NAME, now TITLE": the words between a name and its title
_WHO = [("who", "has", "been"), ("who", "had", "been"),
        ("who", "is"), ("who", "was"), ("who", "serves", "as"), ("who", "served", "as"),
        ("who", "is", "also"), ("now",), ("currently",), ("also",), ("who", "heads"),
        ("who", "leads"), ("who", "becomes"), ("who", "will", "become")]
_DETS = {"the", "a", "an", "another", "both", "all", "now", "also", "currently"}  # "both senior project managers at X"
_LIST_GAPS = {",", "and", ", and", "&"}
_NP_OPENERS = {"the", "its", "whose", "their", "his", "her", "'s", "’s"}
_POSSESSIVE = ("'s", "’s", "'")
_STATUS_BEFORE = ("former", "acting", "interim", "incoming", "then", "-", "ex")


class Reading(NamedTuple):
    """A title read beside one name: the phrase, the construction, its organization and status."""

    title: TitlePhrase
    rule: TitleRule
    org: OrgRef | None
    status: str | None


@dataclass
class Scene:
    doc: Doc
    index: RuleIndex
    people: list[Span]
    orgs: Organizations
    titles: list[TitlePhrase]
    honorifics: set[str] = field(default_factory=set)
    by_start: dict[int, TitlePhrase] = field(default_factory=dict)
    by_end: dict[int, TitlePhrase] = field(default_factory=dict)
    person_starts: dict[int, Span] = field(default_factory=dict)
    appositive: set[int] = field(default_factory=set)  # starts of titles in apposition after a name
    _after: dict[int, list[Reading]] = field(default_factory=dict)
    _before: dict[int, Reading | None] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, index: RuleIndex, honorifics: set[str]) -> Scene:
        orgs = Organizations.of(doc, index)
        found = find_titles(doc, index, honorifics)
        orgs.title_ends = {t.end for t in found}
        titles = [orgs.attach(t) for t in found]
        people = list(doc.spans.get(SPAN_KEYS["people"], []))
        return cls(doc, index, people, orgs, titles, honorifics)

    def __post_init__(self) -> None:
        self.by_start = {t.start: t for t in self.titles}
        self.by_end = {t.end: t for t in self.titles}
        self.person_starts = {p.start: p for p in self.people}
        self._after = {p.start: self._appositions(p) for p in self.people}
        # "A, chairman of X, B": a title in apposition after a name is that name's, not the next one's
        self.appositive = {r.title.start for readings in self._after.values() for r in readings}
        self._before = {p.start: self._title_before(p) for p in self.people}

    def after(self, person: Span) -> list[Reading]:
        """The titles in apposition after ``person``, several roles joined by "and" included."""
        return self._after.get(person.start, [])

    def before(self, person: Span) -> Reading | None:
        """The title written just before ``person``, with the organization the phrase gives."""
        return self._before.get(person.start)

    def followers(self, person: Span) -> list[Span]:
        """"Economists A and B": the names listed after ``person`` with no title of their own."""
        out: list[Span] = []
        nxt = person
        while True:
            follower = self._next_in_list(nxt)
            if follower is None or self.before(follower) is not None or self.after(follower):
                return out
            out.append(follower)
            nxt = follower

    def gap(self, left: Span, right: Span) -> str:
        """The text between two names ("?" where they overlap or come in the other order)."""
        return self.doc[left.end:right.start].text.strip() if left.end <= right.start else "?"

    def listed_before(self, person: Span) -> list[Span]:
        """"A, B and C, ...": the names listed before ``person``, nearest first, while none has a
        title before it."""
        out: list[Span] = []
        k = self.people.index(person)
        while k > 0 and self.gap(self.people[k - 1], self.people[k]) in _LIST_GAPS \
                and self.before(self.people[k - 1]) is None:
            out.append(self.people[k - 1])
            k -= 1
        return out

    def _next_in_list(self, person: Span) -> Span | None:
        for width in (1, 2):
            gap = self.doc[person.end:person.end + width].text.strip()
            if gap in _LIST_GAPS and person.end + width in self.person_starts:
                return self.person_starts[person.end + width]
        return None

    # -- titles after a name ------------------------------------------------------------------------

    def _appositions(self, person: Span) -> list[Reading]:
        doc, j = self.doc, person.end
        if j >= len(doc) or doc[j].text != ",":
            return []
        j = self._skip_aside(j + 1)
        rule = TitleRule.NAME_COMMA_TITLE
        for words in _WHO:
            if starts_with(doc, j, words):
                j += len(words)
                rule = TitleRule.NAME_WHO_IS_TITLE
                break
        found: list[Reading] = []
        while j < len(doc):
            while j < len(doc) and doc[j].lower_ in _DETS:
                j += 1
            # "the company's co-founder and chief executive": a generic possessor names no organization
            if j + 1 < len(doc) and doc[j].is_lower and doc[j].pos_ == "NOUN" and doc[j + 1].text in ("'s", "’s"):
                j += 2
            started = self._title_starting(j)
            if started is None:
                opened = self._org_then_title(j)
                if not opened:
                    break
                found.extend(opened)
                # "NAME, Acme's chief operating officer and head of research": what follows is Acme's too
                rule = opened[-1].rule
                j = opened[-1].title.reach
            else:
                title, status = started
                if title.reach in self.person_starts:
                    break  # "A, Deputy Director of X B": the title before B is B's
                if found and title.org and doc[found[-1].title.end].lower_ == "and" and found[-1].org is None \
                        and found[-1].title.end + 1 == title.start:
                    found[-1] = found[-1]._replace(org=title.org)  # "chairman and chief executive of X": both of X
                org = title.org
                if org is None and found and found[-1].rule is TitleRule.NAME_ORG_POSSESSIVE_TITLE:
                    org = found[-1].org
                found.append(Reading(title, rule, org, status))
                j = title.reach
            k = j  # "head of the Dedessa project office and a former lecturer": the rest of the organization's
            while k < len(doc) and k - j < 3 and doc[k].is_lower and doc[k].pos_ == "NOUN" \
                    and found[-1].org is not None:
                k += 1
            if k > j and k < len(doc) and doc[k].lower_ == "and":
                j = k
            who = next((words for words in _WHO if starts_with(doc, j, words)), None)
            if who is not None:  # "... who is now a professor at X": a second role
                j += len(who)
                continue
            if j < len(doc) and doc[j].lower_ == "and" or (
                j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("and", *_DETS)
            ):
                j += 1
                if doc[j].lower_ == "and":
                    j += 1
                continue
            break
        return found

    def _org_then_title(self, j: int) -> list[Reading]:
        """"NAME, [another] ORG TITLE" and "NAME, [the] ORG's TITLE": an organization opens the
        apposition at ``j``."""
        doc = self.doc
        org = self.orgs.orgs.get(j)
        if org is not None:
            org_end = org.end
        else:  # "NAME, the IRCU Secretary General": a capitalised run up to a title phrase
            org_end = proper_run(doc, j, stop_at_person=False)
            org_end = next((k for k in range(j + 1, org_end) if k in self.by_start), org_end)
        if org_end <= j or org_end >= len(doc):
            return []
        if doc[org_end].lower_ not in _POSSESSIVE:
            # NAME, [another] ORG TITLE: "Fred Farrar, another FAA spokesman"
            started = self._title_starting(org_end)
            if started is not None:
                title, status = started
                if title.org is not None and title.org.start == j and title.reach not in self.person_starts \
                        and not all(t.lower_ in self.honorifics for t in doc[title.org.start:title.org.end]):
                    # ("Karen Bass, Madam Chair": an honorific is no organization)
                    return [Reading(title, TitleRule.NAME_COMMA_ORG_TITLE, title.org, status)]
            return []
        if org_end + 1 < len(doc):
            started = self._title_starting(org_end + 1)
            if started is not None:
                title, status = started
                own = title.org
                if own is None:
                    name = (org._.factx_name if org is not None else None) or doc[j:org_end].text
                    own = OrgRef(j, org_end, name, "org" if org is not None else "run")
                return [Reading(title, TitleRule.NAME_ORG_POSSESSIVE_TITLE, own, status)]
        return []

    def _skip_aside(self, j: int) -> int:
        """After "NAME,": an age ("Ann Lee, 53, a former professor") or a party and state ("Sen. Ann
        Lee, D-Calif., chairman of") set off by commas comes between the name and its title."""
        doc = self.doc
        if j + 1 < len(doc) and doc[j].like_num and doc[j].is_digit and len(doc[j]) <= 3 and doc[j + 1].text == ",":
            return j + 2
        if j + 3 < len(doc) and doc[j].text in ("D", "R", "I") and doc[j + 1].text == "-" \
                and doc[j + 2].text[:1].isupper() and doc[j + 3].text == ",":
            return j + 4
        return j

    def _title_starting(self, j: int) -> tuple[TitlePhrase, str | None] | None:
        """The title phrase that starts at ``j``, or after status words there ("former chairman",
        "incoming Dutch ambassador", "a former SSA commissioner"), with the status they give."""
        title = self.by_start.get(j)
        if title is not None:
            return title, title.status
        if j >= len(self.doc):
            return None
        status = status_at(self.index, j)
        for k in range(j + 1, min(j + 4, len(self.doc))):
            candidate = self.by_start.get(k)
            if candidate is not None and all(
                    t.lower_ in _STATUS_BEFORE
                    or status_at(self.index, t.i) is not None  # "formerly", "previously"
                    or t.ent_type_ == "NORP" for t in self.doc[j:k]):  # "incoming Dutch ambassador"
                return candidate, candidate.status or status
        if status in ("former", "acting") and j + 1 in self.orgs.orgs:
            title = self.by_start.get(self.orgs.orgs[j + 1].end)
            if title is not None:
                return title, title.status or (status if title.org is not None else None)
        return None

    # -- the title before a name --------------------------------------------------------------------

    def _honorifics_before(self, s: int) -> int:
        """Start of the honorifics ("Dr.", "Mrs.") written just before a name that starts at ``s``."""
        doc = self.doc
        while s > 0:
            if honorific_width(doc, s - 1, self.honorifics) == 1:
                s -= 1
            elif s > 1 and honorific_width(doc, s - 2, self.honorifics) == 2:
                s -= 2  # "Dr. Eng. Ann Lee", "Dato' Seri": the tokenizer splits the period or apostrophe off
            else:
                break
        return s

    def _title_before(self, person: Span) -> Reading | None:
        doc = self.doc
        # "Chairman Dr. Ann Lee": the honorific is no title; but "Professor Ann Lee", "Gen. Ann Lee":
        # a title that is also an honorific is the title
        s = person.start if person.start in self.by_end else self._honorifics_before(person.start)
        title = self.by_end.get(s)
        if title is not None:
            org = title.org
            if org is None and title.start >= 2 and doc[title.start - 1].lower_ == "whose":
                org = self.orgs.ending(title.start - 1)  # "The Users' Association, whose spokesman X"
            return Reading(title, TitleRule.TITLE_BEFORE_NAME, org, title.status)
        if s > 1 and doc[s - 1].text == ",":
            title = self.by_end.get(s - 1)
            if title is not None and title.org is not None and title.org.end <= title.start:
                # "Hsinmao's chairman, Lin Wei-ting,"
                return Reading(title, TitleRule.ORG_TITLE_COMMA_NAME, title.org, title.status)
            reading = self._title_ending_before_comma(s - 1)
            if reading is not None:
                return reading  # "The Minister of State for Finance, Ann Lee, said"
        # "Governor of the Anhui Provincial Government Wang Qingsong", "Mayor of Wuxi Ann Lee"
        org_span = self.orgs.org_ends.get(s)
        if org_span is not None:
            for title in self.by_end.values():
                if title.org and title.org.end == s and title.end <= org_span.start:
                    return Reading(title, TitleRule.TITLE_OF_ORG_BEFORE_NAME, title.org, title.status)
        if s in self.orgs.place_ends:
            for title in self.by_end.values():
                if title.org and title.org.end == s:
                    return Reading(title, TitleRule.TITLE_OF_ORG_BEFORE_NAME, title.org, title.status)
        # "Governor-General of Isfahan Province Reza Mortezavi-Far": a capitalised run NER left unlabelled
        for title in self.by_end.values():
            if title.org and title.org.kind == "run" and title.org.end == s and doc[title.end].lower_ == "of":
                return Reading(title, TitleRule.TITLE_OF_ORG_BEFORE_NAME, title.org, title.status)
        return None

    def _title_ending_before_comma(self, comma: int) -> Reading | None:
        """A title phrase (with its "of ORG" and an acronym in parentheses) that ends at ``comma`` and
        opens the noun phrase a following name is in apposition to: "[the|its|whose|ORG's] TITLE, NAME"."""
        doc, k = self.doc, comma
        if k > 2 and doc[k - 1].text == ")" and doc[k - 3].text == "(":
            k -= 3
        title = next((t for t in self.by_end.values() if t.reach == k), None)
        if title is None or title.start in self.appositive:
            return None
        j = title.start
        if title.org is not None and title.org.end <= title.start:
            j = title.org.start  # "UNICEF's Representative in Bangladesh, NAME"
        status = title.status
        while j > 0 and status_at(self.index, j - 1) is not None:
            j -= 1  # "the former UNHCR representative in Chad, NAME"
            status = status or status_at(self.index, j)
        prev = doc[j - 1] if j > 0 else None
        employer = self.orgs.org_ends.get(j) if title.org is not None and title.org.start > title.start else None
        if employer is not None and prev is not None and not prev.is_punct:
            # "Rakuten Trade Sdn Bhd vice-president of Equity Research, NAME": the organization written
            # right before the title employs; the one after "of" is its portfolio
            return Reading(title, TitleRule.ORG_TITLE_COMMA_NAME, org_ref(employer), status)
        if prev is None or doc[j].is_sent_start or prev.lower_ in _NP_OPENERS \
                or prev.is_punct and prev.text not in (",", "-") or prev.pos_ in ("VERB", "AUX", "ADP"):
            org = title.org
            if org is None and prev is not None and prev.lower_ == "whose":
                org = self.orgs.ending(j - 1)  # "the Users' Association, whose spokesman, X,"
            return Reading(title, TitleRule.TITLE_COMMA_NAME, org, status)
        return None
