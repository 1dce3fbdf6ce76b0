"""Configuration from the environment or ``.env`` (pydantic-settings); no globals elsewhere."""

from __future__ import annotations

import secrets
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob of the service. Environment names are the field names in upper case."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    data_dir: Path = Field(default=Path("var"), validation_alias="FASHEN_DATA_DIR")
    database_url: str | None = None  # default: SQLite file in data_dir
    secret_key: str | None = None  # default: generated once and kept in data_dir
    max_upload_mb: float = 20.0
    review_days: int = 5  # 审核时限, working days
    consultation_min_days: int = 30  # 公开征求意见 minimum period (优化营商环境条例第六十二条)
    explanation_min_chars: int = 50  # a 起草说明 shorter than this is "too short"
    workers: int = 2
    worker_mode: Literal["process", "thread"] = "process"
    job_timeout: int = 600  # seconds per review attempt
    job_max_attempts: int = 3
    job_lease: int = 900  # a running job not heard of for this long is re-queued
    login_max_failures: int = 5
    login_window_minutes: int = 15
    cookie_secure: bool = False
    issuer_level: str | None = None  # passed to reviewer.review (county / township …)
    province: str | None = None

    @cached_property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'fashen.db').resolve()}"

    @cached_property
    def files_dir(self) -> Path:
        path = self.data_dir / "files"
        path.mkdir(parents=True, exist_ok=True)
        return path

    @cached_property
    def session_secret(self) -> str:
        if self.secret_key:
            return self.secret_key
        self.data_dir.mkdir(parents=True, exist_ok=True)
        path = self.data_dir / "secret.key"
        if not path.exists():
            path.write_text(secrets.token_urlsafe(48), encoding="utf-8")
            path.chmod(0o600)
        return path.read_text(encoding="utf-8").strip()

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)
