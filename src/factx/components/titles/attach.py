"""Organization attachment: the organization (or place) a title phrase belongs to.

What the phrase itself writes ("chairman of Acme Corp", "Acme's chairman", "Wuxi Mayor", "the
company's chief executive") is attached once, before any construction runs (``Organizations.attach``).
The constructions ask for what a link adds: the organization after a name ("Governor Ann Lee of
the Anhui Provincial Government"), the object of a role verb ("join Acme Corp as chief executive"),
and the company a release is about for its officers (``issuer``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...extensions import SPAN_KEYS
from ..rules import RuleIndex
from .phrases import OrgRef, TitlePhrase, phrase_head, status_at
from .words import proper_run, proper_run_before, strip_the

_OF = {"of", "at", "for", "with", "in", "from"}
_PLACE = {"GPE", "LOC"}
_POSSESSIVE = ("'s", "’s", "'")

# a company named by a common noun ("the company's chief financial officer")
_COMPANY_NOUNS = {"company", "firm", "group", "carmaker", "automaker", "maker", "manufacturer", "lender", "insurer",
                  "operator", "developer", "producer", "miner", "retailer", "utility", "airline", "conglomerate"}
# common nouns a description of an organization ends in ("the largest opposition party, ...")
_ORG_NOUNS = _COMPANY_NOUNS | {"party", "agency", "union", "organization", "organisation", "association", "bank",
                               "ministry", "department", "committee", "council", "institute", "university",
                               "newspaper", "network", "club", "team", "movement", "front", "alliance", "federation",
                               "foundation", "charity", "fund", "body", "office", "court", "board", "subsidiary",
                               "unit", "affiliate", "division", "arm", "venture", "startup", "regulator"}
# the titles only a company has ("chief executive", "chief financial officer"), by canonical name
COMPANY_TITLES = {"chief executive officer", "chief executive", "chief financial officer", "chief operating officer",
                  "chief technology officer", "managing director", "president director", "finance director",
                  "chief risk officer", "chief commercial officer", "chief marketing officer",
                  "chief information officer", "general counsel", "company secretary"}
# ... and as written, where the canonical form is a title any organization has ("independent director")
COMPANY_TITLES_WRITTEN = {"independent director", "non-executive director", "independent non-executive director",
                          "non-independent non-executive director", "executive director", "general director",
                          "co-founder", "group managing director", "board director"}
_COMPANY_WORDS = {"co.", "co", "company", "corp.", "corp", "corporation", "inc.", "inc", "ltd.", "ltd", "limited",
                  "plc", "llc", "gmbh", "ag", "s.a.", "sa", "nv", "bv", "tbk", "pt", "pjsc", "bhd", "berhad",
                  "holdings", "group", "a.ş.", "s.p.a.", "spa", "oy", "ab", "asa", "pte"}
_SPELLINGS = {"centre": ("center",), "center": ("centre",), "organisation": ("organization",),
              "organization": ("organisation",)}
_BASED = {"based", "headquartered", "listed", "registered"}
_APPOINT_VERBS = {"appoint", "name", "elect", "promote", "hire", "choose", "select", "nominate", "install"}


def org_ref(span: Span) -> OrgRef:
    """The reference to an organization span of the organizations component."""
    return OrgRef(span.start, span.end, span._.factx_name or span.text, "org")


@dataclass
class Organizations:
    """The organizations and places of a document, indexed by where they start and end."""

    doc: Doc
    index: RuleIndex
    orgs: dict[int, Span] = dataclasses.field(default_factory=dict)
    org_ends: dict[int, Span] = dataclasses.field(default_factory=dict)
    places: dict[int, Span] = dataclasses.field(default_factory=dict)
    place_ends: dict[int, Span] = dataclasses.field(default_factory=dict)
    title_ends: set[int] = dataclasses.field(default_factory=set)  # where title phrases end

    @classmethod
    def of(cls, doc: Doc, index: RuleIndex) -> Organizations:
        orgs = {s.start: s for s in doc.spans.get(SPAN_KEYS["organizations"], [])}
        places = {e.start: e for e in doc.ents if e.label_ in _PLACE}
        return cls(doc, index, orgs, {s.end: s for s in orgs.values()}, places, {e.end: e for e in places.values()})

    def attach(self, title: TitlePhrase) -> TitlePhrase:
        """The phrase with the organization it writes, and where that organization ends."""
        org, org_end = self._written(title)
        if org is None:
            org = self._ministry(title)
        status = title.status
        if status is None and org is not None and org.end <= title.start and org.start > 0:
            status = status_at(self.index, org.start - 1)  # "former Dravik Bank deputy governor"
        return dataclasses.replace(title, org=org, org_end=max(org_end, title.end), status=status)

    def _ministry(self, title: TitlePhrase) -> OrgRef | None:
        """"Health Minister", "vice minister of food and drug safety": a minister's portfolio names the
        ministry, where the text names a ministry with every word of the portfolio ("Health Ministry",
        "Ministry of Food and Drug Safety")."""
        if "minister" not in title.canonical.lower().split():
            return None
        words = {t.lower_ for t in self.doc[title.start:title.end] if t.is_alpha and not t.is_stop
                 and self.index.at("TITLE", t.i) is None and self.index.at("TITLE_MODIFIER", t.i) is None}
        if not words:
            return None
        for org in self.orgs.values():
            names = {t.lower_ for t in org}
            if names & {"ministry", "ministries"} and words <= names:
                return org_ref(org)
        return None

    def _written(self, title: TitlePhrase) -> tuple[OrgRef | None, int]:
        doc, j = self.doc, title.end
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
            its = k < len(doc) and doc[k].lower_ in ("its", "their")
            if k < len(doc) and (its or doc[k].lower_ == "the"):
                k += 1
            # "of the company's new Vietnamese subsidiary, Tai Yuan Co.": the organization the description names
            named = self._described(k + 2, lowercase_only=True) if not its and k + 2 < len(doc) \
                and doc[k].is_lower and doc[k].pos_ == "NOUN" and doc[k + 1].lower_ in _POSSESSIVE else None
            # "managing partner of Vienna-based Donau Capital AG": where it is based is no organization
            while k + 3 < len(doc) and doc[k + 1].text == "-" and doc[k + 2].lower_ in _BASED and doc[k].is_alpha:
                k += 3
            found: OrgRef | None
            if named is not None:
                found = named
            elif its:  # "head of its U.S. unit Hanseong America Inc.": only a description naming the organization
                found = self._described(k) or self._described(k, lowercase_only=True)
            else:
                found = self._described(k) or self.at(k) or self._org_by_noun_after(title, k) \
                    or self._described(k, lowercase_only=True)
            if found and found.kind == "place":
                # "UNICEF's Representative in Bangladesh": the place is where the title is held, the
                # possessor is its organization
                owner = self.possessor_before(title.start)
                if owner is not None:
                    return owner, found.end
            if found:
                return found, found.end
        # ORG TITLE / ORG's TITLE / place TITLE ("Acme CEO", "Wuxi Mayor")
        s = title.start
        if s > 0 and doc[s - 1].lower_ in _POSSESSIVE:
            s -= 1
        if s > 2 and doc[s - 1].text == ")" and doc[s - 3].text == "(" and doc[s - 2].is_upper:
            s -= 3  # "Malaysian Palm Oil Association (MPOA) chief executive": the acronym in parentheses
        org = self.org_ends.get(s)
        if org is not None:
            return org_ref(org), title.end
        inside = next((o for o in self.orgs.values() if o.start < s < o.end <= title.end), None)
        if inside is not None:
            # "Lankan Apparel Holdings' Group Managing Director": NER ran the name into the title's
            # first word; the organization is the name before the title
            return OrgRef(inside.start, s, doc[inside.start:s].text, "org"), title.end
        place = self.place_ends.get(s)
        run_start = proper_run_before(doc, s)
        # "AFP Chief of Staff Gen. NAME": another title before this one ends the organization's name
        run_start = max([run_start, *(e for e in self.title_ends if run_start < e <= s)])
        if place is not None and not run_start < place.start:
            return OrgRef(place.start, place.end, strip_the(place), "place"), title.end
        # "Kestrel Malaysia managing director": a name before the place is a company's local name
        run_end = s
        while run_end > run_start and status_at(self.index, run_end - 1) is not None:
            run_end -= 1  # "Office of Science and Technology Policy Acting Director": the status is the title's
        if run_start < run_end:
            return OrgRef(run_start, run_end, doc[run_start:run_end].text, "run"), title.end
        return self._possessor_org(title.start), title.end

    def _described(self, k: int, lowercase_only: bool = False) -> OrgRef | None:
        """The organization a description at ``k`` leads to: "a partner at law firm Dunmore Kiley LLP",
        "head of its U.S. unit Hanseong America Inc." (the name right after); "president of the
        management board of Pomorskie Kable S.A.", "president of the Izmir branch of the Chamber of
        Civil Engineers" (a body inside the organization, then the organization); "chairman of the
        largest opposition party, the Social Liberal Party" (the name in apposition to a description
        ending in an organization noun). The description is up to three lowercase nouns and adjectives,
        after one capitalised word (a place) unless ``lowercase_only``."""
        doc, d = self.doc, k
        if not lowercase_only:
            if not (d + 1 < len(doc) and (doc[d].is_title or doc[d].is_upper) and d not in self.orgs
                    and doc[d + 1].is_lower and doc[d + 1].pos_ == "NOUN"):
                return None
            d += 1
        first = d
        while d < len(doc) and d - first < 3 and (
                doc[d].is_lower and doc[d].pos_ in ("NOUN", "ADJ") or doc[d].ent_type_ == "NORP" and d > first):
            d += 1  # "new Vietnamese subsidiary": a nationality inside the description
        if d == first or d + 1 >= len(doc):
            return None
        if d in self.orgs:
            return self.at(d)
        if doc[d].lower_ in ("of", "at") and doc[d - 1].pos_ == "NOUN" \
                or doc[d].text == "," and doc[d - 1].lemma_.lower() in _ORG_NOUNS:
            a = d + 2 if doc[d + 1].lower_ == "the" else d + 1
            if a in self.orgs:
                return self.at(a)
        return None

    def possessor_before(self, start: int) -> OrgRef | None:
        """"ORG's TITLE" / "ORG TITLE": the organization right before the title, or before a
        possessive that opens it ("UNICEF's Representative in Kenya", "the UNHCR representative in Chad")."""
        s = start
        if s > 0 and self.doc[s - 1].lower_ in _POSSESSIVE:
            s -= 1
        org = self.org_ends.get(s)
        if org is not None:
            return org_ref(org)
        return self._possessor_org(start)

    def _possessor_org(self, start: int) -> OrgRef | None:
        """"the company's chief executive", "the centre's director": the organization the common noun
        stands for (the last one before whose name has that noun, or for a company the one the text
        names most); "its chairman": the organization that is the subject of the sentence or the one before."""
        doc, p = self.doc, start
        while p > 0 and status_at(self.index, p - 1) is not None:
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
                            return org_ref(subject)
        return None

    def _org_named_by(self, noun: Token, before: list[Span]) -> OrgRef | None:
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
        return org_ref(org)

    def _org_by_noun_after(self, title: TitlePhrase, k: int) -> OrgRef | None:
        """"a spokeswoman for the agency", "rector of the university": "the NOUN" alone after the title's
        preposition stands for the last organization named before it whose name has that noun."""
        doc = self.doc
        if k < 1 or k >= len(doc) or doc[k - 1].lower_ != "the" or not doc[k].is_lower or doc[k].pos_ != "NOUN":
            return None
        if k + 1 < len(doc) and (doc[k + 1].pos_ in ("NOUN", "PROPN") or doc[k + 1].text in ("'s", "’s")):
            return None  # "the agency's office", "the agency director": a longer phrase
        before = [o for o in self.orgs.values() if o.end <= title.start]
        return self._org_named_by(doc[k], before) if before else None

    def at(self, k: int) -> OrgRef | None:
        """The organization, place or capitalised run that starts at token ``k``."""
        org = self.orgs.get(k)
        if org is not None:
            return org_ref(org)
        place = self.places.get(k)
        if place is not None:
            return OrgRef(place.start, place.end, strip_the(place), "place")
        end = proper_run(self.doc, k)
        if end > k:
            return OrgRef(k, end, self.doc[k:end].text, "run")
        return None

    def ending(self, k: int) -> OrgRef | None:
        """The organization just before token ``k`` (a comma and an acronym in parentheses skipped)."""
        doc = self.doc
        if k > 0 and doc[k - 1].text == ",":
            k -= 1
        if k > 2 and doc[k - 1].text == ")" and doc[k - 3].text == "(":
            k -= 3
        org = self.org_ends.get(k)
        return org_ref(org) if org is not None else None

    def after(self, person: Span) -> OrgRef | None:
        """"NAME of [the] ORG" / "NAME at ORG": the organization right after a name."""
        j = person.end
        if j + 1 < len(self.doc) and self.doc[j].lower_ in ("of", "at"):
            org = self.orgs.get(j + 2 if self.doc[j + 1].lower_ == "the" else j + 1)
            if org is not None and org.end + 1 < len(self.doc) and self.doc[org.end].text in ("'s", "’s"):
                org = self.orgs.get(org.end + 1, org)  # "of HIST's Center for Quantum Materials": the centre
            if org is not None:
                return org_ref(org)
        return None

    def by_parse(self, title: TitlePhrase) -> OrgRef | None:
        """"join Acme Corp as chief executive": the object of the role verb is the organization."""
        head = phrase_head(self.doc, title)
        if head.dep_ != "pobj" or head.head.lower_ != "as":
            return None
        verb = head.head.head
        # "will join Acme Corp as chief executive"; "the New York Times Co. named Jane Roe as chairman"
        deps = ("dobj",) if verb.lemma_ not in _APPOINT_VERBS else ("dobj", "nsubj")
        for child in verb.children:
            if child.dep_ in deps:
                org = next((o for o in self.orgs.values() if o.start <= child.i < o.end), None)
                if org is not None:
                    return org_ref(org)
        return None

    def issuer(self) -> Span | None:
        """The company a release is about: the subject of its first sentence that names an organization,
        when that organization has a company word in its name ("PT Sulawesi Nikel Makmur Tbk said on ...")."""
        doc = self.doc
        body = doc._.factx_body_start
        for sent in doc.sents:
            if sent.end_char <= body:
                continue
            inside = [o for o in self.orgs.values() if sent.start <= o.start and o.end <= sent.end]
            if not inside:
                continue
            for org in inside:
                if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" for t in org) \
                        and {t.lower_ for t in org} & _COMPANY_WORDS:
                    return org
            return None
        return None

