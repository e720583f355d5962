"""Successions: "Ann Lee will take over as chief financial officer, succeeding Tom Bell" says that Bell
holds (or held) the title Lee takes. Read after the resolver, from the links it chose for the successor:
the predecessor gets the successor's title and organization, written once in the text.

Status: former where the succession is told in the past ("She succeeded Tom Bell", "has replaced"),
current otherwise ("succeeding Tom Bell, who retires in May": Bell still holds the post)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ...titlerules import TitleRule
from .constructions import Proposal, from_links
from .scene import Scene
from .status import FOUNDERS, SUCCEED_VERBS

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
