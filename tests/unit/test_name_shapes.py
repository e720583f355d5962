"""Name shapes on token runs written for the test: a middle initial is a word of a full name."""

from typing import Any

import pytest

from factx.names import NameShapes
from factx.patterns import attached


@pytest.mark.parametrize(("text", "width", "expected"), [
    ("James G. Blight spoke.", 3, True),
    ("Maria L. K. Santos spoke.", 4, True),
    ("James Blight spoke.", 2, True),
    ("James G. spoke.", 2, False),  # an initial does not end a full name
    ("J. Blight spoke.", 2, False),  # nor start one
    ("Harlow G. Mining spoke.", 3, False),  # no given name first
    ("Mildred Okafor spoke.", 2, True),  # a given name of the 1990 US census lists
    ("Dwight Harlan spoke.", 2, True),
    ("Morgan Stanley spoke.", 2, False),  # "Morgan" is as often a surname: not in the given names
    ("Austin Harlan spoke.", 2, False),  # nor a city's name
])
def test_a_middle_initial_is_a_word_of_a_name(nlp: Any, text: str, width: int, expected: bool) -> None:
    doc = nlp(text)
    assert NameShapes(attached(nlp)).is_name(doc[0:width]) is expected


@pytest.mark.parametrize(("text", "width", "expected"), [
    ("Nguyễn Thị Thu Hà spoke.", 4, True),  # a Vietnamese surname and one-syllable names
    ("Tran Van Minh spoke.", 3, True),
    ("Phạm Quốc Bảo spoke.", 3, True),
    ("Nguyen Industrial Park spoke.", 3, False),  # words longer than a syllable: a place or a company
    ("Hoang Long Group Holdings spoke.", 4, False),
])
def test_a_vietnamese_name_is_a_surname_and_one_syllable_names(nlp: Any, text: str, width: int,
                                                               expected: bool) -> None:
    doc = nlp(text)
    assert NameShapes(attached(nlp)).is_name(doc[0:width]) is expected
