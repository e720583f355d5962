"""Each title construction on its own, on sentences written for the test: the exact set of proposals
it makes (person, title as written, organization, status read), and none where the sentence gives
none; the registry (one construction per declared rule id) and the resolver (the same links
whatever order the proposals come in)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from spacy.tokens import Doc

from factx.components.rules import rule_index
from factx.components.titles import CONSTRUCTIONS, LINK_CONSTRUCTIONS, Proposal, Scene, construction
from factx.components.titles.constructions import propose
from factx.components.titles.resolve import resolve
from factx.patterns import attached
from factx.titlerules import TitleRule

Link = tuple[str, str, str | None, str | None]


def _scene(nlp: Any, text: str) -> Scene:
    doc = nlp(text)
    honorifics = {w for phrase in attached(nlp).words("HONORIFIC") for w in phrase.split()}
    return Scene.of(doc, rule_index(doc), honorifics)


def _as_links(doc: Doc, proposals: list[Proposal]) -> set[Link]:
    return {(p.person.text, doc[p.title.start:p.title.end].text, p.org.name if p.org else None, p.status)
            for p in proposals}


def _proposed(nlp: Any, rule: TitleRule, text: str) -> set[Link]:
    scene = _scene(nlp, text)
    return _as_links(scene.doc, list(CONSTRUCTIONS[rule].propose(scene)))


CASES: list[tuple[TitleRule, str, set[Link]]] = [
    (TitleRule.NAME_COMMA_TITLE, "Maya Okonjo, chairman of Dravik Holdings, opened the meeting.",
     {("Maya Okonjo", "chairman", "Dravik Holdings", None)}),
    (TitleRule.NAME_COMMA_TITLE, "Tom Bell, former chairman of Dravik Holdings, spoke first.",
     {("Tom Bell", "former chairman", "Dravik Holdings", "former")}),
    (TitleRule.NAME_COMMA_TITLE, "Ann Wu, a former NASA spokesman, declined to comment.",
     {("Ann Wu", "spokesman", "NASA", "former")}),
    (TitleRule.NAME_COMMA_TITLE, "Maya Okonjo, Tom Bell and Ann Wu arrived.", set()),
    (TitleRule.NAME_WHO_IS_TITLE, "Tom Bell, who is treasurer of the Harlow Rowing Club, resigned.",
     {("Tom Bell", "treasurer", "Harlow Rowing Club", None)}),
    (TitleRule.NAME_WHO_IS_TITLE, "Tom Bell, who is tired, left early.", set()),
    (TitleRule.NAME_COMMA_ORG_TITLE, "Fred Marlow, another NASA spokesman, declined to comment.",
     {("Fred Marlow", "spokesman", "NASA", None)}),
    (TitleRule.NAME_COMMA_ORG_TITLE, "Maya Okonjo, chairman of Dravik Holdings, opened the meeting.", set()),
    # a capitalised run NER does not call an organization, up to the title
    (TitleRule.NAME_COMMA_ORG_TITLE, "Ann Wu, the IRCU Secretary General, said the council would act.",
     {("Ann Wu", "Secretary General", "IRCU", None)}),
    # the organization before a title held in a place
    (TitleRule.NAME_COMMA_ORG_TITLE, "Ann Wu said stocks were low, said Tom Bell, WFP Regional Director for "
     "Eastern Africa.", {("Tom Bell", "Regional Director for Eastern Africa", "WFP", None)}),
    (TitleRule.NAME_COMMA_ORG_TITLE, "Tom Bell, Madam Chair, said.", set()),  # an honorific is no organization
    (TitleRule.NAME_ORG_POSSESSIVE_TITLE, "Ann Wu, Kestrel Bank's chief economist, said rates would fall.",
     {("Ann Wu", "chief economist", "Kestrel Bank", None)}),
    (TitleRule.NAME_ORG_POSSESSIVE_TITLE, "Fred Marlow, another NASA spokesman, declined to comment.", set()),
    # a second title after "and" is the same organization's; a portfolio goes on in a coordination
    (TitleRule.NAME_ORG_POSSESSIVE_TITLE, "Kenji Sato, Dravik Electric's senior managing executive officer and "
     "head of research and development, said the tests went well.",
     {("Kenji Sato", "senior managing executive officer", "Dravik Electric", None),
      ("Kenji Sato", "head of research and development", "Dravik Electric", None)}),
    (TitleRule.TITLE_BEFORE_NAME, "Finance Minister Ana Ruiz said the budget was ready.",
     {("Ana Ruiz", "Finance Minister", None, None)}),
    (TitleRule.TITLE_BEFORE_NAME, "Governor Li Wen of the Anhui Provincial Government spoke.",
     {("Li Wen", "Governor", "Anhui Provincial Government", None)}),
    (TitleRule.TITLE_BEFORE_NAME, "Tom Bell met the chief financial officer on Monday.", set()),
    # a title that is also an honorific is the title; an honorific alone is none
    (TitleRule.TITLE_BEFORE_NAME, "Her co-authors include Associate Professor Kenji Sato and Dr. Ann Wu.",
     {("Kenji Sato", "Associate Professor", None, None)}),
    (TitleRule.TITLE_BEFORE_NAME, "Chairman Dr. Ann Lee opened the meeting.", {("Ann Lee", "Chairman", None, None)}),
    # "NAME of ORG's ORG": the second organization
    (TitleRule.TITLE_BEFORE_NAME, "The team is led by Professor Kenji Sato of HIST's Center for Quantum Materials.",
     {("Kenji Sato", "Professor", "Center for Quantum Materials", None)}),
    (TitleRule.ORG_TITLE_COMMA_NAME, "Kestrel Bank's chairman, Omar Salih, said profit rose.",
     {("Omar Salih", "chairman", "Kestrel Bank", None)}),
    (TitleRule.ORG_TITLE_COMMA_NAME, "The chief executive of Dravik Holdings, Maya Okonjo, said sales rose.", set()),
    # an organization right before the title employs; a named unit after "of" is its portfolio
    (TitleRule.ORG_TITLE_COMMA_NAME,
     "Kestrel Trade Sdn Bhd vice-president of Equity Research, Lim Boon Heng said the market was strong.",
     {("Lim Boon Heng", "vice-president", "Kestrel Trade Sdn Bhd", None)}),
    (TitleRule.TITLE_COMMA_NAME,
     "Kestrel Trade Sdn Bhd vice-president of Equity Research, Lim Boon Heng said the market was strong.", set()),
    (TitleRule.TITLE_COMMA_NAME, "The chief executive of Dravik Holdings, Maya Okonjo, said sales rose.",
     {("Maya Okonjo", "chief executive", "Dravik Holdings", None)}),
    (TitleRule.TITLE_COMMA_NAME, "Kestrel Bank's chairman, Omar Salih, said profit rose.", set()),
    # a status word before the organization that owns a title held in a place
    (TitleRule.TITLE_COMMA_NAME, "The former UNHCR representative in Kenya, Ann Wu, had warned of the crisis.",
     {("Ann Wu", "representative", "UNHCR", "former")}),
    (TitleRule.TITLE_COMMA_NAME, "The union's national organiser for freight, Tom Bell, said members would strike.",
     {("Tom Bell", "national organiser for freight", None, None)}),
    (TitleRule.TITLE_OF_ORG_BEFORE_NAME, "President of the Harlow Chamber of Commerce Tom Bell welcomed the guests.",
     {("Tom Bell", "President", "Harlow Chamber of Commerce", None)}),
    (TitleRule.TITLE_OF_ORG_BEFORE_NAME, "Governor Li Wen of the Anhui Provincial Government spoke.", set()),
    (TitleRule.COORDINATED_TITLES_BEFORE_NAME, "Foreign Minister and Deputy Prime Minister Ana Ruiz arrived on Monday.",
     {("Ana Ruiz", "Foreign Minister", None, None)}),
    (TitleRule.COORDINATED_TITLES_BEFORE_NAME, "Finance Minister Ana Ruiz said the budget was ready.", set()),
    # a title right before the title before the name; another title ends the organization's name
    (TitleRule.COORDINATED_TITLES_BEFORE_NAME, "AFP Chief of Staff Gen. Ann Wu told reporters.",
     {("Ann Wu", "Chief of Staff", "AFP", None)}),
    (TitleRule.TITLE_BEFORE_NAME, "AFP Chief of Staff Gen. Ann Wu told reporters.", {("Ann Wu", "Gen.", None, None)}),
    # honorifics between the title and the name, an apostrophe split off included ("Dato'")
    (TitleRule.TITLE_BEFORE_NAME, "Deputy Minister of Works Dato' Ahmad Zaki bin Hassan, who attended the ceremony, "
     "said the road would help.", {("Ahmad Zaki bin Hassan", "Deputy Minister of Works", None, None)}),
    (TitleRule.TITLE_BEFORE_NAME, "\"We had no doubt,\" said Chairman Tan Sri Dato' Seri Ahmad Zaki bin Hassan.",
     {("Ahmad Zaki bin Hassan", "Chairman", None, None)}),
    # an unlabelled capitalised run after "of" stops where a person starts
    (TitleRule.TITLE_OF_ORG_BEFORE_NAME, "Governor-General of Kerman Province Reza Mortezavi-Nia, who visited the "
     "pavilion on Saturday, said so.", {("Reza Mortezavi-Nia", "Governor-General", "Kerman Province", None)}),
    # a second role after the rest of the first one's organization ("project office")
    (TitleRule.NAME_COMMA_TITLE, "Ann Wu, head of the Dravik project office and a former lecturer at Harlow "
     "University, said the dam was safe.",
     {("Ann Wu", "head", "Dravik", None), ("Ann Wu", "former lecturer", "Harlow University", "former")}),
    (TitleRule.NAME_COMMA_TITLE, "Dravik FC named Dr. Ann Wu, a former senior physiotherapist at Harlow Hospital, "
     "as its head of medical services.",
     {("Ann Wu", "former senior physiotherapist", "Harlow Hospital", "former")}),
    (TitleRule.SHARED_TITLE_LIST, "Economists Ann Wu and Tom Bell of Kestrel Bank disagreed.",
     {("Tom Bell", "Economists", "Kestrel Bank", None)}),
    (TitleRule.SHARED_TITLE_LIST,
     "Ann Wu, Tom Bell and Maya Okonjo, researchers at the Harlow Institute, published the study.",
     {("Ann Wu", "researchers", "Harlow Institute", None), ("Tom Bell", "researchers", "Harlow Institute", None)}),
    (TitleRule.SHARED_TITLE_LIST, "Maya Okonjo, chairman of Dravik Holdings, opened the meeting.", set()),
    (TitleRule.SHARED_TITLE_LIST, "Chairman Tom Bell and Ann Wu signed the letter.", set()),  # one chairman
    (TitleRule.SHARED_TITLE_LIST, "Ann Wu and Tom Bell, secretary of the Harlow Rowing Club, signed.", set()),
    (TitleRule.TITLE_BY_PARSE, "Tom Bell will join Dravik Holdings as chief financial officer.",
     {("Tom Bell", "chief financial officer", "Dravik Holdings", None)}),
    (TitleRule.TITLE_BY_PARSE, "Tom Bell met the chief financial officer on Monday.", set()),
    # the object of "succeed" holds the title written with it; a plural title is every subject's
    (TitleRule.TITLE_BY_PARSE, "Tom Bell succeeds chairman Ann Wu, who has led the club since 2020.", set()),
    (TitleRule.TITLE_BY_PARSE, "Ann Wu and Tom Bell would join the board as independent directors.",
     {("Ann Wu", "independent directors", None, None), ("Tom Bell", "independent directors", None, None)}),
    # the parse is read at the phrase's head ("Minister", "Editor"), not its last word
    (TitleRule.TITLE_BY_PARSE, "Ann Wu was appointed Minister of Foreign Affairs in May.",
     {("Ann Wu", "Minister of Foreign Affairs", None, None)}),
    (TitleRule.TITLE_BY_PARSE, "Dravik Corp named Ann Wu as Editor-in-Chief of Dravik News.",
     {("Ann Wu", "Editor-in-Chief", "Dravik News", None)}),
    # "named NAME TITLE": the parse reads the name as a modifier of the title; the one named holds it
    (TitleRule.TITLE_BY_PARSE, "Ann Wu named Tom Bell chief executive of Dravik Bank.",
     {("Tom Bell", "chief executive", "Dravik Bank", None)}),
    (TitleRule.TITLE_BY_PARSE, "Ann Wu, the chairman, named Tom Bell's daughter in the will.", set()),
    (TitleRule.TITLE_BY_PARSE, "Kestrel Media Corporation today named Marie-Ève Gagnon as Editor-in-Chief of "
     "Kestrel News.", {("Marie-Ève Gagnon", "Editor-in-Chief", "Kestrel News", None)}),
    # the parse made the title's first word a verb ("managing"): its "be" is the copula; a second verb
    # coordinated with no subject of its own has the first one's
    (TitleRule.TITLE_BY_PARSE, "Ann Wu, 52, is currently managing editor of Dravik News and was previously the "
     "Oslo bureau chief for a wire service.",
     {("Ann Wu", "managing editor", "Dravik News", None), ("Ann Wu", "bureau chief", "Oslo", None)}),
    (TitleRule.TITLE_BY_PARSE, "Tom Bell is managing the editor of Dravik News.", set()),
    # the one whose term it is holds the title: former once the term has ended
    (TitleRule.TERM_AS_TITLE, "Ann Wu, whose two-year term as chairperson of the Harlow Council ended this month, "
     "will stay on.", {("Ann Wu", "chairperson", "Harlow Council", "former")}),
    (TitleRule.TERM_AS_TITLE, "Tom Bell's tenure as coach of Dravik FC began in 2019.",
     {("Tom Bell", "coach", "Dravik FC", None)}),
    (TitleRule.TERM_AS_TITLE, "Tom Bell praised the term as chairperson that Ann Wu served.", set()),
    # coordinated subjects where the parse hangs the second name on the first one's apposition
    (TitleRule.TITLE_BY_PARSE, "The company said Park Min-ji, a former vice minister of trade, and Choi Hyun-woo, "
     "a professor of law at Harlow University, would join the board as independent directors.",
     {("Park Min-ji", "independent directors", None, None), ("Choi Hyun-woo", "independent directors", None, None)}),
]


@pytest.mark.parametrize(("rule", "text", "expected"), CASES, ids=[f"{r.value}:{t[:30]}" for r, t, _ in CASES])
def test_each_construction_proposes_exactly_what_the_sentence_gives(nlp: Any, rule: TitleRule, text: str,
                                                                   expected: set[Link]) -> None:
    assert _proposed(nlp, rule, text) == expected


LINK_CASES: list[tuple[TitleRule, str, set[Link]]] = [
    # the predecessor holds the successor's title: current while the succession is to come, former once told
    (TitleRule.SUCCEEDED_NAME, "Ann Wu will take over as chief financial officer on 1 May, succeeding Tom Bell, "
     "who retires in June.", {("Tom Bell", "chief financial officer", None, None)}),
    (TitleRule.SUCCEEDED_NAME, "Dravik Museum's director, Ann Wu, opened the show. Wu succeeded Tom Bell, who "
     "stepped down in March.", {("Tom Bell", "director", "Dravik Museum", "former")}),
    (TitleRule.SUCCEEDED_NAME, "Ann Wu, the chairman of Dravik Bank, has replaced Tom Bell.",
     {("Tom Bell", "chairman", "Dravik Bank", "former")}),
    # no title of the successor, a founder's title, or no succession: nothing
    (TitleRule.SUCCEEDED_NAME, "Ann Wu succeeded Tom Bell last year.", set()),
    (TitleRule.SUCCEEDED_NAME, "Ann Wu, co-founder of Dravik Labs, succeeded Tom Bell.", set()),
    (TitleRule.SUCCEEDED_NAME, "Ann Wu, chairman of Dravik Bank, met Tom Bell.", set()),
    # the successor takes the title the predecessor leaves: incoming while to come, current once told;
    # "He"/"Her" is the last person with a title in the sentence before
    (TitleRule.SUCCESSOR_NAME, "Tom Bell will retire as chairman of Dravik Bank on 31 March. He will be succeeded "
     "by Ann Wu, currently chief operating officer.", {("Ann Wu", "chairman", "Dravik Bank", "incoming")}),
    (TitleRule.SUCCESSOR_NAME, "Ann Wu, who has been director of the Harlow Museum since 2018, will step down in "
     "June. Her successor, Tom Bell, will take up the post on 1 September.",
     {("Tom Bell", "director", "Harlow Museum", "incoming")}),
    (TitleRule.SUCCESSOR_NAME, "Tom Bell, chairman of Dravik Bank, was replaced by Ann Wu in May.",
     {("Ann Wu", "chairman", "Dravik Bank", None)}),
    # no succession, or no title to pass on
    (TitleRule.SUCCESSOR_NAME, "Tom Bell, chairman of Dravik Bank, said he would be succeeded by Ann Wu.",
     {("Ann Wu", "chairman", "Dravik Bank", "incoming")}),
    (TitleRule.SUCCESSOR_NAME, "Tom Bell, chairman of Dravik Bank, was joined by Ann Wu in May.", set()),
    (TitleRule.SUCCESSOR_NAME, "Tom Bell spoke first. He will be succeeded by Ann Wu.", set()),
    (TitleRule.SUCCESSOR_NAME, "Tom Bell, the chief of the Harlow Navy, will hand over to Ann Wu on April 15.",
     {("Ann Wu", "chief", "Harlow Navy", "incoming")}),
    # a rank is the person's own: no successor takes it
    (TitleRule.SUCCESSOR_NAME, "Vice Admiral Tom Bell will hand over to Rear Admiral Ann Wu on April 15.", set()),
]


@pytest.mark.parametrize(("rule", "text", "expected"), LINK_CASES,
                         ids=[f"{r.value}:{t[:30]}" for r, t, _ in LINK_CASES])
def test_each_link_construction_proposes_exactly_what_the_sentence_gives(nlp: Any, rule: TitleRule, text: str,
                                                                        expected: set[Link]) -> None:
    scene = _scene(nlp, text)
    links = resolve(propose(scene))
    assert _as_links(scene.doc, list(LINK_CONSTRUCTIONS[rule](scene, links))) == expected


def test_every_declared_rule_has_one_construction_with_a_test() -> None:
    assert set(CONSTRUCTIONS) | set(LINK_CONSTRUCTIONS) == set(TitleRule)
    assert not set(CONSTRUCTIONS) & set(LINK_CONSTRUCTIONS)
    assert {rule for rule, _text, expected in CASES if expected} == set(CONSTRUCTIONS)
    assert {rule for rule, _text, expected in CASES if not expected} == set(CONSTRUCTIONS)
    assert {rule for rule, _text, expected in LINK_CASES if expected} == set(LINK_CONSTRUCTIONS)
    assert {rule for rule, _text, expected in LINK_CASES if not expected} == set(LINK_CONSTRUCTIONS)


def test_a_rule_id_takes_one_construction_only() -> None:
    with pytest.raises(ValueError, match="'title-by-parse' already has a construction"):
        construction(TitleRule.TITLE_BY_PARSE, priority=1)(lambda scene: iter(()))


def test_the_resolver_gives_the_same_links_in_any_order(nlp: Any) -> None:
    scene = _scene(nlp, "Economists Ann Wu and Tom Bell of Kestrel Bank disagreed. Tom Bell, who is treasurer of "
                        "the Harlow Rowing Club, will join Dravik Holdings as chief financial officer.")
    proposals = propose(scene)
    assert len(proposals) > len(resolve(proposals))  # the parse proposes a link a construction already made
    chosen = resolve(proposals)
    for seed in range(5):
        shuffled = proposals[:]
        random.Random(seed).shuffle(shuffled)
        assert resolve(shuffled) == chosen
    assert {(p.person.text, p.title.canonical, p.rule) for p in chosen} == {
        ("Ann Wu", "economist", TitleRule.TITLE_BEFORE_NAME),
        ("Tom Bell", "economist", TitleRule.SHARED_TITLE_LIST),
        ("Tom Bell", "treasurer", TitleRule.NAME_WHO_IS_TITLE),
        ("Tom Bell", "chief financial officer", TitleRule.TITLE_BY_PARSE),
    }


def test_the_winner_takes_the_organization_another_proposal_names(nlp: Any) -> None:
    scene = _scene(nlp, "Tom Bell will join Dravik Holdings as chief financial officer.")
    (parse,) = propose(scene)
    bare = Proposal(parse.person, parse.title, None, None, TitleRule.TITLE_BEFORE_NAME)
    (chosen,) = resolve([bare, parse])
    assert chosen.rule is TitleRule.TITLE_BEFORE_NAME
    assert chosen.org == parse.org and chosen.org is not None and chosen.org.name == "Dravik Holdings"


def test_a_new_construction_is_one_registered_function(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Replacing the parse construction with a function of its own: the linker runs it, with no other change."""

    def name_then_title_in_parentheses(scene: Scene) -> Iterator[Proposal]:
        for person in scene.people:
            title = scene.by_start.get(person.end + 1)
            if title is not None and scene.doc[person.end].text == "(" and scene.doc[title.end].text == ")":
                yield Proposal(person, title, None, None, TitleRule.TITLE_BY_PARSE)

    text = "Tom Bell (chairman) and Ann Wu (treasurer) signed the letter."
    assert nlp(text)._.factx_title_links == []
    monkeypatch.delitem(CONSTRUCTIONS, TitleRule.TITLE_BY_PARSE)
    construction(TitleRule.TITLE_BY_PARSE, priority=10)(name_then_title_in_parentheses)
    links = {(link.person, link.title, link.rule) for link in nlp(text)._.factx_title_links}
    assert links == {("Tom Bell", "chairman", TitleRule.TITLE_BY_PARSE),
                     ("Ann Wu", "treasurer", TitleRule.TITLE_BY_PARSE)}


def test_constructions_change_nothing_they_read(nlp: Any) -> None:
    scene = _scene(nlp, "Economists Ann Wu and Tom Bell of Kestrel Bank disagreed.")
    before = list(scene.titles)
    first = _as_links(scene.doc, propose(scene))
    assert _as_links(scene.doc, propose(scene)) == first
    assert scene.titles == before
