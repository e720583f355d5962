"""Turn a processed Doc into fact records: one collector per fact type, in document order.

A collector takes a :class:`Found` (the Doc, the span keys by name, the records of the fact types it
needs) and returns its records; ``facttypes`` names each collector and calls them in order.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from spacy.tokens import Doc, Span, Token

from .names import after_locative
from .patterns import PatternSet
from .records import DateFact, Mention, NumberFact, OrganizationFact, PersonFact, TitleFact, TitleRef
from .titlelinks import TitleLink

_SPACES = re.compile(r"\s+")
_ORG_STOP = {"of", "and", "the", "for", "&", "on", "in", "at"}


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Comparison key for names: case, spacing, apostrophes and a leading "the" ignored (kept per
    name: the merging steps compare every pair of names)."""
    key = _SPACES.sub(" ", name.replace("’", "'").strip()).lower()
    key = re.sub(r"^the ", "", key)
    return key.rstrip(".,;:")


def title_key(title: str | None) -> str:
    """Comparison key for titles: case, hyphens, spacing and a leading article ignored
    ("Vice-Minister" ~ "vice minister")."""
    words = re.sub(r"[\s\-]+", " ", (title or "").lower()).strip().split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def initials(name: str) -> str:
    """"International Telecommunication Union" -> "ITU"."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _ORG_STOP]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


@dataclass(frozen=True)
class Found:
    """What a collector reads: the processed Doc, span keys by name (``keys["people"]`` is the
    people component's ``doc.spans`` key), and the records already collected, by fact type."""

    doc: Doc
    keys: Mapping[str, str]
    facts: Mapping[str, Sequence[Any]] = field(default_factory=dict)

    def spans(self, name: str) -> list[Span]:
        """The spans written under the key named ``name`` (a fact type, or ``"rules"``)."""
        return list(self.doc.spans.get(self.keys[name], []))


class _Named(Protocol):
    @property
    def name(self) -> str: ...


_R = TypeVar("_R", bound=_Named)


def _mention(span: Span) -> Mention:
    return Mention(span.text, span.start_char, span.end_char)


@dataclass
class _Org:
    """An organization while its mentions are gathered and merged."""

    id: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


def organizations(found: Found) -> list[OrganizationFact]:
    """Organizations merged by name, acronym in parentheses and initials; ids in order of appearance."""
    doc = found.doc
    records: list[_Org] = []
    by_key: dict[str, _Org] = {}
    # "Minister of Health and Social Care": a portfolio inside a title is not an organization
    in_titles = {k for t in found.spans("titles") for k in range(t.start, t.end)}
    spans = [s for s in found.spans("organizations") if s.start not in in_titles]
    spans += _title_organizations(doc, {name_key(s.text) for s in spans})
    spans.sort(key=lambda s: s.start)
    for span in spans:
        name = _SPACES.sub(" ", span._.factx_name or span.text)
        key = name_key(name)
        record = by_key.get(key)
        if record is None and name.isupper() and len(name) <= 8:
            record = next((r for r in records if initials(r.name) == name), None)
            if record is not None and name not in record.aliases:
                record.aliases.append(name)
                by_key[key] = record
        if record is None:
            record = _short_form_owner(records, key)
            if record is not None:
                by_key[key] = record
        if record is None:
            # "Calloway Dynamics" first, "Calloway Dynamics Inc." later: the full name wins.
            shorter = [r for r in records if key.startswith(name_key(r.name) + " ")
                       and _legal_suffix(key[len(name_key(r.name)) + 1:])]
            if len(shorter) == 1:
                record = shorter[0]
                record.aliases.append(record.name)
                record.name = name
                by_key[key] = record
        if record is None:
            record = _Org(f"org-{len(records) + 1}", name)
            records.append(record)
            by_key[key] = record
        elif name != record.name and name not in record.aliases and key != name_key(record.name):
            record.aliases.append(name)
        record.mentions.append(_mention(span))
        acronym = _parenthesized_acronym(doc, span)
        if acronym is not None:
            if acronym.text not in record.aliases:
                record.aliases.append(acronym.text)
            by_key[name_key(acronym.text)] = record
    _acronym_mentions(doc, records)
    return [OrganizationFact(r.id, r.name, tuple(r.mentions), tuple(r.aliases))
            for r in _merge_partial_names(records, _org_heads(doc))]


def _acronym_mentions(doc: Doc, records: list[_Org]) -> None:
    """"the Party of the Democratic Revolution (PRD)": the acronym an organization is given in
    parentheses is a mention of it there, and wherever else the model reads the word as an
    organization (where the organizations component left it out)."""
    owners: dict[str, _Org] = {}
    patterns: PatternSet | None = doc._.factx_patterns
    not_org = patterns.words("NOT_ORG").keys() if patterns is not None else ()
    for record in records:
        for alias in record.aliases:
            if alias.isupper() and alias.isalpha() and 2 <= len(alias) <= 8 and alias.lower() not in not_org:
                owners.setdefault(alias, record)
    if not owners:
        return
    taken = [(m.start, m.end) for r in records for m in r.mentions]
    for tok in doc:  # only for a text with an acronym alias
        owner = owners.get(tok.text)
        if owner is None or any(s < tok.idx + len(tok) and tok.idx < e for s, e in taken):
            continue
        # in the parentheses after the name, or elsewhere where the model reads an organization too
        defined = tok.i > 0 and doc[tok.i - 1].text == "(" and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ")"
        if defined or tok.ent_type_ == "ORG":
            owner.mentions.append(Mention(tok.text, tok.idx, tok.idx + len(tok)))
    for record in records:
        record.mentions.sort(key=lambda m: m.start)


def _org_heads(doc: Doc) -> Collection[str]:
    """The organization head words of the pattern set the Doc's pipeline was built with."""
    patterns: PatternSet | None = doc._.factx_patterns
    if patterns is None:
        raise ValueError("the Doc has no factx pattern set (doc._.factx_patterns): make it with api.prepare")
    return patterns.words("ORG_HEAD").keys()


def _adds_head(words: str, heads: Collection[str]) -> bool:
    return any(w.strip(".,") in heads for w in words.split())


def _merge_partial_names(records: list[_Org], heads: Collection[str]) -> list[_Org]:
    """"Halvorsen Institute" before "Halvorsen Institute for Space Research", "Seeland" in a headline
    before "FC Seeland", "Things Industry Alliance" where NER cut "China ... and Internet of" off: a
    name that starts or ends exactly one longer organization name in the text is that organization."""
    merged: list[_Org] = []
    for record in records:
        key = name_key(record.name)
        # a longer name that only adds words after this one must add an organization word ("Altavia" +
        # "Airlines"); "Ministry of X" + "Electronic Industry" is NER running on, not a second name
        owners = [r for r in records if r is not record and (
            name_key(r.name).startswith(key + " ") and _adds_head(name_key(r.name)[len(key):], heads)
            or name_key(r.name).endswith(" " + key))]
        if len(owners) != 1:
            merged.append(record)
            continue
        owner = owners[0]
        owner.mentions = sorted(owner.mentions + record.mentions, key=lambda m: m.start)
        owner.aliases += [a for a in [record.name, *record.aliases] if a not in owner.aliases]
    for k, record in enumerate(merged, 1):  # ids stay in order of appearance
        record.id = f"org-{k}"
    return merged


_LEGAL_SUFFIXES = {"inc", "corp", "ltd", "llc", "plc", "co", "group", "ag", "sa", "gmbh", "limited",
                   "corporation", "company", "holdings", "llp", "s.a", "nv", "bv", "co., ltd"}


def _legal_suffix(tail: str) -> bool:
    return tail.strip(" .,") in _LEGAL_SUFFIXES


def _short_form_owner(records: Sequence[_R], key: str, inner: bool = True) -> _R | None:
    """The one earlier organization whose name starts with ``key`` ("Calloway" -> "Calloway Dynamics Inc.")."""
    owners = [r for r in records if name_key(r.name).startswith(key + " ")]
    if not owners and inner:
        # "Seeland" for "FC Seeland", "Nordhaven" for "FC Nordhaven": the words inside the name.
        owners = [r for r in records if f" {key} " in f" {name_key(r.name)} " and key != name_key(r.name)]
    return owners[0] if len(owners) == 1 else None


def _parenthesized_acronym(doc: Doc, span: Span) -> Token | None:
    end = span.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        token = doc[end + 1]
        if token.is_upper and 2 <= len(token.text) <= 8:
            return token
    return None


def _title_organizations(doc: Doc, known: set[str]) -> list[Span]:
    """Organizations found only as the organization of a title (NER missed them)."""
    extra: dict[int, Span] = {}
    for info in doc._.factx_title_links or []:
        if info.organization_kind != "run" or name_key(info.organization) in known:
            continue
        org = doc.char_span(info.organization_start, info.organization_end, label="ORG")
        if org is not None and len(org) > 1 and org.start not in extra:
            org._.factx_name = org.text
            extra[org.start] = org
    return list(extra.values())


def _person_resolver(spans: list[Span]) -> dict[int, str | None]:
    """Map each person mention (by start char) to a full name. A part-name mention ("Xu", "Kopit
    Levien") attaches to the one person it can mean; where two people share it ("Goode" after
    Matthew Goode and Ralph Goode), to the one named last before it (the first after it if none
    was named before), so the mention is kept and the two people stay apart."""
    named = [(s.start_char, _SPACES.sub(" ", s._.factx_name or s.text)) for s in spans]
    full = [(start, name) for start, name in named if " " in name]  # "Llewellyn-Jones" is one word
    full_names = {name for _, name in full}
    resolved: dict[int, str | None] = {}
    for span in spans:
        name = _SPACES.sub(" ", span._.factx_name or span.text)
        words = name.split()
        if len(words) == 1:  # "Xu": a word of one full name
            owners = {f for f in full_names if name in f.split()}
        else:  # "Kopit Levien", "Van der Linden": the last words of one longer name (a particle may open
            # a sentence capitalised); "Siti Rahmah": the given names opening one longer name
            low = [w.lower() for w in words]
            owners = {f for f in full_names if f != name and ([w.lower() for w in f.split()[-len(words):]] == low
                                                              or f.split()[:len(words)] == words)}
        if len(owners) > 1:
            before = [(start, f) for start, f in full if f in owners and start < span.start_char]
            after = [(start, f) for start, f in full if f in owners and start > span.start_char]
            resolved[span.start_char] = max(before)[1] if before else min(after)[1]
        elif owners:
            resolved[span.start_char] = next(iter(owners))
        else:
            resolved[span.start_char] = name
    return resolved


@dataclass
class _Person:
    """A person while their mentions and titles are gathered."""

    name: str
    mentions: list[Mention] = field(default_factory=list)
    titles: list[TitleRef] = field(default_factory=list)


def people(found: Found) -> list[PersonFact]:
    """People by name, with their mentions and titles; ids in order of appearance."""
    doc, titles = found.doc, list(found.facts["titles"])
    spans = found.spans("people")
    resolved = _person_resolver(spans)
    records: dict[str, _Person] = {}
    for span in spans:
        name = resolved[span.start_char]
        if name is None:
            continue
        key = name_key(name)
        if key not in records:
            records[key] = _Person(name)
        records[key].mentions.append(_mention(span))
    for title in titles:
        record = records.get(name_key(title.person))
        if record is None:
            continue
        ref = TitleRef(title.title, title.organization, title.place)
        # one entry per title and organization: "secretary" and "Secretary", "vice-minister" and "vice
        # minister" of one committee are one role
        same = next((k for k, held in enumerate(record.titles) if _same_role(ref, held)), None)
        if same is None:
            record.titles.append(ref)
        elif record.titles[same].organization is None and ref.organization is not None \
                or ref.title and title_key(record.titles[same].title).startswith(title_key(ref.title) + " of "):
            record.titles[same] = ref  # the entry that names the organization (without its portfolio) stands
    _affiliated(doc, found.facts["organizations"], resolved, records)
    _title_only_mentions(doc, found.spans("rules"), titles, records)
    kept = [r for r in records.values() if " " in r.name.strip() or r.titles or not _lone_word_is_no_person(doc, r)]
    return [PersonFact(f"person-{k}", r.name, tuple(r.mentions), tuple(r.titles)) for k, r in enumerate(kept, 1)]


def _same_role(a: TitleRef, b: TitleRef) -> bool:
    if (title_key(a.title), a.organization, a.place) == (title_key(b.title), b.organization, b.place):
        return True
    if title_key(a.title) == title_key(b.title) and a.title and None in (a.organization, b.organization) \
            and a.place == b.place:
        return True  # "head coach" in a headline and "head coach" of the club in the text: one role
    # "Vice Minister of Industry and Information Technology" (no organization) and "vice minister" of the
    # "Ministry of Industry and Information Technology": the portfolio names the organization
    for bare, held in ((a, b), (b, a)):
        head, of, portfolio = title_key(bare.title).partition(" of ")
        if bare.organization in (None, held.organization) and of and held.organization \
                and head == title_key(held.title) \
                and title_key(held.organization).endswith(" of " + portfolio):
            return True
    return False


def _affiliated(doc: Doc, orgs: Sequence[OrganizationFact], resolved: dict[int, str | None],
                records: dict[str, _Person]) -> None:
    """A person tied to an organization with no title written ("Alain Farley of McGill University")
    gets a title entry with ``title: null``, unless a title already names that organization."""
    by_start = {m.start: org for org in orgs for m in org.mentions}
    for info in doc._.factx_affiliations or []:
        name = resolved.get(info.person_start, info.person)
        record = records.get(name_key(name)) if name else None
        org = by_start.get(info.organization_start)
        if record is None or org is None:
            continue
        if not any(ref.organization == org.name for ref in record.titles):
            record.titles.append(TitleRef(None, org.name))


_PLACE_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP"}


def _lone_word_is_no_person(doc: Doc, record: _Person) -> bool:
    """A one-word name never written in full and holding no title ("Picasso", "Amina", "Ms. Okafor")
    is a person unless the text gives evidence against it:
    - the model itself labels the same word a place or organization elsewhere at least as often as
      it is a person's mention ("Pahang" tagged GPE twice, a person once);
    - every mention stands right after a locative preposition ("in Koraput", "near Ballito");
    - every mention modifies a common noun ("the İzmir branch", "the Busoga sub-region")."""
    word = record.name.strip().lower()
    inside = {(m.start, m.end) for m in record.mentions}
    outside = [t.ent_type_ for t in doc if t.lower_ == word and t.ent_type_
               and not any(s <= t.idx < e for s, e in inside)]
    other = sum(1 for label in outside if label in _PLACE_LABELS)
    if other and other >= len(record.mentions) + outside.count("PERSON"):
        return True
    starts = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in record.mentions]
    if starts and all(s is not None and after_locative(doc, s) for s in starts):
        return True
    return bool(starts) and all(
        s is not None and s.root.dep_ == "compound" and s.root.head.pos_ == "NOUN" and s.root.head.is_lower
        for s in starts)


def _title_only_mentions(doc: Doc, rules: list[Span], titles: list[TitleFact], records: dict[str, _Person]) -> None:
    """"the governor said": a later mention by title alone is the one person holding that title;
    with two holders (or none) it stays unattached."""
    holders: dict[str, set[str]] = {}
    for title in titles:
        holders.setdefault(title.canonical.lower(), set()).add(name_key(title.person))
    linked = {t.start for t in titles}
    for span in rules:
        if span.label_ != "TITLE" or span.start == 0 or doc[span.start - 1].lower_ != "the":
            continue
        if span.start_char in linked or any(t.start <= span.start_char < t.end for t in titles):
            continue
        if span.end < len(doc) and (doc[span.end].is_title or doc[span.end].lower_ in ("of", "'s", "’s")):
            continue  # "the governor of X", "the chairman Xu Kunlin": not a bare title mention
        owners = holders.get((span.id_ or span.text).lower(), set())
        record = records.get(next(iter(owners))) if len(owners) == 1 else None
        if record is not None and record.mentions and record.mentions[0].start < span.start_char:
            mention = doc[span.start - 1:span.end]
            record.mentions.append(_mention(mention))
    for record in records.values():
        record.mentions.sort(key=lambda m: m.start)


def titles(found: Found) -> list[TitleFact]:
    """Titles linked to their person and organization (``person_id`` is set once people are known)."""
    doc, orgs = found.doc, list(found.facts["organizations"])
    records: list[TitleFact] = []
    resolved = _person_resolver(found.spans("people"))
    by_name: dict[str, OrganizationFact] = {}
    org: OrganizationFact | None
    for org in orgs:
        by_name[name_key(org.name)] = org
        for alias in [*org.aliases, *(m.text for m in org.mentions)]:  # "Altavia" merged into "Altavia Airlines"
            by_name.setdefault(name_key(alias), org)
    text = doc.text  # built from the tokens on every access: once per document
    for info in doc._.factx_title_links or []:
        person = resolved.get(info.person_start, info.person)
        if person is None:
            continue
        org_name = info.organization
        org = None
        place = None
        if org_name:
            # "Corriemar chief executive": the short form of "Corriemar Energy"; but "chief imam of
            # Kingsford" stays a place, not "Catholic Archdiocese of Kingsford"
            org = by_name.get(name_key(org_name))
            in_place = info.organization_kind == "place"
            # "Mayor of Port Elland", "Selangor Menteri Besar" stay places: a title held in a place is
            # not an organization's whose name starts with the place
            if org is None and not (info.place_title and (in_place or _names_a_place(doc, info))):
                org = _short_form_owner(orgs, name_key(org_name), inner=not in_place)
            if org is None and _names_a_place(doc, info):
                # "Chicago Mayor Anton Cermak", "governor of the Upper Nile region": a place is where
                # the title is held, never the organization it belongs to
                place, org_name = org_name, None
        records.append(TitleFact(
            title=info.title,
            person=person,
            person_id=None,
            organization=org.name if org else org_name,
            text=text[info.start:info.end],
            start=info.start,
            end=info.end,
            canonical=info.canonical,
            status=info.status,
            organization_id=org.id if org else None,
            rule=info.rule.value,
            sentence_start=info.sentence_start,
            sentence_end=info.sentence_end,
            effective_date=info.effective_date,
            place=place,
        ))
    return records


_PLACE_LABELS_OF_TITLES = {"GPE", "LOC"}


def _names_a_place(doc: Doc, info: TitleLink) -> bool:
    """The span the title linker took for the title's organization is a place: the linker found it
    among the places, or the model labels all of it a place (GPE, LOC) and it carries no organization
    word ("Dallas", "Lee County" are places; "Dallas Police Department" is not)."""
    if info.organization_kind == "place":
        return True
    start, end = info.organization_start, info.organization_end
    if not isinstance(start, int) or not isinstance(end, int):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    words = [t for t in span if not t.is_punct and t.lower_ not in ("the", "'s", "’s")]
    # a title held in a place ("Sibu MP", "Halverton Mayor") after a name the model does not call an
    # organization: the place, even where the model reads the name as a person's
    held_in_place = bool(info.place_title) and info.organization_kind == "run" \
        and not any(t.ent_type_ in ("ORG", "NORP") for t in words)
    return bool(words) and (held_in_place or all(t.ent_type_ in _PLACE_LABELS_OF_TITLES for t in words)) \
        and not _adds_head(" ".join(t.lower_ for t in words), _org_heads(doc))


def numbers(found: Found) -> list[NumberFact]:
    records = []
    for span in found.spans("numbers"):
        info = span._.factx_number
        records.append(NumberFact(span.text, span.start_char, span.end_char, info["value"], info["unit"],
                                  info["kind"], info["qualifier"], info["counted"], info.get("low"), info.get("high")))
    return records


def dates(found: Found) -> list[DateFact]:
    records = []
    for span in found.spans("dates"):
        info = span._.factx_date
        records.append(DateFact(span.text, span.start_char, span.end_char, info["value"], info["kind"],
                                info["granularity"], info["modifier"], info["relative"], info["anchor"],
                                info.get("calendar")))
    return records
