"""The statutory table: every entry has a clause it flags (exact span) and a lawful one it passes."""

from datetime import date

import pytest

from reviewer.checks import Context
from reviewer.checks.numbers import (
    statutory_enforcement,
    statutory_fines,
    statutory_licences,
    statutory_numbers,
    statutory_remedies,
)
from reviewer.knowledge import numbers, quantities
from reviewer.parsing import parse_text

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
    "seizure-extension": (
        "扣押期限为三十日；情况复杂的，经批准可以再延长[四十五日]。",
        "查封期限为三十日；情况复杂的，经负责人批准可以延长三十日。",
    ),
    "illegal-parking-fine": (
        "在县城主干道乱停放机动车的，对车主罚款[三百元]。",
        "违规停放机动车、拒绝驶离的，由公安机关交通管理部门处五十元罚款。",
    ),
    "motor-driver-fine": (
        "出租车驾驶员在斑马线前不礼让行人的，处[五百元]罚款。",
        "机动车驾驶人违反道路通行规定的，处警告或者二十元以上二百元以下罚款。",
    ),
    "household-waste-dumping-fine": (
        "个人在河岸随意倾倒生活垃圾的，罚款[一千元]。",
        "单位随意倾倒生活垃圾的，处五万元以上五十万元以下的罚款。",
    ),
    "social-noise-fine": (
        "夜间进行室内装修产生噪声扰民的，对个人处[三千元]罚款。",
        "在公共场所开展健身活动音响音量过大的，对单位可以处二千元以上二万元以下的罚款。",
    ),
    "dog-rabies-vaccination-fine": (
        "养犬人未带犬只接种狂犬病疫苗的，处[二千元]罚款。",
        "养犬人未按规定为犬只接种狂犬病疫苗，逾期不改正的，处二千元罚款。",
    ),
    "review-body": (
        "当事人对县教育局的决定不服的，可以[向上一级主管部门申请行政复议]。",
        "当事人对县教育局的决定不服的，可以向县人民政府申请行政复议。",
    ),
    "invented-review-first": (
        "申请人对补偿决定不服的，[应当先申请行政复议]。",
        "当事人对当场作出的行政处罚决定不服的，应当先申请行政复议。",
    ),
    "self-enforcement": (
        "逾期不缴纳罚款的，县林业局可以[通知银行划拨]其存款。",
        "逾期不缴纳罚款的，县林业局依法申请人民法院强制执行。",
    ),
    "demolition-during-appeal": (
        "当事人申请行政复议的，[复议期间不停止拆除]。",
        "当事人在法定期限内不申请复议或者起诉，又不拆除的，依法强制拆除。",
    ),
    "vested-licence-revocation": (
        "本办法施行前[已颁发的渔业捕捞许可证一律收回]。",
        "本办法施行前已颁发的渔业捕捞许可证在有效期内继续有效。",
    ),
    "township-review-body": (
        "对村庄规划管理决定不服的，可以[向镇人民政府申请行政复议]。",
        "对镇人民政府作出的决定不服的，可以向县人民政府申请行政复议。",
    ),
    "night-enforcement": (
        "对拒不拆除的违法建筑，可以[在夜间实施强制拆除]。",
        "行政机关不得在夜间或者法定节假日实施强制执行，情况紧急的除外。",
    ),
    "expropriation-value": (
        "征收房屋的，[按照评估价格的百分之八十]给予货币补偿。",
        "被征收房屋价值的补偿，不得低于类似房地产的市场价格。",
    ),
    "expropriation-appraisal": (
        "被征收住宅统一核定价格，[不再委托房地产价格评估机构评估]。",
        "被征收房屋的价值，由依法选定的房地产价格评估机构评估确定。",
    ),
    "expropriation-cut": (
        "被征收人逾期未签约的，[补偿金额一律下调百分之十]。",
        "被征收人在签约期限内签约的，按补偿金额的百分之五给予奖励。",
    ),
    "penalty-decision-period": (
        "执法部门应当自立案之日起[一百二十日]内作出行政处罚决定。",
        "执法部门应当自立案之日起九十日内作出行政处罚决定。",
    ),
    "forest-fire-fine": (
        "森林防火期内在林区烧纸祭祀的，对个人处[五千元]罚款。",
        "森林防火期内擅自在林区野外用火的，对个人处二百元以上三千元以下罚款。",
    ),
    "rural-homestead-no-fine": (
        "村民未经批准占用宅基地建住宅的，[处五千元罚款]。",
        "村民未经批准占用宅基地建住宅的，责令退还非法占用的土地，限期拆除新建的房屋。",
    ),
    "rural-planning-no-fine": (
        "未取得乡村建设规划许可证建房的，[处一万元罚款]。",
        "未取得乡村建设规划许可证建房的，由镇人民政府责令停止建设、限期改正。",
    ),
    "licence-completion": (
        "县政务服务中心应当自受理之日起[四十个工作日]内办结许可事项。",
        "县政务服务中心应当自受理之日起二十个工作日内办结许可事项。",
    ),
    "land-expropriation-compensation": (
        "征收村集体土地的，[地上附着物不予补偿]。",
        "征收土地应当及时足额支付土地补偿费、安置补助费以及青苗和地上附着物的补偿费用。",
    ),
}

_CHECKS = {
    "number": statutory_numbers,
    "fine": statutory_fines,
    "remedy": statutory_remedies,
    "enforcement": statutory_enforcement,
    "licence": statutory_licences,
}


def test_every_table_entry_has_a_case():
    assert {e.id for e in numbers.table()} == set(CASES)


def _spans(text, group="number"):
    doc = parse_text(text)
    return [(h.start, h.end, h.data.get("matter")) for h in _CHECKS[group](doc, Context(fragment=True))], doc


@pytest.mark.parametrize("entry_id", sorted(CASES))
def test_entry_flags_the_contradiction_and_passes_the_statute(entry_id):
    marked, lawful = CASES[entry_id]
    text = "第十条　" + marked.replace("[", "").replace("]", "")
    want = marked.index("[") + 4, marked.index("]") + 3
    entry = next(e for e in numbers.table() if e.id == entry_id)
    found, doc = _spans(text, entry.group)
    assert [(s, e) for s, e, _ in found] == [want], doc.text
    assert found[0][2] == entry.matter
    assert _spans("第十条　" + lawful, entry.group)[0] == []


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
    found, doc = _spans("第十五条　电动自行车驾驶人闯红灯的，处二\n百元罚款。", "fine")
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


def test_fine_for_an_organisation_is_judged_only_with_an_organisation_range():
    found, doc = _spans(
        "第十五条　货车驾驶人未按规定路线通行的，对驾驶人处二百元罚款，对所属企业处二千元罚款。", "fine"
    )
    assert found == []
    found, doc = _spans("第十五条　随意倾倒生活垃圾的单位，处五千元罚款。", "fine")
    assert [doc.text[s:e] for s, e, _ in found] == ["五千元"]


def test_fine_resting_on_another_national_law_is_not_judged():
    text = "第十五条　在禁放区域燃放鞭炮，扰乱公共秩序的，依照《中华人民共和国治安管理处罚法》处二百元罚款。"
    assert _spans(text, "fine")[0] == []


def test_review_body_is_judged_under_the_2023_review_law_only():
    doc = parse_text("第二十条　不服的，可以向上一级主管部门申请行政复议。")
    assert list(statutory_remedies(doc, Context(as_of=date(2023, 6, 1), fragment=True))) == []
    assert len(list(statutory_remedies(doc, Context(as_of=date(2024, 6, 1), fragment=True)))) == 1
