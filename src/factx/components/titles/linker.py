"""The ``factx_titles`` component: title phrases -> organization attachment -> constructions ->
resolver -> ``TitleLink`` records on the Doc."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...extensions import SPAN_KEYS, group
from ...patterns import attached
from ...titlelinks import TitleLink
from ...titlerules import TitleRule
from ..rules import RuleIndex, rule_index
from . import succession  # noqa: F401  (registers its construction)
from .affiliations import affiliations
from .constructions import Proposal, propose, propose_from_links
from .phrases import title_text
from .resolve import resolve
from .scene import Scene
from .status import status_and_start


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


class TitleLinker:
    """Find title phrases, attach their organizations, link them to people."""

    def __init__(self, place_titles: set[str], honorifics: set[str] | None = None):
        self.place_titles = place_titles  # "mayor", "bishop": titles held in a place, not an organization
        self.honorifics = honorifics or set()  # words of the HONORIFIC lexicon ("dr.", "tan", "sri")

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc, rule_index(doc)))

    def match(self, doc: Doc, index: RuleIndex) -> list[Proposal]:
        """The resolved links of a document."""
        scene = Scene.of(doc, index, self.honorifics)
        links = resolve(propose(scene), issuer=scene.orgs.issuer())
        return links + propose_from_links(scene, links)

    def set_annotations(self, doc: Doc, links: list[Proposal]) -> Doc:
        records = sorted((self.record(doc, link) for link in links), key=lambda r: (r.start, r.person_start))
        doc.spans[SPAN_KEYS["titles"]] = sorted({Span(doc, p.title.start, p.title.end, label="TITLE") for p in links},
                                                key=lambda s: s.start)
        doc._.factx_title_links = records
        doc._.factx_affiliations = affiliations(doc, {p.person.start for p in links})
        return doc

    def record(self, doc: Doc, link: Proposal) -> TitleLink:
        title, person, org = link.title, link.person, link.org
        span = doc[title.start:title.end]
        if link.rule in (TitleRule.SUCCEEDED_NAME, TitleRule.SUCCESSOR_NAME):  # the status is the succession's
            status, effective = link.status or "current", None
        else:
            status, effective = status_and_start(doc, title, link.status, person,
                                                  beside_name=link.rule is not TitleRule.TITLE_BY_PARSE)
        text = title_text(doc, title)
        return TitleLink(
            start=span.start_char,
            end=span.end_char,
            title=text,
            canonical=title.canonical,
            status=status,
            effective_date=effective,
            person=person._.factx_name or person.text,
            person_start=person.start_char,
            person_end=person.end_char,
            organization=org.name if org else None,
            organization_start=doc[org.start].idx if org else None,
            organization_end=doc[org.end - 1:org.end].end_char if org else None,
            organization_kind=org.kind if org else None,
            place_title=text.lower() in self.place_titles,
            rule=link.rule,
            sentence_start=span.sent.start_char,
            sentence_end=span.sent.end_char,
        )
