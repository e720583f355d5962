"""The resolver: one link per (title phrase, person) out of all the constructions' proposals.

Among the proposals for the same title and person, the one of the highest-priority construction
wins, then the nearer, then the earlier in the text, then the rule id: the same proposals give the
same links whatever order they come in. Where the winner names no organization, it takes the one
the best-ranked other proposal for the same title and person names ("will join Acme Corp as chief
executive" read by the parse under a construction that found no organization). A company officer's
title with no organization at all is the officer of the company the release is about.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from spacy.tokens import Span

from .attach import COMPANY_TITLES, COMPANY_TITLES_WRITTEN, org_ref
from .constructions import CONSTRUCTIONS, Proposal
from .phrases import title_text


def _rank(proposal: Proposal) -> tuple[int, int, int, int, str, int]:
    org_start = proposal.org.start if proposal.org is not None else -1
    return (-CONSTRUCTIONS[proposal.rule].priority, proposal.distance, proposal.title.start, proposal.person.start,
            proposal.rule.value, org_start)


def resolve(proposals: Iterable[Proposal], issuer: Span | None = None) -> list[Proposal]:
    """The chosen links, by title then person position."""
    groups: dict[tuple[int, int], list[Proposal]] = {}
    for proposal in proposals:
        groups.setdefault(proposal.key, []).append(proposal)
    chosen: list[Proposal] = []
    for key in sorted(groups):
        ranked = sorted(groups[key], key=_rank)
        best = ranked[0]
        if best.org is None:
            org = next((p.org for p in ranked if p.org is not None), None)
            if org is None and issuer is not None and best.title.start > issuer.end and (
                    best.title.canonical.lower() in COMPANY_TITLES
                    or title_text(best.person.doc, best.title).lower() in COMPANY_TITLES_WRITTEN):
                # "Chief executive Pieter Linden said": a company officer with no organization written
                # is the officer of the company the release is about
                org = org_ref(issuer)
            best = dataclasses.replace(best, org=org)
        chosen.append(best)
    return chosen
