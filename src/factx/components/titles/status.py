"""Status and effective date of a link: "will become chief financial officer on April 1" is incoming
from April 1; "named Jane Roe as chairman, effective July 1" (a date after the article's) too."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...extensions import SPAN_KEYS
from ..rules import rule_index
from .phrases import TitlePhrase, phrase_head, status_at

_START_VERBS = {"become", "take", "join", "succeed", "assume", "start", "begin", "serve", "step", "move"}
_EFFECTIVE_CUES = {"on", "from", "effective", "in", "starting", "as", "of", "by"}
FUTURE = ("will", "'ll", "shall", "would")
_NOMINATING = {"nominate", "propose"}
TERMS = {"term", "tenure", "contract", "mandate", "stint", "spell", "time"}  # "whose term as chairperson"
ENDING = {"end", "expire", "finish", "conclude", "close"}
FOUNDERS = {"founder", "co-founder", "cofounder"}  # a successor takes over the post, not the founding
SUCCEED_VERBS = {"succeed", "replace"}  # "succeeds X", "will replace X": X held the title before


def _predecessor(person: Span) -> bool:
    """The person is the one someone succeeded: the object of "succeeded"/"replaced" ("She succeeded
    Prof. Ann Lee, rector for seven years") or of "took over from". Past tense only: "She succeeds
    Ann Lee, who will retire in March", "succeeding Ann Lee, who retires": Lee still holds the post."""
    root = person.root
    verb = None
    if root.dep_ == "dobj" and root.head.lemma_ in SUCCEED_VERBS:
        verb = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.lemma_ == "take" \
            and any(c.lower_ == "over" for c in root.head.head.children):
        verb = root.head.head
    return verb is not None and (verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children))


def _left(person: Span) -> bool:
    """The person is the subject of a past verb of leaving a post: "resigned in March", "left the club"
    (an object: "left for Paris" is a trip), "stepped down"; or its relative clause says so ("Ann Lee,
    who retired last year")."""
    root = person.root
    if root.dep_ == "appos" and root.head.dep_ == "nsubj":
        root = root.head  # "director Ann Lee had resigned": the parse makes the title the subject
    verbs = [root.head] if root.dep_ in ("nsubj",) else []
    verbs += [c for c in root.children if c.dep_ == "relcl" and any(
        g.dep_ == "nsubj" and g.lower_ in ("who", "that") for g in c.children)]
    for clause in root.children:  # "Ann Lee, whose contract ended last week"
        if clause.dep_ == "relcl" and clause.lemma_ in ENDING and clause.tag_ == "VBD" and any(
                c.dep_ == "nsubj" and c.lemma_ in TERMS and any(g.lower_ == "whose" for g in c.children)
                for c in clause.children):
            return True
    for verb in verbs:
        if verb.tag_ != "VBD" and not (verb.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)):
            continue
        if verb.lemma_ in ("resign", "retire", "quit") or verb.lemma_ == "step" and any(
                c.lower_ == "down" for c in verb.children):
            return True
        if verb.lemma_ == "leave" and any(c.dep_ == "dobj" for c in verb.children):
            return True
    return False


def _joined_years_ago(doc: Doc, verb: Token, head: Token) -> bool:
    """"who joined the company as a site engineer in 1987": the post someone joined or started in, told in
    the past with a year two or more before the article's, is the first of a career, not the one held now
    ("joined as chief risk officer in May" may well be the post held now)."""
    if verb.lemma_ not in ("join", "start", "begin") or verb.tag_ != "VBD" or head.dep_ != "pobj":
        return False
    today = doc._.factx_document_date
    if not today:
        return False
    clause = {t.i for c in verb.children if c.dep_ == "prep" for t in c.subtree}
    for span in doc.spans.get(SPAN_KEYS["dates"], []):
        value = (span._.factx_date or {}).get("value") or ""
        if span.start in clause and value[:4].isdigit() and today[:4].isdigit() \
                and int(value[:4]) <= int(today[:4]) - 2:
            return True
    return False


def status_and_start(doc: Doc, title: TitlePhrase, status: str | None, person: Span,
                     beside_name: bool = True) -> tuple[str, str | None]:
    """The status of a link (``status`` is what its construction read, None for current) and for an
    incoming role the date it starts: "will become chief financial officer on April 1", "Ann Lee,
    the incoming chair, takes office in June"; a title written beside the name (``beside_name``: not
    read from another clause) of the person someone succeeds is former."""
    if status is None and beside_name and title.canonical.lower() not in FOUNDERS and (
            _predecessor(person) or _left(person)):
        return "former", None
    status = status or "current"
    head = phrase_head(doc, title)
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    if status == "current" and head.dep_ in ("attr", "pobj") and verb.pos_ in ("VERB", "AUX"):
        # "was previously the bureau chief", "formerly served as chairman": a status adverb of the verb
        said = [status_at(rule_index(doc), c.i) for c in verb.children if c.dep_ == "advmod" and c.i < head.i]
        status = next((s for s in said if s is not None), status)
    if status == "current" and _joined_years_ago(doc, verb, head):
        status = "former"
    future = verb.pos_ in ("VERB", "AUX") and verb.lemma_ in _START_VERBS and any(
        c.dep_ == "aux" and c.lower_ in FUTURE for c in verb.children)
    if status == "current" and future and head.dep_ in ("attr", "oprd", "dobj", "pobj"):
        status = "incoming"
    if status == "current" and verb.lemma_ in _NOMINATING and head.dep_ in ("oprd", "pobj"):
        status = "incoming"  # "nominated Ann Lee as an independent director": the post is still to come
    if status not in ("incoming", "current"):
        return status, None
    sentence = doc[title.start].sent
    for span in doc.spans.get(SPAN_KEYS["dates"], []):
        if span.start < sentence.start or span.end > sentence.end or span.start < title.end:
            continue
        cue = doc[span.start - 1].lower_ if span.start > 0 else ""
        info = span._.factx_date or {}
        value = info.get("value")
        if (cue in _EFFECTIVE_CUES or span[0].lower_ in _EFFECTIVE_CUES) and info.get("kind") != "duration":
            if status == "incoming":
                return status, value
            # "named Jane Roe as chairman, effective July 1": a start after the article's date
            today = doc._.factx_document_date
            if cue == "effective" and value and today and value[:1].isdigit() and value > today[:len(value)]:
                return "incoming", value
            break
    return status, None
