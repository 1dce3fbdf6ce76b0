"""Optional per-document outputs of a clean-up run: the annotated draft and the opinion letter
(``reviewer.report``) of every document that has findings, written in parallel after the run."""

from __future__ import annotations

import re
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from reviewer.cleanup.discover import Source
from reviewer.cleanup.pipeline import Result
from reviewer.errors import ReviewerError

DEFAULT_FORMATS = ("docx", "letter")
_UNSAFE = re.compile(r"[\\/:*?\"<>|!\x00-\x1f]+")


def stem(location: str) -> str:
    """A file name stem from a location: folders and zip members joined with _, unsafe characters removed."""
    base = location.rsplit(".", 1)[0] if "." in location.rsplit("/", 1)[-1] else location
    return _UNSAFE.sub("_", base).strip("_ ") or "文件"


def _write(
    source: Source, as_of: date, settings: dict[str, Any], outdir: str, formats: tuple[str, ...], name: str
) -> list[str] | str:
    from reviewer.api import parse, review
    from reviewer.report import write_outputs

    try:
        data = source.read()
        rv = review(parse(data, filename=source.name), as_of=as_of, settings=settings)
        written = write_outputs(rv, outdir, source=data, formats=formats, stem=name)
    except (ReviewerError, OSError) as exc:
        return getattr(exc, "message", None) or str(exc)
    return sorted(str(p) for p in written.values())


def write_all(
    result: Result,
    outdir: str | Path,
    *,
    jobs: int | None = None,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    settings: dict[str, Any] | None = None,
) -> tuple[list[str], list[tuple[str, str]]]:
    """Outputs for every document with findings: (written paths, [(location, reason)] for failures)."""
    Path(outdir).mkdir(parents=True, exist_ok=True)
    todo = [e for e in result.entries if e.record.get("findings")]
    written: list[str] = []
    failed: list[tuple[str, str]] = []
    with ProcessPoolExecutor(jobs) as pool:
        futures = [
            (
                e.location,
                pool.submit(
                    _write,
                    result.sources[e.location],
                    result.as_of,
                    settings or {},
                    str(outdir),
                    tuple(formats),
                    stem(e.location),
                ),
            )
            for e in todo
        ]
        for location, fut in futures:
            out = fut.result()
            if isinstance(out, str):
                failed.append((location, out))
            else:
                written.extend(out)
    return written, failed
