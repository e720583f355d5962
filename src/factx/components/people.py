"""factx_people: PERSON entities without honorifics and titles, plus names NER mislabelled in lists."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import SPAN_KEYS
from .rules import RuleIndex, rule_index

_LIST_LABELS = {"GPE", "ORG", "NORP", "LOC", "FAC"}


@Language.factory("factx_people", assigns=["doc.spans"], default_config={})
def make_people(nlp: Language, name: str) -> PersonExtractor:
    return PersonExtractor()


class PersonExtractor:
    """Clean PERSON entities; rescue a name NER labelled GPE/ORG between two people in a list."""

    def __call__(self, doc: Doc) -> Doc:
        index = rule_index(doc)
        return self.set_annotations(doc, self.match(doc, index))

    def match(self, doc: Doc, index: RuleIndex) -> list[Span]:
        body = doc._.factx_body_start
        ents = [e for e in doc.ents if e.start_char >= body]
        org_heads = {k for k, (_end, _rid) in index.starts["ORG_HEAD"].items()}
        org_names = [s.text.lower() + " " for s in doc.spans.get(SPAN_KEYS["organizations"], []) if len(s) > 1]
        spans = []
        for k, ent in enumerate(ents):
            if ent.label_ == "PERSON" and len(ent) > 1 and ent.end - 1 in org_heads:
                continue  # "Skerry Bank": an organization (see factx_organizations)
            if ent.label_ == "PERSON" and any(name.startswith(ent.text.lower() + " ") for name in org_names):
                continue  # "Orvane" after "Orvane Technologies": a short form of an organization
            if ent.label_ == "PERSON" or (ent.label_ in _LIST_LABELS and _listed_between_people(doc, ents, k)):
                span = _clean(doc, ent, index)
                if span is not None:
                    spans.append(span)
        spans.extend(doc.spans.get("factx_person_candidates", []))
        return sorted(spans, key=lambda s: s.start)

    def set_annotations(self, doc: Doc, spans: list[Span]) -> Doc:
        for span in spans:
            span._.factx_name = span.text
        doc.spans[SPAN_KEYS["people"]] = spans
        return doc


def _clean(doc: Doc, ent: Span, index: RuleIndex) -> Span | None:
    start, end = ent.start, ent.end
    while start < end:
        for label in ("HONORIFIC", "TITLE", "TITLE_MODIFIER", "TITLE_STATUS"):
            match = index.at(label, start)
            if match and match[0] <= end and doc[start].text[:1].isupper():
                start = match[0]
                break
        else:
            break
    while start < end and (doc[start].is_punct or doc[start].lower_ == "the"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s", "'")):
        end -= 1
    if start >= end:
        return None
    span = Span(doc, start, end, label="PERSON")
    if any(ch.isdigit() for ch in span.text) or not span[0].text[:1].isupper():
        return None
    return span


def _listed_between_people(doc: Doc, ents: list[Span], k: int) -> bool:
    """True for "Shen Changxiang, Li Bohu, Zhang Ping" where NER called Li Bohu a place."""
    ent = ents[k]
    if not 2 <= len(ent) <= 3 or not all(t.is_title for t in ent):
        return False
    if k == 0 or k + 1 >= len(ents):
        return False
    prev, nxt = ents[k - 1], ents[k + 1]
    if prev.label_ != "PERSON" or nxt.label_ != "PERSON":
        return False
    gap_before = doc[prev.end:ent.start].text.strip()
    gap_after = doc[ent.end:nxt.start].text.strip()
    return gap_before in (",", "and", ", and") and gap_after in (",", "and", ", and")
