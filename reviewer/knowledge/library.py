"""The optional local law library: full article texts imported from a folder into SQLite.

``import_folder(root, db)`` reads ``<category>/<name>(<date>).md`` files (LawRefBook layout); malformed or
unreadable files are skipped and listed, never aborting the import. ``Library(db).article(title, n)``
returns an article of the version in force at a date. The database path comes from the setting
``lawlib_db``, else env ``FASHEN_LAWLIB_DB``, else ``~/.local/share/fashen/lawlib.sqlite3``.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from reviewer.errors import InputError
from reviewer.knowledge.lawtext import MalformedLawFile, parse_law_file
from reviewer.model import Basis

SCHEMA = """
CREATE TABLE IF NOT EXISTS laws (id INTEGER PRIMARY KEY, title TEXT NOT NULL, short TEXT NOT NULL,
    category TEXT, version_date TEXT, effective TEXT, path TEXT);
CREATE TABLE IF NOT EXISTS articles (law_id INTEGER NOT NULL, number INTEGER NOT NULL, seq INTEGER NOT NULL,
    label TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS laws_title ON laws(title);
CREATE INDEX IF NOT EXISTS laws_short ON laws(short);
CREATE INDEX IF NOT EXISTS articles_law ON articles(law_id, number);
"""


def db_path(configured: str | os.PathLike | None = None) -> Path:
    raw = configured or os.environ.get("FASHEN_LAWLIB_DB")
    if raw:
        return Path(raw).expanduser()
    return Path.home() / ".local" / "share" / "fashen" / "lawlib.sqlite3"


@dataclass(slots=True)
class ImportReport:
    files: int = 0
    laws: int = 0
    articles: int = 0
    seconds: float = 0.0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (relative path, Chinese reason)


@dataclass(slots=True)
class ArticleText:
    title: str
    version_date: str | None
    label: str
    text: str


def import_folder(root: str | os.PathLike, db: str | os.PathLike | None = None) -> ImportReport:
    """Replace the library at ``db`` with the law texts under ``root``."""
    root = Path(root)
    if not root.is_dir():
        raise InputError(f"法律文本目录不存在或不是目录：{root}", code="lawlib_missing")
    target = db_path(db)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".importing")
    tmp.unlink(missing_ok=True)
    report = ImportReport()
    t0 = time.perf_counter()
    con = sqlite3.connect(tmp)
    try:
        con.executescript(SCHEMA)
        for path in sorted(root.rglob("*.md")):
            if path.name.startswith("_"):
                continue
            report.files += 1
            rel = str(path.relative_to(root))
            try:
                law = parse_law_file(path)
            except MalformedLawFile as exc:
                report.skipped.append((rel, str(exc)))
                continue
            if not law.articles:
                report.skipped.append((rel, "没有可识别的条文（第×条）"))
                continue
            cur = con.execute(
                "INSERT INTO laws(title, short, category, version_date, effective, path) VALUES (?,?,?,?,?,?)",
                (
                    law.title,
                    law.short,
                    path.parent.name,
                    law.version_date.isoformat() if law.version_date else None,
                    law.effective.isoformat() if law.effective else None,
                    rel,
                ),
            )
            con.executemany(
                "INSERT INTO articles(law_id, number, seq, label, text) VALUES (?,?,?,?,?)",
                [(cur.lastrowid, a.number, i, a.label, a.text) for i, a in enumerate(law.articles)],
            )
            report.laws += 1
            report.articles += len(law.articles)
        con.commit()
    finally:
        con.close()
    os.replace(tmp, target)
    _library.cache_clear()
    report.seconds = time.perf_counter() - t0
    return report


class Library:
    """Read access to an imported library."""

    def __init__(self, db: str | os.PathLike | None = None):
        path = db_path(db)
        if not path.is_file():
            raise InputError("尚未导入法律文本库，请先运行 reviewer laws import 目录", code="lawlib_missing")
        self.path = path
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def versions(self, title: str) -> list[tuple[int, str, str | None]]:
        """(id, full title, version date) of every version whose title or short name is ``title``."""
        rows = self.con.execute(
            "SELECT id, title, version_date FROM laws WHERE title = ? OR short = ? ORDER BY version_date",
            (title, title),
        ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def article(self, title: str, number: int, as_of: date | None = None) -> ArticleText | None:
        """Article ``number`` of the version in force at ``as_of`` (latest by default); None if absent."""
        versions = self.versions(title)
        if as_of is not None:
            versions = [v for v in versions if not v[2] or v[2] <= as_of.isoformat()] or versions[:1]
        if not versions:
            return None
        law_id, full, vdate = versions[-1]
        row = self.con.execute(
            "SELECT label, text FROM articles WHERE law_id = ? AND number = ? ORDER BY seq", (law_id, number)
        ).fetchone()
        return ArticleText(title=full, version_date=vdate, label=row[0], text=row[1]) if row else None

    def titles(self) -> list[tuple[str, int]]:
        return self.con.execute("SELECT title, count(*) FROM laws GROUP BY title ORDER BY title").fetchall()


@cache
def _library(path: str) -> Library | None:
    try:
        return Library(path)
    except (InputError, sqlite3.Error):
        return None


def library(db: str | os.PathLike | None = None) -> Library | None:
    """The imported library, or None when none has been imported (checks then work without full text)."""
    return _library(str(db_path(db)))


def article_basis(
    title: str, number: int, db: str | os.PathLike | None = None, as_of: date | None = None
) -> Basis | None:
    lib = library(db)
    art = lib.article(title, number, as_of) if lib else None
    return Basis(law=art.title, article=art.label, text=art.text) if art else None
