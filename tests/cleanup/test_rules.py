"""Status, disposition, supersession and cross-document comparison on constructed records."""

from __future__ import annotations

from datetime import date

import pytest

from reviewer.cleanup import crossdoc
from reviewer.cleanup.disposition import dispose
from reviewer.cleanup.entry import Entry, record

AS_OF = date(2025, 6, 30)


def entry(i: int, **rec) -> Entry:
    base = {
        "title": f"青山县第{i}号测试办法",
        "issuer": "青山县人民政府",
        "issue_date": "2023-01-01",
        "effective_date": "2023-02-01",
    }
    return Entry(i, f"f{i}.txt", f"sha{i}", record(**(base | rec)))


def years(n, text=None):
    return {"text": text or f"有效期{n}年", "years": n, "until": None, "indefinite": False}


@pytest.mark.parametrize(
    ("effective", "validity", "status", "until"),
    [
        ("2020-06-30", years(5), "已过有效期", date(2025, 6, 29)),
        ("2020-07-01", years(5), "即将到期", date(2025, 6, 30)),  # the last valid day is the judging day
        ("2020-07-02", years(5), "即将到期", date(2025, 7, 1)),
        ("2023-01-01", years(5), "现行有效", date(2027, 12, 31)),
        (
            "2023-01-01",
            {"text": "有效期至2025年6月29日", "years": 2.5, "until": "2025-06-29", "indefinite": False},
            "已过有效期",
            date(2025, 6, 29),
        ),
        (
            "2023-01-01",
            {"text": "长期有效", "years": None, "until": None, "indefinite": True},
            "现行有效",
            None,
        ),
        ("2025-09-01", years(5), "尚未施行", date(2030, 8, 31)),
    ],
)
def test_status_as_of_the_date(effective, validity, status, until):
    e = entry(1, effective_date=effective, validity=validity)
    dispose([e], AS_OF)
    assert e.status == status and e.until == until
    assert e.disposition == ("宣布失效" if status == "已过有效期" else "保留")


def test_expiring_window_is_configurable():
    e = entry(1, effective_date="2021-01-01", validity=years(5))
    dispose([e], AS_OF, warn_months=3)
    assert e.status == "现行有效"
    dispose([f := entry(1, effective_date="2021-01-01", validity=years(5))], AS_OF, warn_months=7)
    assert f.status == "即将到期"


def law(mention, successor, main=False):
    return {
        "mention": mention,
        "title": mention,
        "successor": successor,
        "repealed_on": "2021-01-01",
        "certain": True,
        "main": main,
    }


ERROR = {
    "rule_id": "X",
    "category": "penalty",
    "severity": "error",
    "article": "第四条",
    "quote": "处五百元罚款",
    "message": "自行设定罚款。",
    "suggestion": None,
    "basis": [],
}


@pytest.mark.parametrize(
    ("laws", "findings", "disposition", "code"),
    [
        ([law("合同法", "中华人民共和国民法典", main=True)], [], "修改", "repealed_law"),
        ([law("合同法", "中华人民共和国民法典", main=True)], [ERROR], "废止", "basis_repealed"),
        ([law("某暂行办法", None, main=True)], [], "废止", "basis_repealed"),
        (
            [law("某办法", "全国人民代表大会常务委员会关于废止某办法的决定", main=True)],
            [],
            "废止",
            "basis_repealed",
        ),
        ([law("物权法", "中华人民共和国民法典")], [], "修改", "repealed_law"),
        ([], [ERROR], "修改", "error_findings"),
        ([], [{**ERROR, "severity": "warning"}], "保留", None),
    ],
)
def test_disposition_from_laws_and_findings(laws, findings, disposition, code):
    e = entry(1, laws=laws, findings=findings)
    dispose([e], AS_OF)
    assert e.disposition == disposition
    assert [r.code for r in e.reasons if r.disposition == disposition] == ([code] if code else [])


def test_outdated_findings_do_not_repeat_knowledge_reasons():
    finding = {**ERROR, "category": "outdated", "quote": "《合同法》", "message": "已废止"}
    e = entry(1, laws=[law("合同法", "中华人民共和国民法典")], findings=[finding])
    dispose([e], AS_OF)
    assert [r.code for r in e.reasons] == ["repealed_law"]


def test_abolished_agency_asks_for_amendment():
    e = entry(1, terms=[{"kind": "agency", "term": "县工商局", "replacement": "县市场监督管理局"}])
    dispose([e], AS_OF)
    assert e.disposition == "修改" and "县市场监督管理局" in e.reasons[0].text


def test_expiry_outranks_supersession():
    old = entry(
        1,
        title="青山县殡葬管理暂行办法",
        issue_date="2018-01-01",
        effective_date="2018-02-01",
        validity=years(2),
    )
    new = entry(2, title="青山县殡葬管理办法", issue_date="2024-01-01")
    dispose([old, new], AS_OF)
    assert old.disposition == "宣布失效" and {r.code for r in old.reasons} == {"expired", "superseded"}
    assert new.disposition == "保留"


def test_same_subject_needs_same_issuer_and_a_later_date():
    a = entry(1, title="青山县殡葬管理办法", issue_date="2020-01-01")
    b = entry(2, title="青山县殡葬管理办法（修订）", issue_date="2024-01-01")
    c = entry(3, title="青山县殡葬管理办法", issue_date="2022-01-01", issuer="青山县民政局")
    d = entry(4, title="青山县殡葬管理办法", issue_date="2024-01-01", issuer="青山县民政局")
    e = entry(5, title="青山县殡葬管理办法", issue_date="2024-01-01", issuer="青山县民政局")
    dispose([a, b, c, d, e], AS_OF)
    assert a.superseded_by == 2 and b.superseded_by is None
    assert c.superseded_by in (4, 5)
    assert d.superseded_by is None and e.superseded_by is None  # same day: no order, both kept


def test_explicit_repeal_by_number_and_references_to_repealed_documents():
    old = entry(1, title="青山县甲办法", doc_number="青政规〔2019〕2号", issue_date="2019-01-01")
    new = entry(2, title="青山县乙办法", repeal_numbers=["青政规〔2019〕2号"], issue_date="2024-01-01")
    user = entry(3, title="青山县丙办法", cited_numbers=["青政规〔2019〕2号"])
    by_title = entry(4, title="青山县丁办法", cited_titles=["青山县甲办法"])
    dispose([old, new, user, by_title], AS_OF)
    assert old.disposition == "废止" and old.superseded_by == 2
    assert user.disposition == "修改" and user.reasons[0].code == "cites_repealed_doc"
    assert by_title.disposition == "修改"
    assert new.disposition == "保留"


def test_wrapper_notice_is_matched_by_its_inner_title():
    old = entry(
        1, title="青山县人民政府关于印发青山县甲办法的通知", subject="青山县甲办法", issue_date="2019-01-01"
    )
    new = entry(2, title="青山县乙办法", repeal_titles=["青山县甲办法"], issue_date="2024-01-01")
    dispose([old, new], AS_OF)
    assert old.superseded_by == new.index


P = crossdoc.Provision
FINE = "违反本办法规定擅自占用农村公路设置摊点的，由县交通运输局责令限期改正，并处{}元以下的罚款。"


def test_conflicts_and_duplicates_across_documents():
    ps = [
        P(0, "art4", "第四条", FINE.format(500)),
        P(1, "art9", "第九条", FINE.format(2000)),
        P(2, "art3", "第三条", FINE.format(500)),
        P(3, "art3", "第三条", FINE.format(500)),
        P(4, "art1", "第一条", "本办法自2024年1月1日起施行，有效期五年，由县交通运输局负责解释。"),
    ]
    pairs = crossdoc.compare(ps, {3: 2})  # documents 2 and 3 are versions of one document
    kinds = sorted((p.kind, p.a.doc, p.b.doc) for p in pairs)
    assert kinds == [("冲突", 0, 1), ("重复", 0, 2), ("重复", 0, 3)]
    conflict = next(p for p in pairs if p.kind == "冲突")
    assert "500元" in conflict.difference and "2000元" in conflict.difference


def test_modal_verbs_and_deadlines_conflict():
    a = "经营者应当在取得营业执照之日起十五日内向所在地乡镇人民政府报送经营场所、从业人员和服务项目等信息。"
    pairs = crossdoc.compare(
        [
            P(0, "a", "第二条", a),
            P(1, "b", "第五条", a.replace("应当", "可以")),
            P(2, "c", "第七条", a.replace("十五日", "三十日")),
        ]
    )
    assert sorted(p.kind for p in pairs) == ["冲突", "冲突"]
    assert any("义务性质" in p.difference for p in pairs) and any("数额或期限" in p.difference for p in pairs)


def test_unrelated_provisions_are_not_paired():
    ps = [
        P(i, "a", "第一条", t)
        for i, t in enumerate(
            [
                "县民政局负责全县殡葬管理工作，乡镇人民政府做好本辖区殡葬改革的宣传和组织实施。",
                "县交通运输局应当每季度对农村公路路况进行评定，并将评定结果作为养护资金分配依据。",
                "村民委员会应当协助乡镇人民政府做好农村饮水工程的日常管护，及时报告设施损坏情况。",
            ]
        )
    ]
    assert crossdoc.compare(ps) == []


def test_large_identical_groups_stay_linear():
    text = "各乡镇人民政府应当明确专人负责信息报送工作，每月五日前将上月工作进展情况报县级主管部门汇总。"
    ps = [P(i, "a", "第二条", text) for i in range(500)]
    pairs = crossdoc.compare(ps)
    assert len(pairs) == 499 and all(p.a.doc == 0 and p.kind == "重复" for p in pairs)
