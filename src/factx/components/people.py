"""factx_people: PERSON entities without honorifics and titles, plus names NER mislabelled in lists."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import SPAN_KEYS, group
from ..names import NameShapes
from ..patterns import attached
from .rules import (
    RuleIndex,
    parenthesised_acronyms,
    place_before_region,
    positions,
    rule_index,
    title_case_positions,
)

_LIST_LABELS = {"GPE", "ORG", "NORP", "LOC", "FAC"}
_APPOSITION_ENDS = {",", ".", "of", "at", "for", "with", "and", "in"}


@Language.factory(
    "factx_people",
    requires=["doc.spans", group("organizations"), group("person_candidates"), "doc.ents", "token.ent_type",
              "token.ent_iob", "token.is_sent_start", "token.tag"],
    assigns=["doc.spans", group("people"), group("organizations"), "span._.factx_name"],
)
def make_people(nlp: Language, name: str) -> PersonExtractor:
    return PersonExtractor(NameShapes(attached(nlp)))


class PersonExtractor:
    """Clean PERSON entities; join names split at particles; rescue names NER missed or mislabelled."""

    def __init__(self, shapes: NameShapes):
        self.shapes = shapes

    def __call__(self, doc: Doc) -> Doc:
        index = rule_index(doc)
        return self.set_annotations(doc, self.match(doc, index))

    def match(self, doc: Doc, index: RuleIndex) -> list[Span]:
        body = doc._.factx_body_start
        ents = [e for e in doc.ents if e.start_char >= body]
        org_heads = {k for k, (_end, _rid) in index.starts["ORG_HEAD"].items()}
        org_names = [s.text.lower() + " " for s in doc.spans.get(SPAN_KEYS["organizations"], []) if len(s) > 1]
        org_tokens = {k for s in doc.spans.get(SPAN_KEYS["organizations"], []) for k in range(s.start, s.end)}
        acronyms = {k + 1 for k, _acronym in parenthesised_acronyms(doc, 8)}  # "(JMSDF)"
        spans = []
        for k, ent in enumerate(ents):
            if ent.label_ == "PERSON" and all(j in org_tokens for j in range(ent.start, ent.end)):
                continue  # "Rivers Harbour" in "Rivers Harbour FC": part of an organization
            if ent.label_ == "PERSON" and len(ent) == 1 and ent.start in acronyms \
                    and (doc[ent.start - 2].is_title or doc[ent.start - 2].is_upper):
                continue  # "the Japan Maritime Self-Defense Force (JMSDF)": the organization's short name
            # "Lankan Apparel Holdings'": the word before a possessive ("'" only after an s)
            last = ent.end - 2 if len(ent) > 2 and (ent[-1].lower_ in ("'s", "’s") or ent[-1].text in ("'", "’")
                                                     and ent[-2].lower_.endswith("s")) else ent.end - 1
            if ent.label_ == "PERSON" and len(ent) > 1 and (
                    last in org_heads
                    or any(k in org_heads and doc[k + 1].lower_ in ("of", "for") for k in range(ent.start, ent.end - 2))
                    or ent[-1].lower_ in self.shapes.not_name and not self._titled_surname(ent)
                    and not self._surname_first_name(ent)
                    or ent[0].lower_ in self.shapes.place_words and ent[0].lower_ not in self.shapes.given):
                continue  # "Skerry Bank": an organization (see factx_organizations); "Victoria Station", "Fort Lee"
            if ent.label_ == "PERSON" and _region_after_place(doc, ent) and ent[0].lower_ not in self.shapes.given:
                continue  # "born in Waterville, N. Y.": the region after a town
            if ent.label_ == "PERSON" and not any(t.is_lower for t in ent) and place_before_region(ent):
                continue  # "Denison, Tex.", "NIAGARA FALLS, N.Y.": a town named before its region
            if ent.label_ == "PERSON" and _begins_one_of(ent.text.lower() + " ", org_names):
                continue  # "Orvane" after "Orvane Technologies": a short form of an organization
            if ent.label_ == "PERSON" and len(ent) == 1 and index.at("TITLE", ent.end) is not None \
                    and ent.end + 1 < len(doc) and doc[ent.end].text[:1].isupper():
                continue  # "Halverton Mayor Rebecca Lindqvist": a place or organization before a title
            if ent.label_ == "PERSON" or (ent.label_ in _LIST_LABELS and _listed_between_people(doc, ents, k)):
                span = _clean(doc, ent, index)
                if span is not None:
                    spans.append(span)
        spans += self._apposed(doc, spans, index)
        spans.extend(doc.spans.get(SPAN_KEYS["person_candidates"], []))
        spans = [self._reshape(doc, self._join_particles(doc, span, index)) for span in spans]
        spans += self._organizations_naming_people(doc, ents, spans)
        spans += self._unrecognised(doc, spans, body, index)
        spans += [self._reshape(doc, s) for s in self._speakers(doc, spans, body, index)]
        spans = _joined(doc, _outermost(spans))
        return _outermost(spans + self._repeated(doc, spans))

    def _repeated(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Mentions the model left untagged of a person it found: a proper noun equal to the surname
        of a person named in full in the same text ("Gordon visited England" after "Patrick Gordon")."""
        names = {s[-1].text for s in spans
                 if len(s) > 1 and s[-1].is_title and s[-1].lower_ not in self.shapes.not_name}
        if not names:
            return []
        taken = {k for s in spans for k in range(s.start, s.end)}
        taken |= {k for s in doc.spans.get(SPAN_KEYS["organizations"], []) for k in range(s.start, s.end)}
        found = []
        for k in title_case_positions(doc):
            tok = doc[k]
            if k in taken or tok.text not in names or tok.pos_ != "PROPN" or tok.ent_type_ not in ("", "PERSON"):
                continue
            if k + 1 < len(doc) and (doc[k + 1].is_title or doc[k + 1].is_upper) and doc[k + 1].is_alpha:
                continue  # part of a longer capitalised name
            if k > 0 and doc[k - 1].text in ("-", "–") and not doc[k - 1].whitespace_ \
                    or not tok.whitespace_ and k + 1 < len(doc) and doc[k + 1].text in ("-", "–"):
                continue  # part of a hyphenated name ("Llewellyn-Jones")
            if k > 0 and (doc[k - 1].is_title or doc[k - 1].is_upper) and doc[k - 1].is_alpha \
                    and not doc[k - 1].is_sent_start:
                continue
            found.append(Span(doc, k, k + 1, label="PERSON"))
        return found

    def _organizations_naming_people(self, doc: Doc, ents: list[Span], people: list[Span]) -> list[Span]:
        """"Lincoln" (or "Lincoln's") labelled ORG in a text that names Abraham Lincoln, "Tremblay-Gagnon"
        after "Marie-Ève Tremblay-Gagnon": the last one or two words of a person's full name in the same
        text (a hyphenated surname is one word) are that person. Never a name with an organization word
        of its own ("Warner Bros"); the span leaves the organizations."""
        tails = {tuple(t.lower_ for t in doc[w[-n][0]:p.end]) for p in people
                 for w in [_words(p)] for n in (1, 2) if n < len(w)}
        found = []
        for ent in ents:
            if ent.label_ != "ORG":
                continue
            end = ent.end - 1 if ent[-1].lower_ in ("'s", "’s") else ent.end
            words = tuple(t.lower_ for t in doc[ent.start:end])
            if words in tails and not any(w in self.shapes.not_name for w in words) \
                    and all(doc[k].is_title or doc[k].text in _HYPHENS for k in range(ent.start, end)):
                found.append(Span(doc, ent.start, end, label="PERSON"))
        if found:
            taken = {k for s in found for k in range(s.start, s.end)}
            key = SPAN_KEYS["organizations"]
            doc.spans[key] = [s for s in doc.spans.get(key, []) if not any(k in taken for k in range(s.start, s.end))]
        return found

    def _apposed(self, doc: Doc, known: list[Span], index: RuleIndex) -> list[Span]:
        """A capitalised word the model gave no person label to, in apposition with what only a person
        has: an age ("Jacobs, 20, and ...") or a title ("Tidwell, a retired CIA officer"). The word
        must not be part of a longer capitalised run, an organization or a place the model found."""
        taken = {k for s in known for k in range(s.start, s.end)}
        orgs = doc.spans.get(SPAN_KEYS["organizations"], [])
        taken |= {k for s in orgs if len(s) > 1 for k in range(s.start, s.end)}
        found = []
        for k in positions(doc, [","], attr="ORTH"):
            w = k - 1
            if w < 0 or w in taken or not doc[w].is_title or not doc[w].is_alpha or len(doc[w]) < 3:
                continue
            j = k + 1
            aged = j + 1 < len(doc) and doc[j].like_num and doc[j + 1].text == "," and 0 < _int(doc[j].text) < 120
            who = j < len(doc) and doc[j].lower_ == "who" and doc[w].pos_ == "PROPN" and (
                doc[j].head.dep_ == "relcl" and doc[j].head.head.i == w  # the parse: a clause about the name
            ) and (w == 0 or doc[w - 1].pos_ not in ("DET", "PRON"))  # "our Nation, who": no name
            if doc[w].ent_type_ in ("GPE", "LOC", "NORP", "FAC", "DATE", "EVENT", "PRODUCT") and not (
                aged or who and (doc[w].is_sent_start or doc[w].idx == doc._.factx_body_start)
            ):  # a place the model found, unless only a person can be what follows ("Born in Budapest, Hungary,
                continue  # who ...": the "who" of a name before the place)
            if w > 0 and (doc[w - 1].is_title or doc[w - 1].is_upper) and not doc[w - 1].is_sent_start:
                continue  # the end of a longer name or title the other rules judge
            if doc[w].lower_ in self.shapes.not_name or doc[w].lower_ in ("he", "she", "it", "they", "we", "i"):
                continue
            if aged or who:
                found.append(Span(doc, w, w + 1, label="PERSON"))  # "Jacobs, 20,", "Warner, who lives in Ocala"
                continue
            if j < len(doc) and doc[j].lower_ in ("a", "an", "the"):
                j += 1
                while j < len(doc) and j - k < 6 and index.at("TITLE", j) is None and (
                        doc[j].is_lower and (doc[j].pos_ in ("ADJ", "ADV", "NOUN") or doc[j].tag_ == "VBN")
                        or doc[j].ent_type_ in ("ORG", "NORP")):
                    j += 1
                match = index.at("TITLE", j)
                ends = match is not None and (match[0] >= len(doc) or doc[match[0]].text in _APPOSITION_ENDS)
                if match is not None and ends and doc[j].is_lower:
                    found.append(Span(doc, w, w + 1, label="PERSON"))  # "Tidwell, a retired CIA officer"
        _leave_organizations(doc, found)
        return found

    def _surname_first_name(self, ent: Span) -> bool:
        """"Wang Yuan": a surname written first and a given name that is also a currency word."""
        return len(ent) == 2 and ent[0].lower_ in self.shapes.surname_first and ent[1].is_title \
            and ent[1].lower_ in self.shapes.surname_first | self.shapes.given \
            and ent[1].lower_ not in self.shapes.place_words and ent[1].lower_ not in self.shapes.titles

    def _titled_surname(self, ent: Span) -> bool:
        """"Tariq Mehmood Sheikh", "Alan Bishop": a given name first and a title word last is a surname,
        not a title after a name (words that name places or organizations still rule the name out)."""
        last = ent[-1].lower_
        return ent[0].lower_ in self.shapes.given and last in self.shapes.titles \
            and last not in self.shapes.place_words and ent[-1].is_title

    def _join_particles(self, doc: Doc, span: Span, index: RuleIndex) -> Span:
        """"Maarten van der" + "Linden", "Mariam" + "bint Saeed al-Ketbi": one name across particles."""
        start, end = span.start, span.end
        while True:
            k = end
            while k < len(doc) and doc[k].ent_type_ not in ("ORG", "GPE"):
                p = self.shapes.particle_end(doc, k)
                if p == k or p < len(doc) and doc[p].text == "-" and not doc[p - 1].whitespace_:
                    break
                k = p
            if k == end and not self.shapes.is_particle(doc[end - 1]):
                break
            nxt = _capitalised_word_end(doc, k)
            if nxt == k:
                break
            end = nxt
        k = start
        while k > 0:
            q = next((j for j in (k - 1, k - 3) if j >= 0 and self.shapes.particle_end(doc, j) == k), None)
            if q is None:
                break
            k = q
        # the word before the particle is a name: capitalised inside a sentence, a proper noun or a
        # known given name at its start ("Rajesh a/l Muniandy" opening a sentence)
        if k < start and k > 0 and doc[k - 1].is_title and doc[k - 1].is_alpha and (
                not doc[k - 1].is_sent_start or doc[k - 1].pos_ == "PROPN"
                or doc[k - 1].lower_ in self.shapes.given) \
                or k < start and k > 0 and doc[k - 1].ent_type_ == "PERSON":
            k -= 1
            while k > 0 and doc[k - 1].ent_type_ == "PERSON" and doc[k - 1].ent_iob_ != "O" and doc[k].ent_iob_ != "B":
                k -= 1
            start = k
        while start < end - 1:  # "Datin" + "Siti Rahmah" before the particle: the honorific stays out
            match = index.at("HONORIFIC", start)
            if match is None or match[0] >= end:
                break
            start = match[0]
        if (start, end) == (span.start, span.end):
            return span
        return Span(doc, start, end, label="PERSON")

    def _reshape(self, doc: Doc, span: Span) -> Span:
        """Name shapes fix NER's bounds: "Aminu Garba" + "Bello" joined, a cut given name or surname half restored."""
        start = span.start
        end = _surname_after(doc, span, self.shapes)
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].is_title and doc[end + 1].is_alpha:
            end += 2
        while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
                and not doc[start - 2].whitespace_ and doc[start - 2].is_title and doc[start - 2].is_alpha \
                and doc[start - 2].lower_ not in self.shapes.not_name:
            start -= 2  # "Anne-" + "Sophie Marchand": a hyphenated given name the model cut
        if end > span.end or start < span.start:  # "Agnieszka Wróblewska" + "-Nowak": a hyphenated surname
            span = Span(doc, start, end, label="PERSON")
        if start > 0 and doc[start - 1].lower_ in self.shapes.vietnamese and doc[start - 1].is_title \
                and self.shapes.is_name(doc[start - 1:end]):
            start -= 1  # "Nguyễn" + "Thị Thu Hà": the surname written first that NER left out
            span = Span(doc, start, end, label="PERSON")
        k = start
        # a given name the model left out: "Layla" + "Omar Bakhit", also at the start of a sentence
        while k > 0 and start - k < 3 and doc[k - 1].is_title and doc[k - 1].is_alpha and (
                doc[k - 1].ent_type_ == "PERSON" or not doc[k - 1].ent_type_ and (
                    not doc[k - 1].is_sent_start
                    or doc[k - 1].pos_ == "PROPN" and doc[k - 1].lower_ in self.shapes.given)):
            k -= 1
        for j in range(k, start):
            if doc[j].lower_ in self.shapes.given and self.shapes.is_name(doc[j:span.end]):
                return Span(doc, j, span.end, label="PERSON")
        if self._parsed_given_name(doc, span):  # "Vikrant" + "Kumar Joshi": the parse puts it in the name
            return Span(doc, start - 1, span.end, label="PERSON")
        return span

    def _parsed_given_name(self, doc: Doc, span: Span) -> bool:
        """An unknown given name NER cut off: the unlabelled capitalised proper noun right before a name of
        two or more words that the parse makes a compound of the name's head, inside a sentence, not the end of a
        capitalised run (a title or organization word) nor a word no name has."""
        w = span.start - 1
        if len(span) < 2 or w < 0:
            return False
        tok = doc[w]
        # the model's label of the word alone is no evidence against it ("Saswat" as a place)
        # (a party or a nationality, "Democrat", is a word before names, and so is an honorific)
        alone = not tok.ent_type_ or tok.ent_type_ in ("GPE", "LOC", "ORG") and tok.ent_iob_ == "B" \
            and doc[w + 1].ent_iob_ != "I"
        index = rule_index(doc)
        if index.at("HONORIFIC", w) is not None or index.at("TITLE", w) is not None:
            return False
        if not (tok.is_title and tok.is_alpha and tok.pos_ == "PROPN" and tok.dep_ == "compound"
                and alone and not tok.is_sent_start and span.start <= tok.head.i < span.end):
            return False  # a capitalised word opening a sentence may be a style ("Advocate"): no evidence
        if tok.lower_ in self.shapes.not_name or tok.lower_ in self.shapes.particles:
            return False
        if doc[w - 1].pos_ in ("ADP", "DET"):
            return False  # "Administration of China", "the Opposition" + a name: a phrase's noun, no given name
        # "Minister for Finance and Revenue" + "Shazia" + "Kamran Malik": a title's portfolio ends before it
        return not (doc[w - 1].is_title or doc[w - 1].is_upper) or doc[w - 1].is_punct or _ends_title(index, w)

    def _speakers(self, doc: Doc, known: list[Span], body: int, index: RuleIndex) -> list[Span]:
        """"..., Lifa said.": a capitalised proper noun that is the subject of a verb of saying, with no
        article or noun of its own, is a person when the model left it unlabelled (organizations and places
        that speak, "Reuters said", "Moscow said", are labelled by the model), or when the model gave that
        one word alone an organization or place label but it is a word of a person named in full in the
        text or a given name ("Rosmah said" after "Rosmah Mansor", "Damian said"). Never an organization
        head word ("the Court said") or a word of a longer name; the word leaves the organizations."""
        taken = {k for s in known for k in range(s.start, s.end)}
        orgs = doc.spans.get(SPAN_KEYS["organizations"], [])
        taken |= {k for s in orgs if len(s) > 1 for k in range(s.start, s.end)}
        org_heads = {k for k, (_end, _rid) in index.starts["ORG_HEAD"].items()}
        name_words = {t.text for s in known if len(s) > 1 for t in s if t.is_title}
        found = []
        for k in title_case_positions(doc):  # only title-case words qualify: skip the rest in C
            tok = doc[k]
            named = tok.text in name_words or tok.lower_ in self.shapes.given  # "Rosmah" of "Rosmah Mansor"
            if tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha \
                    and (not tok.ent_type_ or named and tok.ent_type_ in _SPEAKER_LABELS and _one_word_entity(doc, k)) \
                    and tok.head.lemma_ in _SPEECH_VERBS and tok.idx >= body and tok.i not in taken \
                    and tok.lower_ not in self.shapes.not_name and k not in org_heads \
                    and not any(c.dep_ in ("det", "amod", "poss") or c.dep_ == "compound" and not (
                        c.pos_ == "PROPN" and c.is_title and c.i == tok.i - 1) for c in tok.children):
                found.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
        _leave_organizations(doc, found)
        return found

    def _unrecognised(self, doc: Doc, known: list[Span], body: int, index: RuleIndex) -> list[Span]:
        """Names NER left out or called a place ("Sun Meiling, He Guoqiang and ..."): a run of
        capitalised words outside any person or organization that has the shape of a name."""
        taken = {k for s in known for k in range(s.start, s.end)}
        taken |= {k for s in doc.spans.get(SPAN_KEYS["organizations"], []) for k in range(s.start, s.end)}
        found: list[Span] = []
        k = 0
        for start in title_case_positions(doc):  # names start with a title-case word
            if start < k:
                continue
            k = start
            for label in ("TITLE", "HONORIFIC", "TITLE_MODIFIER"):  # "Economists Sofia Lind": after the title
                match = index.at(label, k)
                if match is not None and doc[k].is_title:
                    k = match[0]
                    break
            if k >= len(doc):
                break
            end = _name_run_end(doc, k, self.shapes)
            # "Hefei City Luo Jianping": a name at the end of a longer run, after a place or organization
            # word; "Minister of Trade and Energy Yoon Sang-min": after the portfolio of a title
            for j in range(k + 1, end - 1):
                if (doc[j - 1].lower_ in self.shapes.not_name or _ends_title(index, j)) \
                        and self.shapes.is_name(doc[j:end]):
                    k = j
                    break
            if end - k >= 2 and doc[k].idx >= body and not any(j in taken for j in range(k, end)) \
                    and not (doc[k].is_sent_start and doc[k].lower_ in ("he", "an")) \
                    and not (k > 0 and doc[k - 1].lower_ in ("san", "santa", "são", "sao", "st", "st.", "saint")) \
                    and all(doc[j].ent_type_ in _NAME_RUN_LABELS for j in range(k, end)) \
                    and self.shapes.is_name(doc[k:end]) \
                    and not (all(doc[j].ent_type_ in ("GPE", "LOC") for j in range(k, end))
                             and doc[k].lower_ not in self.shapes.given):  # "Hong Kong" is no "Hong" family
                found.append(Span(doc, k, end, label="PERSON"))
            k = max(end, k + 1)
        return found

    def set_annotations(self, doc: Doc, spans: list[Span]) -> Doc:
        for span in spans:
            span._.factx_name = span.text
        doc.spans[SPAN_KEYS["people"]] = spans
        return doc


def _clean(doc: Doc, ent: Span, index: RuleIndex) -> Span | None:
    start, end = ent.start, ent.end
    for k in range(max(start - 3, 0), start):  # "Datuk" + "Seri Ahmad Faizal": an honorific the model cut
        match = index.at("HONORIFIC", k)
        if match is not None and start < match[0] < end:
            start = match[0]
            break
    while start < end:
        for label in ("HONORIFIC", "TITLE", "TITLE_MODIFIER", "TITLE_STATUS"):
            match = index.at(label, start)
            if match and match[0] == end == start + 1 and label == "TITLE" and doc[start].is_title \
                    and not (start > 0 and doc[start - 1].lower_ in _DETERMINERS) \
                    and not (end < len(doc) and doc[end].lower_ in ("of", "'s", "’s")):  # "Dean of the Faculty"
                continue  # "killing King in Memphis": a capitalised title word alone, with no article, is a name
            if match and label == "HONORIFIC" and match[0] > end:
                return None  # "Tan Sri Dato'" before "Seri Ahmad ...": the whole entity is an honorific
            # "Sultan bin Rashid": a title word before a particle is a given name
            if match and match[0] <= end and doc[start].text[:1].isupper() \
                    and not (match[0] < end and doc[match[0]].is_lower):
                start = match[0]
                break
        else:
            break
    while end > start and (post := index.ending("POST_NOMINAL", end)) is not None:
        end = post[0]  # "Riaan Botha SC", "Ann Lee OBE": letters after the name
    # a name never runs over a line break ("Antonín Dvořák" heading the line "Antonín Leopold Dvořák ...")
    end = next((k for k in range(start + 1, end) if "\n" in doc[k - 1].whitespace_ or doc[k].is_space), end)
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


# the labels a name NER misreads may carry ("Lars-Erik Johansson" as a PRODUCT)
_NAME_RUN_LABELS = {"", "PERSON", "GPE", "NORP", "LOC", "ORG", "WORK_OF_ART", "PRODUCT"}
_SPEECH_VERBS = {"say", "tell", "add", "assert", "ask", "write", "admit", "argue", "claim", "insist", "note",
                 "explain", "recall", "testify", "warn", "reply", "acknowledge", "deny", "contend", "suggest"}
_SPEAKER_LABELS = {"ORG", "GPE", "LOC", "NORP", "PRODUCT"}


def _one_word_entity(doc: Doc, k: int) -> bool:
    return doc[k].ent_iob_ == "B" and (k + 1 == len(doc) or doc[k + 1].ent_iob_ != "I")


_DETERMINERS = {"the", "a", "an", "our", "their", "his", "her", "its", "this", "that"}


def _region_after_place(doc: Doc, ent: Span) -> bool:
    """"Waterville, N. Y.", "Shenandoah, Penn.": a short name right after a town the model names and a
    comma, ending the sentence, is the town's region."""
    s, e = ent.start, ent.end
    if len(ent) > 2 or s < 2 or doc[s - 1].text != "," or doc[s - 2].ent_type_ not in ("GPE", "LOC"):
        return False
    return e == len(doc) or doc[e].text in (".", ",", ";") and (e + 1 == len(doc) or doc[e + 1].is_sent_start
                                                               or doc[e].text == ".")


def _begins_one_of(prefix: str, names: list[str]) -> bool:
    return any(name.startswith(prefix) for name in names)


_HYPHENS = ("-", "‐", "–")


def _words(span: Span) -> list[tuple[int, int]]:
    """The token ranges of a name's words: a hyphenated part ("Tremblay-Gagnon") is one word."""
    doc = span.doc
    words: list[tuple[int, int]] = []
    for tok in span:
        if words and not doc[tok.i - 1].whitespace_ and (tok.text in _HYPHENS or doc[tok.i - 1].text in _HYPHENS):
            words[-1] = (words[-1][0], tok.i + 1)
        else:
            words.append((tok.i, tok.i + 1))
    return words


def _surname_after(doc: Doc, span: Span, shapes: NameShapes) -> int:
    """The end of a surname the model left out or gave another label right after a name ("Maria Teresa"
    + "Villanueva-Reyes", "Samuel Kato" + "Nabongo", "Sheikh Abdul-Karim" + "Ssemakula Kasule"): one or
    two capitalised words (a hyphenated word is one) that end the capitalised run, the last the head the
    name's last word is a compound of in the parse; ``span.end`` when there is none."""
    last = span[-1]
    if last.dep_ != "compound":
        return span.end
    head = last.head.i
    while doc[head].dep_ == "compound" and head < doc[head].head.i < span.end + 4:
        head = doc[head].head.i  # "Villanueva" -> "Reyes"
    if not span.end <= head < span.end + 4:
        return span.end
    if any("\n" in doc[k].whitespace_ for k in range(span.end - 1, head)):
        return span.end  # a heading and the line after it
    for k in range(span.end, head + 1):
        tok = doc[k]
        hyphen = tok.text in _HYPHENS and not doc[k - 1].whitespace_ and not tok.whitespace_
        if not hyphen and not (tok.is_title and tok.is_alpha and tok.lower_ not in shapes.not_name
                               and tok.ent_type_ in ("", "PERSON", "ORG", "GPE")):
            return span.end
    if head + 1 < len(doc) and doc[head + 1].is_alpha and (doc[head + 1].is_title or doc[head + 1].is_upper):
        return span.end  # a longer capitalised run: an organization or a place after the name
    if sum(1 for k in range(span.end, head + 1) if doc[k].is_alpha) > 2:
        return span.end
    return head + 1


def _ends_title(index: RuleIndex, k: int) -> bool:
    """A title or the portfolio of one ends just before token ``k`` ("Minister of Energy" + a name)."""
    return index.ending("TITLE_PORTFOLIO", k) is not None or index.ending("TITLE", k) is not None


def _int(text: str) -> int:
    return int(text) if text.isdigit() and len(text) <= 3 else -1


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


def _capitalised_word_end(doc: Doc, k: int) -> int:
    """End of one capitalised word at ``k``, hyphenated parts included ("Al-Nuaimi", "al-Ketbi")."""
    if k >= len(doc) or not doc[k].is_alpha or not (doc[k].is_title or doc[k].lower_ in ("al", "el")):
        return k
    end = k + 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    return end


def _name_run_end(doc: Doc, k: int, shapes: NameShapes) -> int:
    """End of a run of capitalised words (with particles and hyphens) starting at ``k``."""
    if not doc[k].is_title or not doc[k].is_alpha:
        return k
    end = k
    j = k
    while j < len(doc):
        nxt = _capitalised_word_end(doc, j)
        if nxt > j:
            j = end = nxt
        elif shapes.particle_end(doc, j) > j:
            j = shapes.particle_end(doc, j)
        else:
            break
    return end


def _leave_organizations(doc: Doc, people: list[Span]) -> None:
    """One-word people found where the model saw an organization ("Jacobs, 20,", "Rosmah said"): the
    one-word organizations at those words are dropped."""
    if people:
        starts = {s.start for s in people}
        key = SPAN_KEYS["organizations"]
        doc.spans[key] = [s for s in doc.spans.get(key, []) if not (len(s) == 1 and s.start in starts)]


def _joined(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Datuk Mohd" + "Faizal Md Noor": two names with nothing but a space between them are one name that
    NER cut in two (prose never writes two people's names side by side without a comma or "and")."""
    out: list[Span] = []
    for span in spans:
        if out and out[-1].end == span.start and doc[span.start - 1].whitespace_ == " " \
                and doc[span.start - 1].is_title and span[0].is_title:
            out[-1] = Span(doc, out[-1].start, span.end, label="PERSON")
            continue
        out.append(span)
    return out


def _outermost(spans: list[Span]) -> list[Span]:
    """Spans sorted by start, without spans lying inside (or equal to) an earlier kept one."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept
