"""Hostile input never crashes factx and never yields an offset that does not index the input.

A FactxError may be a legitimate refusal (a malformed header); an InternalError never is: it is a bug
inside factx that the isolation layer turned into an error, so these tests re-raise it and fail.
"""

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factx.errors import FactxError, InternalError
from factx.facttypes import offset_items
from factx.read import decode

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_offsets(content: str, doc: dict[str, Any]) -> None:
    for item in offset_items(doc):
        assert 0 <= item["start"] <= item["end"] <= len(content)
        assert content[item["start"]:item["end"]] == item["text"]


@SETTINGS
@given(st.text(min_size=1, max_size=400))
def test_fuzz_random_unicode(extract: Any, text: str) -> None:
    try:
        doc = extract(text)
    except InternalError:
        raise  # a bug, not a refusal
    except FactxError:
        return  # a malformed header is a clean error
    _check_offsets(text, doc)


_NEWS = st.sampled_from([
    "Acme Corp", "chief executive", "Jane Roe", "said", "$3.2 billion", "12%", "nearly", "more than",
    "on Friday", "since 2010", "the end of October 2022", ",", ".", "(", ")", "and", "of", "5G", "3-1",
    "between", "to", "date:", "2024-13-45", "“", "”", "'s", "\n", "\n\n", "Ministry of Finance", "Q2",
])


@SETTINGS
@given(st.lists(_NEWS, min_size=1, max_size=80))
def test_fuzz_news_like_token_soup(extract: Any, words: list[str]) -> None:
    text = " ".join(words)
    try:
        doc = extract(text, "2024-03-05")
    except InternalError:
        raise  # a bug, not a refusal
    except FactxError:
        return  # a malformed header is a clean error
    _check_offsets(text, doc)


@SETTINGS
@given(st.binary(min_size=0, max_size=2000))
def test_fuzz_random_bytes_decode_or_refuse(data: bytes) -> None:
    try:
        result = decode(data, "fuzz")
    except InternalError:
        raise  # a bug, not a refusal
    except FactxError as err:
        assert "fuzz" in str(err) and "\n" not in str(err)
        return
    assert isinstance(result.content, str)


@pytest.mark.parametrize(
    "text",
    [
        "x" * 200_000,  # one very long token
        "growth " * 100_000,  # 100,000 repeated tokens
        "“" * 5_000 + "quoted" + "”" * 5_000,  # deeply nested quotes
        " ".join(str(n) for n in range(20_000)),  # only numbers
        "!?.,;:-()[]" * 5_000,  # only punctuation
        ("Acme said revenue rose 5% " * 3_000).strip(),  # one very long sentence
    ],
    ids=["long-token", "repeated-tokens", "nested-quotes", "only-numbers", "only-punctuation", "long-sentence"],
)
def test_fuzz_adversarial_structures(extract: Any, text: str) -> None:
    _check_offsets(text, extract(text, "2024-03-05"))
