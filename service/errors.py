"""Service errors: typed, with a stable code, an HTTP status and a Chinese message."""

from __future__ import annotations

from reviewer.errors import ReviewerError


class NotFound(ReviewerError):
    code, http_status = "not_found", 404


class Forbidden(ReviewerError):
    code, http_status = "forbidden", 403


class Unauthorized(ReviewerError):
    code, http_status = "unauthorized", 401


class Conflict(ReviewerError):
    code, http_status = "conflict", 409


class Throttled(ReviewerError):
    code, http_status = "too_many_attempts", 429


class Invalid(ReviewerError):
    code, http_status = "invalid", 422
