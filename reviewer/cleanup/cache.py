"""Results cache: SQLite keyed by content hash, analysis version and judging date, so a re-run (or a run
over a folder that grew) only analyses what is new. Only the coordinating process writes to it."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from reviewer.errors import InputError


def default_path() -> Path:
    base = os.environ.get("FASHEN_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "fashen"
    )
    return Path(base) / "cleanup.sqlite3"


@cache
def analysis_version() -> str:
    """Record format + rule catalog + knowledge data: any change invalidates cached records."""
    from reviewer import engine, knowledge
    from reviewer.cleanup.analyze import RECORD_VERSION

    digest = hashlib.sha256()
    data_dir = Path(knowledge.__file__).parent / "data"
    for path in sorted(data_dir.rglob("*")) if data_dir.is_dir() else []:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return f"r{RECORD_VERSION}-{engine.catalog_version()}-k{digest.hexdigest()[:12]}"


class Cache:
    """``get``/``put`` records by (sha256, as_of); ``path=None`` disables caching (nothing is kept)."""

    def __init__(self, path: str | Path | None, version: str | None = None):
        self.db: sqlite3.Connection | None = None
        if path is None:
            return
        self.version = version or analysis_version()
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(path))
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, body BLOB NOT NULL)")
        except OSError as exc:
            raise InputError(f"无法创建缓存目录：{exc.strerror or exc}", code="cache_unavailable") from exc
        except sqlite3.Error as exc:
            raise InputError(f"无法打开缓存数据库 {path}：{exc}", code="cache_unavailable") from exc

    def _key(self, sha256: str, as_of: date) -> str:
        return f"{sha256}|{self.version}|{as_of.isoformat()}"

    def get(self, sha256: str, as_of: date) -> dict[str, Any] | None:
        if self.db is None:
            return None
        row = self.db.execute(
            "SELECT body FROM records WHERE key = ?", (self._key(sha256, as_of),)
        ).fetchone()
        return json.loads(zlib.decompress(row[0])) if row else None

    def put(self, sha256: str, as_of: date, rec: dict[str, Any]) -> None:
        if self.db is None:
            return
        body = zlib.compress(json.dumps(rec, ensure_ascii=False).encode("utf-8"))
        self.db.execute(
            "INSERT OR REPLACE INTO records (key, body) VALUES (?, ?)", (self._key(sha256, as_of), body)
        )

    def commit(self) -> None:
        if self.db is not None:
            self.db.commit()

    def close(self) -> None:
        if self.db is not None:
            self.db.commit()
            self.db.close()
