"""The law catalog: titles, aliases, versions, article counts and status as of a date.

Data: ``data/laws.json`` (facts extracted by ``build_catalog.py``) merged with ``data/curated.yaml``
(repeals, successors, 施行日期, laws absent from the library). Public helpers::

    status(title, as_of=None) -> LawStatus | None
    resolve(mention) -> Resolution
    catalog() -> Catalog
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files

import yaml
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

IN_FORCE, AMENDED, REPEALED, NOT_YET = "现行有效", "已修改", "已废止", "尚未施行"
PREFIX = "中华人民共和国"
ACCEPT, SUSPECT = 95.0, 85.0

_SPACE = re.compile(r"[\s\u3000]+")
_VERSION_NOTE = re.compile(r"[（(]([^（）()]*?(?:修正|修订|修改|试行|草案|年)[^（）()]*)[）)]$")
_YEAR = re.compile(r"(\d{4})")
_PROVINCES = (
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
)
_LOCAL = re.compile(
    r"^(?:"
    + "|".join(_PROVINCES)
    + r")|^(?:[\u4e00-\u9fff]{2,6}?|[×xX＊*○〇某]{1,4})(?:省|自治区|市|自治州|县|自治县|旗)"
)


@dataclass(frozen=True, slots=True)
class LawVersion:
    date: date | None
    effective: date | None
    articles: int | None
    events: tuple[tuple[date, str], ...] = ()

    @property
    def start(self) -> date | None:
        """The day this version took (or takes) effect; the publication date when 施行日期 is unknown."""
        return self.effective or self.date

    def label(self) -> str:
        if not self.date:
            return "版本日期不详"
        kind = next((k for d, k in reversed(self.events) if k != "施行"), None)
        return f"{self.date.year}年{kind or '公布'}"


@dataclass(slots=True)
class Law:
    title: str
    short: str
    level: str
    category: str = ""
    aliases: list[str] = field(default_factory=list)
    versions: list[LawVersion] = field(default_factory=list)
    repealed: date | None = None
    successor: str | None = None

    def version_at(self, when: date) -> LawVersion | None:
        """The version in force on ``when`` (None before the first one took effect)."""
        current = None
        for v in self.versions:
            if v.start is None or v.start <= when:
                current = v
        return current

    def version_of_year(self, year: int) -> LawVersion | None:
        return next((v for v in self.versions if v.date and v.date.year == year), None)

    def status_at(self, when: date) -> str:
        if self.repealed and self.repealed <= when:
            return REPEALED
        first = self.versions[0].start if self.versions else None
        if first and first > when:
            return NOT_YET
        return IN_FORCE


@dataclass(slots=True)
class Resolution:
    """How a mention maps to the catalog: ``how`` is exact / fuzzy (accepted) / suspect / local / none."""

    mention: str
    key: str
    how: str
    law: Law | None = None
    score: float = 0.0
    version_year: int | None = None

    @property
    def certain(self) -> bool:
        return self.how in ("exact", "fuzzy")


@dataclass(slots=True)
class LawStatus:
    title: str
    status: str
    successor: str | None
    current_title: str
    repealed_on: date | None
    version: LawVersion | None
    certain: bool
    law: Law


def clean(mention: str) -> str:
    """Remove line breaks, spaces and the outer 《》; inner 《》 become 〈〉."""
    s = _SPACE.sub("", mention).strip("《》<>〈〉")
    return s.replace("《", "〈").replace("》", "〉")


def normalise(mention: str) -> tuple[str, int | None]:
    """Catalog key of a title and the year of a version note: （2019年修正） → (key, 2019)."""
    s = clean(mention)
    year = None
    while m := _VERSION_NOTE.search(s):
        if y := _YEAR.search(m[1]):
            year = int(y[1])
        s = s[: m.start()]
    return s.removeprefix(PREFIX), year


def is_local(key: str) -> bool:
    """A province's or city's own regulation, or a 实施〈…〉办法: never the national law it implements."""
    return "〈" in key or bool(_LOCAL.match(key))


class Catalog:
    def __init__(self, laws: list[Law], snapshot: str, curated: str):
        self.laws = {law.title: law for law in laws}
        self.snapshot, self.curated = snapshot, curated
        self.keys: dict[str, Law] = {}
        for law in laws:  # full titles first, so that an alias never shadows another law's title
            self.keys.setdefault(normalise(law.title)[0], law)
        for law in laws:
            for alias in [law.short, *law.aliases]:
                self.keys.setdefault(normalise(alias)[0], law)
        self._choices = list(self.keys)

    def get(self, title: str) -> Law | None:
        res = self.resolve(title)
        return res.law if res.certain else None

    def resolve(self, mention: str) -> Resolution:
        key, year = normalise(mention)
        res = Resolution(mention=mention, key=key, how="none", version_year=year)
        if law := self.keys.get(key):
            res.how, res.law, res.score = "exact", law, 100.0
            return res
        if not key or is_local(key):
            res.how = "local" if key else "none"
            return res
        best = process.extractOne(key, self._choices, scorer=fuzz.ratio, score_cutoff=SUSPECT)
        if best:
            choice, score, _ = best
            res.law, res.score = self.keys[choice], score
            # A substituted character makes another law (野生植物 ≠ 野生动物): never accept it silently.
            replaced = any(op.tag == "replace" for op in Levenshtein.editops(key, choice))
            res.how = "fuzzy" if score >= ACCEPT and not replaced else "suspect"
        return res

    def status(self, title: str, as_of: date | None = None) -> LawStatus | None:
        res = self.resolve(title)
        if res.law is None or res.how in ("none", "local"):
            return None
        return self.status_of(res, as_of or date.today())

    def status_of(self, res: Resolution, when: date) -> LawStatus:
        law = res.law
        assert law is not None
        state = law.status_at(when)
        current = law.version_at(when)
        if state == IN_FORCE and res.version_year and current and current.date:
            cited = law.version_of_year(res.version_year)
            if cited is not None and cited is not current and cited.date and cited.date < current.date:
                state = AMENDED
        successor = law.successor if state == REPEALED else None
        return LawStatus(
            title=law.title,
            status=state,
            successor=successor,
            current_title=successor or law.title,
            repealed_on=law.repealed,
            version=current,
            certain=res.certain,
            law=law,
        )


def _date(v: object) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v))


def _version(v: dict) -> LawVersion:
    events = tuple((date.fromisoformat(d), k) for d, k in v.get("events", ()))
    return LawVersion(
        date=_date(v.get("date")),
        effective=_date(v.get("effective")),
        articles=v.get("articles") or None,
        events=events,
    )


def load(extracted: dict, curated: dict) -> Catalog:
    """Merge extracted facts with curated ones into a Catalog."""
    laws: dict[str, Law] = {}
    for e in extracted["laws"]:
        laws[e["title"]] = Law(
            title=e["title"],
            short=e["short"],
            level=e["level"],
            category=e["category"],
            versions=[_version(v) for v in e["versions"]],
        )
    for c in curated["laws"]:
        law = laws.get(c["title"])
        if law is None:
            law = laws[c["title"]] = Law(
                title=c["title"], short=c["title"].removeprefix(PREFIX), level=c.get("level", "法律")
            )
        law.level = c.get("level", law.level)
        law.aliases += c.get("aliases", [])
        law.repealed = _date(c.get("repealed")) or law.repealed
        law.successor = c.get("successor", law.successor)
        known = {v.date for v in law.versions}
        law.versions += [_version(v) for v in c.get("versions", []) if _date(v.get("date")) not in known]
        for vdate, eff in (c.get("effective") or {}).items():
            law.versions = [
                LawVersion(v.date, _date(eff), v.articles, v.events) if v.date == _date(vdate) else v
                for v in law.versions
            ]
        law.versions.sort(key=lambda v: v.date or date.min)
    return Catalog(list(laws.values()), snapshot=extracted["snapshot"], curated=str(curated["curated"]))


@cache
def catalog() -> Catalog:
    """The shipped catalog, loaded once per process."""
    data = files("reviewer.knowledge") / "data"
    extracted = json.loads((data / "laws.json").read_text(encoding="utf-8"))
    curated = yaml.safe_load((data / "curated.yaml").read_text(encoding="utf-8"))
    return load(extracted, curated)


def status(title: str, as_of: date | None = None) -> LawStatus | None:
    """Status of the law a title names, as of a date (today by default); None when not in the catalog."""
    return catalog().status(title, as_of)


def resolve(mention: str) -> Resolution:
    return catalog().resolve(mention)
