"""factx_organizations: ORG entities with repaired boundaries, non-organizations rejected."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extensions import SPAN_KEYS, group
from ..names import NameShapes, after_locative
from ..patterns import PatternSet, attached
from .rules import RuleIndex, parenthesised_acronyms, place_before_region, positions, rule_index

_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")  # an acronym written with dots: "U.N.", "S.A."
_PERSONAL_HONORIFICS = {"mr", "ms", "mrs", "dr", "prof", "madam", "miss", "mx"}
_CONNECTORS = {"and", "of", "for", "&", "on", "in"}
_LEADING = {"the", "The", "THE"}
_LEGAL = {"co", "ltd", "inc", "corp", "llc", "plc", "ag", "gmbh", "sa", "s.a", "nv", "bv", "spa", "pte", ","}


@Language.factory(
    "factx_organizations",
    requires=["doc.spans", "doc.ents", "token.ent_type", "token.ent_iob", "token.is_sent_start"],
    assigns=["doc.spans", group("organizations"), group("person_candidates"), "span._.factx_name"],
)
def make_organizations(nlp: Language, name: str) -> OrganizationExtractor:
    return OrganizationExtractor(attached(nlp))


class OrganizationExtractor:
    """Clean ORG entities: drop "the" and "'s", join split names, reject technology terms."""

    def __init__(self, patterns: PatternSet):
        self.heads = set(patterns.words("ORG_HEAD"))
        self.not_org = set(patterns.words("NOT_ORG"))
        self.shapes = NameShapes(patterns)
        self._doc_ents: tuple[Doc, tuple[Span, ...], set[str]] | None = None  # set during match()
        self.generic = set(patterns.words("GENERIC_MODIFIER"))
        self.prefixes = set(patterns.words("ORG_PREFIX"))
        self.legal_forms = set(patterns.words("ORG_LEGAL_FORM"))

    def __call__(self, doc: Doc) -> Doc:
        index = rule_index(doc)
        return self.set_annotations(doc, self.match(doc, index))

    def match(self, doc: Doc, index: RuleIndex) -> list[Span]:
        # Doc.ents builds its spans on every access: read once for this call (the component never
        # changes them), with the people named in full.
        ents = tuple(doc.ents)
        self._doc_ents = (doc, ents, {e.text for e in ents if e.label_ == "PERSON" and len(e) > 1})
        try:
            return self._match(doc, index)
        finally:
            self._doc_ents = None

    def _ents(self, doc: Doc) -> tuple[Span, ...]:
        memo = self._doc_ents
        return memo[1] if memo is not None and memo[0] is doc else tuple(doc.ents)

    def _people(self, doc: Doc) -> set[str]:
        memo = self._doc_ents
        if memo is not None and memo[0] is doc:
            return memo[2]
        return {e.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}

    def _named_by_word_before(self, doc: Doc, span: Span) -> bool:
        """"the trade union FNV Havens": a lowercase organization word the parse makes a modifier of the
        name after it says what the name is."""
        k = span.start - 1
        return k >= 0 and doc[k].is_lower and doc[k].lower_ in self.heads and span.start <= doc[k].head.i < span.end \
            and any(t.pos_ == "DET" for t in doc[max(k - 2, 0):k])  # "of equity research Thong Pak Leng": a title's

    def _match(self, doc: Doc, index: RuleIndex) -> list[Span]:
        body = doc._.factx_body_start
        # NER sometimes calls "Skerry Bank" a person: a name ending in an organization word is one, and so
        # is one with an organization word and its complement ("Aga Khan Trust for Culture")
        ents = [e for e in self._ents(doc) if e.start_char >= body and (
            e.label_ == "ORG" or (e.label_ in ("PERSON", "LOC", "FAC") and len(e) > 1 and (
                e[-1].lower_ in self.heads or e[-1].text in ("'", "’") and len(e) > 2 and e[-2].lower_ in self.heads
                and e[-2].lower_.endswith("s")
                or self._named_by_word_before(doc, e)
                or any(e[k].lower_ in self.heads and e[k + 1].lower_ in ("of", "for") for k in range(len(e) - 2)))))]
        ents = self._defined_by_acronym(doc, ents)
        ents = sorted(ents + self._head_seeds(doc, ents, index), key=lambda e: e.start)
        surnames = {t.lower_ for e in self._ents(doc) if e.label_ == "PERSON" and len(e) > 1 for t in e}
        from collections import Counter

        votes = Counter((e.text, e.label_) for e in self._ents(doc) if e.label_ in ("PERSON", "ORG"))
        spans: list[Span] = []
        rescued: list[Span] = []
        skip_until = -1
        for ent in ents:
            if ent.start < skip_until:
                continue
            if ent.start > 1 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in self.legal_forms:
                continue  # "Waste Disposal Co. of Randolph": where the company is, after its legal form
            span = self._repair(doc, ent, index, rescued)
            if not len(span):
                continue
            skip_until = span.end
            if self.shapes.is_name(span):  # "Marek Halas": a name NER called an organization
                rescued.append(Span(doc, span.start, span.end, label="PERSON"))
                continue
            if 2 <= len(span) <= 4 and span[0].lower_.rstrip(".") in _PERSONAL_HONORIFICS and all(
                    t.text[:1].isupper() and t.is_alpha and t.lower_ not in self.heads for t in span[1:]):
                rescued.append(Span(doc, span.start + 1, span.end, label="PERSON"))
                continue  # "Ms MacLeod", "Dr Ismuni Bohari": a person's honorific opens no organization's name
            if len(span) <= 2 and span.start > 0 and doc[span.start - 1].lower_ in self.shapes.given \
                    and self.shapes.is_name(doc[span.start - 1:span.end]):
                rescued.append(Span(doc, span.start - 1, span.end, label="PERSON"))  # "Anjali" + "Deshmukh"
                continue
            if len(span) == 1 and span[0].is_title and span[0].lower_ in self.shapes.given \
                    and span[0].lower_ not in self.heads and span[0].lower_ not in self.shapes.not_name \
                    and span[0].dep_ != "compound" and not (span.end < len(doc) and (
                        doc[span.end].is_title or doc[span.end].lower_ in ("in", "of", "and", "&"))):
                rescued.append(Span(doc, span.start, span.end, label="PERSON"))
                continue  # "Renata said": a given name alone the model calls an organization is a person
            if (
                self._is_organization(span, index)
                and not (len(span) == 1 and span[0].lower_ in surnames)
                # "Nadia Karim" read once as an organization, more often as a person: NER's majority wins
                and (votes[(span.text, "PERSON")] <= votes[(span.text, "ORG")] or span[-1].lower_ in self.heads
                     or self._named_by_word_before(doc, span))
                and not self._is_titled_person(span, index)
            ):
                spans.append(span)
        doc.spans[SPAN_KEYS["person_candidates"]] = rescued
        concepts = _lowercase_acronyms(doc)
        if concepts:
            spans = [s for s in spans if s.text not in concepts]
        spans = self._not_places(doc, spans)
        spans += self._short_forms(doc, spans, body)
        return _longest_first(self._bare_heads(doc, spans))

    def _not_places(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A one-word name, not an organization word nor an acronym, whose every mention follows a locative
        preposition ("in Dambulla", "near Parys") is a place the model called an organization, as it is
        for a one-word person (collect.py); on dev such words are places twelve times in thirteen."""
        by_word: dict[str, list[Span]] = {}
        for span in spans:
            if len(span) == 1 and span[0].is_title and span[0].is_alpha:
                by_word.setdefault(span.text, []).append(span)
        places = {word for word, found in by_word.items()
                  if word.lower() not in self.heads and all(after_locative(doc, s) for s in found)}
        return [s for s in spans if s.text not in places] if places else spans

    def _short_forms(self, doc: Doc, spans: list[Span], body: int) -> list[Span]:
        """"Ningbo Hengrui vice president" after "Ningbo Hengrui Metals Co., Ltd.": NER calls the
        first words of an organization the text names in full a person; the evidence is the full
        name. Two words at least: one word is as often a person's name inside a company's."""
        ends = self.heads | self.legal_forms
        names = [s for s in spans if len(s) > 2 and s[-1].lower_ in ends]
        if not names:
            return []
        taken = {k for s in spans for k in range(s.start, s.end)}
        out = []
        for e in self._ents(doc):
            if e.label_ != "PERSON" or len(e) < 2 or e.start_char < body or any(
                    k in taken for k in range(e.start, e.end)):
                continue
            words = [t.lower_ for t in e]
            # the rest of the full name is its organization words: "Metals Co., Ltd.", "Terminals NV"
            # but "Kuala Langat District Council" is the council of the place NER calls a person
            if any([t.lower_ for t in s[:len(e)]] == words and len(s) > len(e) and s[len(e)].lower_ not in _AREAS
                   and any(t.lower_ in ends for t in s[len(e):]) for s in names):
                out.append(Span(doc, e.start, e.end, label="ORG"))
        return out

    def _bare_heads(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"Ford's Theatre": NER splits a name at its possessive; a lone organization or place word
        after "X's" joins X into one name."""
        words = self.heads | self.shapes.place_words
        out: list[Span] = []
        for span in spans:
            k = span.start
            if len(span) == 1 and span[0].lower_ in words and k >= 2 and doc[k - 1].lower_ in ("'s", "’s") \
                    and doc[k - 2].is_title and doc[k - 2].is_alpha:
                if out and out[-1].end == k - 1:
                    out.pop()  # "Ford" alone before "'s"
                span = Span(doc, k - 2, span.end, label="ORG")
            out.append(span)
        return out

    def _defined_by_acronym(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """"the Oficina de Subastas Renovables (OSR)": the words before a parenthesised acronym whose
        capitalised initials spell it are the organization's name, whatever NER made of them."""
        found: list[Span] = []
        for k, acronym in parenthesised_acronyms(doc, 8):
            start, letters = k, ""
            while start > 0 and k - start < 14:
                prev = doc[start - 1]
                if prev.text.rstrip(".").lower() in _LEGAL and letters == "":
                    pass  # "Defence Industries Co. (MADI)": the legal form has no letter in the acronym
                elif prev.is_title or prev.is_upper and prev.is_alpha:
                    letters = prev.text[0] + letters
                elif prev.text == "-" and start >= 2 and not prev.whitespace_ and not doc[start - 2].whitespace_:
                    pass  # "Self-Defense Force (JMSDF)": each half of a hyphenated word gives a letter
                elif not (prev.is_lower and prev.is_alpha and len(prev) <= 4):  # of, de, for, and, la, del
                    break
                start -= 1
                if letters == acronym and (prev.is_title or prev.is_upper):
                    found.append(Span(doc, start, k, label="ORG"))
                    break
        if not found:
            return ents
        kept = [e for e in ents if not any(e.start < f.end and f.start < e.end for f in found)]
        return sorted(kept + found, key=lambda e: e.start)

    def _head_seeds(self, doc: Doc, ents: list[Span], index: RuleIndex) -> list[Span]:
        """"Kestrel Bay Transit", "Marlowe Insights": capitalised words ending in an organization
        word where NER found no organization."""
        covered = {k for e in ents for k in range(e.start, e.end)}
        seeds = []
        for k in positions(doc, self.heads | self.prefixes):
            tok = doc[k]
            # "FC Seeland", "AC Ticino": a club prefix and the capitalised words after it
            if tok.is_upper and tok.lower_ in self.prefixes and k not in covered and k + 1 < len(doc) \
                    and doc[k + 1].is_title and doc[k + 1].is_alpha:
                end = k + 1
                while end < len(doc) and end - k <= 3 and doc[end].is_title and doc[end].is_alpha:
                    end += 1
                seeds.append(Span(doc, k, end, label="ORG"))
                continue
            if k in covered or k == 0 or tok.lower_ not in self.heads or not (tok.is_title or tok.is_upper):
                continue
            if tok.ent_type_ in ("GPE", "LOC"):
                continue  # "New York City", "the Soviet Union": the model reads a place, not a name

            nxt = doc[k + 1] if k + 1 < len(doc) else None
            if nxt is not None and (nxt.is_title or nxt.is_upper) and nxt.is_alpha:
                continue  # "Capital Markets Day": the head word is not the end of the name
            start = self._extend_left(doc, k, index)
            words = [t.lower_ for t in doc[start:k]]
            # "New Technology", "World Smart City": generic words before the head make no name
            if words and doc[k].idx >= doc._.factx_body_start and not all(w in self.generic for w in words) \
                    and not any(w in self.not_org for w in (" ".join(words[i:]) + " " + tok.lower_
                                                             for i in range(len(words)))):
                seeds.append(Span(doc, k, k + 1, label="ORG"))
        return seeds

    def _extend_left(self, doc: Doc, start: int, index: RuleIndex) -> int:
        """Capitalised words NER left off the front of a name ("Aire" + "Valley Airports Group")."""
        k = start
        while k > 0:
            tok = doc[k - 1]
            if tok.text in ("'s", "’s") and k >= 3 and doc[k - 3].text in ("St", "St.", "Saint") \
                    and not doc[k - 2].whitespace_:
                k -= 1  # "St Aidan's Hospital"
                continue
            if tok.is_upper and tok.is_alpha and k >= 2 and doc[k - 2].is_digit and not doc[k - 2].whitespace_:
                k -= 2  # "5G Automobile Alliance"
                continue
            if tok.text in ("'", "’") and k >= 2 and doc[k - 2].text.endswith("s") and doc[k - 2].is_title \
                    and not doc[k - 2].whitespace_:
                k -= 1  # "Polish Railway Users' Association"
                continue
            # "China Intelligent Sensing and Internet of" + "Things Industry Alliance": across a connector
            # when a capitalised word that is not the end of another organization comes before it
            if tok.lower_ in ("of", "and", "for", "&") and k >= 2 and k < start + 8 and doc[k - 2].is_title \
                    and doc[k - 2].is_alpha and doc[k - 2].lower_ not in self.heads \
                    and doc[k - 2].pos_ == "PROPN" \
                    and not (tok.lower_ != "of" and doc[k - 2].ent_type_ in ("ORG", "PERSON", "GPE")) \
                    and not self.shapes.is_name(doc[max(k - 3, 0):k - 1]) and not self.shapes.is_name(doc[k - 2:k - 1]):
                k -= 1
                continue
            if not (tok.is_title or tok.is_upper) or not tok.is_alpha or tok.text in ("The", "A", "An", "I"):
                break
            if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"):
                break
            if tok.ent_type_ == "PERSON" and not self._misread_person(doc, tok, start):
                break
            # an organization word inside the run is part of the longer name ("Polish Railway Users'
            # Association"); two names with nothing between them are rare
            if tok.lower_ in self.not_org or index.ending("TITLE", k) is not None:
                break
            if index.at("TITLE", k - 1) is not None or index.ending("TITLE_MODIFIER", k) is not None:
                break
            # function words by the closed stop list: the tagger calls unknown names DET or ADV at times
            if tok.is_stop or tok.pos_ in ("VERB", "AUX", "NUM"):
                break
            k -= 1
        while k < start and doc[k].lower_ in ("of", "and", "for", "&"):
            k += 1  # never start on a connector
        return k

    def _misread_person(self, doc: Doc, tok: Token, start: int) -> bool:
        """"Rivers Harbour" + "FC": NER's person ends just before the organization word and has no name shape."""
        ent = next((e for e in self._ents(doc) if e.start <= tok.i < e.end), None)
        return ent is not None and ent.end == start and not self.shapes.is_name(ent)

    def _repair(self, doc: Doc, ent: Span, index: RuleIndex, rescued: list[Span]) -> Span:
        start, end = ent.start, ent.end
        # "About Voltaris Energy GmbH\nVoltaris Energy GmbH develops": a name does not run across a line break
        end = next((k for k in range(start + 1, end) if "\n" in doc[k].text or "\n" in doc[k - 1].whitespace_), end)
        while start < end and (doc[start].text in _LEADING or doc[start].is_punct and doc[start].text != "("):
            start += 1  # "the", and an opening quote NER took in
        if start >= end:
            return doc[ent.start:ent.start]  # nothing but leading words and punctuation: no name
        # "Neptune The Halvorsen Institute": a "The" inside starts the real name.
        for k in range(start + 1, end - 1):
            # "Neptune The Halvorsen Institute", "Research at Acme Corp": the real name starts after
            if doc[k].text in ("The", "at"):
                start = k + 1
        ner_goes_on = False
        while end - 1 > start and doc[end - 1].lower_ in _CONNECTORS:
            end -= 1  # "the Lusarian Swimming and" + "Diving Federation"
            ner_goes_on = True
        if doc[start:end].text.lower() not in self.not_org:  # "IoT" grows into nothing
            end = self._extend(doc, start, end, ner_goes_on)
            start = self._extend_left(doc, start, index)
            start = self._join_left(doc, start)
        for k in range(start + 2, min(end - 1, start + 5)):
            if doc[k].lower_ in ("of", "at") and self.shapes.is_name(doc[start:k]):
                rescued.append(Span(doc, start, k, label="PERSON"))  # "Marek Halas of Brightwater Capital"
                start = k + 1
                break
        for k in range(start + 1, end):
            if doc[k].text == "(":  # "Calloway Trust for Science (CTS": the acronym is an alias, not the name
                end = k
                break
        # "the Chinese Academy of Engineering Zhang Ping": a person named elsewhere in the text,
        # glued to the end of the organization.
        whole_name = self.shapes.is_name(doc[start:end])  # "Luiz Henrique de Souza Neto": all of it a name
        for width in (5, 4, 3, 2):  # tokens: "Anouk de Boer-Janssen" is five
            tail = doc[max(end - width, start + 1):end]
            if len(tail) == width and not whole_name and tail[-1].lower_ not in self.heads and (
                    tail.text in self._people(doc) or (
                    self.shapes.is_name(tail)
                    and not all(t.ent_type_ in ("GPE", "LOC") for t in tail)  # "Bank of Hong Kong"
                    and (doc[tail.start - 1].lower_ in self.heads or tail[0].lower_ in self.shapes.given
                         or any(t.lower_ in self.heads for t in doc[start:tail.start])))):
                rescued.append(Span(doc, tail.start, tail.end, label="PERSON"))
                end = tail.start
                break
        for k in range(start + 1, end - 1):
            # "Kestrel Holdings' Group Managing Director": a possessive inside the span, then a title that
            # runs on past it ("Sarawak United People's Party" keeps its possessive)
            if doc[k].lower_ in ("'", "’", "'s", "’s") and any(
                    (title := index.at("TITLE", j)) is not None and title[0] > end for j in (k + 1, k + 2)):
                end = k
                break
        while end > start and (
            (doc[end - 1].is_punct and doc[end - 1].text != ".")
            or doc[end - 1].lower_ in ("'s", "’s", "of", "and", "the", "for")
            or _trailing_title(index, start, end, self.heads, doc)
        ):
            end -= 1
        return Span(doc, start, max(end, start + 1), label="ORG")

    def _extend(self, doc: Doc, start: int, end: int, ner_goes_on: bool = False) -> int:
        """Join "China Sensor" + "and Internet of Things Industry Alliance" when the first part has
        no organization head word and the run after the connector ends in one."""
        if end + 1 < len(doc) and doc[end].text == ",":
            return self._portfolio_list_end(doc, start, end)
        if end >= len(doc) or doc[end].lower_ not in _CONNECTORS or end + 1 >= len(doc) or not doc[end + 1].is_title:
            return end
        nxt = doc[end + 1]
        if ner_goes_on and nxt.ent_type_ == "ORG" and nxt.ent_iob_ == "B":
            # "the Senate Committee on" + "Veterans Affairs": NER took the connector into its first part,
            # so its two parts are one name
            k = end + 1
            while k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I":
                k += 1
            return k + 1
        if doc[end - 1].lower_ in self.legal_forms:
            return end  # "Noordkaai Terminals NV of Antwerp": a legal form ends a company's name
        if doc[end - 1].lower_ in self.heads and doc[end].lower_ not in ("of", "for"):
            return end  # "X Institute and Y University" is a list; "Institute for Space Research" is one name
        if doc[end].lower_ in ("and", "&") and doc[end + 1].ent_type_ == "ORG" and doc[end + 1].ent_iob_ == "B" \
                and not ner_goes_on:
            return end  # "Morgan Stanley and Goldman Sachs": two names, unless NER's first one took the "and"
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
        if last_head > 0:
            return last_head + 1
        # "Catholic Archdiocese" + "of Kingsford", "Ministry of Defence" + "and Veterans Affairs": the
        # name goes on through capitalised words with no organization word of their own.
        has_head = any(t.lower_ in self.heads for t in doc[start:end])
        if not has_head:
            return end
        ends_in_head = doc[end - 1].lower_ in self.heads
        head_of = any(t.lower_ in self.heads and t.i + 1 < end and doc[t.i + 1].lower_ in ("of", "for")
                      for t in doc[start:end])
        if (doc[end].lower_ in ("of", "for") and ends_in_head
                or doc[end].lower_ == "and" and head_of and not ends_in_head):
            k = end + 1
            while k < len(doc) and k - end <= 4 and (doc[k].is_title or doc[k].is_upper) and doc[k].is_alpha \
                    and doc[k].ent_type_ != "PERSON":
                k += 1
            follows = doc[k] if k < len(doc) else None
            if k > end + 1 and (follows is None or follows.lower_ not in _CONNECTORS
                                and (not follows.is_title or follows.ent_type_ == "PERSON")):
                return k
        return end

    def _portfolio_list_end(self, doc: Doc, start: int, end: int) -> int:
        """"Federal Ministry of Finance" + ", Budget and National Planning", "Ministry of Education, Culture,
        Sports and Technology": a name with an organization word and its "of" goes on through a list of
        capitalised words, none an organization word, a person or a place, that ends in "and" + words. A
        list of names ("the Ministry of Finance, Bank Negara and the Securities Commission") stays apart."""
        if not any(t.lower_ in self.heads and t.i + 1 < end and doc[t.i + 1].lower_ in ("of", "for")
                   for t in doc[start:end]) or doc[end - 1].lower_ in self.heads:
            return end
        k, joined = end, False
        while k + 1 < len(doc) and k - end < 10 and (doc[k].text == "," or doc[k].lower_ == "and" and not joined):
            joined = doc[k].lower_ == "and"
            j = k + 1
            while j < len(doc) and j - k <= 3 and (doc[j].is_title or doc[j].is_upper) and doc[j].is_alpha \
                    and doc[j].lower_ not in self.heads and doc[j].ent_type_ not in ("PERSON", "GPE", "NORP", "LOC"):
                j += 1
            if j == k + 1:
                return end
            k = j
            if joined:
                follows = doc[k] if k < len(doc) else None
                return k if follows is None or not (follows.is_title or follows.is_upper) else end
        return end

    def _join_left(self, doc: Doc, start: int) -> int:
        """"Xinlian Cloud Computing" + "and Data Services Co.": a capitalised run with no organization
        word and no name shape, joined by "and" to the organization after it."""
        if start < 3 or doc[start - 1].lower_ != "and" or doc[start - 2].lower_ in self.heads:
            return start
        k = start - 1
        while k > 0 and (doc[k - 1].is_title or doc[k - 1].is_upper) and doc[k - 1].is_alpha \
                and not doc[k - 1].is_sent_start and start - k < 5:
            k -= 1
        run = doc[k:start - 1]
        if len(run) >= 2 and not any(t.lower_ in self.heads for t in run) and not self.shapes.is_name(run) \
                and not any(t.ent_type_ in ("GPE", "DATE", "NORP", "ORG", "PERSON") for t in run) \
                and (k == 0 or not doc[k - 1].is_title):
            return k
        return start

    def _is_titled_person(self, span: Span, index: RuleIndex) -> bool:
        """"Bishop Samuel Okonkwo", "Chair": a title (and a name), no organization word."""
        title = index.at("TITLE", span.start)
        if title is None or not span[0].is_title or any(t.lower_ in self.heads for t in span):
            return False
        rest = span[title[0] - span.start:]
        return len(rest) == 0 or (2 <= len(rest) <= 3 and all(t.is_title and t.pos_ == "PROPN" for t in rest))

    def _is_organization(self, span: Span, index: RuleIndex) -> bool:
        text = span.text.lower()
        if text in self.not_org or not any(c.isalpha() for c in text):
            return False
        if _quoted_phrase_end(span):
            return False  # the theme “Great Objects to Wisdom, Digital Reality and Coexistence”, a slogan
        if any((t.is_digit or t.like_num and t.text[:1].isdigit()) and (t.whitespace_ or t.i == span.end - 1)
               for t in span):
            return False  # "EUR 480 million"; "Tongda 5G Network" keeps its "5G"
        unit = index.at("UNIT", span.start) or index.at("CURRENCY", span.start)
        if unit is not None and unit[0] >= span.end:
            return False  # "MW", "EUR"
        if span[0].text.rstrip(".").lower() in _LEGAL | {"s.a.b", "s.a.s", "c.v"}:
            return False  # "Minera Sierra Alta, S.A.B. de C.V.": a legal form alone names nothing
        words = [t for t in span if t.is_alpha or _DOTTED.fullmatch(t.text)]  # "U.N." is a word
        if all(t.is_lower for t in words):
            return False  # all lowercase, or no word at all ("RM8.68", "A19")
        if self._place_before_region(span):
            return False  # "BAYONNE, France (AP)", "Royal Oak, Mich.": a town named before its region
        if len(span) == 1:
            tok = span[0]
            if tok.lower_ in self.generic:
                return False  # "Digital"
            if tok.pos_ in ("VERB", "ADJ", "ADV", "ADP") or (tok.is_sent_start and tok.pos_ != "PROPN"):
                return False
        return not (span[0].lower_ in self.not_org and len(span) <= 2)

    def _place_before_region(self, span: Span) -> bool:
        """A town named before its region (see ``rules.place_before_region``); not "Bank of X, Mich."."""
        return not any(t.lower_ in self.heads for t in span) and place_before_region(span)

    def set_annotations(self, doc: Doc, spans: list[Span]) -> Doc:
        for span in spans:
            span._.factx_name = span.text
        doc.spans[SPAN_KEYS["organizations"]] = spans
        return doc


_AREAS = {"city", "town", "village", "district", "county", "province", "state", "region", "municipal",
          "municipality", "regency", "prefecture", "metropolitan"}


def _lowercase_acronyms(doc: Doc) -> set[str]:
    """Acronyms the text defines by lowercase words: "sea surface salinity (SSS)", "ground reaction
    force (GRF)". Their initials spell the acronym but the words are common nouns, so the acronym
    names a concept, not an organization (an organization's name is capitalised)."""
    found: set[str] = set()
    for k, acronym in parenthesised_acronyms(doc, 6):
        words = [t for t in doc[max(0, k - 3 * len(acronym)):k] if t.is_alpha]
        letters, start = "", len(words)
        while start > 0 and len(letters) < len(acronym):
            start -= 1
            if words[start].lower_ in ("of", "and", "the", "for", "in", "on", "to"):
                continue
            letters = words[start].text[0].upper() + letters
        if letters == acronym and all(t.is_lower for t in words[start:]):
            found.add(acronym)
    return found


def _trailing_title(index: RuleIndex, start: int, end: int, heads: set[str], doc: Doc) -> bool:
    """"Kasumi Robotics Chief": the span ends in a title word that lies wholly inside it."""
    match = index.ending("TITLE", end)
    # "Chamber of Civil Engineers", "Institute of Chartered Accountants": a plural title after "of" is
    # who the organization gathers, part of its name
    if match is not None and doc[end - 1].lower_.endswith("s") and any(
            doc[k].lower_ == "of" for k in range(start + 1, match[0])):
        return False
    return match is not None and match[0] > start and doc[end - 1].lower_ not in heads


def _longest_first(spans: list[Span]) -> list[Span]:
    """Spans in order, a span overlapping a longer one dropped (left-extended repairs can overlap)."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-len(s), s.start)):
        if not any(span.start < k.end and k.start < span.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


_OPENING_QUOTES = {"“", "\"", "‘", "«", "``", "`"}  # `` and '': newswire (PTB) quotes
_CLOSING_QUOTES = {"”", "\"", "’", "»", "''", "'"}


def _quoted_phrase_end(span: Span) -> bool:
    """True when the span ends a short quoted phrase with no verb: a theme, slogan or title, not a name."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text not in _CLOSING_QUOTES:
        return False
    if span[0].text in _OPENING_QUOTES:  # NER took the opening quote in
        return not any(t.pos_ in ("VERB", "AUX") for t in span)
    for k in range(span.start - 1, max(span.start - 12, -1), -1):
        if doc[k].text in _OPENING_QUOTES:
            return not any(t.pos_ in ("VERB", "AUX") for t in doc[k + 1:span.end])
        if doc[k].text in _CLOSING_QUOTES or doc[k].is_sent_start and k < span.start - 1:
            return False
    return False
