"""factx_titles: who holds which title at which organization.

The steps, one module each:

- ``phrases``: title phrases from the lexicon in ``patterns/titles.jsonl`` with modifiers, status
  words (``title_modifiers.jsonl``) and portfolios;
- ``attach``: the organization (or place) each phrase writes, attached once; the phrases are frozen
  after;
- ``scene``: what the constructions read, built once per document and never changed;
- ``constructions``: registered pure functions, one per rule id of ``titlerules.TitleRule``, each
  proposing links (person, title, organization, status) without changing anything;
- ``resolve``: one link per (title, person) out of all proposals, by priority, then distance, then
  position; ``succession``: a construction registered with ``@from_links`` that reads the resolved
  links ("succeeding Tom Bell": Bell holds the successor's title);
- ``status``: status and effective date of each link; ``affiliations``: names tied to an
  organization with no title written;
- ``linker``: the spaCy component, which writes ``titlelinks.TitleLink`` records on the Doc.

A new construction is one function in ``constructions.py`` registered with
``@construction(TitleRule.ID, priority=N)``, its id declared in ``titlerules.py``, and its test.
"""

from .constructions import CONSTRUCTIONS, LINK_CONSTRUCTIONS, Construction, Proposal, construction, from_links
from .linker import TitleLinker, make_titles
from .scene import Scene

__all__ = ["CONSTRUCTIONS", "LINK_CONSTRUCTIONS", "Construction", "Proposal", "Scene", "TitleLinker", "construction",
           "from_links", "make_titles"]
