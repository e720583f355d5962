"""Titles on sentences written for the test: a title phrase followed by a comma and a name is that
name's title ("The Minister of State for Finance, Dr. Ann Obi, said"); a common noun or "its" before
the title names the organization the text speaks of; "outgoing" is a current holder."""

from typing import Any

import pytest

DATE = "2024-03-05"


def _links(doc: dict[str, Any]) -> set[tuple[str, str, str | None, str | None]]:
    return {(t["title"], t["person"], t["organization"], t["status"]) for t in doc["titles"]}


@pytest.mark.parametrize(("text", "expected"), [
    ("The Minister of State for Finance, Dr. Ann Obi, said the plan was ready.",
     {("Minister of State for Finance", "Ann Obi", None, "current")}),
    ("Chief Executive Officer of Harlow Mining Corp., Tom Reyes, said output rose.",
     {("Chief Executive Officer", "Tom Reyes", "Harlow Mining Corp.", "current")}),
    ("The Brindle Builders Association, whose president, Omar Salih, spoke first, backed the bill.",
     {("president", "Omar Salih", "Brindle Builders Association", "current")}),
])
def test_a_title_before_a_comma_and_a_name_is_that_names(extract: Any, text: str, expected: set[Any]) -> None:
    assert _links(extract(text, DATE)) == expected


def test_a_title_after_a_name_stays_with_that_name(extract: Any) -> None:
    doc = extract("Tom Bell, chairman of Harlow Mining Corp., and Ann Wu attended the meeting.", DATE)
    assert _links(doc) == {("chairman", "Tom Bell", "Harlow Mining Corp.", "current")}


def test_a_common_noun_possessor_names_the_company_of_the_text(extract: Any) -> None:
    doc = extract("Harlow Mining Corp. said on Monday that profit rose. The company's chief financial officer, "
                  "Maria Stone, said costs fell.", DATE)
    assert _links(doc) == {("chief financial officer", "Maria Stone", "Harlow Mining Corp.", "current")}


def test_a_common_noun_possessor_without_such_an_organization_names_none(extract: Any) -> None:
    doc = extract("Profit rose on Monday. The company's chief financial officer, Maria Stone, said costs fell.",
                  DATE)
    assert _links(doc) == {("chief financial officer", "Maria Stone", None, "current")}


def test_the_possessor_not_the_place_is_the_organization(extract: Any) -> None:
    doc = extract("UNICEF's Representative in Kenya, Mary Otieno, said aid would grow.", DATE)
    assert [(t["person"], t["organization"], t["place"]) for t in doc["titles"]] == [("Mary Otieno", "UNICEF", None)]


def test_outgoing_and_current_are_current_and_left_out_of_the_title(extract: Any) -> None:
    doc = extract("The outgoing chairman, Li Wei, and the current chief executive, Zhou Yan, met on Friday.", DATE)
    assert _links(doc) == {("chairman", "Li Wei", None, "current"), ("chief executive", "Zhou Yan", None, "current")}


def test_malay_honorifics_are_neither_the_name_nor_the_title(extract: Any) -> None:
    doc = extract("The envoy was received by Trade Minister Datuk Seri Azlan Hamid and by Datin Noraini Salleh.",
                  DATE)
    assert _links(doc) == {("Trade Minister", "Azlan Hamid", None, "current")}
    assert {p["name"] for p in doc["people"]} == {"Azlan Hamid", "Noraini Salleh"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Rosa Lind, a former vice minister of food and drug safety, joined the board.",
     {("vice minister of food and drug safety", "Rosa Lind", None, "former")}),
    ("The Minister of Trade, Industry and Tourism, Dr. Kofi Mensah, opened the fair.",
     {("Minister of Trade, Industry and Tourism", "Kofi Mensah", None, "current")}),
    # a word that is itself a title starts a second title
    ("Anna Berg, chief of staff and spokesman for the mayor, declined to comment.",
     {("chief of staff", "Anna Berg", None, "current"), ("spokesman", "Anna Berg", None, "current")}),
    # a comma alone does not join: the list must close with "and"
    ("Tom Reyes, head of research, analysts said, was absent.",
     {("head of research", "Tom Reyes", None, "current")}),
])
def test_a_coordinated_portfolio_belongs_to_the_title(extract: Any, text: str, expected: set[Any]) -> None:
    assert _links(extract(text, DATE)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Fred Farrar, another FAA spokesman, said airlines would comply.",
     {("spokesman", "Fred Farrar", "FAA", "current")}),
    ("Layla Bakhit, formerly head of treasury at Gulfport Investment Bank, takes over in May.",
     {("head of treasury", "Layla Bakhit", "Gulfport Investment Bank", "former")}),
    # the organization and title before the next name are that name's
    ("Lu Shuwen, academician of the Chinese Academy of Engineering, and Chinese Academy of Sciences "
     "academician Yan Zhiqiang spoke.",
     {("academician", "Lu Shuwen", "Chinese Academy of Engineering", "current"),
      ("academician", "Yan Zhiqiang", "Chinese Academy of Sciences", "current")}),
])
def test_an_organization_or_a_status_adverb_in_apposition_before_the_title(
        extract: Any, text: str, expected: set[Any]) -> None:
    assert _links(extract(text, DATE)) == expected


def test_the_company_on_a_tie_is_the_first_named(extract: Any) -> None:
    doc = extract("PT Karya Baja Tbk said on Tuesday it would build a smelter with Ningxia Ores Co., Ltd. "
                  "Budi Santoso, the company's president director, said work would start in June.", DATE)
    assert _links(doc) == {("president director", "Budi Santoso", "PT Karya Baja Tbk", "current")}


def test_a_company_officer_with_no_organization_is_the_releases_company(extract: Any) -> None:
    doc = extract("Harlow Mining Corp. said on Monday that output rose 4%. Chief financial officer Maria Stone "
                  "said costs fell. Minister Tom Reyes welcomed the news.", DATE)
    assert _links(doc) == {("Chief financial officer", "Maria Stone", "Harlow Mining Corp.", "current"),
                           ("Minister", "Tom Reyes", None, "current")}  # not a company's title


def test_no_company_subject_no_organization(extract: Any) -> None:
    doc = extract("A report on Monday said output rose 4% at the mines of Harlow Mining Corp. in Peru. Chief "
                  "financial officer Maria Stone said costs fell.", DATE)
    assert _links(doc) == {("Chief financial officer", "Maria Stone", None, "current")}


def test_a_company_board_title_with_no_organization_is_the_releases_company(extract: Any) -> None:
    # "independent director" is a company's board seat; a plain "director" may be any organization's
    doc = extract("Harlow Mining Corp. said on Monday that output rose 4%. Maria Stone, an independent director, "
                  "said costs fell. Tom Reyes, a director of the museum, welcomed the news.", DATE)
    assert _links(doc) == {("independent director", "Maria Stone", "Harlow Mining Corp.", "current"),
                           ("director", "Tom Reyes", None, "current")}
