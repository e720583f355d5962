"""Number forms of issue #16, on sentences written for the test, through the real pipeline."""

from typing import Any

import pytest

DATE = "2024-03-05"


def _figures(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in doc["numbers"] if n["kind"] != "ordinal"]


def _one(extract: Any, sentence: str) -> dict[str, Any]:
    figures = _figures(extract(sentence, DATE))
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The port handled cargo worth $16.6 billion last quarter.", "$16.6 billion", 16_600_000_000, "USD"),
        ("Household debt reached $4.35 trillion.", "$4.35 trillion", 4_350_000_000_000, "USD"),
        ("The trust manages $1.5T for retirees.", "$1.5T", 1_500_000_000_000, "USD"),
        ("The startup raised $3MM from angels.", "$3MM", 3_000_000, "USD"),
        ("Farmers received RM1.86 billion in aid.", "RM1.86 billion", 1_860_000_000, "MYR"),
        ("A ticket costs 7€ at the gate.", "7€", 7, "EUR"),
        ("The fine was 20 dollars 43 cents.", "20 dollars 43 cents", 20.43, "USD"),
        ("Each bond pays Tk 13,625 in interest.", "Tk 13,625", 13625, "BDT"),
        ("Karachi traders lost Rs 250 billion last year.", "Rs 250 billion", 250_000_000_000, "PKR"),
        ("Officials in Tehran said bread costs 500,000 rials.", "500,000 rials", 500_000, "IRR"),
        ("They signed a 6-billion-yuan loan.", "6-billion-yuan", 6_000_000_000, "CNY"),
        ("The chip runs at 3.4 GHz.", "3.4 GHz", 3.4, "GHz"),
        ("The mine produced 11.2 million ounces of silver.", "11.2 million ounces", 11_200_000, "oz"),
        ("Winds reached 9.5 metres per second.", "9.5 metres per second", 9.5, "m/s"),
        ("The probe measured minus 171 degrees Celsius.", "minus 171 degrees Celsius", -171, "°C"),
        ("The stadium seats 25 000 fans.", "25 000", 25000, None),
        ("Analysts expect zero point five growth.", "zero point five", 0.5, None),
        ("The charity fed two hundred and five and three quarters tonnes of grain.",
         "two hundred and five and three quarters tonnes", 205.75, "t"),
        ("The fund holds three crore twelve lakh shares.", "three crore twelve lakh", 31_200_000, None),
        ("Volunteers planted five (5) orchards.", "five (5)", 5, None),
    ],
)
def test_numbers_forms_value_text_unit(extract: Any, sentence: str, text: str, value: float, unit: str | None) -> None:
    number = _one(extract, sentence)
    assert (number["text"], number["value"], number["unit"]) == (text, value, unit)


def test_numbers_exact_values_are_json_integers(extract: Any) -> None:
    number = _one(extract, "Exports rose to $16.6 billion.")
    assert isinstance(number["value"], int)


def test_numbers_qualifier_stays_out_of_the_text(extract: Any) -> None:
    content = "Nearly 300 nurses joined the strike."
    doc = extract(content, DATE)
    number = _figures(doc)[0]
    assert (number["text"], number["qualifier"], number["counted"]) == ("300", "approximately", "nurses")
    assert content[number["start"]:number["end"]] == number["text"]


@pytest.mark.parametrize(
    ("sentence", "low", "high", "counted"),
    [("Some 50-60 people gathered outside.", 50, 60, "people"),
     ("The report runs five to 20 pages.", 5, 20, "pages")],
)
def test_numbers_ranges_of_a_counted_noun(extract: Any, sentence: str, low: int, high: int, counted: str) -> None:
    number = _one(extract, sentence)
    assert (number["value"], number["low"], number["high"], number["counted"]) == (None, low, high, counted)


def test_numbers_counted_noun_stops_at_its_own_phrase(extract: Any) -> None:
    figures = _figures(extract("The storm killed 87 and injured 14 people.", DATE))
    assert [(n["value"], n["counted"]) for n in figures] == [(87, None), (14, "people")]


def test_numbers_counted_noun_never_crosses_a_paragraph(extract: Any) -> None:
    figures = _figures(extract("The total was 12\n\nvisitors came later.", DATE))
    assert [(n["value"], n["counted"]) for n in figures] == [(12, None)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He paid $20 and 43 people came.", [(20, "USD"), (43, None)]),  # no 20.43: the 43 counts people
        ("The bolt is 3mm wide.", [(3, "mm")]),  # lower-case mm is millimetres, not a million
        ("Route R 5 reopened.", [(5, None)]),  # a spaced one-letter "R" is no rand
        ("Prices moved from 10 $ 12 overnight.", [(10, None), (12, "USD")]),  # a spaced "$" opens the next amount
        ("The team won 3-1 again.", []),
    ],
)
def test_numbers_forms_that_are_not_one_amount(extract: Any, sentence: str, expected: list[tuple[Any, Any]]) -> None:
    assert [(n["value"], n["unit"]) for n in _figures(extract(sentence, DATE))] == expected
