"""Successions: "Ann Lee will take over as chief financial officer, succeeding Tom Bell" says that Bell
holds (or held) the title Lee takes. Read after the resolver, from the links it chose for the successor:
the predecessor gets the successor's title and organization, written once in the text.

Status: former where the succession is told in the past ("She succeeded Tom Bell", "has replaced"),
current otherwise ("succeeding Tom Bell, who retires in May": Bell still holds the post).

The other way round, "Tom Bell will retire as chairman. He will be succeeded by Ann Lee" and "Her
successor, Ann Lee, will take up the post in May" say that the successor takes the title the predecessor
leaves: incoming while the succession is to come, current once told. A pronoun for the predecessor
("He", "Her") is the last person with a title in the sentence before or the same one."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ...titlerules import TitleRule
from .constructions import Proposal, from_links
from .scene import Scene
from .status import FOUNDERS, FUTURE, SUCCEED_VERBS

_SUBJECTS = ("nsubj", "nsubjpass")


def _succeeding(person: Span) -> Token | None:
    """The verb of which ``person`` is the one succeeded: "succeeds Tom Bell", "replacing Tom Bell"."""
    root = person.root
    if root.dep_ == "dobj" and root.head.lemma_ in SUCCEED_VERBS and root.head.pos_ == "VERB":
        return root.head
    return None


def _subject(verb: Token) -> Token | None:
    """The successor: the verb's subject, or for a participle ("..., succeeding X") its clause's."""
    for tok in (verb, verb.head):
        subject = next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject
        if verb.dep_ not in ("advcl", "xcomp", "conj"):
            break
    return None


def _past(verb: Token) -> bool:
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have"
                                                           for c in verb.children)


@from_links(TitleRule.SUCCEEDED_NAME)
def predecessor(scene: Scene, links: list[Proposal]) -> Iterator[Proposal]:
    """The predecessors' links: one per person someone succeeds, the successor's title nearest the verb."""
    held = {(link.person.start, link.title.canonical.lower()) for link in links}
    for person in scene.people:
        verb = _succeeding(person)
        subject = _subject(verb) if verb is not None else None
        if verb is None or subject is None:
            continue
        successor = [link for link in links if link.person.start <= subject.i < link.person.end
                     or link.person[-1].text == subject.text and subject.pos_ == "PROPN"]
        successor = [link for link in successor if link.title.canonical.lower() not in FOUNDERS
                     and link.person.start != person.start]
        if not successor:
            continue
        sent = verb.sent
        same = [link for link in successor if sent.start <= link.title.start < sent.end]
        before = [link for link in successor if link.title.start < sent.start]
        if same:
            link = min(same, key=lambda p: abs(p.title.start - verb.i))
        elif before:
            link = max(before, key=lambda p: p.title.start)
        else:
            continue
        if (person.start, link.title.canonical.lower()) in held:
            continue
        yield Proposal(person, link.title, link.org, "former" if _past(verb) else None, TitleRule.SUCCEEDED_NAME)


_PRONOUNS = {"he", "she", "his", "her"}


def _successions(doc: Doc) -> Iterator[tuple[Token, Token, Token]]:
    """(predecessor, successor, verb) tokens: "X will be succeeded (replaced) by Y", "X's successor, Y"
    (the verb is the one the successor is the subject of), "X will hand over to Y"."""
    for tok in doc:
        if tok.lemma_ in SUCCEED_VERBS and tok.pos_ == "VERB":
            before = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            after = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if before is not None and after is not None:
                yield before, after, tok
        elif tok.lemma_ == "hand" and any(c.lower_ == "over" for c in tok.children):
            before = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            after = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if before is not None and after is not None:
                yield before, after, tok
        elif tok.lower_ == "successor" and tok.dep_ in _SUBJECTS:
            before = next((c for c in tok.children if c.dep_ == "poss"), None)
            after = next((c for c in tok.children if c.dep_ == "appos"), None)
            if before is not None and after is not None:
                yield before, after, tok.head


def _rank(scene: Scene, link: Proposal) -> bool:
    match = scene.index.at("RANK", link.title.start)
    return match is not None and match[0] >= link.title.end


def _future(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE for c in verb.children) \
        or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.head.lemma_ == "be"


@from_links(TitleRule.SUCCESSOR_NAME)
def successor(scene: Scene, links: list[Proposal]) -> Iterator[Proposal]:
    """The successors' links: the title the predecessor holds nearest before the succession."""
    doc = scene.doc
    people = {k: p for p in scene.people for k in range(p.start, p.end)}
    held = {(link.person.start, link.title.canonical.lower()) for link in links}
    for before, after, verb in _successions(doc):
        heir = people.get(after.i)
        if heir is None:
            continue
        sent = verb.sent
        if before.lower_ in _PRONOUNS:
            # the last person with a title in the sentence before, or earlier in this one
            start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
            named = [link for link in links if start <= link.person.start < before.i]
            if not named:
                continue
            last = max(link.person.start for link in named)
            left = [link for link in named if link.person.start == last]
        else:
            left = [link for link in links if link.person.start <= before.i < link.person.end]
        # a founder's title is no post handed on, and a rank ("Vice Admiral") is the person's own
        left = [link for link in left if link.title.canonical.lower() not in FOUNDERS and link.title.start < sent.end
                and link.person.start != heir.start and not _rank(scene, link)]
        if not left:
            continue
        link = max(left, key=lambda p: p.title.start)
        if (heir.start, link.title.canonical.lower()) in held:
            continue
        yield Proposal(heir, link.title, link.org, "incoming" if _future(verb) else None, TitleRule.SUCCESSOR_NAME)
