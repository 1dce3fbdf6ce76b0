"""The regex prefilter: what it reads from a regex, and that it never loses a match of a real rule."""

from __future__ import annotations

import json
import re
from pathlib import Path

from reviewer.engine import catalog
from reviewer.engine.kinds import _matches
from reviewer.engine.prefilter import analyse

CLAUSES = Path(__file__).resolve().parents[1] / "eval" / "clauses_core.jsonl"


def test_sets_of_necessary_literals_and_first_characters():
    found, first = analyse(
        re.compile(r"(?:(?<=由)|(?<=，))(?:村|居)民?委员会(?:可以)?处以?[0-9]+元(?:的)?罚款")
    )
    assert set(found) == {
        frozenset(f"{a}{b}委员会{c}处" for a in "村居" for b in ("", "民") for c in ("", "可以")),
        frozenset({"元罚款", "元的罚款"}),
    }
    assert first == "居村"  # starts with a lookbehind: re cannot skip ahead by itself
    assert analyse(re.compile(r"(?<=由)(?:村委会)?处罚"))[1] == "处村"  # an optional part: either may start


def test_nothing_known_is_said_so():
    assert analyse(re.compile(r"罚款|违约金")) == ((frozenset({"罚款", "违约金"}),), None)  # re skips itself
    assert analyse(re.compile(r"(?:拖移|拖离)车辆?")) == ((frozenset({"拖移车", "拖离车"}),), None)
    assert analyse(re.compile(r"[^。]{2,}")) == ((), None)
    assert analyse(re.compile(r"(?<=由)[^。]?处罚")) == ((frozenset({"处罚"}),), None)  # may start anywhere
    assert analyse(re.compile(r"罚款", re.IGNORECASE)) == ((), None)


def test_superstrings_add_nothing():
    [need], _ = analyse(re.compile(r"(?:各|所在)村(?:（社区）)?"))
    assert need == frozenset({"各村", "所在村"})


def test_every_match_of_every_rule_survives_the_prefilter():
    lines = [json.loads(x)["text"] for x in CLAUSES.read_text(encoding="utf-8").splitlines() if x.strip()]
    for rule in catalog.get().rules:
        for p in [*rule.patterns, *rule.then]:
            if p.regex is None:
                continue
            for line in lines:
                spans = [m.span() for m in p.regex.finditer(line)]
                assert [m.span() for m in _matches(p, line, 0, len(line))] == spans, (rule.id, line)
                if spans:
                    assert all(any(w in line for w in need) for need in p.factors), (rule.id, line)
