"""Every example of every rule: flag examples mark exactly the expected spans, pass examples give nothing."""

from __future__ import annotations

import pytest

from reviewer.engine import catalog
from reviewer.engine.examples import run_examples

_CATALOG = catalog.get()


@pytest.mark.parametrize("rule", _CATALOG.rules, ids=lambda r: r.id)
def test_rule_examples(rule):
    failures = [
        f"{o.kind}[{o.index}] {o.text}\n    {o.problem}" for o in run_examples(_CATALOG, rule) if not o.ok
    ]
    assert not failures, "\n".join(failures)
