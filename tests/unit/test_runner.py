"""The runner's per-document bookkeeping: text length without building the text, faults only when armed."""

from __future__ import annotations

from typing import Any

import pytest

from factx.isolation import FAULT_ENV, InjectedFault, _chars, _minibatches, check_doc_fault


@pytest.mark.parametrize(
    "text",
    ["", "One.", "Ends with spaces.   ", "Trailing break.\n\n", "  leading", "Zoë paid €5\u00a0million.\u202f"],
)
def test_chars_is_the_length_of_the_text(nlp: Any, text: str) -> None:
    doc = nlp.make_doc(text)
    assert _chars(doc) == len(text)


def test_minibatches_cut_at_the_character_budget(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("factx.isolation.BATCH_CHARS", 25)
    docs = [nlp.make_doc(t) for t in ("Ten chars.", "Ten chars.", "Ten chars.", "Short.")]
    batches = list(_minibatches([(d, n) for n, d in enumerate(docs)], size=16))
    assert [[n for _, n in batch] for batch in batches] == [[0, 1], [2, 3]]


def test_doc_fault_only_for_the_named_stage(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = nlp.make_doc("The word XYZZY is here.")
    monkeypatch.delenv(FAULT_ENV, raising=False)
    check_doc_fault("factx_dates", doc)
    monkeypatch.setenv(FAULT_ENV, "factx_numbers:XYZZY")
    check_doc_fault("factx_dates", doc)
    check_doc_fault("factx_numbers", nlp.make_doc("No marker here."))
    with pytest.raises(InjectedFault):
        check_doc_fault("factx_numbers", doc)
