"""Across documents: near-duplicate provisions and conflicting provisions on the same matter.

Provisions are normalised (dates, cross-references, punctuation removed; numbers and modal verbs masked), so
two provisions on the same matter that differ only in an amount, a deadline or 应当/可以 look alike.
Candidates come from MinHash signatures over character 3-grams with LSH banding (numpy, in chunks), so
10,000 documents never need all pairs; candidate pairs are verified with rapidfuzz (``process.cpdist``).
Verified pairs are merged into matters (union-find); inside a matter, provisions with the same facts
(amounts, deadlines, modal verbs) are duplicates, provisions with different facts conflict. Every member is listed against its
group's earliest provision, so the output grows linearly with the number of provisions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from reviewer.numerals import CN_NUM

NGRAM = 3
BANDS, ROWS = 6, 4  # 24 hashes: pairs with Jaccard ≥ 0.8 are found with p ≥ 0.96
SAME_MATTER = 88.0  # rapidfuzz ratio of masked texts
MIN_CHARS = 20  # shorter provisions (施行日期, 解释权) are not compared
STAR_ABOVE = 40  # larger LSH buckets are compared against their first members only
CHUNK = 20_000

_DATE = re.compile(rf"[0-9０-９{CN_NUM}]{{2,4}}年[0-9０-９{CN_NUM}]{{1,3}}月(?:[0-9０-９{CN_NUM}]{{1,3}}日)?")
_REF = re.compile(rf"(?:本(?:办法|规定|细则|意见|通知|方案))?第[0-9０-９{CN_NUM}]+(?:条|款|项)")
_DOC = "(?:办法|规定|细则|意见|通知|方案|决定|制度|措施)"
_BOILERPLATE = re.compile(rf"^本{_DOC}(?:自|由|所称|的具体应用)|有效期|同时废止|负责解释|制定本{_DOC}")
_FACT = re.compile(
    rf"(?P<n>[0-9０-９.．]+|[{CN_NUM}]+)\s*(?P<u>万元|元|个工作日|工作日|日|天|小时|个月|月|年|周岁|岁|%|％|倍|平方米|亩|户|人|次)"
)
_MODAL = re.compile(r"应当|必须|须|可以|不得|禁止|严禁|不予|予以")
_NUMBER = re.compile(rf"[0-9０-９.．]+|[{CN_NUM}]+")
_DROP = re.compile(r"[\s\u3000，,。；;：:、“”‘’\"'（）()《》〈〉【】\[\]！!？?—\-…·]+")


@dataclass(slots=True)
class Provision:
    doc: int  # index of the document (Entry.index)
    id: str  # node id in that document
    label: str
    text: str


@dataclass(slots=True)
class Pair:
    kind: str  # 重复 / 冲突
    a: Provision
    b: Provision
    similarity: float
    difference: str = ""


def masked(text: str) -> str:
    """The matter of a provision: no dates, references or punctuation; numbers → #, modal verbs → ◇."""
    t = _REF.sub("", _DATE.sub("", text))
    t = _MODAL.sub("◇", t)
    t = _NUMBER.sub("#", t)
    return _DROP.sub("", t)


def facts(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What must agree between two provisions on the same matter: quantities with units, modal verbs."""
    t = _REF.sub("", _DATE.sub("", text))
    return (tuple(m.group("n") + m.group("u") for m in _FACT.finditer(t)), tuple(_MODAL.findall(t)))


def describe(fa: tuple, fb: tuple) -> str:
    parts = []
    if fa[0] != fb[0]:
        parts.append(f"数额或期限：{'、'.join(fa[0]) or '无'} ↔ {'、'.join(fb[0]) or '无'}")
    if fa[1] != fb[1]:
        parts.append(f"义务性质：{'、'.join(fa[1]) or '无'} ↔ {'、'.join(fb[1]) or '无'}")
    return "；".join(parts)


def comparable(provisions: list[Provision]) -> list[int]:
    return [
        i for i, p in enumerate(provisions) if len(p.text) >= MIN_CHARS and not _BOILERPLATE.search(p.text)
    ]


def signatures(keys: list[str], seed: int = 7) -> np.ndarray:
    """MinHash signatures (len(keys) × BANDS·ROWS, uint32) over character n-grams, computed in chunks."""
    rng = np.random.default_rng(seed)
    k = BANDS * ROWS
    mult = rng.integers(1, 2**63 - 1, size=k, dtype=np.uint64) | np.uint64(1)
    add = rng.integers(0, 2**63 - 1, size=k, dtype=np.uint64)
    out = np.empty((len(keys), k), dtype=np.uint32)
    for lo in range(0, len(keys), CHUNK):
        out[lo : lo + CHUNK] = _chunk_signatures(keys[lo : lo + CHUNK], mult, add)
    return out


def _chunk_signatures(keys: list[str], mult: np.ndarray, add: np.ndarray) -> np.ndarray:
    lengths = np.fromiter((len(s) for s in keys), dtype=np.int64, count=len(keys))
    cps = np.frombuffer("".join(keys).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    ngrams = np.maximum(lengths - NGRAM + 1, 1)
    owner = np.repeat(np.arange(len(keys)), ngrams)
    offset = np.arange(len(owner)) - np.repeat(np.cumsum(ngrams) - ngrams, ngrams)
    pos = starts[owner] + offset
    gram = np.zeros(len(pos), dtype=np.uint64)
    for j in range(NGRAM):
        idx = np.minimum(pos + j, len(cps) - 1)
        ok = (offset + j) < lengths[owner]
        gram = gram * np.uint64(1_000_003) + np.where(ok, cps[idx], np.uint64(0))
    seg = np.concatenate(([0], np.cumsum(ngrams)[:-1]))
    sig = np.empty((len(keys), len(mult)), dtype=np.uint32)
    for h in range(len(mult)):
        hashed = ((gram * mult[h] + add[h]) >> np.uint64(32)).astype(np.uint32)
        sig[:, h] = np.minimum.reduceat(hashed, seg)
    return sig


def candidates(sig: np.ndarray) -> np.ndarray:
    """Index pairs (x < y, unique) that share an LSH band: each bucket member is paired with the bucket's
    first member and with its neighbour, so a bucket of k members gives at most 2k pairs (verified pairs are
    merged transitively afterwards)."""
    found = []
    for b in range(BANDS):
        band = sig[:, b * ROWS : (b + 1) * ROWS].astype(np.uint64)
        key = np.zeros(len(band), dtype=np.uint64)
        for r in range(ROWS):
            key = key * np.uint64(0x9E3779B97F4A7C15) + band[:, r]
        order = np.argsort(key, kind="stable")
        sk = key[order]
        same = np.flatnonzero(sk[1:] == sk[:-1]) + 1  # positions continuing a bucket
        if not len(same):
            continue
        starts = np.where(np.concatenate(([True], sk[1:] != sk[:-1])), np.arange(len(sk)), 0)
        first = np.maximum.accumulate(starts)
        found.append(np.stack((order[same - 1], order[same])))  # neighbours
        found.append(np.stack((order[first[same]], order[same])))  # bucket head
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.concatenate(found, axis=1).astype(np.int64)
    pairs = np.sort(pairs, axis=0)
    pairs = pairs[:, pairs[0] != pairs[1]]
    return np.unique(pairs.T, axis=0)


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def compare(provisions: list[Provision], family: dict[int, int] | None = None) -> list[Pair]:
    """Duplicate and conflict pairs among ``provisions`` (ordered oldest document first).

    ``family`` maps a document index to its version family (documents that supersede one another share
    one): provisions of one document or one family are never paired.
    """
    family = family or {}
    idx = comparable(provisions)
    if len(idx) < 2:
        return []
    keys = [masked(provisions[i].text) for i in idx]
    sig = signatures(keys)
    fam = [family.get(provisions[i].doc, provisions[i].doc) for i in idx]
    pairs = candidates(sig)
    fam_arr = np.asarray(fam)
    pairs = pairs[fam_arr[pairs[:, 0]] != fam_arr[pairs[:, 1]]]
    if len(pairs):
        score = process.cpdist(
            [keys[x] for x in pairs[:, 0]],
            [keys[y] for y in pairs[:, 1]],
            scorer=fuzz.ratio,
            score_cutoff=SAME_MATTER,
            dtype=np.float32,
            workers=-1,
        )
        pairs = pairs[score > 0]
    union = _Union(len(idx))
    for x, y in pairs.tolist():
        union.join(x, y)
    groups: dict[int, list[int]] = defaultdict(list)
    for x in np.unique(pairs).tolist():
        groups[union.find(x)].append(x)
    out: list[Pair] = []
    for members in groups.values():
        members.sort()
        by_facts: dict[tuple, list[int]] = {}
        for x in members:
            by_facts.setdefault(facts(provisions[idx[x]].text), []).append(x)
        variants = list(by_facts.items())
        head_facts, head_members = variants[0]
        head = head_members[0]
        for f, group in variants:
            rep = group[0]
            for x in group[1:]:
                if fam[x] != fam[rep]:
                    out.append(_pair("重复", provisions, idx, keys, rep, x))
            if rep != head and fam[rep] != fam[head]:
                out.append(_pair("冲突", provisions, idx, keys, head, rep, describe(head_facts, f)))
    out.sort(key=lambda p: (p.kind != "冲突", p.a.doc, p.b.doc, p.a.id, p.b.id))
    return out


def _pair(
    kind: str,
    provisions: list[Provision],
    idx: list[int],
    keys: list[str],
    x: int,
    y: int,
    difference: str = "",
) -> Pair:
    a, b = provisions[idx[x]], provisions[idx[y]]
    return Pair(kind, a, b, round(fuzz.ratio(keys[x], keys[y]), 1), difference)
