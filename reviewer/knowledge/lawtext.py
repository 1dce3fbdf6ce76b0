"""Read one law file in the LawRefBook layout: ``# title``, history lines, ``<!-- INFO END -->``, articles.

Shared by the catalog builder (facts only) and the law-library importer (full article text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reviewer.numerals import CN_NUM, cn_to_int

INFO_END = "<!-- INFO END -->"
_FILE_DATE = re.compile(r"[（(](\d{4}-\d{2}-\d{2})[）)]$")
_EVENT = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.*)$")
ARTICLE_HEAD = re.compile(rf"^(第([{CN_NUM}0-9]+)条(?:之[{CN_NUM}]+)?)[\s　]*")


class MalformedLawFile(ValueError):
    """A file that is not a law text in the expected layout; ``str()`` is a Chinese reason."""


@dataclass(slots=True)
class Article:
    label: str  # 第十七条 / 第一百三十三条之一
    number: int  # 17 / 133
    text: str  # the article's paragraphs joined by newlines, label included


@dataclass(slots=True)
class LawFile:
    title: str
    short: str
    subtitle: str | None = None
    events: list[tuple[date, str]] = field(default_factory=list)  # (date, 通过/修正/修订/施行)
    version_date: date | None = None
    effective: date | None = None
    articles: list[Article] = field(default_factory=list)

    @property
    def max_article(self) -> int:
        return max((a.number for a in self.articles), default=0)


def event_kind(text: str) -> str:
    """Classify one history line: 施行, 修正, 修订 or 通过 (adoption, promulgation, publication)."""
    t = text.strip()
    if t.endswith("施行") and len(t) <= 8:
        return "施行"
    if "修订" in t[-12:]:
        return "修订"
    if "修正" in t:
        return "修正"
    if "修订" in t:
        return "修订"
    return "通过"


def _to_date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def parse_law_file(path: Path) -> LawFile:
    """Parse a law file; raise MalformedLawFile (reason in Chinese) when it is not one."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedLawFile("不是 UTF-8 编码的文本文件") from exc
    except OSError as exc:
        raise MalformedLawFile(f"无法读取：{exc.strerror or exc}") from exc
    return parse_law_text(raw, path.stem)


def parse_law_text(raw: str, stem: str) -> LawFile:
    if INFO_END not in raw:
        raise MalformedLawFile("缺少 <!-- INFO END --> 标记")
    head, body = raw.split(INFO_END, 1)
    titles = [ln[2:].strip() for ln in head.splitlines() if ln.startswith("# ")]
    if not titles or not titles[0]:
        raise MalformedLawFile("缺少“# 标题”行")
    m = _FILE_DATE.search(stem)
    subtitle = titles[1] if len(titles) > 1 else None
    short = titles[0].removeprefix("中华人民共和国") if subtitle else _FILE_DATE.sub("", stem).strip()
    law = LawFile(title=titles[0], short=short, subtitle=subtitle)
    for line in head.splitlines():
        em = _EVENT.match(line.strip())
        if em and (d := _to_date(em[1], em[2], em[3])):
            law.events.append((d, event_kind(em[4])))
    made = [d for d, k in law.events if k != "施行"]
    law.version_date = date.fromisoformat(m[1]) if m else (max(made) if made else None)
    starts = [d for d, k in law.events if k == "施行"]
    law.effective = max(starts) if starts else None
    law.articles = parse_articles(body)
    return law


def parse_articles(body: str) -> list[Article]:
    """Split the body into articles; headings (## 第一章 …) end the previous article."""
    out: list[Article] = []
    current: list[str] | None = None
    for line in body.splitlines():
        s = line.strip()
        if not s:
            continue
        if s.startswith("#"):
            current = None
            continue
        am = ARTICLE_HEAD.match(s)
        if am and (n := cn_to_int(am[2])):
            current = [s]
            out.append(Article(label=am[1], number=n, text=s))
            continue
        if current is not None and out:
            out[-1].text += "\n" + s
    return out
