"""The one guarded client for every request Groundswell makes to another server (TRUST 23).

A configured address (an LRS, a webhook) is attacker-influenced input: it could point at the
metadata service, the database host or Groundswell itself. So the host is resolved first and
every address it resolves to must be public, unless the host is listed in
`settings.OUTBOUND_ALLOWED_HOSTS`; the connection then goes to the address that was checked
(no second lookup an attacker's DNS could answer differently). Only http/https, no redirects,
connect/read timeouts and a cap on the response size.
"""

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 1_000_000


class OutboundRefused(Exception):
    """The request was not sent: bad scheme, unresolvable or forbidden address."""


class OutboundError(Exception):
    """The request was sent but failed: connection, timeout or an oversized response."""


@dataclass
class OutboundResponse:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def _is_forbidden(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def resolve_allowed(host: str, port: int) -> str:
    """The address to connect to for `host`, or OutboundRefused when any address is private."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise OutboundRefused(f"Cannot resolve {host!r}.") from exc
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise OutboundRefused(f"Cannot resolve {host!r}.")
    allowed = {h.lower() for h in getattr(settings, "OUTBOUND_ALLOWED_HOSTS", [])}
    if host.lower() not in allowed:
        # Every address, not just the first: a name resolving to both a public and a private
        # address could be steered to the private one.
        forbidden = [a for a in addresses if _is_forbidden(a)]
        if forbidden:
            raise OutboundRefused(f"{host!r} resolves to a non-public address ({forbidden[0]}).")
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout, connect_timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address
        self._connect_timeout = connect_timeout

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self._connect_timeout)
        self.sock.settimeout(self.timeout)


class _PinnedHTTPSConnection(_PinnedHTTPConnection):
    def connect(self):
        super().connect()
        context = ssl.create_default_context()
        self.sock = context.wrap_socket(self.sock, server_hostname=self.host)


def request(
    method: str,
    url: str,
    *,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    connect_timeout: float = 5.0,
    read_timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> OutboundResponse:
    """Send one request through the guard; raises OutboundRefused or OutboundError."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise OutboundRefused("Only http and https addresses are allowed.")
    if parts.username or parts.password:
        raise OutboundRefused("Put credentials in headers, not in the address.")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = resolve_allowed(parts.hostname, port)
    connection_class = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(parts.hostname, port, address, read_timeout, connect_timeout)
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise OutboundError(f"The response is larger than {max_bytes} bytes.")
        return OutboundResponse(
            status=response.status,
            body=data,
            headers={k.lower(): v for k, v in response.getheaders()},
        )
    except (OSError, http.client.HTTPException) as exc:
        raise OutboundError(f"{type(exc).__name__}: {exc}") from exc
    finally:
        connection.close()
