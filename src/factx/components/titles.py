"""factx_titles: who holds which title at which organization.

Title words come from the lexicon in ``patterns/titles.jsonl`` (with modifiers and status words
from ``patterns/title_modifiers.jsonl``); linking reads the token sequence around people and the
parse. Each link names its construction by a ``TitleRule`` (``titlerules.py``, where every
construction's id is declared once with what it reads); a tie to an organization with no title
written is an ``AffiliationRule``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extensions import SPAN_KEYS, group
from ..patterns import attached, plural
from ..titlerules import AffiliationRule, TitleRule
from .rules import RuleIndex, rule_index

_OF = {"of", "at", "for", "with", "in", "from"}
_DETS = {"the", "a", "an", "another", "both", "all", "now", "also", "currently"}  # "both senior project managers at X"
_WHO = [("who", "has", "been"), ("who", "had", "been"),
        ("who", "is"), ("who", "was"), ("who", "serves", "as"), ("who", "served", "as"),
        ("who", "is", "also"), ("now",), ("currently",), ("also",), ("who", "heads"),
        ("who", "leads"), ("who", "becomes"), ("who", "will", "become")]
_LIST_GAPS = {",", "and", ", and", "&"}
_PLACE = {"GPE", "LOC"}


@Language.factory(
    "factx_titles",
    requires=["doc.spans", group("people"), group("organizations"), group("dates"), "span._.factx_name",
              "span._.factx_date", "doc.ents", "token.ent_type", "token.ent_iob", "doc.sents", "token.is_sent_start",
              "token.dep", "token.tag", "token.lemma"],
    assigns=["doc.spans", group("titles"), "doc._.factx_title_links", "doc._.factx_affiliations"],
)
def make_titles(nlp: Language, name: str) -> TitleLinker:
    patterns = attached(nlp)
    honorifics = {w for phrase in patterns.words("HONORIFIC") for w in phrase.split()}
    return TitleLinker(set(patterns.words("PLACE_TITLE")), honorifics)


@dataclass
class _Title:
    start: int
    end: int
    canonical: str
    status: str | None
    org: tuple[int, int, str, str] | None = None  # token start, end, name, "org" | "place" | "run"
    org_end: int = -1  # last token of the construction (title or its organization)
    persons: list[Span] = field(default_factory=list)


class TitleLinker:
    """Find title phrases, attach organizations, link them to people."""

    def __init__(self, place_titles: set[str], honorifics: set[str] | None = None):
        self.place_titles = place_titles  # "mayor", "bishop": titles held in a place, not an organization
        self.honorifics = honorifics or set()  # words of the HONORIFIC lexicon ("dr.", "tan", "sri")

    def __call__(self, doc: Doc) -> Doc:
        index = rule_index(doc)
        return self.set_annotations(doc, self.match(doc, index))

    def match(self, doc: Doc, index: RuleIndex) -> list[tuple[_Title, Span, TitleRule]]:
        people = list(doc.spans.get(SPAN_KEYS["people"], []))
        orgs = {s.start: s for s in doc.spans.get(SPAN_KEYS["organizations"], [])}
        org_ends = {s.end: s for s in orgs.values()}
        places = {e.start: e for e in doc.ents if e.label_ in _PLACE}
        place_ends = {e.end: e for e in places.values()}
        titles = _find_titles(doc, index)
        by_start = {t.start: t for t in titles}
        by_end = {t.end: t for t in titles}
        person_starts = {p.start: p for p in people}
        ctx = _Context(doc, orgs, org_ends, places, place_ends, by_start, by_end, set(person_starts), index,
                       self.honorifics)
        for title in titles:
            ctx.attach_org(title)
        # "A, chairman of X, B": a title in apposition after a name is that name's, not the next one's
        ctx.appositive = {t.start for p in people for t, _r in ctx.titles_after(p)}
        links: list[tuple[_Title, Span, TitleRule]] = []
        for k, person in enumerate(people):
            for title, rule in ctx.titles_after(person):
                links.append((title, person, rule))
                # "A, B and C, academicians of X": earlier people in the list share the title.
                if rule == TitleRule.NAME_COMMA_TITLE:
                    j = k
                    while j > 0 and _gap(doc, people[j - 1], people[j]) in _LIST_GAPS \
                            and ctx.title_before(people[j - 1]) is None:
                        links.append((title, people[j - 1], TitleRule.SHARED_TITLE_LIST))
                        j -= 1
            before = ctx.title_before(person)
            if before is not None:
                title, rule = before
                links.append((title, person, rule))
                if title.org is None:
                    title.org = ctx.org_after(person)  # "Governor Wang Qingsong of the Anhui Provincial Government"
                # "Foreign Minister and Deputy Prime Minister NAME": both titles are the person's.
                first = ctx.by_end.get(title.start - 1)
                if first is not None and doc[title.start - 1].lower_ == "and":
                    links.append((first, person, TitleRule.COORDINATED_TITLES_BEFORE_NAME))
                # "Economists A and B": later people in the list share the title.
                nxt = person
                while True:
                    follower = _next_in_list(doc, nxt, person_starts)
                    if follower is None or ctx.title_before(follower) is not None or ctx.titles_after(follower):
                        break
                    links.append((title, follower, TitleRule.SHARED_TITLE_LIST))
                    nxt = follower
                if title.org is None:
                    title.org = ctx.org_after(nxt)  # "Economists A and B of Brightwater Capital"
        linked = {(t.start, p.start) for t, p, _r in links}
        person_tokens = {k: p for p in people for k in range(p.start, p.end)}
        for title in titles:
            person = _person_by_parse(doc, title, person_tokens)
            if person is not None and title.org is None:
                title.org = _org_by_parse(doc, title, ctx.orgs)  # "will join Acme Corp as chief executive"
            if person is not None and (title.start, person.start) not in linked:
                links.append((title, person, TitleRule.TITLE_BY_PARSE))
        issuer = _issuer(doc, ctx.orgs)
        if issuer is not None:
            for title, _person, _rule in links:
                if title.org is None and title.canonical.lower() in _COMPANY_TITLES and title.start > issuer.end:
                    # "Chief executive Pieter Linden said": a company officer with no organization written
                    # is the officer of the company the release is about
                    title.org = (issuer.start, issuer.end, issuer._.factx_name or issuer.text, "org")
        seen, unique = set(), []
        for title, person, rule in links:
            key = (title.start, person.start)
            if key not in seen:
                seen.add(key)
                unique.append((title, person, rule))
        return unique

    def set_annotations(self, doc: Doc, links: list[tuple[_Title, Span, TitleRule]]) -> Doc:
        spans, payloads = [], []
        for title, person, rule in links:
            span = Span(doc, title.start, title.end, label="TITLE")
            status, effective = _incoming(doc, title)
            payload: dict[str, Any] = {
                "start": span.start_char,
                "end": span.end_char,
                "title": _title_text(doc, title),
                "canonical": title.canonical,
                "status": status,
                "effective_date": effective,
                "person": person._.factx_name or person.text,
                "person_start": person.start_char,
                "person_end": person.end_char,
                "organization": title.org[2] if title.org else None,
                "organization_start": doc[title.org[0]].idx if title.org else None,
                "organization_end": doc[title.org[1] - 1:title.org[1]].end_char if title.org else None,
                "organization_kind": title.org[3] if title.org else None,
                "place_title": _title_text(doc, title).lower() in self.place_titles,
                "rule": rule.value,
                "sentence_start": span.sent.start_char,
                "sentence_end": span.sent.end_char,
            }
            payloads.append(payload)
            spans.append(span)
        payloads.sort(key=lambda p: (p["start"], p["person_start"]))
        doc.spans[SPAN_KEYS["titles"]] = sorted(set(spans), key=lambda s: s.start)
        doc._.factx_title_links = payloads
        doc._.factx_affiliations = _affiliations(doc, {p.start for _t, p, _r in links})
        return doc


@dataclass
class _Context:
    doc: Doc
    orgs: dict[int, Span]
    org_ends: dict[int, Span]
    places: dict[int, Span]
    place_ends: dict[int, Span]
    by_start: dict[int, _Title]
    by_end: dict[int, _Title]
    person_starts: set[int] = field(default_factory=set)
    index: RuleIndex | None = None
    honorifics: set[str] = field(default_factory=set)
    appositive: set[int] = field(default_factory=set)  # starts of titles in apposition after a name

    def attach_org(self, title: _Title) -> None:
        doc, j = self.doc, title.end
        title.org_end = title.end
        if j + 2 < len(doc) and doc[j].text == "(":
            # "chief operating officer (COO) of X", "Deputy Governor (Economic Policy) of X": the title's
            # acronym or portfolio in parentheses comes before its organization
            close = next((k for k in range(j + 2, min(j + 6, len(doc))) if doc[k].text == ")"), None)
            if close is not None and all(t.is_upper or t.is_title or t.lower_ in ("and", "&")
                                         for t in doc[j + 1:close]):
                j = close + 1
        # TITLE of [the] ORG / TITLE at ORG
        if j < len(doc) and doc[j].lower_ in _OF:
            k = j + 1
            if k < len(doc) and doc[k].lower_ == "the":
                k += 1
            found = self._org_at(k) or self._org_by_noun_after(title, k)
            if not found:
                # "a partner at law firm Dunmore Kiley LLP": a lowercase description before the name
                d = k
                while d < len(doc) and d - k < 3 and doc[d].is_lower and doc[d].pos_ in ("NOUN", "ADJ"):
                    d += 1
                if d > k and d in self.orgs:
                    found = self._org_at(d)
                # "president of the management board of Pomorskie Kable S.A.": a body inside the
                # organization, then the organization; "chairman of the largest opposition party, the
                # Social Liberal Party": the name in apposition to a description ending in an organization noun
                elif d > k and d + 1 < len(doc) and (
                        doc[d].lower_ in ("of", "at") and doc[d - 1].pos_ == "NOUN"
                        or doc[d].text == "," and doc[d - 1].lemma_.lower() in _ORG_NOUNS):
                    a = d + 2 if doc[d + 1].lower_ == "the" else d + 1
                    if a in self.orgs:
                        found = self._org_at(a)
            if found and found[3] == "place":
                # "UNICEF's Representative in Bangladesh": the place is where the title is held, the
                # possessor is its organization
                owner = self._possessor_before(title.start)
                if owner is not None:
                    title.org = owner
                    title.org_end = found[1]
                    return
            if found:
                title.org = found
                title.org_end = found[1]
                return
        # ORG TITLE / ORG's TITLE / place TITLE ("Acme CEO", "Wuxi Mayor")
        s = title.start
        if s > 0 and doc[s - 1].lower_ in ("'s", "’s", "'"):
            s -= 1
        org = self.org_ends.get(s)
        if org is not None:
            title.org = (org.start, org.end, org._.factx_name or org.text, "org")
            return
        place = self.place_ends.get(s)
        if place is not None:
            title.org = (place.start, place.end, _strip_the(place), "place")
            return
        run_start = _proper_run_before(doc, s)
        if run_start < s:
            title.org = (run_start, s, doc[run_start:s].text, "run")
            return
        found = self._possessor_org(title.start)
        if found is not None:
            title.org = found

    def _possessor_before(self, start: int) -> tuple[int, int, str, str] | None:
        """"ORG's TITLE": the organization before a possessive that opens the title."""
        s = start
        if s > 0 and self.doc[s - 1].lower_ in ("'s", "’s", "'"):
            org = self.org_ends.get(s - 1)
            if org is not None:
                return org.start, org.end, org._.factx_name or org.text, "org"
        return self._possessor_org(start)

    def _possessor_org(self, start: int) -> tuple[int, int, str, str] | None:
        """"the company's chief executive", "the centre's director": the organization the common noun
        stands for (the last one before whose name has that noun, or for a company the one the text
        names most); "its chairman": the organization that is the subject of the sentence or the one before."""
        doc, p = self.doc, start
        while p > 0 and self._status_at(p - 1) is not None:
            p -= 1  # "the utility's current chief executive"
        before = [o for o in self.orgs.values() if o.end <= p]
        if not before:
            return None
        if p > 2 and doc[p - 1].text in ("'s", "’s") and doc[p - 2].is_lower and doc[p - 2].pos_ == "NOUN" \
                and doc[p - 3].lower_ == "the":
            return self._org_named_by(doc[p - 2], before)
        if p > 0 and doc[p - 1].lower_ == "its":
            sent = doc[p - 1].sent
            for sentence in (sent, doc[sent.start - 1].sent if sent.start > 0 else None):
                if sentence is None:
                    break
                for tok in sentence:
                    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT" and not p <= tok.i < start + 4:
                        subject = next((o for o in before if o.start <= tok.i < o.end), None)
                        if subject is not None:
                            return subject.start, subject.end, subject._.factx_name or subject.text, "org"
        return None

    def _org_named_by(self, noun: Token, before: list[Span]) -> tuple[int, int, str, str] | None:
        """The organization "the NOUN" stands for: the last one before whose name has that noun
        ("the agency" after "the Environmental Protection Agency"), or for a company noun the company
        the text names most."""
        word = noun.lemma_.lower()
        forms = {word, noun.lower_, *_SPELLINGS.get(word, ())}
        named = [o for o in before if forms & {t.lower_ for t in o}]
        if named:
            org = max(named, key=lambda o: o.start)
        elif word in _COMPANY_NOUNS:
            # the company the text names most ("Sulawesi Nikel" counts for "PT Sulawesi Nikel Makmur
            # Tbk") among those with a company word in the name; the first named on a tie (the one the
            # release is about)
            companies = [o for o in before if {t.lower_ for t in o} & _COMPANY_WORDS]
            if not companies:
                return None
            words = {o.start: {t.lower_ for t in o if t.is_alpha} for o in before}
            org = max(companies, key=lambda o: (sum(1 for m in before if words[m.start] and
                                                    words[m.start] <= words[o.start]), -o.start))
        else:
            return None
        return org.start, org.end, org._.factx_name or org.text, "org"

    def _org_by_noun_after(self, title: _Title, k: int) -> tuple[int, int, str, str] | None:
        """"a spokeswoman for the agency", "rector of the university": "the NOUN" alone after the title's
        preposition stands for the last organization named before it whose name has that noun."""
        doc = self.doc
        if k < 1 or k >= len(doc) or doc[k - 1].lower_ != "the" or not doc[k].is_lower or doc[k].pos_ != "NOUN":
            return None
        if k + 1 < len(doc) and (doc[k + 1].pos_ in ("NOUN", "PROPN") or doc[k + 1].text in ("'s", "’s")):
            return None  # "the agency's office", "the agency director": a longer phrase
        before = [o for o in self.orgs.values() if o.end <= title.start]
        return self._org_named_by(doc[k], before) if before else None

    def _honorifics_before(self, s: int) -> int:
        """Start of the honorifics ("Dr.", "Mrs.") written just before a name that starts at ``s``."""
        while s > 0 and self.doc[s - 1].lower_ in self.honorifics and not self.doc[s - 1].is_lower:
            s -= 1
        return s

    def _title_ending_before_comma(self, comma: int) -> _Title | None:
        """A title phrase (with its "of ORG" and an acronym in parentheses) that ends at ``comma`` and
        opens the noun phrase a following name is in apposition to: "[the|its|whose|ORG's] TITLE, NAME"."""
        doc, k = self.doc, comma
        if k > 2 and doc[k - 1].text == ")" and doc[k - 3].text == "(":
            k -= 3
        title = next((t for t in self.by_end.values() if max(t.end, t.org_end) == k), None)
        if title is None or title.start in self.appositive:
            return None
        j = title.start
        while j > 0 and self._status_at(j - 1) is not None:
            j -= 1
        if title.org is not None and title.org[1] <= title.start:
            j = title.org[0]  # "UNICEF's Representative in Bangladesh, NAME"
        prev = doc[j - 1] if j > 0 else None
        if prev is None or doc[j].is_sent_start or prev.lower_ in _NP_OPENERS \
                or prev.is_punct and prev.text not in (",", "-") or prev.pos_ in ("VERB", "AUX", "ADP"):
            if title.org is None and prev is not None and prev.lower_ == "whose":
                title.org = self._org_ending(j - 1)  # "the Users' Association, whose spokesman, X,"
            return title
        return None

    def _org_at(self, k: int) -> tuple[int, int, str, str] | None:
        org = self.orgs.get(k)
        if org is not None:
            return org.start, org.end, org._.factx_name or org.text, "org"
        place = self.places.get(k)
        if place is not None:
            return place.start, place.end, _strip_the(place), "place"
        end = _proper_run(self.doc, k)
        if end > k:
            return k, end, self.doc[k:end].text, "run"
        return None

    def _org_ending(self, k: int) -> tuple[int, int, str, str] | None:
        """The organization just before token ``k`` (a comma and an acronym in parentheses skipped)."""
        doc = self.doc
        if k > 0 and doc[k - 1].text == ",":
            k -= 1
        if k > 2 and doc[k - 1].text == ")" and doc[k - 3].text == "(":
            k -= 3
        org = self.org_ends.get(k)
        return (org.start, org.end, org._.factx_name or org.text, "org") if org is not None else None

    def org_after(self, person: Span) -> tuple[int, int, str, str] | None:
        """"NAME of [the] ORG" / "NAME at ORG": the organization right after a name."""
        j = person.end
        if j + 1 < len(self.doc) and self.doc[j].lower_ in ("of", "at"):
            k = j + 2 if self.doc[j + 1].lower_ == "the" else j + 1
            org = self.orgs.get(k)
            if org is not None:
                return org.start, org.end, org._.factx_name or org.text, "org"
        return None

    def titles_after(self, person: Span) -> list[tuple[_Title, TitleRule]]:
        """Titles in apposition after a person, several roles joined by "and" included."""
        doc, j = self.doc, person.end
        if j >= len(doc) or doc[j].text != ",":
            return []
        j += 1
        j = self._skip_aside(j)
        rule = TitleRule.NAME_COMMA_TITLE
        for words in _WHO:
            if [t.lower_ for t in doc[j:j + len(words)]] == list(words):
                j += len(words)
                rule = TitleRule.NAME_WHO_IS_TITLE
                break
        found: list[tuple[_Title, TitleRule]] = []
        while j < len(doc):
            while j < len(doc) and doc[j].lower_ in _DETS:
                j += 1
            # "the company's co-founder and chief executive": a generic possessor names no organization
            if j + 1 < len(doc) and doc[j].is_lower and doc[j].pos_ == "NOUN" and doc[j + 1].text in ("'s", "’s"):
                j += 2
            title = self._title_starting(j)
            if title is None:
                # NAME, [the] ORG's TITLE
                org = self.orgs.get(j)
                org_end = org.end if org is not None else _proper_run(doc, j, stop_at_person=False)
                if org_end > j and org_end < len(doc) and doc[org_end].lower_ not in ("'s", "’s", "'"):
                    # NAME, [another] ORG TITLE: "Fred Farrar, another FAA spokesman"
                    title = self._title_starting(org_end)
                    if title is not None and title.org is not None and title.org[0] == j \
                            and max(title.org_end, title.end) not in self.person_starts:
                        found.append((title, TitleRule.NAME_COMMA_ORG_TITLE))
                        j = max(title.org_end, title.end)
                    break
                if org_end > j and org_end + 1 < len(doc) and doc[org_end].lower_ in ("'s", "’s", "'"):
                    title = self._title_starting(org_end + 1)
                    if title is not None:
                        if title.org is None:
                            name = org._.factx_name if org is not None else doc[j:org_end].text
                            title.org = (j, org_end, name or doc[j:org_end].text, "org" if org is not None else "run")
                        found.append((title, TitleRule.NAME_ORG_POSSESSIVE_TITLE))
                break
            if max(title.org_end, title.end) in self.person_starts:
                break  # "A, Deputy Director of X B": the title before B is B's
            if found and title.org and doc[found[-1][0].end].lower_ == "and" and found[-1][0].org is None \
                    and found[-1][0].end + 1 == title.start:
                found[-1][0].org = title.org  # "chairman and chief executive of X": both of X
            found.append((title, rule))
            j = max(title.org_end, title.end)
            for words in _WHO:  # "... who is now a professor at X": a second role
                if [t.lower_ for t in doc[j:j + len(words)]] == list(words):
                    j += len(words)
                    break
            else:
                words = ()
            if words:
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

    def _title_starting(self, j: int) -> _Title | None:
        title = self.by_start.get(j)
        if title is None and j < len(self.doc):
            # "former chairman": a status word before the title
            for k in range(j + 1, min(j + 4, len(self.doc))):
                if k in self.by_start and self.by_start[k].start == k:
                    candidate = self.by_start[k]
                    if all(t.lower_ in ("former", "acting", "interim", "incoming", "then", "-", "ex")
                           or self._status_at(t.i) is not None  # "formerly", "previously"
                           or t.ent_type_ == "NORP" for t in self.doc[j:k]):  # "incoming Dutch ambassador"
                        if candidate.status is None:
                            candidate.status = self._status_at(j)
                        return candidate
            # "a former SSA commissioner": an organization between the status word and the title
            status = self._status_at(j)
            if status in ("former", "acting"):
                title = self.by_start.get(self.orgs[j + 1].end) if j + 1 in self.orgs else None
                if title is not None and title.org is not None and title.status is None:
                    title.status = status
        return title

    def _status_at(self, j: int) -> str | None:
        """The status a one-word status word at ``j`` names (``TITLE_STATUS`` in the patterns)."""
        match = self.index.at("TITLE_STATUS", j) if self.index is not None else None
        return match[1] if match is not None and match[0] == j + 1 else None

    def title_before(self, person: Span) -> tuple[_Title, TitleRule] | None:
        s = self._honorifics_before(person.start)  # "Chairman Dr. Ann Lee": the honorific is no title
        title = self.by_end.get(s)
        if title is not None:
            if title.org is None and title.start >= 2 and self.doc[title.start - 1].lower_ == "whose":
                title.org = self._org_ending(title.start - 1)  # "The Users' Association, whose spokesman X"
            return title, TitleRule.TITLE_BEFORE_NAME
        if s > 1 and self.doc[s - 1].text == ",":
            title = self.by_end.get(s - 1)
            if title is not None and title.org is not None and title.org[1] <= title.start:
                return title, TitleRule.ORG_TITLE_COMMA_NAME  # "Hsinmao's chairman, Lin Wei-ting,"
            title = self._title_ending_before_comma(s - 1)
            if title is not None:
                return title, TitleRule.TITLE_COMMA_NAME  # "The Minister of State for Finance, Ann Lee, said"
        org = self.org_ends.get(s)
        if org is not None:
            for title in self.by_end.values():
                if title.org and title.org[1] == s and title.end <= org.start:
                    return title, TitleRule.TITLE_OF_ORG_BEFORE_NAME
        place = self.place_ends.get(s)
        if place is not None:
            for title in self.by_end.values():
                if title.org and title.org[1] == s:
                    return title, TitleRule.TITLE_OF_ORG_BEFORE_NAME
        return None


# a company named by a common noun ("the company's chief financial officer")
_COMPANY_NOUNS = {"company", "firm", "group", "carmaker", "automaker", "maker", "manufacturer", "lender", "insurer",
                  "operator", "developer", "producer", "miner", "retailer", "utility", "airline", "conglomerate"}
# common nouns a description of an organization ends in ("the largest opposition party, ...")
_ORG_NOUNS = _COMPANY_NOUNS | {"party", "agency", "union", "organization", "organisation", "association", "bank",
                               "ministry", "department", "committee", "council", "institute", "university",
                               "newspaper", "network", "club", "team", "movement", "front", "alliance", "federation",
                               "foundation", "charity", "fund", "body", "office", "court", "board"}
# the titles only a company has ("chief executive", "chief financial officer"), by canonical name
_COMPANY_TITLES = {"chief executive officer", "chief executive", "chief financial officer", "chief operating officer",
                   "chief technology officer", "managing director", "president director", "finance director",
                   "chief risk officer", "chief commercial officer", "chief marketing officer",
                   "chief information officer", "general counsel", "company secretary"}
_NP_OPENERS = {"the", "its", "whose", "their", "his", "her", "'s", "’s"}
_COMPANY_WORDS = {"co.", "co", "company", "corp.", "corp", "corporation", "inc.", "inc", "ltd.", "ltd", "limited",
                  "plc", "llc", "gmbh", "ag", "s.a.", "sa", "nv", "bv", "tbk", "pt", "pjsc", "bhd", "berhad",
                  "holdings", "group", "a.ş.", "s.p.a.", "spa", "oy", "ab", "asa", "pte"}
_SPELLINGS = {"centre": ("center",), "center": ("centre",), "organisation": ("organization",),
              "organization": ("organisation",)}


_ROLE_VERBS = {"be", "become", "serve", "remain", "join", "appoint", "name", "elect", "step", "retire", "work",
               "act", "take", "succeed", "hire", "promote", "install", "leave", "replace", "continue"}


_START_VERBS = {"become", "take", "join", "succeed", "assume", "start", "begin", "serve", "step", "move"}
_EFFECTIVE_CUES = {"on", "from", "effective", "in", "starting", "as", "of", "by"}


def _incoming(doc: Doc, title: _Title) -> tuple[str, str | None]:
    """Status, and for an incoming role the date it starts: "will become chief financial officer on
    April 1", "Ann Lee, the incoming chair, takes office in June"."""
    status = title.status or "current"
    head = doc[title.end - 1]
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    future = verb.pos_ in ("VERB", "AUX") and verb.lemma_ in _START_VERBS and any(
        c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children)
    if status == "current" and future and head.dep_ in ("attr", "oprd", "dobj", "pobj"):
        status = "incoming"
    if status not in ("incoming", "current"):
        return status, None
    sentence = doc[title.start].sent
    for span in doc.spans.get(SPAN_KEYS["dates"], []):
        if span.start < sentence.start or span.end > sentence.end or span.start < title.end:
            continue
        cue = doc[span.start - 1].lower_ if span.start > 0 else ""
        info = span._.factx_date or {}
        value = info.get("value")
        if (cue in _EFFECTIVE_CUES or span[0].lower_ in _EFFECTIVE_CUES) and info.get("kind") != "duration":
            if status == "incoming":
                return status, value
            # "named Jane Roe as chairman, effective July 1": a start after the article's date
            today = doc._.factx_document_date
            if cue == "effective" and value and today and value[:1].isdigit() and value > today[:len(value)]:
                return "incoming", value
            break
    return status, None


def _org_by_parse(doc: Doc, title: _Title, orgs: dict[int, Span]) -> tuple[int, int, str, str] | None:
    """"join Acme Corp as chief executive": the object of the role verb is the organization."""
    head = doc[title.end - 1]
    if head.dep_ != "pobj" or head.head.lower_ != "as":
        return None
    verb = head.head.head
    # "will join Acme Corp as chief executive"; "the New York Times Co. named Jane Roe as chairman"
    deps = ("dobj",) if verb.lemma_ not in _APPOINT_VERBS else ("dobj", "nsubj")
    for child in verb.children:
        if child.dep_ in deps:
            org = next((o for o in orgs.values() if o.start <= child.i < o.end), None)
            if org is not None:
                return org.start, org.end, org._.factx_name or org.text, "org"
    return None


_APPOINT_VERBS = {"appoint", "name", "elect", "promote", "hire", "choose", "select", "nominate", "install"}


def _person_by_parse(doc: Doc, title: _Title, person_tokens: dict[int, Span]) -> Span | None:
    """"Danvers, who has been chief financial officer at HCB", "Gallagher will become chief financial
    officer of HCB", "Crewe stepped down as HCB chief executive": the title is the complement of a
    role verb whose subject (or relative-clause antecedent, or object) is a person."""
    head = doc[title.end - 1]
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    elif head.dep_ not in ("attr", "oprd", "dobj", "acomp"):
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ not in _ROLE_VERBS:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                child = verb.head
            person = person_tokens.get(child.i)
            if person is not None:
                return person
    for child in verb.children:
        if child.dep_ == "dobj" and child.i in person_tokens:
            return person_tokens[child.i]  # "appointed Jane Roe as chief executive"
    return None


def _issuer(doc: Doc, orgs: dict[int, Span]) -> Span | None:
    """The company a release is about: the subject of its first sentence that names an organization,
    when that organization has a company word in its name ("PT Sulawesi Nikel Makmur Tbk said on ...")."""
    body = doc._.factx_body_start
    for sent in doc.sents:
        if sent.end_char <= body:
            continue
        inside = [o for o in orgs.values() if sent.start <= o.start and o.end <= sent.end]
        if not inside:
            continue
        for org in inside:
            if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" for t in org) \
                    and {t.lower_ for t in org} & _COMPANY_WORDS:
                return org
        return None
    return None


def _find_titles(doc: Doc, index: RuleIndex) -> list[_Title]:
    body = doc._.factx_body_start
    titles: list[_Title] = []
    last_end = -1
    # "Board of Education spokesman": a word that ends a longer organization name is the organization's
    org_tails = {o.end - 1 for o in doc.spans.get(SPAN_KEYS["organizations"], []) if len(o) > 1}
    for start in sorted(index.starts["TITLE"]):
        end, canonical = index.starts["TITLE"][start]
        if start < last_end or doc[start].idx < body:
            continue
        s = start
        while True:
            mod = index.ending("TITLE_MODIFIER", s)
            if mod is None and s > 1 and doc[s - 1].text == "-" and not doc[s - 2].whitespace_:
                mod = index.ending("TITLE_MODIFIER", s - 1)  # "vice-president", "deputy-director"
            if mod is None or mod[0] >= s:
                break
            s = mod[0]
        # "Energy Minister", "fitness coach": a portfolio or lowercase noun before the title belongs to it
        # ("Lowmoor chief executive": a capitalized name there is the organization, see attach_org).
        while s > 0 and s - 1 not in org_tails and (
            _modifies(doc[s - 1], s, end) and doc[s - 1].is_lower
            # "Health Minister ...": a portfolio word, even where it starts the sentence or NER
            # swallowed it into an entity
            or index.at("TITLE_PORTFOLIO", s - 1) is not None and doc[s - 1].is_alpha
            and doc[s - 1].ent_type_ not in ("PERSON", "GPE", "NORP")
        ):
            s -= 1
        # "head of investor relations": a lowercase portfolio after "of" belongs to it.
        if end + 1 < len(doc) and doc[end].lower_ == "of" and _lower_word(doc[end + 1]):
            k = end + 1
            while k < len(doc) and _lower_word(doc[k]):
                k += 1
            # "vice minister of food and drug safety", "head of sales, marketing and service"
            end = _coordinated(doc, index, k, _lower_word)
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
        if end + 1 < len(doc) and doc[end].lower_ == "of" and index.at("TITLE_PORTFOLIO", end + 1) is not None:
            run_end = _proper_run(doc, end + 1)
            # "Minister of Information and Communications of Vietnam": a second "of" starts the organization
            run_end = next((k for k in range(end + 2, run_end) if doc[k].lower_ == "of"), run_end)
            if run_end > end + 1 and not any(k in index.starts["ORG_HEAD"] and index.at("TITLE_PORTFOLIO", k) is None
                                             for k in range(end + 1, run_end)):
                # "Minister of Finance, Budget and National Planning"
                end = _coordinated(doc, index, run_end, _capital_word)
        status = None
        # the status word may sit before the title or among its modifiers ("the incoming chairman")
        stat = index.ending("TITLE_STATUS", s)
        for k in range(max(s - 1, 0), start):
            found = index.at("TITLE_STATUS", k)
            if found is not None and found[0] <= start:
                stat = found
                break
        if stat is not None:
            status = stat[1]
        elif s > 0 and doc[s - 1].text == "-" and s > 1 and doc[s - 2].lower_ in ("ex", "then"):
            status = "former"
        if doc[start].is_lower and doc[start].pos_ == "VERB":
            continue  # "to head the", "will chair"
        titles.append(_Title(s, end, canonical, status))
        last_end = end
    return titles


def _affiliations(doc: Doc, titled: set[int]) -> list[dict[str, Any]]:
    """"Dr. Alain Farley of McGill University", "James Blight and David Welch of Harvard University":
    a name followed by "of" and an organization the text names belongs to it, though no title is
    written. Only names with no title linked; a name in a list ending in such a name shares it."""
    people = sorted(doc.spans.get(SPAN_KEYS["people"], []), key=lambda p: p.start)
    orgs = {o.start: o for o in doc.spans.get(SPAN_KEYS["organizations"], [])}
    org_ends = {o.end: o for o in orgs.values()}
    out: list[dict[str, Any]] = []
    owner: Span | None = None
    for person in reversed(people):  # right to left, so a list takes the organization of its last name
        org = None
        j = person.end
        if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "of":
            j += 1  # "Gilmore, of the Downtown Seattle Association, said"
        s = person.start
        if j + 1 < len(doc) and doc[j].lower_ == "of":  # "at" is as often where someone is as whose
            org = orgs.get(j + 2 if doc[j + 1].lower_ == "the" else j + 1)
        elif j + 1 < len(doc) and doc[j].lower_ == "at":
            # "Shi Ling at the Institute of Zoology": where a scholar works; "at" before other names
            # is as often where someone is (a meeting, a company's plant) as whose
            found = orgs.get(j + 2 if doc[j + 1].lower_ == "the" else j + 1)
            if found is not None and {t.lower_ for t in found} & _ACADEMIC:
                org = found
        elif s > 1 and doc[s - 1].text in ("'s", "’s") and s - 1 in org_ends:
            org = org_ends[s - 1]  # "Greenpeace's Anna Berg"
        elif owner is not None and doc[j].lower_ in ("and", ",") and j + 1 < len(doc) \
                and any(p.start == j + 1 for p in people):
            org = owner
        owner = org
        if org is not None and person.start not in titled:
            out.append({"person": person._.factx_name or person.text, "person_start": person.start_char,
                        "organization": org._.factx_name or org.text, "organization_start": org.start_char,
                        "organization_end": org.end_char, "rule": AffiliationRule.NAME_OF_ORGANIZATION.value})
    return out[::-1]


# the head words of the organizations "NAME at ORG" tells someone works at
_ACADEMIC = {"university", "institute", "college", "school", "laboratory", "laboratories", "academy", "observatory"}


def _lower_word(tok: Token) -> bool:
    return tok.is_lower and tok.is_alpha and tok.pos_ in ("NOUN", "ADJ", "PROPN")


def _capital_word(tok: Token) -> bool:
    return (tok.is_title or tok.is_upper) and tok.is_alpha and tok.ent_type_ not in ("PERSON", "DATE", "TIME")


def _coordinated(doc: Doc, index: RuleIndex, k: int, word: Callable[[Token], bool]) -> int:
    """End of a portfolio that goes on in a coordination after the run ending at ``k``: "of food and
    drug safety", "of Trade, Industry and Tourism". A comma joins only a list that closes with "and";
    a word that is itself a title starts a second title ("chief of staff and spokesman")."""
    j = k
    while j < len(doc) and doc[j].text == ",":
        m = j + 1
        while m < len(doc) and word(doc[m]) and index.at("TITLE", m) is None:
            m += 1
        if m == j + 1:
            return k
        j = m
    if j < len(doc) and doc[j].lower_ in ("and", "&") and j + 1 < len(doc) and word(doc[j + 1]) \
            and index.at("TITLE", j + 1) is None:
        m = j + 1
        while m < len(doc) and word(doc[m]):
            m += 1
        return m
    return k


def _modifies(tok: Token, start: int, end: int) -> bool:
    return (
        tok.dep_ in ("compound", "amod", "nmod")
        and start <= tok.head.i < end
        and tok.pos_ in ("NOUN", "PROPN", "ADJ")
        and tok.is_alpha
        and not tok.ent_type_
        and not tok.is_sent_start
    )


def _proper_run(doc: Doc, k: int, stop_at_person: bool = True) -> int:
    """End of a run of capitalized words joined by of/and/for: an unrecognised organization name."""
    end = k
    j = k
    while j < len(doc):
        tok = doc[j]
        if tok.ent_type_ == "PERSON" and stop_at_person or tok.ent_type_ in ("DATE", "TIME"):
            break
        if (tok.is_title or tok.is_upper) and tok.is_alpha or tok.text in ("Co.", "Ltd.", "Inc.", "Corp."):
            j += 1
            end = j
        elif (tok.lower_ in ("of", "and", "for", "&") and j > k) or (
            tok.text == "," and j + 1 < len(doc) and doc[j + 1].text in ("Ltd.", "Inc.")
        ):
            j += 1
        else:
            break
    return end


def _proper_run_before(doc: Doc, end: int) -> int:
    """Start of the capitalized name just before a title ("Calloway Chief Operating Officer")."""
    k = end
    while k > 0:
        tok = doc[k - 1]
        if not (tok.is_title or tok.is_upper) or not tok.is_alpha or tok.ent_type_ in ("DATE", "NORP"):
            break
        # a person's name is no organization, but "Halverton Mayor": NER reads one word before a title as a person
        if tok.ent_type_ == "PERSON" and (tok.ent_iob_ != "B" or doc[k].ent_type_ == "PERSON"):
            break  # ("Kandy" + "Warriors captain": a one-word person NER found inside the name)
        nxt = doc[k] if k < len(doc) else None
        if tok.is_sent_start and tok.pos_ != "PROPN" and not (
            len(tok) > 2 and tok.is_upper or nxt is not None and nxt.text in ("'s", "’s")
            or k < end and nxt is not None and nxt.pos_ == "PROPN"  # "Kestrel Bay Mayor"
        ):
            break  # "Hsinmao's chairman", "UNICEF deputy representative": names even at sentence start
        k -= 1
    if k < end and doc[k].pos_ != "PROPN" and not doc[k].is_upper and doc[k].ent_type_ != "PERSON" \
            and (doc[k].is_sent_start or doc[k].is_stop or k + 1 < end):
        return end  # one capitalised word the tagger reads as a noun ("Arsenal manager") still names the club
    return k


def _strip_the(span: Span) -> str:
    tokens = list(span)
    while tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    return span.doc[tokens[0].i:tokens[-1].i + 1].text if tokens else span.text


def _gap(doc: Doc, left: Span, right: Span) -> str:
    return doc[left.end:right.start].text.strip() if left.end <= right.start else "?"


def _next_in_list(doc: Doc, person: Span, starts: dict[int, Span]) -> Span | None:
    for width in (1, 2):
        gap = doc[person.end:person.end + width].text.strip()
        if gap in _LIST_GAPS and person.end + width in starts:
            return starts[person.end + width]
    return None


def _title_text(doc: Doc, title: _Title) -> str:
    """The title as written, singular, without status words ("academicians" -> "academician")."""
    tokens = [t for t in doc[title.start:title.end]]
    while tokens and tokens[0].lower_ in ("former", "acting", "interim", "incoming", "outgoing", "current",
                                          "then", "ex", "-"):
        tokens = tokens[1:]
    if not tokens:
        return doc[title.start:title.end].text
    last = tokens[-1]
    text = doc[tokens[0].i:last.i].text_with_ws if len(tokens) > 1 else ""
    word = last.text
    has_portfolio = any(t.lower_ == "of" for t in tokens)
    singular = title.canonical.rpartition(" ")[2]
    if not has_portfolio and singular and plural(singular.lower()) == last.lower_:
        word = singular.lower() if last.is_lower else singular[:1].upper() + singular[1:].lower()  # "Economists"
    elif not has_portfolio and last.tag_ in ("NNS", "NNPS") and last.lemma_ and last.lemma_.lower() != last.lower_:
        lemma = last.lemma_
        word = lemma[:1].upper() + lemma[1:] if last.text[:1].isupper() else lemma
    return (text + word).strip()
