"""The organization of a title, on sentences written for the test: "the agency" after the title's
preposition stands for the agency named before; a name in apposition to a description; an age or
a party and state between a name and its title; a portfolio word that ends an organization's name
stays the organization's; NER's two halves of "Committee on X" are one name."""

from typing import Any

import pytest

DATE = "2024-03-05"


def _links(doc: dict[str, Any]) -> set[tuple[str, str, str | None]]:
    return {(t["title"], t["person"], t["organization"]) for t in doc["titles"]}


@pytest.mark.parametrize(("text", "expected"), [
    ("The Northfield Water Agency is testing wells, said Ruth Okoro, a spokeswoman for the agency.",
     {("spokeswoman", "Ruth Okoro", "Northfield Water Agency")}),
    # the noun names no organization written before it: no organization
    ("Ruth Okoro, a spokeswoman for the agency, said the Northfield Water Agency is testing wells.",
     {("spokeswoman", "Ruth Okoro", None)}),
    ("The Northfield Water Agency is testing wells, said Ruth Okoro, a spokeswoman for the union.",
     {("spokeswoman", "Ruth Okoro", None)}),
])
def test_the_noun_after_the_title_stands_for_the_organization_named_before(
        extract: Any, text: str, expected: set[Any]) -> None:
    assert _links(extract(text, DATE)) == expected


def test_a_name_in_apposition_to_a_description_is_the_organization(extract: Any) -> None:
    doc = extract("The loudest critic has been Pavel Hrdina, chairman of the largest opposition party, "
                  "the Civic Renewal Party, who spoke on Monday.", DATE)
    assert _links(doc) == {("chairman", "Pavel Hrdina", "Civic Renewal Party")}


@pytest.mark.parametrize(("text", "expected"), [
    # a unit noun ending the description, after a possessive and a nationality
    ("The governor handed the licence to Chen Kuo-liang, general director of the company's new Vietnamese "
     "subsidiary, Orvane Vietnam Co., Ltd.", {("general director", "Chen Kuo-liang", "Orvane Vietnam Co., Ltd.")}),
    ("The governor thanked Chen Kuo-liang, general director of the new subsidiary, Orvane Vietnam Co., Ltd.",
     {("general director", "Chen Kuo-liang", "Orvane Vietnam Co., Ltd.")}),
])
def test_a_unit_named_in_apposition_to_its_description_is_the_organization(
        extract: Any, text: str, expected: set[Any]) -> None:
    assert _links(extract(text, DATE)) == expected


def test_a_description_that_names_no_organization_gives_none(extract: Any) -> None:
    doc = extract("Pavel Hrdina, chairman of the local branch, Harlow Mining Corp. said, rejected the plan.", DATE)
    assert _links(doc) == {("chairman", "Pavel Hrdina", None)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Ann Lee, 53, a former Harlow University law professor, was named to the bench.",
     {("law professor", "Ann Lee", "Harlow University")}),
    ("The rules will change, said Sen. Tom Brandt, D-Ohio, chairman of the Senate Finance Committee.",
     {("Sen.", "Tom Brandt", None), ("chairman", "Tom Brandt", "Senate Finance Committee")}),
])
def test_an_age_or_a_party_and_state_comes_between_a_name_and_its_title(
        extract: Any, text: str, expected: set[Any]) -> None:
    assert _links(extract(text, DATE)) == expected


def test_an_age_alone_is_no_title(extract: Any) -> None:
    assert _links(extract("Ann Lee, 53, said the rules would change.", DATE)) == set()


def test_a_word_ending_an_organization_name_is_not_the_titles(extract: Any) -> None:
    doc = extract("The school was closed on Monday, Board of Education spokesman Frank Moreno said.", DATE)
    assert _links(doc) == {("spokesman", "Frank Moreno", "Board of Education")}


def test_ner_halves_of_a_committee_on_name_are_one_organization(extract: Any) -> None:
    doc = extract("The hearings will be long, said Sen. Alan Cranston, D-Calif., chairman of the Senate "
                  "Committee on Veterans Affairs.", DATE)
    assert _links(doc) == {("Sen.", "Alan Cranston", None),
                           ("chairman", "Alan Cranston", "Senate Committee on Veterans Affairs")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Tom Reed, another Harlow Mining employee, saw the fire start.", {("employee", "Tom Reed", "Harlow Mining")}),
    ("The plan is sound, said Ana Ruiz, executive of Brightwater Capital, on Monday.",
     {("executive", "Ana Ruiz", "Brightwater Capital")}),
    ("Ana Ruiz, a lobbyist with the Northfield Growers Association, spoke first.",
     {("lobbyist", "Ana Ruiz", "Northfield Growers Association")}),
])
def test_occupations_from_the_lexicon_take_their_organization(extract: Any, text: str, expected: set[Any]) -> None:
    assert _links(extract(text, DATE)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Tomasz Kowal, president of the management board of Pomorskie Kable S.A., said orders rose.",
     {("president", "Tomasz Kowal", "Pomorskie Kable S.A.")}),
    # a body with no organization after it: no organization
    ("Tomasz Kowal, president of the management board, said orders rose.", {("president", "Tomasz Kowal", None)}),
])
def test_a_body_inside_the_organization_then_the_organization(extract: Any, text: str, expected: set[Any]) -> None:
    assert _links(extract(text, DATE)) == expected


def test_the_noun_stands_for_an_organization_named_paragraphs_before(extract: Any) -> None:
    doc = extract("The Baltic Maritime University opened a wind lab.\n\nStudents will train on turbines. Funding "
                  "came from the region.\n\n\"It is a start,\" said Ewa Lis, who became rector of the university "
                  "in June.", DATE)
    assert _links(doc) == {("rector", "Ewa Lis", "Baltic Maritime University")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Also present was Musa Garba, Deputy Governor (Economic Policy) of the Central Bank of Nigeria.",
     {("Deputy Governor", "Musa Garba", "Central Bank of Nigeria")}),
    ("Wim Smet, chief operating officer (COO) of Harlow Mining Corp., said output rose.",
     {("chief operating officer", "Wim Smet", "Harlow Mining Corp.")}),
])
def test_a_portfolio_or_acronym_in_parentheses_before_the_organization(
        extract: Any, text: str, expected: set[Any]) -> None:
    assert _links(extract(text, DATE)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a branch named by its place, then the organization it belongs to
    ("Ann Wu, president of the Harlow branch of the Union of Civil Engineers, said inspections rose.",
     {("president", "Ann Wu", "Union of Civil Engineers")}),
    # where a company is based is no organization
    ("Ann Wu, managing partner of London-based Dravik Capital AG, which invested heavily, will join.",
     {("managing partner", "Ann Wu", "Dravik Capital AG")}),
    # "its" + a description + the name of the unit
    ("Tom Bell, head of its U.S. unit Dravik America Inc., will lead it.",
     {("head", "Tom Bell", "Dravik America Inc.")}),
    # "its" + a description that names no organization: none
    ("Dravik Holdings said Ann Wu, head of its Asia business, would retire.", {("head", "Ann Wu", None)}),
])
def test_a_description_between_the_title_and_its_organization(extract: Any, text: str, expected: set[Any]) -> None:
    assert _links(extract(text, DATE)) == expected


def test_a_name_ner_ran_into_the_title_is_the_titles_organization(nlp: Any) -> None:
    # the model reads "Coast Guard Lt" as one organization; "Lt." is the title, "Coast Guard" its organization
    links = nlp("The Coast Guard Lt. Ann Wu said the boat sank.")._.factx_title_links
    assert [(link.title, link.person, link.organization) for link in links] == [("Lt.", "Ann Wu", "Coast Guard")]


@pytest.mark.parametrize(("text", "expected"), [
    # the organization's acronym in parentheses between it and the title
    ("The approval was welcome, said Harlow Palm Growers Association (HPGA) chief executive officer Datuk "
     "Ahmad Kamal.", {("chief executive officer", "Ahmad Kamal", "Harlow Palm Growers Association")}),
    # an acronym the model calls a nationality is still a name
    ("BAM president Tan Sri Ahmad Norza Zakaria said both parties had agreed.",
     {("president", "Ahmad Norza Zakaria", "BAM")}),
    ("Dutch ambassador Ann de Vries arrived.", {("ambassador", "Ann de Vries", None)}),
    # a name before a place is a company's local name; a place alone is where the title is held
    ("Kestrel Malaysia managing director Omar Salih said this marked a record.",
     {("managing director", "Omar Salih", "Kestrel Malaysia")}),
    # words joined by "and" or a hyphen are one name; a capitalised "By" opens none
    ("The fire was out by noon, Harlow Fire and Rescue Department (HFRD) director Ahmad Kamal said.",
     {("director", "Ahmad Kamal", "Harlow Fire and Rescue Department")}),
    ("(By ITAR-TASS correspondent Boris Orlov)", {("correspondent", "Boris Orlov", "ITAR-TASS")}),
    # a status word before the title is the title's, not the organization's
    ("The Harlow Office of Science and Technology Policy Acting Director, Ann Wu, spoke.",
     {("Director", "Ann Wu", "Harlow Office of Science and Technology Policy")}),
])
def test_the_organization_written_before_the_title(extract: Any, text: str, expected: set[Any]) -> None:
    assert _links(extract(text, DATE)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Health Ministry said cases fell. Health Minister Ann Wu said the plan worked.",
     {("Health Minister", "Ann Wu", "Health Ministry")}),
    ("The Ministry of Food and Drug Safety approved it. Ann Wu, a vice minister of food and drug safety, agreed.",
     {("vice minister of food and drug safety", "Ann Wu", "Ministry of Food and Drug Safety")}),
    # a ministry of another portfolio is not hers
    ("The Finance Ministry said prices rose. Health Minister Ann Wu said cases fell.",
     {("Health Minister", "Ann Wu", None)}),
])
def test_a_ministers_portfolio_names_the_ministry_the_text_names(extract: Any, text: str,
                                                                 expected: set[Any]) -> None:
    assert _links(extract(text, DATE)) == expected
