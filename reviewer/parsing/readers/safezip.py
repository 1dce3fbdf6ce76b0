"""Open a zip package (.docx) safely: declared sizes checked before inflating, XML without DTDs."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from reviewer.errors import InputError, LimitError
from reviewer.parsing.limits import Limits

# No DTD loading, no entity expansion, no network, no huge trees: entity tricks stay inert.
_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


class SafeZip:
    """A zip whose members were checked against ``limits``; ``xml(name)`` parses one member."""

    def __init__(self, data: bytes, limits: Limits):
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
            raise InputError("文件已损坏，无法作为 Word 文档打开。", code="corrupt", detail=str(exc)) from exc
        if len(infos) > limits.max_zip_members:
            raise LimitError(f"压缩包内文件过多（{len(infos)} 个）。", code="zip_bomb")
        total = 0
        for info in infos:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > 1024 * 1024 and ratio > limits.max_zip_ratio:
                raise LimitError(
                    f"文件解压后异常膨胀（{info.filename} 压缩比 {ratio:.0f}:1），疑似压缩炸弹，已拒绝。",
                    code="zip_bomb",
                )
        if total > limits.max_unzipped_bytes:
            raise LimitError(
                f"文件解压后过大（{total / 1048576:.0f} MB），上限为 "
                f"{limits.max_unzipped_bytes / 1048576:.0f} MB。",
                code="zip_bomb",
            )
        self.names = {info.filename for info in infos}

    def read(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        try:
            return self.zf.read(name)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
            raise InputError(
                f"文件已损坏（部件 {name} 无法解压）。", code="corrupt", detail=str(exc)
            ) from exc
        except NotImplementedError as exc:
            raise InputError(f"文件使用了不支持的压缩或加密方式（部件 {name}）。", code="corrupt") from exc
        except RuntimeError as exc:  # encrypted member
            raise InputError("文件已加密，请先解除密码保护。", code="encrypted") from exc

    def xml(self, name: str) -> etree._Element | None:
        """The parsed root of member ``name`` (None if absent); DTDs are refused."""
        raw = self.read(name)
        if raw is None:
            return None
        try:
            root = etree.fromstring(raw, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise InputError(
                f"文件已损坏（部件 {name} 不是有效的 XML）。", code="corrupt", detail=str(exc)
            ) from exc
        if root.getroottree().docinfo.doctype:
            raise InputError(
                f"文件包含不安全的 XML 声明（部件 {name} 含 DOCTYPE），已拒绝。", code="unsafe_xml"
            )
        return root
