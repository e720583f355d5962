"""The title constructions: each a registered, pure function from a ``Scene`` to proposals.

A construction reads the scene (people, title phrases with their written organizations, the
parse) and yields ``Proposal``s (person, title phrase, organization or None, status, rule); it
changes nothing, so the order constructions or people are visited in decides nothing. The resolver
(``resolve.py``) chooses among the proposals. A construction is registered under its rule id,
declared once in ``titlerules.TitleRule`` with a one-line description, and a priority: where two
constructions link the same title to the same person, the higher priority wins.

Adding one: declare the id in ``TitleRule``, write a function here decorated with
``@construction(TitleRule.NEW_ID, priority=N)`` that yields proposals, and a test with sentences
written for it asserting the exact links (``tests/components/test_title_constructions.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span

from ...titlerules import TitleRule
from .phrases import OrgRef, TitlePhrase, is_plural, phrase_head
from .scene import Reading, Scene
from .status import ENDING, TERMS


@dataclass(frozen=True)
class Proposal:
    """A construction's claim that ``person`` holds ``title`` (of ``org``), with the status it read."""

    person: Span
    title: TitlePhrase
    org: OrgRef | None
    status: str | None
    rule: TitleRule

    @property
    def key(self) -> tuple[int, int]:
        """What the resolver decides once: this title phrase for this person (token starts)."""
        return self.title.start, self.person.start

    @property
    def distance(self) -> int:
        """Tokens between the person and the title phrase."""
        return max(self.title.start - self.person.end, self.person.start - self.title.end, 0)

    @property
    def evidence(self) -> Span:
        """The tokens the construction read: the person, the title and its organization."""
        ends = [self.person.start, self.person.end, self.title.start, self.title.end]
        if self.org is not None:
            ends += [self.org.start, self.org.end]
        return self.person.doc[min(ends):max(ends)]


Propose = Callable[[Scene], Iterable[Proposal]]


@dataclass(frozen=True)
class Construction:
    rule: TitleRule
    priority: int
    propose: Propose


CONSTRUCTIONS: dict[TitleRule, Construction] = {}


def construction(rule: TitleRule, *, priority: int) -> Callable[[Propose], Propose]:
    """Register ``propose`` as the construction of ``rule``; one construction per rule id."""

    def register(propose: Propose) -> Propose:
        if rule in CONSTRUCTIONS:
            raise ValueError(f"title rule {rule.value!r} already has a construction")
        CONSTRUCTIONS[rule] = Construction(rule, priority, propose)
        return propose

    return register


def _proposal(person: Span, reading: Reading, rule: TitleRule | None = None) -> Proposal:
    return Proposal(person, reading.title, reading.org, reading.status, rule or reading.rule)


# -- a title in apposition after the name ---------------------------------------------------------------

def _after(scene: Scene, rule: TitleRule) -> Iterator[Proposal]:
    for person in scene.people:
        for reading in scene.after(person):
            if reading.rule is rule:
                yield _proposal(person, reading)


@construction(TitleRule.NAME_COMMA_TITLE, priority=70)
def name_comma_title(scene: Scene) -> Iterator[Proposal]:
    """"Ann Lee, chairman of Acme Corp, said", "Ann Lee, the chairman and chief executive"."""
    return _after(scene, TitleRule.NAME_COMMA_TITLE)


@construction(TitleRule.NAME_WHO_IS_TITLE, priority=70)
def name_who_is_title(scene: Scene) -> Iterator[Proposal]:
    """"Ann Lee, who is chairman of Acme Corp", "Ann Lee, now a professor at X"."""
    return _after(scene, TitleRule.NAME_WHO_IS_TITLE)


@construction(TitleRule.NAME_COMMA_ORG_TITLE, priority=70)
def name_comma_org_title(scene: Scene) -> Iterator[Proposal]:
    """"Fred Roe, another FAA spokesman"."""
    return _after(scene, TitleRule.NAME_COMMA_ORG_TITLE)


@construction(TitleRule.NAME_ORG_POSSESSIVE_TITLE, priority=70)
def name_org_possessive_title(scene: Scene) -> Iterator[Proposal]:
    """"Ann Lee, Acme's chief executive"."""
    return _after(scene, TitleRule.NAME_ORG_POSSESSIVE_TITLE)


# -- the title before the name --------------------------------------------------------------------------

def completed(scene: Scene, person: Span) -> Reading | None:
    """The title before ``person`` with the organization the name's phrase adds where the title
    gives none: "Governor Wang Qingsong of the Anhui Provincial Government", "Economists A and B
    of Brightwater Capital" (after the last name of the list)."""
    reading = scene.before(person)
    if reading is None or reading.org is not None:
        return reading
    org = scene.orgs.after(person)
    if org is None:
        followers = scene.followers(person)
        org = scene.orgs.after(followers[-1]) if followers else None
    return reading._replace(org=org)


def _before(scene: Scene, rule: TitleRule) -> Iterator[Proposal]:
    for person in scene.people:
        reading = completed(scene, person)
        if reading is not None and reading.rule is rule:
            yield _proposal(person, reading)


@construction(TitleRule.TITLE_BEFORE_NAME, priority=90)
def title_before_name(scene: Scene) -> Iterator[Proposal]:
    """"Acme chief executive Ann Lee", "Chairman Dr. Ann Lee", "Governor Ann Lee of Anhui"."""
    return _before(scene, TitleRule.TITLE_BEFORE_NAME)


@construction(TitleRule.ORG_TITLE_COMMA_NAME, priority=85)
def org_title_comma_name(scene: Scene) -> Iterator[Proposal]:
    """"Acme's chairman, Ann Lee, said"."""
    return _before(scene, TitleRule.ORG_TITLE_COMMA_NAME)


@construction(TitleRule.TITLE_COMMA_NAME, priority=80)
def title_comma_name(scene: Scene) -> Iterator[Proposal]:
    """"The Minister of State for Finance, Ann Lee, said"."""
    return _before(scene, TitleRule.TITLE_COMMA_NAME)


@construction(TitleRule.TITLE_OF_ORG_BEFORE_NAME, priority=75)
def title_of_org_before_name(scene: Scene) -> Iterator[Proposal]:
    """"Governor of the Anhui Provincial Government Wang Qingsong"."""
    return _before(scene, TitleRule.TITLE_OF_ORG_BEFORE_NAME)


@construction(TitleRule.COORDINATED_TITLES_BEFORE_NAME, priority=60)
def coordinated_titles_before_name(scene: Scene) -> Iterator[Proposal]:
    """"Foreign Minister and Deputy Prime Minister Ann Lee", "Army Chief of Staff Gen. Ann Lee": the
    first title is hers too."""
    for person in scene.people:
        reading = scene.before(person)
        if reading is None:
            continue
        start = reading.title.start
        first = scene.by_end.get(start - 1)
        if first is None or scene.doc[start - 1].lower_ != "and":
            first = scene.by_end.get(start)  # "AFP Chief of Staff Gen. NAME": a title right before the title
        if first is not None:
            yield Proposal(person, first, first.org, first.status, TitleRule.COORDINATED_TITLES_BEFORE_NAME)


@construction(TitleRule.SHARED_TITLE_LIST, priority=40)
def shared_title_list(scene: Scene) -> Iterator[Proposal]:
    """"A, B and C, academicians of X": the names listed before share the apposition; "Economists A
    and B": the names listed after share the title before the first. Only a plural title is shared
    ("Premier Zhou, Chao and his wife", "A and B, secretary of state": the title is one name's)."""
    for person in scene.people:
        for reading in scene.after(person):
            if reading.rule is TitleRule.NAME_COMMA_TITLE and is_plural(scene.doc, reading.title):
                for earlier in scene.listed_before(person):
                    yield _proposal(earlier, reading, TitleRule.SHARED_TITLE_LIST)
        before = completed(scene, person)
        if before is not None and is_plural(scene.doc, before.title):
            for follower in scene.followers(person):
                yield _proposal(follower, before, TitleRule.SHARED_TITLE_LIST)


_ROLE_VERBS = {"be", "become", "serve", "remain", "join", "appoint", "name", "elect", "step", "retire", "work",
               "act", "take", "succeed", "hire", "promote", "install", "leave", "replace", "continue"}


_APPOINTING = {"appoint", "name", "elect", "promote", "hire", "install", "nominate", "propose"}
_ROLE_VERBS |= _APPOINTING
_AS_ONLY = {"succeed", "replace"}  # "succeeded Ann Lee as chairman"; "succeeds co-founder Ann Lee" is Lee's title


def _people_by_parse(title: TitlePhrase, person_tokens: dict[int, Span], scene: Scene) -> list[Span]:
    head = phrase_head(scene.doc, title)
    verb = head.head
    inside = title.start <= verb.i < title.end
    if inside:
        # "is currently managing editor": the parse made the title's first word the verb; its "be"
        # is the copula, its subject the title's
        if not any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" for c in verb.children):
            return []
    elif head.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    elif head.dep_ not in ("attr", "oprd", "dobj", "acomp") or verb.lemma_ in _AS_ONLY:
        return []
    if not inside and (verb.pos_ not in ("VERB", "AUX") or verb.lemma_ not in _ROLE_VERBS):
        return []
    named = person_tokens.get(title.start - 1)
    if named is not None and verb.lemma_ in _APPOINTING and head.dep_ in ("oprd", "dobj") \
            and verb.i < named.start and named.end == title.start:
        return [named]  # "named Ann Lee chief executive": the parse reads the name as the title's modifier
    subject_of = verb
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        subject_of = verb.head  # "is managing editor of X and was previously bureau chief": one subject
    for child in subject_of.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("who", "that") and subject_of.dep_ == "relcl":
                child = subject_of.head
            person = person_tokens.get(child.i)
            if person is not None:
                # "Ann Lee and Tom Bell would join the board as independent directors": a plural title
                # is every coordinated subject's
                # every coordinated subject's, also where the parse hangs the next name on the first one's
                # apposition ("Ann Wu, a former minister, and Tom Bell, a professor, would join ... as")
                heads = [child, *(a for a in child.children if a.dep_ == "appos")]
                more = [person_tokens[c.i] for h in heads for c in h.conjuncts if c.i in person_tokens] \
                    if is_plural(scene.doc, title) else []
                return [person, *more]
    for child in verb.children:
        if child.dep_ in ("dobj", "oprd") and child.i in person_tokens:
            return [person_tokens[child.i]]  # "appointed Jane Roe as chief executive", "named Ann Lee as"
    return []




@construction(TitleRule.TERM_AS_TITLE, priority=10)
def term_as_title(scene: Scene) -> Iterator[Proposal]:
    """"Ann Lee, whose term as chairperson ended this month", "Lee's tenure as coach": the one whose term
    it is holds the title; former once the term has ended (a past verb of ending)."""
    person_tokens = {k: p for p in scene.people for k in range(p.start, p.end)}
    for title in scene.titles:
        head = phrase_head(scene.doc, title)
        if head.dep_ != "pobj" or head.head.lower_ != "as" or head.head.head.lemma_ not in TERMS:
            continue
        term = head.head.head
        owner = next((c for c in term.children if c.dep_ == "poss"), None)
        if owner is None:
            continue
        verb = term.head if term.dep_ in ("nsubj", "nsubjpass") else None
        if owner.lower_ == "whose":
            # the relative clause's antecedent
            owner = verb.head if verb is not None and verb.dep_ == "relcl" else None
        person = person_tokens.get(owner.i) if owner is not None else None
        if person is None:
            continue
        ended = verb is not None and verb.lemma_ in ENDING and verb.tag_ in ("VBD", "VBN")
        yield Proposal(person, title, title.org or scene.orgs.by_parse(title), "former" if ended else title.status,
                       TitleRule.TERM_AS_TITLE)


@construction(TitleRule.TITLE_BY_PARSE, priority=10)
def title_by_parse(scene: Scene) -> Iterator[Proposal]:
    """"Danvers, who has been chief financial officer at HCB", "Gallagher will become chief financial
    officer of HCB", "Crewe stepped down as HCB chief executive", "will join Acme Corp as chief
    executive": the title is the complement of a role verb whose subject (or relative-clause
    antecedent, or object) is a person; the verb's object may name the organization."""
    person_tokens = {k: p for p in scene.people for k in range(p.start, p.end)}
    for title in scene.titles:
        people = _people_by_parse(title, person_tokens, scene)
        if people:
            org = title.org or scene.orgs.by_parse(title)
            for person in people:
                yield Proposal(person, title, org, title.status, TitleRule.TITLE_BY_PARSE)


def propose(scene: Scene) -> list[Proposal]:
    """Every construction's proposals for the scene, in the registry's order."""
    return [p for c in CONSTRUCTIONS.values() for p in c.propose(scene)]


# -- constructions that read the resolved links ---------------------------------------------------------

FromLinks = Callable[[Scene, list[Proposal]], Iterable[Proposal]]
LINK_CONSTRUCTIONS: dict[TitleRule, FromLinks] = {}


def from_links(rule: TitleRule) -> Callable[[FromLinks], FromLinks]:
    """Register a construction that proposes from the links the resolver chose ("succeeding Tom Bell":
    Bell holds the title the successor's link names); its links are added, not resolved again."""

    def register(propose: FromLinks) -> FromLinks:
        if rule in CONSTRUCTIONS or rule in LINK_CONSTRUCTIONS:
            raise ValueError(f"title rule {rule.value!r} already has a construction")
        LINK_CONSTRUCTIONS[rule] = propose
        return propose

    return register


def propose_from_links(scene: Scene, links: list[Proposal]) -> list[Proposal]:
    """The proposals of the constructions that read the resolved ``links``."""
    return [p for propose in LINK_CONSTRUCTIONS.values() for p in propose(scene, links)]
