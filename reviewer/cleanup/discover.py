"""Find the documents of a clean-up run: a folder walked recursively, .zip archives opened with limits.

Every file found becomes a ``Source`` (to analyse) or a ``Rejected`` (listed in 无法处理 with its reason).
Identical contents are analysed once; later copies are rejected as duplicates.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

DOC_SUFFIXES = frozenset({".docx", ".pdf", ".doc", ".wps", ".txt"})
ZIP_SUFFIX = ".zip"


@dataclass(frozen=True)
class Limits:
    """Guards against huge files and zip bombs."""

    max_file_bytes: int = 100 * 1024 * 1024  # one document, on disk or inflated from a zip
    max_zip_members: int = 20_000
    max_zip_total_bytes: int = 4 * 1024 * 1024 * 1024
    max_zip_ratio: float = 200.0  # inflated / compressed size of one member
    max_zip_depth: int = 2  # zips inside zips


@dataclass(frozen=True)
class Source:
    """One document to analyse. ``member`` names the entry when the file lives in a .zip (``path``)."""

    location: str  # what the user sees: relative path, zip members as a.zip!/b/c.docx
    path: str
    sha256: str
    size: int
    member: tuple[str, ...] = ()  # zip entry names, outermost first

    @property
    def name(self) -> str:
        return PurePosixPath(self.member[-1]).name if self.member else Path(self.path).name

    def read(self) -> bytes:
        """The document's bytes (from disk, or inflated from its zip entries)."""
        if not self.member:
            return Path(self.path).read_bytes()
        container: str | io.BytesIO = self.path
        for entry in self.member:
            with zipfile.ZipFile(container) as zf:
                data = zf.read(_raw_name(zf, entry))
            container = io.BytesIO(data)
        return data


@dataclass(frozen=True)
class Rejected:
    location: str
    code: str
    reason: str


def _display(rel: str) -> str:
    """A path the user can read: undecodable bytes shown as \\xNN, control characters escaped."""
    text = rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _zip_name(info: zipfile.ZipInfo) -> str:
    """Entry name; Windows archives without the UTF-8 flag usually hold GBK names."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _raw_name(zf: zipfile.ZipFile, shown: str) -> zipfile.ZipInfo:
    for info in zf.infolist():
        if _zip_name(info) == shown:
            return info
    raise KeyError(shown)


def discover(folder: str | Path, limits: Limits | None = None) -> tuple[list[Source], list[Rejected]]:
    """Walk ``folder`` (or one file) in a stable order; return documents and rejected entries."""
    limits = limits or Limits()
    root = Path(folder)
    sources: list[Source] = []
    rejected: list[Rejected] = []
    seen: dict[str, str] = {}
    if not root.exists():
        return [], [Rejected(_display(str(root)), "not_found", "路径不存在。")]
    paths = [root] if root.is_file() else list(_walk(root, rejected))
    for path in paths:
        rel = _display(os.path.relpath(path, root)) if path != root else _display(path.name)
        for item in _examine(path, rel, limits, rejected):
            first = seen.get(item.sha256)
            if first is not None:
                rejected.append(
                    Rejected(item.location, "duplicate", f"与「{first}」内容完全相同，已按重复文件跳过。")
                )
                continue
            seen[item.sha256] = item.location
            sources.append(item)
    if not sources and not rejected:
        rejected.append(Rejected(_display(str(root)), "empty", "文件夹中没有任何文件。"))
    return sources, rejected


def _walk(root: Path, rejected: list[Rejected]) -> Iterator[Path]:
    def onerror(exc: OSError) -> None:
        rejected.append(
            Rejected(_display(str(exc.filename)), "unreadable", f"无法读取文件夹：{exc.strerror}")
        )

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _examine(path: Path, rel: str, limits: Limits, rejected: list[Rejected]) -> Iterator[Source]:
    suffix = path.suffix.lower()
    if path.name.startswith("~$"):
        rejected.append(Rejected(rel, "lock_file", "Office 临时锁文件，不是文档。"))
        return
    if suffix not in DOC_SUFFIXES and suffix != ZIP_SUFFIX:
        rejected.append(Rejected(rel, "unsupported", f"不支持的文件类型（{suffix or '无扩展名'}）。"))
        return
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes and suffix != ZIP_SUFFIX:
            rejected.append(Rejected(rel, "too_large", f"文件过大（{size // 1048576} MB），超过上限。"))
            return
        if suffix == ZIP_SUFFIX:
            yield from _open_zip(str(path), str(path), rel, (), limits, rejected)
            return
        data = path.read_bytes()
    except OSError as exc:
        rejected.append(Rejected(rel, "unreadable", f"无法读取文件：{exc.strerror or exc}"))
        return
    yield Source(rel, str(path), hashlib.sha256(data).hexdigest(), len(data))


def _open_zip(
    container: str | bytes,
    path: str,
    rel: str,
    member: tuple[str, ...],
    limits: Limits,
    rejected: list[Rejected],
) -> Iterator[Source]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(container) if isinstance(container, bytes) else container)
    except (zipfile.BadZipFile, OSError, ValueError):
        rejected.append(Rejected(rel, "bad_zip", "压缩包已损坏或不是 zip 格式。"))
        return
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > limits.max_zip_members:
            rejected.append(Rejected(rel, "too_large", f"压缩包内文件过多（{len(infos)} 个），超过上限。"))
            return
        if sum(i.file_size for i in infos) > limits.max_zip_total_bytes:
            rejected.append(Rejected(rel, "too_large", "压缩包解压后总大小超过上限，疑似压缩炸弹。"))
            return
        if not infos:
            rejected.append(Rejected(rel, "empty", "压缩包中没有任何文件。"))
        for info in sorted(infos, key=_zip_name):
            name = _zip_name(info)
            loc = f"{rel}!/{_display(name)}"
            base = PurePosixPath(name).name
            suffix = PurePosixPath(name).suffix.lower()
            if base.startswith(".") or "__MACOSX/" in name:
                continue
            if base.startswith("~$"):
                rejected.append(Rejected(loc, "lock_file", "Office 临时锁文件，不是文档。"))
                continue
            if suffix not in DOC_SUFFIXES and suffix != ZIP_SUFFIX:
                rejected.append(Rejected(loc, "unsupported", f"不支持的文件类型（{suffix or '无扩展名'}）。"))
                continue
            if info.flag_bits & 0x1:
                rejected.append(Rejected(loc, "encrypted", "压缩包内文件已加密（设有密码），无法读取。"))
                continue
            if info.file_size > limits.max_file_bytes or (
                info.compress_size and info.file_size / info.compress_size > limits.max_zip_ratio
            ):
                rejected.append(
                    Rejected(loc, "too_large", "压缩包内文件解压后过大或压缩比异常，疑似压缩炸弹。")
                )
                continue
            try:
                with zf.open(info) as fh:
                    content = fh.read(limits.max_file_bytes + 1)
            except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError) as exc:
                rejected.append(Rejected(loc, "bad_zip", f"压缩包内文件无法解压：{exc}"))
                continue
            if len(content) > limits.max_file_bytes:
                rejected.append(Rejected(loc, "too_large", "压缩包内文件解压后超过大小上限。"))
                continue
            if suffix == ZIP_SUFFIX:
                if len(member) + 1 >= limits.max_zip_depth:
                    rejected.append(Rejected(loc, "too_deep", "压缩包嵌套层数过多。"))
                else:
                    yield from _open_zip(content, path, loc, (*member, name), limits, rejected)
                continue
            yield Source(loc, path, hashlib.sha256(content).hexdigest(), len(content), (*member, name))
