"""The rule ids of the title constructions: declared here once, each with what it reads.

Each title construction (``components/titles/constructions.py``) is registered under one of these
ids, every title record carries it in ``rule``, and the JSON Schema lists them as the field's
``enum`` (``facttypes.py``). A new construction declares its id here, with a one-line description.
This module imports nothing of factx, so the registry of fact types and the components can both read it.
"""

from __future__ import annotations

from enum import StrEnum


class _DescribedRule(StrEnum):
    """A rule id (the member's value) with a one-line description of its construction."""

    description: str

    def __new__(cls, value: str, description: str) -> _DescribedRule:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member


class TitleRule(_DescribedRule):
    """The constructions that link a title to a person; the value is the id written in ``rule``."""

    NAME_COMMA_TITLE = ("name-comma-title",
                        "NAME, [the|a] TITLE [of|at ORG]: a title in apposition after the name")
    NAME_WHO_IS_TITLE = ("name-who-is-title",
                         "NAME, who is (was, serves as, now, ...) TITLE [at ORG]")
    NAME_COMMA_ORG_TITLE = ("name-comma-org-title",
                            "NAME, [another] ORG TITLE: the organization names the title after the name")
    NAME_ORG_POSSESSIVE_TITLE = ("name-org-possessive-title",
                                 "NAME, [the] ORG's TITLE")
    TITLE_BEFORE_NAME = ("title-before-name",
                         "[ORG['s]] TITLE [of ORG] NAME [of ORG]: the title right before the name")
    ORG_TITLE_COMMA_NAME = ("org-title-comma-name",
                            "ORG's TITLE, NAME: a title with its organization before it, then a comma")
    TITLE_COMMA_NAME = ("title-comma-name",
                        "TITLE of ORG, NAME: a title ending at a comma before the name")
    TITLE_OF_ORG_BEFORE_NAME = ("title-of-org-before-name",
                                "TITLE of ORG NAME: the title's organization or place ends right before the name")
    COORDINATED_TITLES_BEFORE_NAME = ("coordinated-titles-before-name",
                                      "TITLE [and] TITLE NAME: both titles before the name are its")
    SHARED_TITLE_LIST = ("shared-title-list",
                         "A, B and C, TITLE of ORG / TITLE A and B: every name of the list holds the title")
    SUCCEEDED_NAME = ("succeeded-name",
                   "SUCCESSOR succeeds (replaces, is succeeding) NAME: NAME held the title the successor takes")
    SUCCESSOR_NAME = ("successor-name",
                      "NAME is succeeded (replaced) by SUCCESSOR, NAME's successor, SUCCESSOR: the successor "
                      "takes the title NAME leaves")
    TERM_AS_TITLE = ("term-as-title",
                     "NAME's (NAME, whose) term (tenure, contract) as TITLE: former once it has ended")
    TITLE_BY_PARSE = ("title-by-parse",
                      "the parse makes the title the complement of a role verb whose subject or object is "
                      "the person (\"will join X as chief executive\", \"was appointed chairman\")")


class AffiliationRule(_DescribedRule):
    """The constructions that tie a person to an organization with no title written (a
    ``people[].titles`` entry with ``title: null``; no title record carries these)."""

    NAME_OF_ORGANIZATION = ("name-of-organization",
                            "NAME of ORG, NAME, of ORG, ORG's NAME, NAME at a university or institute")


_TITLE_RULES: dict[str, TitleRule] = {rule.value: rule for rule in TitleRule}


def title_rule(rule_id: str) -> TitleRule:
    """The declared construction of ``rule_id``; ValueError for an id not declared here."""
    try:
        return _TITLE_RULES[rule_id]
    except KeyError:
        raise ValueError(f"title rule {rule_id!r} is not declared in titlerules.TitleRule") from None
