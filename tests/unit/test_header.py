import pytest

from factx.errors import HeaderError
from factx.header import read_header


@pytest.mark.parametrize(
    ("content", "date", "body"),
    [
        ("date: 2024-03-05\n\nText.", "2024-03-05", "\nText."),
        ("DATE: 2024-03-05\nText.", "2024-03-05", "Text."),
        ("---\ntitle: X\ndate: 2024-03-05\n---\nText.", "2024-03-05", "Text."),
        ("---\ndate: '2024-03-05'\n---\nText.", "2024-03-05", "Text."),
        (" date 2022-11-26 On October 26, the expo opened.", "2022-11-26", "On October 26, the expo opened."),
        ("No header here. date 2022-11-26", None, "No header here. date 2022-11-26"),
        ("---\ntitle: no date\n---\nText.", None, "Text."),
        ("SAN FRANCISCO, March 3, 2024 /PRNewswire/ -- Acme said.", "2024-03-03", "Acme said."),
        ("BEIJING, Oct. 26, 2024 (Xinhua) -- The expo opened.", "2024-10-26", "The expo opened."),
        ("Posted: 2024-03-03\nText.", "2024-03-03", "Text."),
        ("Paris, March 3, 2024 - not a dateline", None, "Paris, March 3, 2024 - not a dateline"),
    ],
)
def test_header_reads_date_and_body(content: str, date: str | None, body: str) -> None:
    header = read_header(content)
    assert (header.date.isoformat() if header.date else None) == date
    assert content[header.end:] == body


@pytest.mark.parametrize(
    "content",
    ["date: 2024-13-45\n\nText.", "date: tomorrow\nText.", "---\ndate: 2024-02-30\n---\nx", " date 2022-02-31 On"],
)
def test_header_malformed_date_raises(content: str) -> None:
    with pytest.raises(HeaderError):
        read_header(content)


def test_header_dateline_without_year_gives_no_date() -> None:
    header = read_header("BEIJING, Oct. 26 (Xinhua) -- The expo opened.")
    assert header.date is None and header.source == "none"


@pytest.mark.parametrize(
    ("content", "written"),
    [
        ("OSLO, Sept. 9, 2024 (NTB) -- The plant opened.", "Sept. 9, 2024"),
        ("\ufeffLIMA, Peru, March 3, 2023 /PRNewswire/ -- Acme said.", "March 3, 2023"),
        ("date: 2024-03-05\n\nText.", None),
        ("---\ndate: 2024-03-05\n---\nText.", None),
        ("Posted: 2024-03-03\nText.", None),
        ("LIMA, March 3 (Reuters) -- Acme said.", None),
    ],
)
def test_header_dateline_date_span(content: str, written: str | None) -> None:
    span = read_header(content).date_span
    assert (content[span[0]:span[1]] if span else None) == written


@pytest.mark.parametrize(
    ("content", "date", "body"),
    [
        ("date: 2024-03-05 Acme opens a plant in Ohio.", "2024-03-05", "Acme opens a plant in Ohio."),
        ("Date: '2024-03-05' Acme opens a plant.\nMore.", "2024-03-05", "Acme opens a plant.\nMore."),
        ("date: 2024-03-05T10:00:00Z\nText.", "2024-03-05", "Text."),  # a time is no headline
    ],
)
def test_header_line_running_on_into_the_headline(content: str, date: str, body: str) -> None:
    header = read_header(content)
    assert header.date is not None and header.date.isoformat() == date
    assert content[header.end:] == body


def test_header_run_on_with_an_impossible_date_is_still_an_error() -> None:
    with pytest.raises(HeaderError, match="2024-02-30"):
        read_header("date: 2024-02-30 Acme opens a plant.")


def test_header_error_quotes_a_few_dozen_characters_only() -> None:
    line = "date: March 5 " + "y" * 100_000
    with pytest.raises(HeaderError) as caught:
        read_header(line + "\nText.")
    assert len(str(caught.value)) < 120
    assert "'March 5 yyyy" in str(caught.value) and str(caught.value).endswith("...")


@pytest.mark.parametrize(
    ("content", "body"),
    [("date: 2024-02-30\n\nText.", "\nText."), ("---\ndate: 2024-13-01\n---\nText.", "Text."),
     ("date: soon\nText.", "Text.")],
)
def test_header_not_strict_skips_an_impossible_date(content: str, body: str) -> None:
    header = read_header(content, strict=False)
    assert header.date is None and header.source == "none"
    assert content[header.end:] == body
