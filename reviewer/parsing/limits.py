"""Resource limits for reading one file: size, inflation (zip bomb), pages and time.

Defaults can be changed per call (``parse(..., limits=Limits(max_pages=50))``) or for the whole process
with environment variables ``FASHEN_MAX_FILE_MB``, ``FASHEN_MAX_UNZIPPED_MB``, ``FASHEN_MAX_ZIP_RATIO``,
``FASHEN_MAX_PAGES`` and ``FASHEN_MAX_SECONDS``.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

from reviewer.errors import InputError, LimitError

MB = 1024 * 1024
# field -> (environment variable, multiplier, type)
_ENV = {
    "max_bytes": ("FASHEN_MAX_FILE_MB", MB, int),
    "max_unzipped_bytes": ("FASHEN_MAX_UNZIPPED_MB", MB, int),
    "max_zip_ratio": ("FASHEN_MAX_ZIP_RATIO", 1, float),
    "max_pages": ("FASHEN_MAX_PAGES", 1, int),
    "max_seconds": ("FASHEN_MAX_SECONDS", 1, float),
}


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = 50 * MB  # the file as given
    max_unzipped_bytes: int = 200 * MB  # sum of the declared sizes of a .docx's members
    max_zip_ratio: float = 200.0  # declared size / compressed size of one member
    max_zip_members: int = 5000
    max_pages: int = 1000  # PDF pages
    max_seconds: float = 300.0  # wall time for reading one file

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults overridden by ``FASHEN_MAX_*`` environment variables."""
        values: dict[str, float] = {}
        for name, (var, unit, kind) in _ENV.items():
            raw = os.environ.get(var)
            if raw is None:
                continue
            try:
                number = float(raw)
            except ValueError as exc:
                raise InputError(f"环境变量 {var} 的值“{raw}”不是数字。", code="bad_config") from exc
            if number <= 0:
                raise InputError(f"环境变量 {var} 的值必须大于 0。", code="bad_config")
            values[name] = kind(number * unit)
        return cls(**values)


@dataclass(slots=True)
class Deadline:
    """Wall-clock budget for one file; ``check()`` raises LimitError once it is spent."""

    seconds: float
    start: float = field(default_factory=time.monotonic)

    def remaining(self) -> float:
        return max(0.0, self.seconds - (time.monotonic() - self.start))

    def check(self) -> None:
        if time.monotonic() - self.start > self.seconds:
            raise LimitError(f"文件处理超过时间上限（{self.seconds:g} 秒），已停止。", code="timeout")
