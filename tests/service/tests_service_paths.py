"""Filling route templates with ids for route-by-route checks."""

from __future__ import annotations

import re

IDS = {
    "submission_id": "1",
    "sid": "1",
    "number": "1",
    "finding_id": "1",
    "fid": "1",
    "user_id": "1",
    "rule_id": "PENALTY-FINE-CREATED",
}


def fill(path: str, **ids: str) -> str:
    values = IDS | ids
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "1"), path)
