"""A review task for the worker-crash test: the first attempt kills its own worker process."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

from service.jobs import run_review


def die_once(path: str, options: dict[str, Any]) -> dict[str, Any]:
    marker = Path(path).parent.parent.parent / "killed-once"
    if not marker.exists():
        marker.write_text("1")
        os.kill(os.getpid(), signal.SIGKILL)
    return run_review(path, options)
