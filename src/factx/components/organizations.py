"""factx_organizations: ORG entities with repaired boundaries, non-organizations rejected."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import SPAN_KEYS
from ..names import NameShapes
from ..patterns import PatternSet, load_patterns
from .rules import RuleIndex, rule_index

_CONNECTORS = {"and", "of", "for", "&", "on", "in"}
_LEADING = {"the", "The", "THE"}


@Language.factory("factx_organizations", assigns=["doc.spans"], default_config={"patterns_dirs": []})
def make_organizations(nlp: Language, name: str, patterns_dirs: list[str]) -> OrganizationExtractor:
    return OrganizationExtractor(load_patterns(patterns_dirs))


class OrganizationExtractor:
    """Clean ORG entities: drop "the" and "'s", join split names, reject technology terms."""

    def __init__(self, patterns: PatternSet):
        self.heads = set(patterns.words("ORG_HEAD"))
        self.not_org = set(patterns.words("NOT_ORG"))
        self.shapes = NameShapes(patterns)

    def __call__(self, doc: Doc) -> Doc:
        index = rule_index(doc)
        return self.set_annotations(doc, self.match(doc, index))

    def match(self, doc: Doc, index: RuleIndex) -> list[Span]:
        body = doc._.factx_body_start
        # NER sometimes calls "Skerry Bank" a person: a name ending in an organization word is one.
        ents = [e for e in doc.ents if e.start_char >= body and (
            e.label_ == "ORG" or (e.label_ == "PERSON" and e[-1].lower_ in self.heads and len(e) > 1))]
        surnames = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        from collections import Counter

        votes = Counter((e.text, e.label_) for e in doc.ents if e.label_ in ("PERSON", "ORG"))
        spans: list[Span] = []
        rescued: list[Span] = []
        skip_until = -1
        for ent in ents:
            if ent.start < skip_until:
                continue
            span = self._repair(doc, ent, index, rescued)
            skip_until = span.end
            if self.shapes.is_name(span):  # "Marek Halas": a name NER called an organization
                rescued.append(Span(doc, span.start, span.end, label="PERSON"))
                continue
            if (
                self._is_organization(span, index)
                and not (len(span) == 1 and span[0].lower_ in surnames)
                # "Nadia Karim" read once as an organization, more often as a person: NER's majority wins
                and votes[(span.text, "PERSON")] <= votes[(span.text, "ORG")]
                and not self._is_titled_person(span, index)
            ):
                spans.append(span)
        doc.spans["factx_person_candidates"] = rescued
        return spans

    def _repair(self, doc: Doc, ent: Span, index: RuleIndex, rescued: list[Span]) -> Span:
        start, end = ent.start, ent.end
        while start < end and doc[start].text in _LEADING:
            start += 1
        # "Neptune The Halvorsen Institute": a "The" inside starts the real name.
        for k in range(start + 1, end - 1):
            # "Neptune The Halvorsen Institute", "Research at Acme Corp": the real name starts after
            if doc[k].text in ("The", "at"):
                start = k + 1
        end = self._extend(doc, start, end)
        for k in range(start + 1, end):
            if doc[k].text == "(":  # "Calloway Trust for Science (CTS": the acronym is an alias, not the name
                end = k
                break
        # "the Chinese Academy of Engineering Zhang Ping": a person named elsewhere in the text,
        # glued to the end of the organization.
        for width in (3, 2):
            tail = doc[max(end - width, start + 1):end]
            if len(tail) == width and (tail.text in self._people(doc) or (
                    self.shapes.is_name(tail) and doc[tail.start - 1].lower_ in self.heads)):
                rescued.append(Span(doc, tail.start, tail.end, label="PERSON"))
                end = tail.start
                break
        while end > start and (
            (doc[end - 1].is_punct and doc[end - 1].text != ".")
            or doc[end - 1].lower_ in ("'s", "’s", "of", "and", "the", "for")
            or _trailing_title(index, start, end, self.heads, doc)
        ):
            end -= 1
        return Span(doc, start, max(end, start + 1), label="ORG")

    def _extend(self, doc: Doc, start: int, end: int) -> int:
        """Join "China Sensor" + "and Internet of Things Industry Alliance" when the first part has
        no organization head word and the run after the connector ends in one."""
        if end >= len(doc) or doc[end].lower_ not in _CONNECTORS or end + 1 >= len(doc) or not doc[end + 1].is_title:
            return end
        if doc[end - 1].lower_ in self.heads and doc[end].lower_ not in ("of", "for"):
            return end  # "X Institute and Y University" is a list; "Institute for Space Research" is one name
        k, last_head = end + 1, -1
        while k < len(doc) and k - end < 10:
            tok = doc[k]
            if tok.is_title or tok.is_upper:
                if tok.lower_ in self.heads:
                    last_head = k
            elif tok.lower_ not in _CONNECTORS:
                break
            if tok.ent_type_ == "PERSON":
                break
            k += 1
        return last_head + 1 if last_head > 0 else end

    def _is_titled_person(self, span: Span, index: RuleIndex) -> bool:
        """"Bishop Samuel Okonkwo", "Chair": a title (and a name), no organization word."""
        title = index.at("TITLE", span.start)
        if title is None or not span[0].is_title or any(t.lower_ in self.heads for t in span):
            return False
        rest = span[title[0] - span.start:]
        return len(rest) == 0 or (2 <= len(rest) <= 3 and all(t.is_title and t.pos_ == "PROPN" for t in rest))

    @staticmethod
    def _people(doc: Doc) -> set[str]:
        return {e.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}

    def _is_organization(self, span: Span, index: RuleIndex) -> bool:
        text = span.text.lower()
        if text in self.not_org or not any(c.isalpha() for c in text):
            return False
        if any(t.is_digit or t.like_num and t.text[:1].isdigit() for t in span):
            return False  # "EUR 480 million"
        unit = index.at("UNIT", span.start) or index.at("CURRENCY", span.start)
        if unit is not None and unit[0] >= span.end:
            return False  # "MW", "EUR"
        if all(t.is_lower for t in span if t.is_alpha):
            return False
        if len(span) == 1:
            tok = span[0]
            if tok.pos_ in ("VERB", "ADJ", "ADV", "ADP") or (tok.is_sent_start and tok.pos_ != "PROPN"):
                return False
        return not (span[0].lower_ in self.not_org and len(span) <= 2)

    def set_annotations(self, doc: Doc, spans: list[Span]) -> Doc:
        for span in spans:
            span._.factx_name = span.text
        doc.spans[SPAN_KEYS["organizations"]] = spans
        return doc


def _trailing_title(index: RuleIndex, start: int, end: int, heads: set[str], doc: Doc) -> bool:
    """"Kasumi Robotics Chief": the span ends in a title word that lies wholly inside it."""
    match = index.ending("TITLE", end)
    return match is not None and match[0] > start and doc[end - 1].lower_ not in heads
