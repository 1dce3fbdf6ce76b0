"""Generate clean-up corpora with a known answer key (all text is invented here).

    python bench/cleanup_corpus.py corpus OUT_DIR [--docs 220]      # test corpus + OUT_DIR.key.json
    python bench/cleanup_corpus.py bench OUT_DIR [--docs 1000]      # benchmark set: .docx of 5–20 pages

The test corpus holds documents that are expired, about to expire, not yet in force, cite repealed laws
(as a secondary citation or as the main 制定依据), name an abolished agency, are superseded (a later
document of the same issuer on the same subject, or an explicit 「原《…》同时废止」), refer by 文号 to an
expired document, plus planned duplicate and conflicting provisions across documents; the rest are
ordinary documents that should be kept. The key gives each file's expected 现状, 处理建议 and reason
codes, and the expected duplicate / conflict pairs; it is written beside the folder (``OUT_DIR.key.json``).
"""

from __future__ import annotations

import argparse
import json
import random
import zipfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

AS_OF = date(2025, 6, 30)
COUNTY = "青山县"
ISSUERS = {  # issuer → 文号 organ code
    "青山县人民政府": "青政规",
    "青山县交通运输局": "青交规",
    "青山县农业农村局": "青农规",
    "青山县住房和城乡建设局": "青建规",
    "青山县民政局": "青民规",
    "青山县卫生健康局": "青卫规",
    "青山县文化和旅游局": "青文旅规",
    "红石镇人民政府": "红政规",
    "白水镇人民政府": "白政规",
}
TOPICS = [
    "农村公路养护管理",
    "城镇环境卫生管理",
    "农村宅基地审批管理",
    "集贸市场服务管理",
    "农村饮水安全工程管护",
    "城区停车服务管理",
    "乡村旅游扶持",
    "农民专业合作社扶持",
    "村级公益事业建设",
    "农村危房改造补助",
    "残疾人就业扶持",
    "城乡居民临时救助",
    "公共文化设施管理",
    "全民健身设施管理",
    "农村人居环境整治",
    "高标准农田建设管护",
    "小型水库安全运行管理",
    "河道采砂秩序维护",
    "城区绿化养护管理",
    "老旧小区改造",
    "养老服务机构扶持",
    "家庭农场培育",
    "电子商务进农村",
    "公共租赁住房管理",
    "政府投资项目管理",
    "行政事业单位资产管理",
    "政务信息公开",
    "重大行政决策程序",
    "农产品质量安全追溯",
    "畜禽养殖废弃物资源化利用",
    "森林防火",
    "地质灾害防治",
    "消防安全网格化管理",
    "校园周边环境治理",
    "乡村医生队伍建设",
    "基层卫生服务",
    "文物保护单位管理",
    "非物质文化遗产保护",
    "社区服务设施管理",
    "农村集体资产管理",
]
DEPTS = [
    "县交通运输局",
    "县农业农村局",
    "县住房和城乡建设局",
    "县自然资源局",
    "县民政局",
    "县卫生健康局",
    "县教育局",
    "县文化和旅游局",
    "县商务局",
    "县水利局",
    "县人力资源和社会保障局",
    "县财政局",
    "各乡镇人民政府",
    "县应急管理局",
    "县生态环境局",
]
ACTIONS = [
    "建立健全",
    "定期开展",
    "统筹推进",
    "组织实施",
    "加强",
    "完善",
    "指导做好",
    "督促落实",
    "按季度汇总",
    "会同相关单位研究",
]
OBJECTS = [
    "日常巡查工作",
    "信息公开工作",
    "档案管理制度",
    "应急处置预案",
    "资金使用绩效评价",
    "服务质量考核",
    "投诉受理机制",
    "安全隐患排查台账",
    "培训宣传活动",
    "数据统计报送",
    "年度工作计划",
    "第三方评估",
    "工作经费保障",
    "政策解读工作",
    "示范创建活动",
    "监督检查记录",
    "项目储备库",
    "技术指导服务",
    "信用信息归集",
    "部门协作机制",
    "考核评价办法",
    "志愿服务活动",
    "标准化建设",
    "基础设施维护",
    "网格化服务",
    "信息化平台建设",
    "典型经验推广",
    "问题整改清单",
    "专项资金管理",
    "公众参与渠道",
]
PURPOSES = [
    "确保各项工作落到实处",
    "提高公共服务水平",
    "保障群众合法权益",
    "促进相关产业健康发展",
    "防范化解风险隐患",
    "推动工作规范化开展",
    "提升基层治理能力",
    "方便群众办事",
    "增强工作透明度",
    "形成工作合力",
]
TIMES = ["每年第一季度", "每半年", "每年年底前", "每月", "每季度", "每年6月底前"]
LAWS_OK = [
    "中华人民共和国公路法",
    "中华人民共和国城乡规划法",
    "中华人民共和国土地管理法",
    "中华人民共和国农业法",
    "中华人民共和国老年人权益保障法",
    "中华人民共和国残疾人保障法",
    "中华人民共和国水法",
    "中华人民共和国森林法",
    "中华人民共和国文物保护法",
    "中华人民共和国乡村振兴促进法",
]

# Provisions shared on purpose: duplicates are copied verbatim, conflicts change one fact.
SHARED = [
    (
        "申请人应当自项目竣工验收合格之日起{n}日内，向所在地乡镇人民政府提交补助申请表、竣工验收证明和资金使用清单，"
        "乡镇人民政府初审后报县级主管部门复核。",
        ("30", "60"),
    ),
    (
        "对符合条件的经营主体，按照每户{n}元的标准给予一次性奖励，奖励资金由县财政在年度预算中统筹安排，"
        "实行专账管理、专款专用。",
        ("2000", "5000"),
    ),
    (
        "县级主管部门应当在收到复核材料之日起{n}个工作日内完成审核，并将审核结果在县人民政府门户网站公示，"
        "公示期不少于五个工作日。",
        ("15", "20"),
    ),
    (
        "村民委员会{n}组织村民代表对项目实施情况进行监督，发现质量问题的及时向乡镇人民政府报告，"
        "乡镇人民政府应当督促施工单位整改到位。",
        ("应当", "可以"),
    ),
    (
        "鼓励社会资本参与运营管护，对连续运营满三年且服务质量考核优秀的运营主体，给予每年{n}万元的运营补贴，"
        "补贴期限最长不超过三年。",
        ("10", "20"),
    ),
    (
        "县财政局应当会同县审计局对专项资金的拨付和使用情况开展年度绩效评价，评价结果作为下一年度资金分配的"
        "重要依据，并向社会公开评价报告的主要内容，接受群众监督。",
        None,
    ),
    (
        "建立健全联席会议制度，由县人民政府分管负责同志召集，相关部门和各乡镇人民政府参加，"
        "每半年至少召开一次会议，研究解决工作推进中的重大问题。",
        None,
    ),
    (
        "项目建设单位应当在施工现场显著位置设立公示牌，载明项目名称、建设内容、资金来源、施工单位和监督电话，"
        "主动接受社会监督。",
        None,
    ),
    (
        "各乡镇人民政府应当将档案资料按照一户一档的要求整理归档，档案保存期限不少于十年，"
        "任何单位和个人不得擅自涂改、销毁。",
        None,
    ),
    (
        "县级主管部门应当畅通咨询渠道，通过政务服务热线、门户网站留言板等方式受理群众咨询，"
        "对群众反映的问题按照职责分工及时答复。",
        None,
    ),
]


@dataclass
class Doc:
    name: str
    issuer: str
    topic: str
    kind: str = "办法"
    effective: date = date(2023, 3, 1)
    years: int | None = 5
    provisional: bool = False
    basis: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)  # extra provisions (shared, references …)
    closing: list[str] = field(default_factory=list)  # sentences appended to the last article
    seq: int = 1
    wrapper: bool = False
    expect: dict = field(default_factory=dict)

    @property
    def title(self) -> str:
        prefix = COUNTY if self.issuer == f"{COUNTY}人民政府" else self.issuer.replace("人民政府", "")
        return f"{prefix}{self.topic}{'暂行' if self.provisional else ''}{self.kind}"

    @property
    def number(self) -> str:
        return f"{ISSUERS[self.issuer]}〔{self.issue.year}〕{self.seq}号"

    @property
    def issue(self) -> date:
        return self.effective - timedelta(days=30)


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _provision(rng: random.Random, topic: str) -> str:
    dept, dept2 = rng.sample(DEPTS, 2)
    o1, o2 = rng.sample(OBJECTS, 2)
    return (
        f"{dept}应当{rng.choice(TIMES)}{rng.choice(ACTIONS)}{topic}{o1}，{rng.choice(PURPOSES)}。"
        f"{dept2}应当予以配合，并将{o2}情况报县人民政府。"
    )


def render(doc: Doc, rng: random.Random, articles: int | None = None) -> list[str]:
    """The document as paragraphs."""
    basis = "".join(f"《{b}》" for b in doc.basis) or "有关法律法规"
    body = [f"为了规范{doc.topic}工作，根据{basis}等有关规定，结合本县实际，制定本{doc.kind}。"]
    n = articles if articles is not None else rng.randint(5, 9)
    body += [_provision(rng, doc.topic) for _ in range(n)]
    body += doc.extra
    last = f"本{doc.kind}自{_cn(doc.effective)}起施行" + (f"，有效期{doc.years}年。" if doc.years else "。")
    body.append(last + "".join(doc.closing))
    lines = []
    if doc.wrapper:
        lines += [
            f"{doc.issuer}关于印发{doc.title}的通知",
            doc.number,
            "各乡镇人民政府，县直各单位：",
            f"现将《{doc.title}》印发给你们，请认真贯彻执行。",
            doc.title,
        ]
    else:
        lines += [doc.title, doc.number]
    from reviewer.numerals import int_to_cn

    lines += [f"第{int_to_cn(i)}条　{t}" for i, t in enumerate(body, start=1)]
    lines += [doc.issuer, _cn(doc.issue)]
    return lines


def plan(n_docs: int, seed: int = 20250630) -> tuple[list[Doc], list[dict]]:
    """Documents with their expected outcome, and the expected cross-document pairs."""
    rng = random.Random(seed)
    combos = [(i, t) for t in TOPICS for i in ISSUERS]
    rng.shuffle(combos)
    docs: list[Doc] = []

    def new(expect_disp: str, codes: list[str], status: str = "现行有效", **kw) -> Doc:
        issuer, topic = combos.pop()
        kw.setdefault("effective", date(2022 + len(docs) % 3, 1 + len(docs) % 12, 1))
        d = Doc(
            name=f"doc{len(docs) + 1:03d}",
            issuer=issuer,
            topic=topic,
            seq=len(docs) + 1,
            basis=[rng.choice(LAWS_OK)],
            wrapper=len(docs) % 2 == 0,
            **kw,
        )
        d.expect = {"disposition": expect_disp, "reasons": codes, "status": status}
        docs.append(d)
        return d

    expired = [
        new("宣布失效", ["expired"], "已过有效期", years=y, effective=date(2018 + k % 3, 3 + k % 6, 1))
        for k, y in enumerate([2, 3, 3, 2, 5, 2, 3, 2, 3, 2] * 2)
    ]
    new("保留", ["expiring"], "即将到期", years=5, effective=date(2020, 9, 1))
    new("保留", ["expiring"], "即将到期", years=3, effective=date(2022, 10, 15))
    new("保留", [], "尚未施行", years=5, effective=date(2025, 9, 1))
    for law in ["中华人民共和国合同法", "中华人民共和国物权法", "信访条例", "中华人民共和国执业医师法"] * 3:
        d = new("修改", ["repealed_law"])
        d.basis = [d.basis[0], law]
    for _ in range(3):
        d = new("废止", ["basis_repealed"])
        d.basis = ["卖淫嫖娼人员收容教育办法"]
    for agency in ["县工商行政管理局", "县食品药品监督管理局", "县安全生产监督管理局"] * 2:
        d = new("修改", ["outdated_agency"])
        d.extra.append(f"{agency}应当每季度组织开展{d.topic}联合检查，检查结果报县人民政府。")
    # superseded: same issuer and subject, later date (a 暂行 made permanent)
    for k in range(10):
        old = new("废止", ["superseded"], provisional=True, years=5, effective=date(2021, 1 + k, 1))
        later = new("保留", [], years=5, effective=date(2024, 1 + k, 1))
        later.issuer, later.topic = old.issuer, old.topic
    # superseded explicitly: 原《…》（文号）同时废止 in a document with another title
    for _ in range(8):
        old = new("废止", ["superseded"], effective=date(2022, 5, 1))
        later = new("保留", [], effective=date(2024, 6, 1))
        later.closing.append(f"原《{old.title}》（{old.number}）同时废止。")
    # references by 文号 to an expired document
    for k in range(6):
        target = expired[k]
        d = new("修改", ["cites_repealed_doc"])
        d.extra.append(
            f"{d.topic}涉及的资金申报、审核和拨付，按照《{target.title}》（{target.number}）的规定执行。"
        )
    pairs = []
    # duplicates and conflicts among ordinary documents
    for template, variants in SHARED:
        a = new("保留", [])
        b = new("保留", [])
        if variants is None:
            a.extra.append(template)
            b.extra.append(template)
            pairs.append({"kind": "重复", "a": a.name, "b": b.name})
        else:
            a.extra.append(template.format(n=variants[0]))
            b.extra.append(template.format(n=variants[1]))
            pairs.append({"kind": "冲突", "a": a.name, "b": b.name})
    while len(docs) < n_docs:
        new("保留", [])
    return docs, pairs


def write_corpus(out: Path, n_docs: int = 220) -> dict:
    """The test corpus: mostly .txt, every tenth document as .docx, a few inside a .zip; and key.json."""
    out.mkdir(parents=True, exist_ok=True)
    docs, pairs = plan(n_docs)
    rng = random.Random(7)
    key = {"as_of": AS_OF.isoformat(), "documents": {}, "pairs": []}
    zipped = []
    names = {}
    for i, d in enumerate(docs):
        lines = render(d, rng)
        if i % 10 == 3:
            name = f"{d.name}.docx"
            _write_docx(out / name, lines)
        elif i % 25 == 7:
            name = f"归档.zip!/{d.name}.txt"
            zipped.append((f"{d.name}.txt", "\n".join(lines)))
        else:
            name = f"{d.name}.txt"
            (out / name).write_text("\n".join(lines), encoding="utf-8")
        names[d.name] = name
        key["documents"][name] = d.expect
    if zipped:
        with zipfile.ZipFile(out / "归档.zip", "w", zipfile.ZIP_DEFLATED) as zf:
            for name, text in zipped:
                zf.writestr(name, text)
    key["pairs"] = [{"kind": p["kind"], "a": names[p["a"]], "b": names[p["b"]]} for p in pairs]
    key_path(out).write_text(json.dumps(key, ensure_ascii=False, indent=1), encoding="utf-8")
    return key


def key_path(out: Path) -> Path:
    """The answer key lives beside the corpus folder, not in it."""
    return out.with_name(out.name + ".key.json")


def _write_docx(path: Path, lines: list[str]) -> None:
    from docx import Document as Docx

    d = Docx()
    for line in lines:
        d.add_paragraph(line)
    d.save(str(path))


def write_bench(out: Path, n_docs: int = 1000, seed: int = 1) -> list[Path]:
    """Benchmark set: ``n_docs`` .docx of 5–20 pages (about 600 characters a page)."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    combos = [(i, t) for t in TOPICS for i in ISSUERS]
    paths = []
    for k in range(n_docs):
        issuer, topic = combos[k % len(combos)]
        pages = rng.randint(5, 20)
        d = Doc(
            name=f"b{k:04d}",
            issuer=issuer,
            topic=topic,
            seq=k + 1,
            basis=[rng.choice(LAWS_OK)],
            effective=date(2019 + k % 6, 1 + k % 12, 1),
        )
        path = out / f"{d.name}.docx"
        _write_docx(path, render(d, rng, articles=pages * 6))
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description="生成规范性文件清理的测试语料与基准语料")
    ap.add_argument("what", choices=["corpus", "bench"])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int)
    args = ap.parse_args()
    if args.what == "corpus":
        key = write_corpus(args.out, args.docs or 220)
        print(f"已生成 {len(key['documents'])} 份文件，答案见 {key_path(args.out)}")
    else:
        paths = write_bench(args.out, args.docs or 1000)
        print(f"已生成 {len(paths)} 份 .docx 到 {args.out}")


if __name__ == "__main__":
    main()
