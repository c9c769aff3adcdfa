"""Talking to the headquarters inbox over HTTP (httpx): health, upload, receipt.

The inbox's address is the URL given to `ccema device enroll FILE --url URL`; its endpoints are relative to
it: `GET {url}/health`, `PUT {url}/bundles/{bundle_id}` (the bundle file as the body) and
`GET {url}/bundles/{bundle_id}/receipt`. Every problem becomes an `InboxProblem` with a reason in plain
words and whether trying again later may help; nothing here raises an httpx exception at its caller.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from ccema_desktop import __version__
from ccema_desktop.i18n import _

SERVICE = "ccema-hq"
#: Uploads are streamed in pieces of this size (a cancel or a lost connection stops between pieces).
UPLOAD_CHUNK = 256 * 1024
#: How long to wait for headquarters' answer after the last byte, per MB of bundle, on top of `timeout`.
READ_SECONDS_PER_MB = 2.0
_USER_AGENT = f"ccema-desktop/{__version__}"


@dataclass(frozen=True)
class InboxAnswer:
    """What headquarters answered: its HTTP status and the JSON body (empty when it sent none)."""

    status: int
    body: dict[str, Any]
    retry_after: float | None = None

    @property
    def reason(self) -> str:
        value = self.body.get("reason")
        return str(value) if isinstance(value, str) else ""


class InboxProblem(Exception):
    """The inbox could not be used; the message is for people, `transient` says a later try may work."""

    def __init__(self, reason: str, transient: bool = True, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient
        self.retry_after = retry_after


class SendCancelled(InboxProblem):
    """The person (or the app closing) cancelled an upload; nothing is wrong with the bundle."""


def _join(base: str, path: str) -> str:
    return base.rstrip("/") + "/" + path.lstrip("/")


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def _describe(exc: httpx.HTTPError, url: str) -> InboxProblem:
    host = httpx.URL(url).host or url
    if isinstance(exc, httpx.ConnectTimeout):
        return InboxProblem(
            _("Headquarters ({host}) did not answer in time. The connection may be slow or down.").format(
                host=host
            )
        )
    if isinstance(exc, httpx.TimeoutException):
        return InboxProblem(
            _("The connection to headquarters ({host}) became too slow and was given up.").format(host=host)
        )
    if isinstance(exc, httpx.ConnectError):
        return InboxProblem(
            _(
                "Headquarters ({host}) cannot be reached: there is no connection to it right now "
                "(no network, or its inbox is not running)."
            ).format(host=host)
        )
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return InboxProblem(
            _("The connection to headquarters ({host}) was cut in the middle of the transfer.").format(
                host=host
            )
        )
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return InboxProblem(
            _("The inbox address {url} is not valid; enroll again with the right --url.").format(url=url),
            transient=False,
        )
    return InboxProblem(
        _("The transfer to headquarters ({host}) failed ({reason}).").format(host=host, reason=exc)
    )


def _body(response: httpx.Response) -> dict[str, Any]:
    try:
        value = response.json()
    except (ValueError, UnicodeDecodeError):
        return {}
    return value if isinstance(value, dict) else {}


class InboxClient:
    """One headquarters inbox; use as a context manager (one connection pool for a sync run)."""

    def __init__(self, url: str, timeout: float = 10.0, transport: httpx.BaseTransport | None = None) -> None:
        self.url = url
        self.timeout = timeout
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": _USER_AGENT},
            follow_redirects=False,
            transport=transport,
            trust_env=False,  # a venue's proxy settings must not redirect bundles elsewhere
        )

    def __enter__(self) -> InboxClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        url = _join(self.url, path)
        try:
            return self._client.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            raise _describe(exc, self.url) from None
        except ValueError as exc:  # a malformed URL
            raise InboxProblem(
                _("The inbox address {url} is not valid; enroll again with the right --url.").format(
                    url=self.url
                ),
                transient=False,
            ) from exc

    def health(self) -> dict[str, Any]:
        """Headquarters' own answer to `GET /health`; raises InboxProblem when it is not a CCEMA inbox."""
        response = self._request("GET", "health")
        body = _body(response)
        if response.status_code != 200 or body.get("service") != SERVICE or body.get("status") != "ok":
            raise InboxProblem(
                _(
                    "Something answered at {url}, but it is not a working CCEMA headquarters inbox "
                    "(HTTP {status}). Check the inbox address."
                ).format(url=self.url, status=response.status_code)
            )
        return body

    def upload(self, bundle_id: str, data: bytes, cancelled: Callable[[], bool] | None = None) -> InboxAnswer:
        """`PUT /bundles/{id}` with the bundle file; any answer with a status comes back as InboxAnswer."""

        def pieces() -> Iterator[bytes]:
            for start in range(0, len(data), UPLOAD_CHUNK):
                if cancelled is not None and cancelled():
                    raise SendCancelled(_("Sending was cancelled."))
                yield data[start : start + UPLOAD_CHUNK]

        read = self.timeout + READ_SECONDS_PER_MB * len(data) / 1e6
        response = self._request(
            "PUT",
            f"bundles/{bundle_id}",
            content=pieces(),
            headers={"Content-Type": "application/json", "Content-Length": str(len(data))},
            timeout=httpx.Timeout(self.timeout, read=read),
        )
        return InboxAnswer(response.status_code, _body(response), _retry_after(response))

    def receipt(self, bundle_id: str) -> InboxAnswer:
        """`GET /bundles/{id}/receipt`: 200 imported, 202 held, 404 headquarters does not have it."""
        response = self._request("GET", f"bundles/{bundle_id}/receipt")
        return InboxAnswer(response.status_code, _body(response), _retry_after(response))
