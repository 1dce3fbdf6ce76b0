"""The whole workflow in a real headless Chromium (Debian package, driven by Playwright)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from browser_support import CHROMIUM_ARGS, chromium, login, logout, serve

pytestmark = pytest.mark.browser
SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "stalls.docx"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    with serve(tmp_path_factory.mktemp("browser") / "var") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    exe = chromium()
    if exe is None:
        pytest.skip("未安装 Chromium（apt-get install chromium）")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _revised(tmp_path: Path) -> Path:
    d = docx.Document(str(SAMPLE))
    for p in d.paragraphs:
        if "处五百元罚款" in p.text:
            p.text = p.text.replace("处五百元罚款", "依照有关法律法规处理")
    out = tmp_path / "修改稿.docx"
    d.save(str(out))
    return out


def test_full_review_workflow(base, browser, tmp_path):
    assert SAMPLE.exists()
    ctx = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    page = ctx.new_page()

    # the drafting department uploads a sample
    login(page, base, "draft_a")
    page.click("a:has-text('送审新文件')")
    page.fill("input[name=title]", "青山镇农贸市场摊位管理办法")
    page.set_input_files("input[name=file]", str(SAMPLE))
    page.fill("textarea[name=explanation]", "为规范农贸市场摊位管理，维护市场秩序，起草本办法。" * 3)
    page.click("button:has-text('提交送审')")
    page.wait_for_selector("#draft mark", timeout=60_000)  # the review finished
    url = page.url
    sid = url.split("/submissions/")[1].split("/")[0]
    assert page.locator(".finding").count() >= 3
    logout(page, base)

    # a second department's user cannot open it
    login(page, base, "draft_b")
    response = page.goto(url)
    assert response.status == 404 and "送审件不存在或无权查看" in page.content()
    assert page.locator("text=青山镇农贸市场摊位管理办法").count() == 0
    logout(page, base)

    # the legal advisor walks the findings with the keyboard and dismisses one with a reason
    login(page, base, "adv_a")
    page.goto(url)
    for _ in range(10):  # procedure findings (no span) come first; go on to one in the text
        page.keyboard.press("j")
        assert page.locator(".finding.current").count() == 1
        if page.locator("mark.current").count():
            break
    assert page.locator("mark.current").count() >= 1
    second_id = page.locator(".finding.current").get_attribute("data-id")
    card = page.locator(f"#f-{second_id}")
    card.locator("input[name=reason]").fill("该条款已有上位法授权")
    card.locator("button:has-text('驳回')").click()
    page.wait_for_selector(f"#f-{second_id} .reason")
    assert "驳回理由：该条款已有上位法授权" in page.locator(f"#f-{second_id}").inner_text()

    # the letter downloads and is a Word document
    with page.expect_download() as dl:
        page.click("#dl-letter")
    letter = docx.Document(io.BytesIO(Path(dl.value.path()).read_bytes()))
    assert any("审查意见" in p.text for p in letter.paragraphs)
    logout(page, base)

    # the department uploads a revision and sees what it fixed
    login(page, base, "draft_a")
    page.goto(url)
    page.set_input_files("form.upload-rev input[type=file]", str(_revised(tmp_path)))
    page.wait_for_url(f"{base}/submissions/{sid}/v/2")
    page.wait_for_selector("#draft mark", timeout=60_000)
    assert "较上一稿已修改" in page.locator(".summary").inner_text()
    page.click("a:has-text('版本比较')")
    resolved = page.locator("#list-resolved").inner_text()
    assert "处五百元罚款" in resolved
    assert "沿用驳回：该条款已有上位法授权" in page.locator("#list-unchanged").inner_text()
    assert page.locator(".diff ins").count() >= 1
    ctx.close()


def test_selecting_text_adds_a_finding(base, browser):
    ctx = browser.new_context(viewport={"width": 1366, "height": 768})
    page = ctx.new_page()
    login(page, base, "adv_a")
    page.click("table.list a >> nth=0")
    page.wait_for_selector("#draft")
    text = page.locator("#draft").inner_text()
    target = "市场"
    start = text.index(target)
    page.evaluate(
        """([start, len]) => {
        const draft = document.getElementById('draft');
        const walker = document.createTreeWalker(draft, NodeFilter.SHOW_TEXT);
        let pos = 0, node, range = document.createRange(), begun = false;
        while ((node = walker.nextNode())) {
            const n = node.data.length;
            if (!begun && pos + n > start) { range.setStart(node, start - pos); begun = true; }
            if (begun && pos + n >= start + len) { range.setEnd(node, start + len - pos); break; }
            pos += n;
        }
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
    }""",
        [start, len(target)],
    )
    page.wait_for_function("!document.getElementById('add-btn').disabled")
    page.fill("#add-finding textarea[name=message]", "名称与上位法表述不一致")
    page.click("#add-btn")
    page.wait_for_selector("text=名称与上位法表述不一致")
    card = page.locator(".finding", has_text="名称与上位法表述不一致")
    assert "市场" in card.locator("blockquote").inner_text()
    ctx.close()
