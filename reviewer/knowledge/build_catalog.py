"""Maintainer script: extract catalog facts (titles, versions, dates, article counts) from a law library.

Run by hand, never at run time::

    .venv/bin/python -m reviewer.knowledge.build_catalog ../shared/lawlib --snapshot 2025-04-19

It reads a folder in the LawRefBook layout (``<category>/<name>(<date>).md``) and writes
``reviewer/knowledge/data/laws.json``: facts only, no article text. Status and successors are curated
by hand in ``data/curated.yaml`` and merged at load time.
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from pathlib import Path

from reviewer.knowledge.lawtext import MalformedLawFile, parse_law_file

OUT = Path(__file__).with_name("data") / "laws.json"
SKIP_FOLDERS = {"其他"}
LEVELS = {"行政法规": "行政法规", "部门规章": "部门规章", "宪法": "宪法"}


def build(root: Path, snapshot: str) -> dict:
    """Group the library's files by full title: one entry per law, one version per distinct date."""
    laws: dict[str, dict] = {}
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(root)
        if path.name.startswith("_") or rel.parts[0] in SKIP_FOLDERS or len(rel.parts) < 2:
            continue
        try:
            law = parse_law_file(path)
        except MalformedLawFile as exc:
            print(f"跳过 {rel}：{exc}")
            continue
        entry = laws.setdefault(
            law.title,
            {
                "title": law.title,
                "short": law.short,
                "level": LEVELS.get(rel.parts[0], "法律"),
                "category": rel.parts[0],
                "versions": {},
            },
        )
        key = (law.version_date or date.min).isoformat()
        ver = entry["versions"].setdefault(
            key,
            {
                "date": law.version_date.isoformat() if law.version_date else None,
                "effective": law.effective.isoformat() if law.effective else None,
                "events": [[d.isoformat(), kind] for d, kind in law.events],
                "articles": 0,
            },
        )
        ver["articles"] = max(ver["articles"], law.max_article)  # 民法典 is split across files
    out = []
    for entry in laws.values():
        entry["versions"] = sorted(entry["versions"].values(), key=lambda v: v["date"] or "")
        out.append(entry)
    out.sort(key=lambda e: e["title"])
    return {"snapshot": snapshot, "source": "LawRefBook/Laws（国家法律法规数据库）", "laws": out}


def main() -> None:
    ap = argparse.ArgumentParser(description="从法律文本库提取法律目录事实数据")
    ap.add_argument("root", type=Path)
    ap.add_argument("--snapshot", required=True, help="法律文本库的快照日期，如 2025-04-19")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    data = build(args.root, args.snapshot)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(re.sub(r'\},\{"title"', '},\n{"title"', text) + "\n", encoding="utf-8")
    print(f"已写入 {args.out}：{len(data['laws'])} 部")


if __name__ == "__main__":
    main()
