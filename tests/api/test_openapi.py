"""The OpenAPI document: generated without error, committed copy current, docs served locally."""

import importlib.util
import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from groundswell.api import openapi_document

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "docs" / "openapi.json"
METHODS = {"get", "post", "put", "patch", "delete"}


def _export_script():
    spec = importlib.util.spec_from_file_location(
        "export_openapi", ROOT / "scripts" / "export_openapi.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _operations(document):
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method in METHODS:
                yield method, path, operation


def test_committed_openapi_document_is_current():
    expected = _export_script().render()
    assert COMMITTED.read_text(encoding="utf-8") == expected, (
        "docs/openapi.json is stale: run `.venv/bin/python scripts/export_openapi.py`"
    )


def test_export_script_check_mode_detects_drift(tmp_path, monkeypatch):
    script = _export_script()
    stale = tmp_path / "openapi.json"
    stale.write_text("{}\n")
    monkeypatch.setattr(script, "TARGET", stale)
    monkeypatch.setattr(script, "ROOT", tmp_path)
    assert script.main(["--check"]) == 1
    assert script.main([]) == 0
    assert script.main(["--check"]) == 0


@pytest.mark.django_db
def test_served_document_matches_and_is_public(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json() == json.loads(json.dumps(openapi_document()))


def test_every_operation_is_documented_consistently():
    document = openapi_document()
    operations = list(_operations(document))
    assert len(operations) >= 35
    ids = [operation["operationId"] for _, _, operation in operations]
    assert len(ids) == len(set(ids)), "operationIds must be unique"
    for method, path, operation in operations:
        where = f"{method.upper()} {path}"
        assert operation.get("security"), f"{where} has no authentication"
        responses = {str(status) for status in operation["responses"]}
        for status in ("401", "404", "422"):
            assert status in responses, f"{where} does not document {status}"
        assert operation.get("tags"), where
    schemes = document["components"]["securitySchemes"]
    assert schemes["PersonalTokenAuth"]["scheme"] == "bearer"
    assert schemes["BrowserSessionAuth"]["in"] == "cookie"


def test_token_creation_is_session_only_in_the_document():
    document = openapi_document()
    create = document["paths"]["/api/v1/me/tokens"]["post"]
    assert create["security"] == [{"BrowserSessionAuth": []}]


def test_input_schemas_are_bounded_and_closed():
    schemas = openapi_document()["components"]["schemas"]
    assert schemas["ThreadIn"]["properties"]["title"]["maxLength"] == 200
    assert schemas["ThreadIn"]["properties"]["body"]["maxLength"] == 50_000
    assert schemas["ThreadIn"]["properties"]["topics"]["maxItems"] == 5
    assert schemas["SpaceIn"]["properties"]["name"]["maxLength"] == 120
    assert schemas["SpaceIn"]["properties"]["description"]["maxLength"] == 2000
    assert schemas["InviteIn"]["properties"]["usernames"]["maxItems"] == 50
    for name, schema in schemas.items():
        if name.endswith(("In", "Patch")):
            assert schema.get("additionalProperties") is False, name
            assert "author" not in schema["properties"], name
            assert "score" not in schema["properties"], name
    token_fields = set(schemas["TokenOut"]["properties"])
    assert "digest" not in token_fields and "token" not in token_fields


@pytest.mark.django_db
def test_docs_page_uses_bundled_assets_and_no_inline_script(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn" not in html.lower()
    sources = re.findall(r'<script[^>]*\ssrc="([^"]+)"', html)
    styles = re.findall(r'<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"', html) + re.findall(
        r'<link[^>]*href="([^"]+)"[^>]*rel="stylesheet"', html
    )
    assert sources and styles
    for url in sources + styles:
        assert url.startswith("/static/"), url
        assert finders.find(url.removeprefix("/static/")), f"{url} is not a bundled file"
    # Every <script> either loads a file or is a JSON data block, so the CSP needs no nonce.
    for opening in re.findall(r"<script[^>]*>", html):
        assert "src=" in opening or 'type="application/json"' in opening, opening
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "script-src 'self'" in csp
