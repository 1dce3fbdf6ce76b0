"""The project's labeled set (tests/eval) must stay above quality floors: a drop fails the build."""

from __future__ import annotations

import pytest

from reviewer.engine.evalset import load_clauses, score_clauses, score_drafts

PRECISION_FLOOR, RECALL_FLOOR, CATEGORY_RECALL_FLOOR, LOOKALIKE_FLOOR = 0.90, 0.85, 0.75, 0.90
DRAFT_RECALL_FLOOR, DRAFT_OTHERS_CEILING = 0.90, 5
MIN_CATEGORY_SUPPORT = 5  # a per-category recall floor only where the set labels that many clauses


@pytest.fixture(scope="module")
def clause_score():
    cases = load_clauses()
    assert len(cases) >= 80, "评测集过小"
    return score_clauses(cases)


def test_micro_precision_and_recall(clause_score):
    detail = "\n".join(clause_score.errors)
    assert clause_score.precision >= PRECISION_FLOOR, detail
    assert clause_score.recall >= RECALL_FLOOR, detail


def test_every_category_recall(clause_score):
    cats = {
        c
        for c in set(clause_score.tp) | set(clause_score.fn)
        if clause_score.tp[c] + clause_score.fn[c] >= MIN_CATEGORY_SUPPORT
    }
    low = {
        c: round(clause_score.category_recall(c), 2)
        for c in cats
        if clause_score.category_recall(c) < CATEGORY_RECALL_FLOOR
    }
    assert not low, low


def test_lawful_lookalikes_stay_clean(clause_score):
    assert clause_score.lookalikes >= 30
    assert clause_score.lookalike_rate >= LOOKALIKE_FLOOR


def test_whole_drafts():
    ds = score_drafts()
    assert ds.planted >= 10
    assert ds.recall >= DRAFT_RECALL_FLOOR, ds.missed
    assert max(ds.others.values()) <= DRAFT_OTHERS_CEILING, ds.others


CORE = ("permit", "penalty", "coercion", "fee", "procedure", "vague", "retroactive")


def test_generalisation_set_for_the_core_categories():
    """clauses_generalise_core.jsonl: unseen wordings of the core categories stay found, look-alikes clean."""
    cases = [c for c in load_clauses() if c["id"].startswith("g3c-")]
    assert len(cases) >= 150
    sc = score_clauses(cases)
    tp, fp, fn = (sum(counter[c] for c in CORE) for counter in (sc.tp, sc.fp, sc.fn))
    detail = "\n".join(e for e in sc.errors if any(c in e for c in CORE))
    assert tp / (tp + fp) >= 0.97, detail
    assert tp / (tp + fn) >= 0.95, detail
