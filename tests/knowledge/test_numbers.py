"""The statutory-number table: every entry has a clause it flags (exact span) and a lawful one it passes."""

import pytest

from reviewer.checks import Context
from reviewer.checks.numbers import statutory_numbers
from reviewer.knowledge import numbers, quantities
from reviewer.parse import parse_text

# entry id → (clause with the expected span in [], lawful clause on the same matter)
CASES = {
    "review-application": (
        "当事人对处罚决定不服的，可以自收到决定书之日起[十五日]内申请行政复议。",
        "当事人不服的，可以自知道该行政行为之日起六十日内申请行政复议。",
    ),
    "lawsuit-after-review": (
        "对复议决定不服的，可以在收到复议决定书之日起[三十日]内向人民法院提起诉讼。",
        "对复议决定不服的，可以在收到复议决定书之日起十五日内向人民法院提起诉讼。",
    ),
    "lawsuit-direct": (
        "当事人也可以在[三个月]内直接向人民法院提起行政诉讼。",
        "当事人也可以自知道之日起六个月内直接向人民法院提起行政诉讼。",
    ),
    "hearing-request": (
        "当事人要求听证的，应当在告知后[三日]内提出。",
        "当事人要求听证的，应当在行政机关告知后五日内提出。",
    ),
    "hearing-notice": (
        "执法部门应当在举行听证的[三日]前通知当事人。",
        "执法部门应当在举行听证的七日前通知当事人。",
    ),
    "fine-payment": (
        "当事人应当自收到处罚决定书之日起[七日]内缴纳罚款。",
        "当事人应当自收到处罚决定书之日起十五日内缴纳罚款。",
    ),
    "seizure-period": ("查封、扣押的期限为[六十日]。", "查封、扣押的期限不得超过三十日。"),
    "licence-decision": (
        "县民政局应当自受理申请之日起[三十个工作日]内作出行政许可决定。",
        "县民政局应当自受理申请之日起二十日内作出行政许可决定。",
    ),
    "information-disclosure": (
        "行政机关收到政府信息公开申请的，应当在[三十个工作日]内予以答复。",
        "行政机关收到政府信息公开申请的，应当在二十个工作日内予以答复。",
    ),
    "work-injury-application": (
        "职工发生事故伤害的，应当自事故发生之日起[三十日]内由本人提出工伤认定申请。",
        "用人单位应当自事故伤害发生之日起三十日内提出工伤认定申请。",
    ),
    "court-enforcement-application": (
        "当事人逾期不履行的，县自然资源局可以自期限届满之日起[六个月]内申请人民法院强制执行。",
        "县自然资源局可以自期限届满之日起三个月内申请人民法院强制执行。",
    ),
    "enforcement-reminder": (
        "催告书送达[三日]后当事人仍未履行的，申请人民法院强制执行。",
        "催告书送达十日后当事人仍未履行义务的，可以申请人民法院强制执行。",
    ),
    "penalty-limitation": (
        "违法行为在[一年]内未被发现的，不再给予行政处罚。",
        "违法行为在二年内未被发现的，不再给予行政处罚。",
    ),
    "civil-limitation": (
        "因供热合同发生争议的，诉讼时效期间为[二年]。",
        "向人民法院请求保护民事权利的诉讼时效期间为三年。",
    ),
    "two-officers": (
        "简易程序案件[可由一名执法人员]当场作出处罚决定。",
        "执法人员不得少于两人，法律另有规定的除外。",
    ),
    "on-the-spot-fine": (
        "执法人员可以当场处以[五百元]罚款。",
        "对个人处二百元以下、对单位处三千元以下罚款的，可以当场作出处罚决定。",
    ),
    "on-the-spot-collection": (
        "执法人员可以当场收缴[五百元]以下的罚款。",
        "依法给予一百元以下罚款的，执法人员可以当场收缴罚款。",
    ),
    "late-payment-rate": (
        "逾期不缴纳罚款的，每日按罚款数额的[百分之五]加处罚款。",
        "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。",
    ),
    "non-motor-vehicle-fine": (
        "电动自行车驾驶人闯红灯的，处[二百元]罚款。",
        "非机动车驾驶人违反道路通行规定的，处警告或者五元以上五十元以下罚款。",
    ),
    "open-burning-fine": (
        "在城区露天焚烧树叶的，处[五千元]罚款。",
        "露天焚烧秸秆、落叶的，由县综合行政执法局责令改正，并可以处五百元以上二千元以下的罚款。",
    ),
    "expropriation-enforcement": (
        "被征收人逾期不搬迁的，由县人民政府[组织有关部门实施强制搬迁]。",
        "被征收人逾期不搬迁的，由县人民政府依法申请人民法院强制执行。",
    ),
    "expropriation-compensation": (
        "被征收房屋的补偿仅包括房屋价值，[搬迁费用不予补偿]。",
        "征收补偿包括被征收房屋价值的补偿和搬迁、临时安置的补偿。",
    ),
    "fireworks-fine": (
        "在禁放区域燃放烟花爆竹的，处[一千元]罚款。",
        "在禁止燃放的时间、地点燃放烟花爆竹的，由公安部门处一百元以上五百元以下的罚款。",
    ),
    "fireworks-sale-ban": (
        "本县行政区域内全年[禁止销售、燃放烟花爆竹]。",
        "县人民政府可以确定禁止燃放烟花爆竹的时间、地点和种类。",
    ),
    "elderly-care-licence": (
        "申请设立[养老机构的，应当向县民政局申请设立许可]。",
        "养老机构登记后即可开展服务活动，并向县民政局备案。",
    ),
    "late-payment-cap": (
        "逾期不缴纳罚款的，每日按罚款数额的百分之三[加处罚款，直至缴清]为止。",
        "加处罚款的数额不得超出罚款的数额。",
    ),
    "same-day-payment": (
        "当事人应当[当日缴清罚款]。",
        "当事人应当自收到行政处罚决定书之日起十五日内缴纳罚款。",
    ),
}


def test_every_table_entry_has_a_case():
    assert {e.id for e in numbers.table()} == set(CASES)


def _spans(text):
    doc = parse_text(text)
    return [
        (h.start, h.end, h.data.get("matter")) for h in statutory_numbers(doc, Context(fragment=True))
    ], doc


@pytest.mark.parametrize("entry_id", sorted(CASES))
def test_entry_flags_the_contradiction_and_passes_the_statute(entry_id):
    marked, lawful = CASES[entry_id]
    text = "第十条　" + marked.replace("[", "").replace("]", "")
    want = marked.index("[") + 4, marked.index("]") + 3
    found, doc = _spans(text)
    entry = next(e for e in numbers.table() if e.id == entry_id)
    assert [(s, e) for s, e, _ in found] == [want], doc.text
    assert found[0][2] == entry.matter
    assert _spans("第十条　" + lawful)[0] == []


def test_hits_carry_the_statute_as_basis():
    doc = parse_text("第十条　查封、扣押的期限为六十日。")
    (hit,) = statutory_numbers(doc, Context(fragment=True))
    assert hit.basis[0].law == "中华人民共和国行政强制法" and hit.basis[0].article == "第二十五条"
    assert "三十日" in hit.basis[0].text and "六十日" in hit.message


def test_two_matters_in_one_sentence_are_told_apart():
    text = "第十八条　可以在十五日内申请行政复议，也可以在三个月内向人民法院提起行政诉讼。"
    found, doc = _spans(text)
    assert [doc.text[s:e] for s, e, _ in found] == ["十五日", "三个月"]


def test_numbers_wrapped_by_a_pdf_line_break():
    found, doc = _spans("第十五条　电动自行车驾驶人闯红灯的，处二\n百元罚款。")
    assert [doc.text[s:e] for s, e, _ in found] == ["二\n百元"]


def test_quantities_skip_dates_and_read_chinese_numerals():
    qs = quantities.find("自2024年3月1日起，十五日内缴纳五万元；1.5万元；两个月；百分之三；千分之五")
    assert [(q.kind, q.value) for q in qs] == [
        ("period", 15),
        ("amount", 50000),
        ("amount", 15000),
        ("period", 2),
        ("rate", 3),
        ("rate", 0.5),
    ]
    assert qs[3].days == 60
