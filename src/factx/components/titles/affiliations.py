"""Affiliations: a name tied to an organization with no title written."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ...extensions import SPAN_KEYS
from ...titlelinks import Affiliation
from ...titlerules import AffiliationRule

# the head words of the organizations "NAME at ORG" tells someone works at
_ACADEMIC = {"university", "institute", "college", "school", "laboratory", "laboratories", "academy", "observatory"}


def affiliations(doc: Doc, titled: set[int]) -> list[Affiliation]:
    """"Dr. Alain Farley of McGill University", "James Blight and David Welch of Harvard University":
    a name followed by "of" and an organization the text names belongs to it, though no title is
    written. Only names with no title linked (``titled``: token starts); a name in a list ending in
    such a name shares it."""
    people = sorted(doc.spans.get(SPAN_KEYS["people"], []), key=lambda p: p.start)
    orgs = {o.start: o for o in doc.spans.get(SPAN_KEYS["organizations"], [])}
    org_ends = {o.end: o for o in orgs.values()}
    out: list[Affiliation] = []
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
            out.append(Affiliation(person=person._.factx_name or person.text, person_start=person.start_char,
                                   organization=org._.factx_name or org.text, organization_start=org.start_char,
                                   organization_end=org.end_char, rule=AffiliationRule.NAME_OF_ORGANIZATION))
    return out[::-1]
