"""People on sentences written for the test: one-word names, shared surnames, evidence against a name."""

from typing import Any

import pytest

DATE = "2024-03-05"


def _people(doc: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(p["name"], [m["text"] for m in p["mentions"]]) for p in doc["people"]]


def test_a_one_word_name_never_written_in_full_is_a_person(extract: Any) -> None:
    doc = extract("Picasso painted it in 1937. Critics said Picasso changed art forever.", DATE)
    assert ("Picasso", ["Picasso", "Picasso"]) in _people(doc)


def test_honorific_and_surname_is_a_person(extract: Any) -> None:
    assert _people(extract("Ms. Okafor declined to comment.", DATE)) == [("Okafor", ["Okafor"])]


def test_a_shared_surname_goes_to_the_person_named_last_before_it(extract: Any) -> None:
    doc = extract("Matthew Goode married in 2014. Their son Ralph Goode was born in 2015. "
                  "Goode said he was delighted.", DATE)
    people = dict(_people(doc))
    assert people["Matthew Goode"] == ["Matthew Goode"]
    assert people["Ralph Goode"] == ["Ralph Goode", "Goode"]  # kept, and the two stay apart


@pytest.mark.parametrize("text", [
    # the model labels the word an organization once and a person once: no evidence for a person
    "Sales in Bhubaneswar rose. Yadav was in Bhubaneswar on Wednesday.",
])
def test_a_one_word_name_the_text_shows_is_a_place_is_no_person(extract: Any, text: str) -> None:
    assert "Bhubaneswar" not in dict(_people(extract(text, DATE)))


def test_a_full_name_beside_the_same_context_stays_a_person(extract: Any) -> None:
    doc = extract("Kamlesh Yadav was in Bhubaneswar on Wednesday.", DATE)
    assert _people(doc) == [("Kamlesh Yadav", ["Kamlesh Yadav"])]


def test_a_surname_the_model_labels_an_organization_is_that_person(extract: Any) -> None:
    doc = extract("Abraham Lincoln was shot at Ford's Theatre. Lincoln died the next morning.", DATE)
    assert _people(doc) == [("Abraham Lincoln", ["Abraham Lincoln", "Lincoln"])]
    assert all("Lincoln" not in o["name"] for o in doc["organizations"])


def test_a_hyphenated_surname_the_model_labels_an_organization_is_that_person(extract: Any) -> None:
    doc = extract("Kofi Addo-Mensah will lead the fund. Addo-Mensah said the fund would grow.", DATE)
    assert _people(doc) == [("Kofi Addo-Mensah", ["Kofi Addo-Mensah", "Addo-Mensah"])]
    assert doc["organizations"] == []


@pytest.mark.parametrize("text", [
    "He grew up near Morgan City and later moved to New York City.",
    "Delegates from the Soviet Union arrived.",
])
def test_an_organization_word_inside_a_place_makes_no_organization(extract: Any, text: str) -> None:
    assert extract(text, DATE)["organizations"] == []


def test_an_organization_word_ending_a_name_still_makes_one(extract: Any) -> None:
    doc = extract("The Halvorsen Transit Union called a strike.", DATE)
    assert [o["name"] for o in doc["organizations"]] == ["Halvorsen Transit Union"]


@pytest.mark.parametrize(("text", "expected"), [
    ("We measured sea surface salinity (SSS) and the SSS rose. The National Aeronautics and Space "
     "Administration (NASA) said SSS data helped.", ["National Aeronautics and Space Administration"]),
    ("Engineers track the ground reaction force (GRF). The GRF peaks at landing.", []),
])
def test_an_acronym_defined_by_lowercase_words_is_no_organization(extract: Any, text: str,
                                                                  expected: list[str]) -> None:
    assert [o["name"] for o in extract(text, DATE)["organizations"]] == expected


def test_a_name_split_at_its_possessive_is_one_organization(extract: Any) -> None:
    doc = extract("John Wilkes Booth shot Abraham Lincoln at Ford's Theatre in Washington.", DATE)
    assert [o["name"] for o in doc["organizations"]] == ["Ford's Theatre"]


@pytest.mark.parametrize(("text", "person"), [
    ("Jacobs, 20, and Eddie Hatcher, 31, were held.", "Jacobs"),  # an age in apposition
    ("Booth could save the South, said Tidwell, a retired CIA officer.", "Tidwell"),  # a title in apposition
    ("Warrick, who now lives in Ocala, sold the boat.", "Warrick"),  # a clause about the name, with "who"
    ("Ostrander, who headed the agency, resigned.", "Ostrander"),
])
def test_a_word_in_apposition_with_an_age_or_a_title_is_a_person(extract: Any, text: str, person: str) -> None:
    doc = extract(text, DATE)
    assert person in dict(_people(doc))
    assert person not in [o["name"] for o in doc["organizations"]]


@pytest.mark.parametrize("text", [
    "Reuters, a news agency, said it.",
    "Acme, the parent company of Zeta, fell.",
    "Texas, a big state, voted.",
    "They honoured the Father of our Nation, who led them.",  # "who" after no name
])
def test_apposition_without_an_age_or_title_makes_no_person(extract: Any, text: str) -> None:
    assert extract(text, DATE)["people"] == []


def test_a_title_in_newswire_quotes_is_no_organization(extract: Any) -> None:
    doc = extract("In 1783, Washington Irving, author of ``Rip Van Winkle'' and ``The Legend of Sleepy Hollow,'' "
                  "was born.", DATE)
    assert doc["organizations"] == []


def test_a_person_before_and_is_not_joined_into_the_organization_after_it(extract: Any) -> None:
    doc = extract("Oswald was the lone gunman who killed President Kennedy and Officer Tippit.", DATE)
    assert "Kennedy" in dict(_people(doc))
    assert all("Kennedy" not in o["name"] for o in doc["organizations"])


def test_an_untagged_surname_of_a_person_named_in_full_is_a_mention(extract: Any) -> None:
    doc = extract("Patrick Gordon joined the Russian army in 1661. In 1686 Gordon visited England, "
                  "and the Tsar trusted Gordon.", DATE)
    assert dict(_people(doc))["Patrick Gordon"] == ["Patrick Gordon", "Gordon", "Gordon"]


def test_a_given_name_the_model_calls_an_organization_is_the_speaker_named_in_full(extract: Any) -> None:
    doc = extract("Damian Kerr spoke first. Damian added that the club had no debt.", DATE)
    assert _people(doc) == [("Damian Kerr", ["Damian Kerr", "Damian"])]
    assert doc["organizations"] == []


@pytest.mark.parametrize(("text", "organizations"), [
    ("Reuters said the talks had failed.", ["Reuters"]),
    ("Toyota said it would cut output.", ["Toyota"]),
    ("Moscow said the claims were false.", []),
    ("The Court said the appeal was late.", ["Court"]),
])
def test_an_organization_or_place_that_speaks_is_no_person(extract: Any, text: str, organizations: list[str]) -> None:
    doc = extract(text, DATE)
    assert doc["people"] == []
    assert [o["name"] for o in doc["organizations"]] == organizations


def test_the_who_after_a_place_is_about_the_name_before_it(extract: Any) -> None:
    doc = extract("Louis Vance, born in Budapest, Hungary, who built radios, died.", DATE)
    assert _people(doc) == [("Louis Vance", ["Louis Vance"])]


def test_a_hyphenated_surname_alone_is_a_mention_of_the_person_named_in_full(extract: Any) -> None:
    doc = extract("Gareth Llewellyn-Jones spoke. Llewellyn-Jones said strikes would follow. Ann Roe will succeed"
                  " Llewellyn-Jones, who retires in May.", DATE)
    assert dict(_people(doc)) == {"Gareth Llewellyn-Jones": ["Gareth Llewellyn-Jones", "Llewellyn-Jones",
                                                             "Llewellyn-Jones"], "Ann Roe": ["Ann Roe"]}


def test_the_end_of_a_hyphenated_surname_is_no_mention_of_its_own(extract: Any) -> None:
    doc = extract("Gareth Llewellyn-Jones spoke. Llewellyn-Jones said strikes would follow.", DATE)
    assert "Jones" not in dict(_people(doc))


@pytest.mark.parametrize("text", ["A¿", "The ¿", "The \"", "An ("])
def test_an_entity_of_leading_words_and_punctuation_only_is_no_organization(extract: Any, text: str) -> None:
    assert extract(text, DATE)["organizations"] == []


@pytest.mark.parametrize(("text", "name"), [
    # the model cuts a given name at the start of a sentence
    ("Layla Omar Bakhit takes over the treasury desk next month.", "Layla Omar Bakhit"),
    # and a hyphenated surname after its first half
    ("The prize was given by Prof. Agnieszka Wróblewska-Nowak, who became rector in May.",
     "Agnieszka Wróblewska-Nowak"),
    # a title word last is a surname when a given name comes first
    ("SBP Governor Tariq Mehmood Sheikh said inflation eased in May.", "Tariq Mehmood Sheikh"),
])
def test_a_name_the_model_cut_or_ended_in_a_title_word_is_whole(extract: Any, text: str, name: str) -> None:
    assert name in dict(_people(extract(text, DATE)))


def test_a_lowercase_word_after_a_hyphen_is_no_part_of_a_name(extract: Any) -> None:
    doc = extract("Officials said Maria Lopez-backed plans would pass.", DATE)
    assert "Maria Lopez" in dict(_people(doc))


@pytest.mark.parametrize(("text", "name"), [
    # a first word missing from the given-name lexicon is no evidence against the model's name
    ("There is no case against Mr. Vishnu Hari Dalmia, the party leader.", "Vishnu Hari Dalmia"),
    # an honorific the model cut in half stays out of the name
    ("The minister, Datuk Seri Ahmad Faizal bin Hashim, opened the road.", "Ahmad Faizal bin Hashim"),
    ("Ato Dawit Haile Gebremariam, the chief executive, said so.", "Dawit Haile Gebremariam"),
])
def test_the_models_three_word_name_is_kept_without_its_honorifics(extract: Any, text: str, name: str) -> None:
    assert [p[0] for p in _people(extract(text, DATE))] == [name]


@pytest.mark.parametrize(("text", "people"), [
    ("Ray was convicted of assassinating King in Memphis in 1968.", ["Ray", "King"]),
    ("The King said the law would pass.", []),  # a title with its article is no name
    ("She will be Dean of the Faculty of Law from June.", []),
])
def test_a_capitalised_title_word_alone_the_model_calls_a_person(extract: Any, text: str, people: list[str]) -> None:
    assert [p["name"] for p in extract(text, "2024-03-05")["people"]] == people


def test_a_surname_first_name_whose_given_name_is_a_currency_word(extract: Any) -> None:
    doc = extract("In statistics, Fang Kaitai at the Institute of Applied Mathematics and Wang Yuan at the "
                  "Institute of Mathematics won praise.", "2024-03-05")
    assert [p["name"] for p in doc["people"]] == ["Fang Kaitai", "Wang Yuan"]


@pytest.mark.parametrize(("text", "people"), [
    ("Regional Minister for Science and Culture Ulrike Hennig said the state would pay.", ["Ulrike Hennig"]),
    ("The vote was close, Reuters said on Monday.", []),  # the model reads an organization
    ("The Committee said the vote was close.", []),  # an article: a common noun, not a name
])
def test_an_unlabelled_proper_noun_that_says_something_is_a_person(
        extract: Any, text: str, people: list[str]) -> None:
    assert [p["name"] for p in extract(text, "2024-03-05")["people"]] == people


@pytest.mark.parametrize(("text", "people"), [
    ("Tom Hale: Born June 3, 1911, Sherman, Tex., the son of a farmer.", ["Tom Hale"]),  # NER: "Sherman" a person
    ("The storm reached Niagara Falls on Monday.", []),
    ("Ann Lee, a nurse from Dallas, said the storm was over.", ["Ann Lee"]),
])
def test_a_town_before_its_region_or_with_a_place_word_is_no_person(
        extract: Any, text: str, people: list[str]) -> None:
    assert [p["name"] for p in extract(text, "2024-03-05")["people"]] == people


def test_a_possessive_after_a_locative_preposition_is_still_a_person(extract: Any) -> None:
    doc = extract("Lee Harvey Oswald, the only suspect in Kennedy's assassination, was arrested.", "2024-03-05")
    assert [p["name"] for p in doc["people"]] == ["Lee Harvey Oswald", "Kennedy"]


def test_a_name_of_a_town_before_its_region_stays_a_person(extract: Any) -> None:
    doc = extract("One letter came from his sister, Peggy Lund of Batavia, N.Y.", "2024-03-05")
    assert [p["name"] for p in doc["people"]] == ["Peggy Lund"]


@pytest.mark.parametrize(("text", "people"), [
    ("The inventor Tom Hale was born in 1854 in Waterville, N. Y.", ["Tom Hale"]),
    ("Jimmy Hale, the bandleader, was born in 1904 in Shenandoah, Penn.", ["Jimmy Hale"]),
    ("He met the mayor of Boston, John Smith.", ["John Smith"]),  # a name, not a region
])
def test_a_region_after_a_town_and_a_comma_is_no_person(extract: Any, text: str, people: list[str]) -> None:
    assert [p["name"] for p in extract(text, "2024-03-05")["people"]] == people


@pytest.mark.parametrize(("text", "people"), [
    ("The glazier taught Tiffany how to make the glass.", ["Tiffany"]),  # NER: ORG
    ("It is an Alice in Wonderland budget.", []),  # a given name that opens a longer name is no person
])
def test_a_given_name_alone_the_model_calls_an_organization(extract: Any, text: str, people: list[str]) -> None:
    doc = extract(text, "2024-03-05")
    assert [p["name"] for p in doc["people"]] == people
    assert "Tiffany" not in [o["name"] for o in doc["organizations"]]


def test_a_name_the_model_calls_a_work_of_art_is_a_person(extract: Any) -> None:
    # NER: "Ibrahim Garba Danladi" a WORK_OF_ART
    doc = extract("Seated nearby were Ibrahim Garba Danladi, Deputy Governor (Operations) of the Bank of Ghana.",
                  "2024-03-05")
    assert [p["name"] for p in doc["people"]] == ["Ibrahim Garba Danladi"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Faridah binti Osman and Priya a/p Raju met the press.", ["Faridah binti Osman", "Priya a/p Raju"]),
    ("Rajesh a/l Muniandy, the chairman, spoke.", ["Rajesh a/l Muniandy"]),  # a name opening the sentence
    ("Coach Kiptoo arap Mutai and Joana Beatriz do Carmo attended the meeting.",
     ["Kiptoo arap Mutai", "Joana Beatriz do Carmo"]),
])
def test_a_name_particle_joins_the_pieces_around_it(extract: Any, text: str, expected: list[str]) -> None:
    assert [name for name, _ in _people(extract(text, DATE))] == expected


def test_a_particle_word_outside_a_name_joins_nothing(extract: Any) -> None:
    doc = extract("Dana Whitlock said farmers do Business with the cooperative.", DATE)
    assert [name for name, _ in _people(doc)] == ["Dana Whitlock"]


@pytest.mark.parametrize("text", [
    "The event was opened by Puan Siti Rahmah binti Jusoh. Siti Rahmah thanked the staff.",
    "The event was opened by Datin Siti Rahmah binti Jusoh. Siti Rahmah thanked the staff.",
])
def test_an_honorific_before_a_particle_name_stays_out_and_the_given_names_are_that_person(
        extract: Any, text: str) -> None:
    assert _people(extract(text, DATE)) == [("Siti Rahmah binti Jusoh", ["Siti Rahmah binti Jusoh", "Siti Rahmah"])]


def test_a_capitalised_particle_opening_a_sentence_is_the_same_surname(extract: Any) -> None:
    doc = extract("Chief executive Joost van der Berg spoke. Van der Berg said it was fine.", DATE)
    assert _people(doc) == [("Joost van der Berg", ["Joost van der Berg", "Van der Berg"])]


def test_given_names_shared_by_two_people_join_neither(extract: Any) -> None:
    doc = extract("Anna Maria Lindqvist and Anna Maria Berglund met. Later Anna Maria left.", DATE)
    assert [name for name, _ in _people(doc)][:2] == ["Anna Maria Lindqvist", "Anna Maria Berglund"]


@pytest.mark.parametrize(("text", "expected"), [
    ("A spokesperson for the Transport Department, Vikrant Kumar Joshi, told reporters.", ["Vikrant Kumar Joshi"]),
    ("The Finance Minister John Smith spoke.", ["John Smith"]),  # a title word before the name stays out
])
def test_an_unknown_given_name_the_parse_puts_in_the_name_is_part_of_it(extract: Any, text: str,
                                                                        expected: list[str]) -> None:
    assert [name for name, _ in _people(extract(text, DATE))] == expected


def test_a_capitalised_word_opening_the_sentence_before_a_name_stays_out(extract: Any) -> None:
    doc = extract("Advocate Thabo Mokoena argued the case.", DATE)
    assert [name for name, _ in _people(doc)] == ["Thabo Mokoena"]


@pytest.mark.parametrize(("text", "expected"), [
    ("French director Claire-Hélène Vautrin will chair the jury. Vautrin said so.",
     [("Claire-Hélène Vautrin", ["Claire-Hélène Vautrin", "Vautrin"])]),
    ("The jury includes Belgian actor Jean-Rémi Dufresne and others.",
     [("Jean-Rémi Dufresne", ["Jean-Rémi Dufresne"])]),
])
def test_a_hyphenated_given_name_is_whole(extract: Any, text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert _people(extract(text, DATE)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the parse makes the word after the name the head the name's last word is a compound of: its surname
    ("Officials said Samuel Kato Nabongo would attend.", ["Samuel Kato Nabongo"]),
    ("The award went to Rear Admiral Maria Teresa Villanueva-Reyes on April 15.", ["Maria Teresa Villanueva-Reyes"]),
    ("He succeeds Sheikh Abdul-Karim Okello-Obura, the chief imam, whose term ended.", ["Abdul-Karim Okello-Obura"]),
    # an organization's word after a name is no surname
    ("Ann Marie Lee Hospital opened on Monday.", []),
])
def test_a_surname_the_model_cut_off_joins_the_name(extract: Any, text: str, expected: list[str]) -> None:
    assert [name for name, _ in _people(extract(text, DATE))] == expected


def test_a_name_never_runs_over_a_line_break(extract: Any) -> None:
    doc = extract("Antonín Dvořák\n\nAntonín Leopold Dvořák was a composer.", DATE)
    names = [name for name, _ in _people(doc)]
    assert "Antonín Dvořák" in names
    assert all("\n" not in m["text"] for p in doc["people"] for m in p["mentions"])


@pytest.mark.parametrize(("text", "expected"), [
    # the portfolio of a title ends before a name the model cut or missed
    ("Minister for Trade and Revenue Farzana Kamran Qureshi, who will present the budget on Monday, welcomed "
     "the cut.", ["Farzana Kamran Qureshi"]),
    ("Vice Minister of Trade and Energy Park Ji-hoon said the loans were cheap.", ["Park Ji-hoon"]),
    # a given name the model labelled a place alone, compounded into the name by the parse
    ("Secretary in the Home Department, Saswat Kumar Rout, told reporters the roads were safe.",
     ["Saswat Kumar Rout"]),
    # a party, an honorific or a title before a name is no given name
    ("Democrat Tom Bell won the seat.", ["Tom Bell"]),
    ("Dr Kelvin Yii said the clinic would open.", ["Kelvin Yii"]),
])
def test_a_given_name_after_a_title_joins_the_name(extract: Any, text: str, expected: list[str]) -> None:
    assert [name for name, _ in _people(extract(text, DATE))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an entity that is all honorific is no person; letters after a name are no part of it
    ("\"We had no doubt,\" said Chairman Tan Sri Dato' Seri Ahmad Zaki bin Hassan.", ["Ahmad Zaki bin Hassan"]),
    ("The bishop, who could not attend, sent Fr. Peter Okello-Obura, the vicar general, to sign.",
     ["Peter Okello-Obura"]),
    ("Her lawyer, Advocate Pieter Botha SC, said his client would appeal.", ["Pieter Botha"]),
    ("Dame Ann Lee OBE opened the exhibition on Monday.", ["Ann Lee"]),
    # letters in parentheses after a name take no one out of the list
    ("Tom Bell (TB) and Ann Lee spoke.", ["Tom Bell", "Ann Lee"]),
])
def test_honorifics_and_post_nominal_letters_are_no_name(extract: Any, text: str, expected: list[str]) -> None:
    assert [name for name, _ in _people(extract(text, DATE))] == expected


def test_a_vietnamese_surname_the_model_left_out_joins_the_name(extract: Any) -> None:
    doc = extract("Vice Chairwoman of the provincial People's Committee Nguyễn Thị Thu Hà said 93% of the land "
                  "had been cleared.", DATE)
    assert [name for name, _ in _people(doc)] == ["Nguyễn Thị Thu Hà"]


@pytest.mark.parametrize("text", [
    # Malay place words ("Sungai", "Taman", "Kuala", "Batu", "Pulau") name places, never people
    "Floods hit Sungai Tiram and Taman Sri Muda on Monday, officials said.",
    "The expressway would cut travel time between Kuantan and Kuala Terengganu by 40 minutes.",
    "Residents of Batu Kawah and Balik Pulau were moved to shelters.",
])
def test_malay_place_names_are_no_people(extract: Any, text: str) -> None:
    assert _people(extract(text, DATE)) == []


@pytest.mark.parametrize(("text", "expected"), [
    # NER cut one name in two at an honorific: the pieces side by side are one name
    ("Orvane chief executive Datuk Mohd Faizal Md Noor said sales rose.", ["Mohd Faizal Md Noor"]),
    # a comma or "and" between two names keeps them apart
    ("Ann Lee, Bob Smith and Carla Diaz signed the letter.", ["Ann Lee", "Bob Smith", "Carla Diaz"]),
])
def test_names_side_by_side_are_one_name(extract: Any, text: str, expected: list[str]) -> None:
    assert [name for name, _ in _people(extract(text, DATE))] == expected


def test_a_hyphenated_given_name_opens_a_name(extract: Any) -> None:
    doc = extract("Kestrel's chief executive, Lars-Erik Johansson, said the company would grow.", DATE)
    assert _people(doc) == [("Lars-Erik Johansson", ["Lars-Erik Johansson"])]



@pytest.mark.parametrize(("text", "expected"), [
    # a name of five tokens glued to the end of a portfolio the model read as an organization
    ("State Secretary for Infrastructure and Water Management Anouk de Boer-Janssen said the state would pay.",
     [("Anouk de Boer-Janssen", ["Anouk de Boer-Janssen"])]),
    # a whole name the model read as an organization keeps its given name
    ("The bank bought bonds. Luiz Henrique de Souza Neto, the bank's director of credit, said it would lend.",
     [("Luiz Henrique de Souza Neto", ["Luiz Henrique de Souza Neto"])]),
])
def test_a_long_name_glued_to_an_organization_is_cut_off_whole(
        extract: Any, text: str, expected: list[tuple[str, list[str]]]) -> None:
    doc = extract(text, DATE)
    assert _people(doc) == expected
    assert doc["organizations"] == []


@pytest.mark.parametrize(("text", "expected"), [
    # a person's honorific opens no organization's name, even where the model reads one
    ("Dr Ismuni Bohari said the clinic would open.", [("Ismuni Bohari", ["Ismuni Bohari"])]),
    ("The chief executive, Ms MacLeod, took a 9% rise.", [("MacLeod", ["MacLeod"])]),
])
def test_an_honorific_and_a_name_the_model_calls_an_organization_is_a_person(
        extract: Any, text: str, expected: list[tuple[str, list[str]]]) -> None:
    doc = extract(text, DATE)
    assert _people(doc) == expected
    assert doc["organizations"] == []
