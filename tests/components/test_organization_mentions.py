"""Mentions of an organization by the acronym it is given, on sentences written for the test."""

from typing import Any

DATE = "2024-03-05"


def _mentions(doc: dict[str, Any]) -> dict[str, list[str]]:
    return {o["name"]: [m["text"] for m in o["mentions"]] for o in doc["organizations"]}


def test_the_acronym_in_parentheses_is_a_mention(extract: Any) -> None:
    text = "She ran for the Party of Democratic Renewal (PDR) in the spring."
    doc = extract(text, DATE)
    assert _mentions(doc) == {"Party of Democratic Renewal": ["Party of Democratic Renewal", "PDR"]}
    for org in doc["organizations"]:
        for m in org["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_a_concept_acronym_is_no_organization_mention(extract: Any) -> None:
    doc = extract("The plan uses information and communication technology (ICT) in every school.", DATE)
    assert _mentions(doc) == {}
