"""Title phrases on sentences written for the test: a portfolio after "for" belongs to the title
("Cabinet Secretary for Health", "vice-rector for research"), a title after "for" or a hyphenated
adjective does not; a plural portfolio word is not made singular."""

from typing import Any

import pytest

DATE = "2024-03-05"


def _titles(doc: dict[str, Any]) -> set[tuple[str, str]]:
    return {(t["title"], t["person"]) for t in doc["titles"]}


@pytest.mark.parametrize(("text", "expected"), [
    ("Cabinet Secretary for Health Ann Wu opened the clinic.", {("Cabinet Secretary for Health", "Ann Wu")}),
    ("Ann Wu, the deputy minister for handicrafts, opened the fair.",
     {("deputy minister for handicrafts", "Ann Wu")}),
    ("Tom Bell, vice-rector for research at Harlow University, spoke.", {("vice-rector for research", "Tom Bell")}),
    ("Tom Bell, head of Capital Markets at Dravik Bank, said sales rose.", {("head of Capital Markets", "Tom Bell")}),
    # an adjective before the portfolio word
    ("The state secretary for agricultural development, Ana Ruiz, said the tax would go.",
     {("state secretary for agricultural development", "Ana Ruiz")}),
    # "for" + a title, a hyphenated adjective, no portfolio word: the title stops before "for"
    ("Tom Bell, the candidate for mayor, said.", {("candidate", "Tom Bell")}),
    ("Ann Wu, the correspondent for state-run radio, said.", {("correspondent", "Ann Wu")}),
    ("Ann Wu, a spokeswoman for the union, said.", {("spokeswoman", "Ann Wu")}),
    ("Ann Wu, a spokeswoman for the big union, said.", {("spokeswoman", "Ann Wu")}),
])
def test_a_portfolio_after_for_belongs_to_the_title(extract: Any, text: str, expected: set[Any]) -> None:
    assert _titles(extract(text, DATE)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a title of several words written with hyphens
    ("Lieutenant-General Ann Wu said detectives had worked hard.", {("Lieutenant-General", "Ann Wu")}),
    ("Lieutenant General Ann Wu said detectives had worked hard.", {("Lieutenant General", "Ann Wu")}),
    ("She praised Detective Warrant Officer Ann Wu, who traced the payments.",
     {("Detective Warrant Officer", "Ann Wu")}),
    ("Leader of the Opposition Ann Wu called the budget weak.", {("Leader of the Opposition", "Ann Wu")}),
    # "the leader of the opposition party": the title is "leader", the party its organization
    ("Ann Wu, leader of the Harlow Green Party, called the budget weak.", {("leader", "Ann Wu")}),
])
def test_titles_of_several_words(extract: Any, text: str, expected: set[Any]) -> None:
    assert _titles(extract(text, DATE)) == expected


def _statuses(doc: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {(t["title"], t["person"], t["status"]) for t in doc["titles"]}


@pytest.mark.parametrize(("text", "expected"), [
    # the person someone succeeded held the title written with the name
    ("Tom Bell succeeded chairman Ann Wu, who had led the club since 2020.", {("chairman", "Ann Wu", "former")}),
    ("Tom Bell took over from Australian coach Ann Wu, whose contract ended.", {("coach", "Ann Wu", "former")}),
    # not yet: the predecessor holds the post until the successor starts
    ("Tom Bell succeeds chairman Ann Wu, who will retire in March.", {("chairman", "Ann Wu", "current")}),
    ("She succeeded Prof. Ann Wu, rector for the previous seven years, who remains a professor.",
     {("rector", "Ann Wu", "former"), ("professor", "Ann Wu", "current")}),
    # the successor's own title is current (the one succeeded held it: former), a founder's is not former
    ("Tom Bell succeeded Ann Wu as chairman of Dravik Holdings.",
     {("chairman", "Tom Bell", "current"), ("chairman", "Ann Wu", "former")}),
    ("Tom Bell succeeded co-founder Ann Wu, who had led the firm since 2020.", {("co-founder", "Ann Wu", "current")}),
    # "next" is incoming, "new" current; neither is part of the title
    ("Dravik Holdings said its next chief executive, Ann Wu, would start in May.",
     {("chief executive", "Ann Wu", "incoming")}),
    ("The new chairman, Tom Bell, said profit rose.", {("chairman", "Tom Bell", "current")}),
    # "would" + a start verb: an incoming role
    ("Ann Wu would join the board as an independent director.", {("independent director", "Ann Wu", "incoming")}),
])
def test_status_from_the_sentence(extract: Any, text: str, expected: set[Any]) -> None:
    assert _statuses(extract(text, DATE)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a capitalised abbreviation the tokenizer keeps whole
    ("Sen. Ann Wu, D-Calif., said the bill would pass.", {("Sen.", "Ann Wu")}),
    ("Gov. Tom Bell signed the bill.", {("Gov.", "Tom Bell")}),
    # a modifier before a portfolio before the title; a modifier inside a place's name is the place's
    ("The notice was read before Deputy Public Prosecutor Ahmad Kamal on Monday.",
     {("Deputy Public Prosecutor", "Ahmad Kamal")}),
    ("King County police spokesman Tom Bell said the road was closed.", {("police spokesman", "Tom Bell")}),
])
def test_abbreviations_and_modifiers(extract: Any, text: str, expected: set[Any]) -> None:
    assert _titles(extract(text, DATE)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the name after a capitalised portfolio is no part of it
    # (where the model tags no entity in the sentence)
    ("Minister of Health Jane Doe said at the signing that the money was ready.",
     {("Minister of Health", "Jane Doe")}),
    ("State Minister for Science, Culture and Tourism Hanne Vollrath said the state would contribute.",
     {("State Minister for Science, Culture and Tourism", "Hanne Vollrath")}),
    ("Deputy Minister of Trade Tom Bell said fares would fall.", {("Deputy Minister of Trade", "Tom Bell")}),
    # honorifics between the title and the name, one the tokenizer splits at its period
    ("Minister of Fisheries Ir. Ann Wu opened the harbour.", {("Minister of Fisheries", "Ann Wu")}),
    ("Minister of Fisheries Dr. Ann Wu opened the harbour.", {("Minister of Fisheries", "Ann Wu")}),
    # a portfolio with no name after it keeps its words
    ("The Minister of Fisheries and Ports said fares would fall.", set()),
])
def test_a_name_after_the_portfolio(extract: Any, text: str, expected: set[Any]) -> None:
    assert _titles(extract(text, DATE)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Rev. Tom Okello, Bishop-designate of Kamuli Diocese, will be consecrated in September.",
     {("Bishop-designate", "Tom Okello", "Kamuli Diocese", "incoming")}),
    ("Ann Wu, the President-elect of the Harlow Growers Association, spoke.",
     {("President-elect", "Ann Wu", "Harlow Growers Association", "incoming")}),
    ("Tom Bell, Accountant-General of the Federation, spoke.",
     {("Accountant-General", "Tom Bell", "Federation", "current")}),
    # a status word not joined to the title by a hyphen is not its status
    ("Ann Wu, Bishop of Kamuli Diocese, will designate a successor.",
     {("Bishop", "Ann Wu", "Kamuli Diocese", "current")}),
])
def test_a_status_joined_after_the_title(extract: Any, text: str, expected: set[Any]) -> None:
    doc = extract(text, DATE)
    assert {(t["title"], t["person"], t["organization"], t["status"]) for t in doc["titles"]} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ann Wu, Dravik Aid Regional Director for Western and Central Africa, said rations were cut.",
     {("Regional Director for Western and Central Africa", "Ann Wu", "Dravik Aid")}),
    ("Ann Wu, the country director for Kenya at Dravik Bank, said loans rose.",
     {("country director for Kenya", "Ann Wu", "Dravik Bank")}),
    # "in" + a place after a capitalised title, the same; a lowercase title's "in" is no region
    ("UNICEF's Representative in Bangladesh, Ann Wu, said the agency would pay.",
     {("Representative in Bangladesh", "Ann Wu", "UNICEF")}),
    # "for" + an organization or a title is no region of the title
    ("Tom Bell, spokesman for Dravik Bank, said.", {("spokesman", "Tom Bell", "Dravik Bank")}),
])
def test_the_region_a_title_is_for(extract: Any, text: str, expected: set[Any]) -> None:
    doc = extract(text, DATE)
    assert {(t["title"], t["person"], t["organization"]) for t in doc["titles"]} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a status word before the organization that writes the title, and a past verb of leaving the post
    ("The committee's chair, former Dravik Bank deputy governor Tom Bell, will publish an audit.",
     {("deputy governor", "Tom Bell", "former")}),
    ("The post has been vacant since coach Tom Bell left the club on Aug. 19.", {("coach", "Tom Bell", "former")}),
    ("Ann Wu, chairman of Dravik Bank, resigned in March.", {("chairman", "Ann Wu", "former")}),
    # a trip, or leaving to come, is no leaving the post
    ("Ann Wu, chairman of Dravik Bank, left for Paris on Monday.", {("chairman", "Ann Wu", "current")}),
    ("Ann Wu, chairman of Dravik Bank, said she would resign.", {("chairman", "Ann Wu", "current")}),
    # a status adverb of the verb that gives the title
    ("Ann Wu, 52, is currently managing editor of Dravik News and was previously the Oslo bureau chief for a "
     "wire service.", {("managing editor", "Ann Wu", "current"), ("bureau chief", "Ann Wu", "former")}),
    ("Ann Wu, who formerly served as chairman of Dravik Bank, spoke.", {("chairman", "Ann Wu", "former")}),
    # the parse makes the title the subject and the name its apposition; "non-" belongs to the title
    ("The company also said independent non-executive director Dr. Suresh a/l Krishnan had resigned with effect "
     "from 3 January 2025.", {("independent non-executive director", "Suresh a/l Krishnan", "former")}),
    ("Tom Bell is a non-executive director of Dravik Bank.", {("non-executive director", "Tom Bell", "current")}),
    # the post someone joined in a year before the article's is a former one; this year's is current
    ("Tom Bell, who joined Dravik Bank as an analyst in 1995, is now its chief executive.",
     {("analyst", "Tom Bell", "former"), ("chief executive", "Tom Bell", "current")}),
    ("Ann Wu joined Dravik Bank as chief risk officer in May.", {("chief risk officer", "Ann Wu", "current")}),
    # the one whose contract ended left the post; a contract still running leaves it held
    ("Tom Bell takes over from Australian coach Ann Wu, whose contract ended last week.",
     {("coach", "Ann Wu", "former")}),
    ("Tom Bell takes over from Australian coach Ann Wu, whose contract ends in May.",
     {("coach", "Ann Wu", "current")}),
    # a nomination is to a post still to come
    ("Dravik Bank also nominated Ann Wu, a former judge, as an independent director.",
     {("independent director", "Ann Wu", "incoming"), ("judge", "Ann Wu", "former")}),
])
def test_status_of_a_post_left(extract: Any, text: str, expected: set[Any]) -> None:
    doc = extract(text, DATE)
    assert {(t["title"], t["person"], t["status"]) for t in doc["titles"]} == expected
