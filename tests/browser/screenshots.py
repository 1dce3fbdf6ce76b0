"""Screenshots of the main pages for the README: ``python tests/browser/screenshots.py [OUT_DIR]``.

Serves the app on a temporary data directory, walks a sample through review and re-review in headless
Chromium at 1366×768, and writes docs/img/ui-*.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import docx
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from browser_support import CHROMIUM_ARGS, chromium, login, logout, serve  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "stalls.docx"


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, serve(Path(tmp) / "var") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"{base}/login")
        page.screenshot(path=out / "ui-login.png")
        login(page, base, "draft_a")
        page.goto(f"{base}/submissions/new")
        page.fill("input[name=title]", "青山镇农贸市场摊位管理办法")
        page.set_input_files("input[name=file]", str(SAMPLE))
        page.fill("textarea[name=explanation]", "为规范农贸市场摊位管理，维护市场秩序，起草本办法。")
        page.screenshot(path=out / "ui-upload.png")
        page.click("button:has-text('提交送审')")
        page.wait_for_selector("#draft mark", timeout=60_000)
        url = page.url
        logout(page, base)
        login(page, base, "adv_a")
        page.goto(url)
        for _ in range(3):
            page.keyboard.press("j")
        card = page.locator(".finding.current")
        card.locator("input[name=reason]").fill("已有上位法授权")
        card.locator("button:has-text('驳回')").click()
        page.wait_for_load_state()
        page.keyboard.press("j")
        page.screenshot(path=out / "ui-review.png")
        logout(page, base)
        login(page, base, "draft_a")
        page.goto(url)
        revised = Path(tmp) / "修改稿.docx"
        d = docx.Document(str(SAMPLE))
        for para in d.paragraphs:
            if "处五百元罚款" in para.text:
                para.text = para.text.replace("处五百元罚款", "依照有关法律法规处理")
        d.save(str(revised))
        page.set_input_files("form.upload-rev input[type=file]", str(revised))
        page.wait_for_selector("#draft mark", timeout=60_000)
        page.goto(f"{base}/submissions")
        page.screenshot(path=out / "ui-submissions.png")
        page.goto(page.url.replace("/submissions", "/submissions/1/v/2/compare"))
        page.screenshot(path=out / "ui-compare.png", full_page=False)
        page.goto(f"{base}/rules")
        page.screenshot(path=out / "ui-rules.png")
        browser.close()
    print("\n".join(str(p) for p in sorted(out.glob("ui-*.png"))))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "img")
