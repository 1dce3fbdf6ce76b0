"""Optional: convert an output .docx to PDF with LibreOffice, and render a page to PNG with pdftoppm.

``python -m reviewer.report.pdf DOCX… -o OUTDIR [--png]`` converts files (and renders page 1), e.g. for the
README pictures. Fonts: ``fonts/fonts.conf`` maps the GB/T 9704 font names to Noto CJK.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from reviewer.errors import DependencyError, InputError

FONTS_CONF = Path(__file__).parent / "fonts" / "fonts.conf"
TIMEOUT = 180


def _env() -> dict[str, str]:
    return {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(
    path: str | Path, outdir: str | Path, *, notes: bool = True, export: str | None = None
) -> Path:
    """``outdir/<stem>.pdf``; ``notes`` exports Word comments as PDF annotations; ``export`` replaces the
    PDF export filter options (a JSON object as LibreOffice takes it, e.g. to encrypt the file)."""
    exe = soffice()
    if exe is None:
        raise DependencyError("转换 PDF 需要 LibreOffice（soffice），当前未安装。")
    path, outdir = Path(path), Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    target = "pdf:writer_pdf_Export:" + (
        export or ('{"ExportNotes":{"type":"boolean","value":"true"}}' if notes else "{}")
    )
    with tempfile.TemporaryDirectory(prefix="fashen-lo-") as profile:
        cmd = [
            exe,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(path),
        ]
        try:
            proc = subprocess.run(cmd, env=_env(), capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise InputError("LibreOffice 转换超时。", code="convert_timeout") from exc
    pdf = outdir / f"{path.stem}.pdf"
    if proc.returncode != 0 or not pdf.exists():
        raise InputError(
            "LibreOffice 无法转换该文件。",
            code="convert_failed",
            detail=proc.stderr.decode("utf-8", "replace")[-500:],
        )
    return pdf


def page_png(pdf: str | Path, png: str | Path, *, page: int = 1, dpi: int = 80) -> Path:
    """Render one page of ``pdf`` to ``png`` with pdftoppm (poppler-utils)."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise DependencyError("渲染图片需要 pdftoppm（poppler-utils），当前未安装。")
    png = Path(png)
    stem = png.parent / png.name.removesuffix(".png")  # pdftoppm appends .png itself
    subprocess.run(
        [exe, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
        check=True,
        timeout=TIMEOUT,
        env=_env(),
        capture_output=True,
    )
    return png.parent / (stem.name + ".png")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m reviewer.report.pdf", description="把输出的 .docx 转为 PDF（可附首页图片）"
    )
    ap.add_argument("files", nargs="+", help=".docx 文件")
    ap.add_argument("-o", "--outdir", required=True, help="输出目录")
    ap.add_argument("--png", action="store_true", help="同时把第 1 页渲染为 PNG")
    args = ap.parse_args(argv)
    for f in args.files:
        pdf = docx_to_pdf(f, args.outdir)
        sys.stdout.write(f"{pdf}\n")
        if args.png:
            sys.stdout.write(f"{page_png(pdf, pdf.with_suffix('.png'))}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
