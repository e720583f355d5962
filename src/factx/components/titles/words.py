"""Token tests the title phrases, the organization attachment and the constructions share."""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Doc, Span, Token

from ...extensions import SPAN_KEYS
from ..rules import RuleIndex


def lower_word(tok: Token) -> bool:
    return tok.is_lower and tok.is_alpha and tok.pos_ in ("NOUN", "ADJ", "PROPN")


def capital_word(tok: Token) -> bool:
    return (tok.is_title or tok.is_upper) and tok.is_alpha and tok.ent_type_ not in ("PERSON", "DATE", "TIME")


def coordinated(doc: Doc, index: RuleIndex, k: int, word: Callable[[Token], bool],
                stops: Collection[int] = ()) -> int:
    """End of a portfolio that goes on in a coordination after the run ending at ``k``: "of food and
    drug safety", "of Trade, Industry and Tourism". A comma joins only a list that closes with "and";
    a word that is itself a title starts a second title ("chief of staff and spokesman"), and a name
    starting at one of ``stops`` ends it ("Minister for Culture and Tourism Ann Lee")."""
    j = k
    while j < len(doc) and doc[j].text == ",":
        m = j + 1
        while m < len(doc) and word(doc[m]) and index.at("TITLE", m) is None and m not in stops:
            m += 1
        if m == j + 1:
            return k
        j = m
    if j < len(doc) and doc[j].lower_ in ("and", "&") and j + 1 < len(doc) and word(doc[j + 1]) \
            and index.at("TITLE", j + 1) is None and j + 1 not in stops:
        m = j + 1
        while m < len(doc) and word(doc[m]) and m not in stops:
            m += 1
        return m
    return k


def modifies(tok: Token, start: int, end: int) -> bool:
    """``tok`` is a modifier of a word of ``[start, end)`` that belongs to a title ("fitness coach")."""
    return (
        tok.dep_ in ("compound", "amod", "nmod")
        and start <= tok.head.i < end
        and tok.pos_ in ("NOUN", "PROPN", "ADJ")
        and tok.is_alpha
        and not tok.ent_type_
        and not tok.is_sent_start
    )


def proper_run(doc: Doc, k: int, stop_at_person: bool = True) -> int:
    """End of a run of capitalized words joined by of/and/for: an unrecognised organization name. With
    ``stop_at_person``, it stops where a person starts (the model's or factx's: "Governor-General of
    Isfahan Province Reza Mortezavi-Far")."""
    end = k
    j = k
    starts = {p.start for p in doc.spans.get(SPAN_KEYS["people"], [])} if stop_at_person else set()
    while j < len(doc):
        tok = doc[j]
        if (tok.ent_type_ == "PERSON" or j in starts and j > k) and stop_at_person or tok.ent_type_ in ("DATE", "TIME"):
            break
        if (tok.is_title or tok.is_upper) and tok.is_alpha or tok.text in ("Co.", "Ltd.", "Inc.", "Corp."):
            j += 1
            end = j
        elif (tok.lower_ in ("of", "and", "for", "&") and j > k) or (
            tok.text == "," and j + 1 < len(doc) and doc[j + 1].text in ("Ltd.", "Inc.")
        ):
            j += 1
        else:
            break
    return end


def proper_run_before(doc: Doc, end: int) -> int:
    """Start of the capitalized name just before a title ("Calloway Chief Operating Officer")."""
    k = end
    while k > 0:
        tok = doc[k - 1]
        if k < end and k > 1 and (doc[k - 2].is_title or doc[k - 2].is_upper) and doc[k - 2].is_alpha and (
                tok.lower_ in ("and", "&", "of") or tok.text == "-" and not doc[k - 2].whitespace_
                and not tok.whitespace_):
            k -= 1  # "Fire and Rescue Department director", "Anti-Corruption Commission chief"
            continue
        if not (tok.is_title or tok.is_upper) or not tok.is_alpha or tok.ent_type_ == "DATE" \
                or tok.ent_type_ == "NORP" and not (tok.is_upper and len(tok) > 1):
            break  # "Dutch ambassador": a nationality is no organization; "BAM president": an acronym is
        # a person's name is no organization, but "Halverton Mayor": NER reads one word before a title as a person
        if tok.ent_type_ == "PERSON" and (tok.ent_iob_ != "B" or doc[k].ent_type_ == "PERSON"):
            break  # ("Kandy" + "Warriors captain": a one-word person NER found inside the name)
        nxt = doc[k] if k < len(doc) else None
        if tok.is_sent_start and tok.pos_ != "PROPN" and not (
            len(tok) > 2 and tok.is_upper or nxt is not None and nxt.text in ("'s", "’s")
            or k < end and nxt is not None and nxt.pos_ == "PROPN"  # "Kestrel Bay Mayor"
        ):
            break  # "Hsinmao's chairman", "UNICEF deputy representative": names even at sentence start
        k -= 1
    while k < end - 1 and doc[k].is_stop and doc[k].pos_ in ("ADP", "DET", "CCONJ", "PRON"):
        k += 1  # "(By ITAR-TASS correspondent": a capitalised function word opens no name
    if k < end and doc[k].pos_ != "PROPN" and not doc[k].is_upper and doc[k].ent_type_ != "PERSON" \
            and (doc[k].is_sent_start or doc[k].is_stop or k + 1 < end):
        return end  # one capitalised word the tagger reads as a noun ("Arsenal manager") still names the club
    return k


def strip_the(span: Span) -> str:
    """The span's text without a leading "the"."""
    tokens = list(span)
    while tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    return span.doc[tokens[0].i:tokens[-1].i + 1].text if tokens else span.text


def starts_with(doc: Doc, j: int, words: tuple[str, ...]) -> bool:
    """The lowercase tokens from ``j`` on are ``words``."""
    return [t.lower_ for t in doc[j:j + len(words)]] == list(words)


def honorific_width(doc: Doc, k: int, honorifics: Collection[str]) -> int:
    """How many tokens the honorific starting at ``k`` takes: 1 ("Dr."), 2 where the tokenizer split off
    its period or apostrophe ("Eng" + ".", "Dato" + "'"), 0 where none starts there. ``honorifics``: the
    words of the HONORIFIC lexicon."""
    tok = doc[k]
    if tok.is_lower:
        return 0
    if k + 1 < len(doc) and doc[k + 1].text in (".", "'", "’") and not tok.whitespace_ \
            and tok.lower_ + doc[k + 1].text.replace("’", "'") in honorifics:
        return 2
    return 1 if tok.lower_ in honorifics else 0
