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
