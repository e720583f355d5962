"""The records the title linker leaves on the Doc for the collect step.

``Doc._.factx_title_links`` holds one ``TitleLink`` per (title, person) the resolver chose
(several people can share one title span, and span extensions are keyed by character offsets, so
the links live on the Doc); ``Doc._.factx_affiliations`` one ``Affiliation`` per name tied to an
organization with no title written. Offsets are characters of ``doc.text``. This module imports
nothing of factx but the rule ids, so the fact types and the components can both read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .titlerules import AffiliationRule, TitleRule

OrganizationKind = Literal["org", "place", "run"]


@dataclass(frozen=True, kw_only=True)
class TitleLink:
    """A person holds a title (of an organization, or in a place), by one construction."""

    start: int  # the title phrase
    end: int
    title: str  # as written, singular, without status words
    canonical: str  # the lexicon's canonical form
    status: str  # current, former, acting, incoming
    effective_date: str | None  # when an incoming role starts
    person: str
    person_start: int
    person_end: int
    organization: str | None
    organization_start: int | None
    organization_end: int | None
    organization_kind: OrganizationKind | None  # an organization span, a place entity, a capitalised run
    place_title: bool  # a title held in a place ("mayor", "bishop")
    rule: TitleRule
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True, kw_only=True)
class Affiliation:
    """A person tied to an organization with no title written ("Alain Farley of McGill University")."""

    person: str
    person_start: int
    organization: str
    organization_start: int
    organization_end: int
    rule: AffiliationRule
