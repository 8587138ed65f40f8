"""Every route the project serves, as concrete URLs filled with the objects of a fixture.

Enumerates Django's URL resolver and the API's OpenAPI document, so a route added tomorrow is
walked by the leak tests without anyone remembering to list it.
"""

import re

from django.urls import URLPattern, URLResolver, get_resolver

SKIPPED_NAMESPACES = {"admin"}
API_PREFIX = "/api/v1"


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            if ns in SKIPPED_NAMESPACES or (pattern.namespace or "").startswith("api"):
                continue
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern) and not (pattern.name or "").startswith("api-"):
            yield prefix + str(pattern.pattern)


def page_routes() -> list[str]:
    """Route templates of every page and partial, e.g. "spaces/<slug:slug>/"."""
    return sorted(set(_walk(get_resolver().url_patterns)))


def fill_page_route(route: str, values: dict) -> str | None:
    """Substitute `<conv:name>` with values[name]; None when a parameter is unknown."""
    missing = []

    def substitute(match):
        name = match.group(2)
        if name not in values:
            missing.append(name)
            return ""
        return str(values[name])

    url = re.sub(r"<(?:(\w+):)?(\w+)>", substitute, route)
    if missing or "^" in url or "(?P" in url:
        return None
    return "/" + url


def api_operations(client) -> list[tuple[str, str]]:
    """(method, path template) of every operation in the served OpenAPI document."""
    document = client.get(f"{API_PREFIX}/openapi.json").json()
    return sorted(
        (method.upper(), path)
        for path, operations in document["paths"].items()
        for method in operations
        if method in {"get", "post", "put", "patch", "delete"}
    )


def fill_api_path(path: str, values: dict) -> str | None:
    missing = []

    def substitute(match):
        name = match.group(1)
        if name not in values:
            missing.append(name)
            return ""
        return str(values[name])

    url = re.sub(r"\{(\w+)\}", substitute, path)
    return None if missing else url
