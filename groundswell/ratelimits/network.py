"""The client's address, as far as it can be trusted."""

from django.conf import settings


def client_address(request) -> str | None:
    """REMOTE_ADDR; behind `TRUSTED_PROXY_HOPS` reverse proxies, the address the outermost
    trusted proxy saw instead. Entries a client wrote into X-Forwarded-For itself sit further
    left and are never read, so a forged header cannot dodge a per-address limit."""
    if request is None:
        return None
    hops = settings.GROUNDSWELL.get("TRUSTED_PROXY_HOPS", 0)
    if hops:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(addresses) >= hops:
            return addresses[-hops]
    return request.META.get("REMOTE_ADDR") or None
