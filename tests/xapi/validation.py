"""A strict check of the xAPI 1.0.3 statement shape (the parts Groundswell produces)."""

import uuid
from datetime import datetime
from urllib.parse import urlsplit


def _iri(value) -> None:
    assert isinstance(value, str) and urlsplit(value).scheme in {"http", "https"}, value
    assert urlsplit(value).netloc, value


def _language_map(value) -> None:
    assert isinstance(value, dict) and value, value
    for tag, text in value.items():
        assert isinstance(tag, str) and 2 <= len(tag) <= 35, tag
        assert isinstance(text, str) and text, text


def _agent(agent) -> None:
    assert agent.get("objectType", "Agent") == "Agent"
    identifiers = {"mbox", "mbox_sha1sum", "openid", "account"} & set(agent)
    assert identifiers == {"account"}, "exactly one identifier, an account"
    account = agent["account"]
    assert set(account) == {"homePage", "name"}
    _iri(account["homePage"])
    assert isinstance(account["name"], str) and account["name"]


def _activity(activity) -> None:
    assert activity["objectType"] == "Activity"
    _iri(activity["id"])
    definition = activity["definition"]
    _iri(definition["type"])
    _language_map(definition["name"])


def assert_valid_statement(statement: dict) -> None:
    allowed = {"id", "actor", "verb", "object", "context", "timestamp", "version", "result"}
    assert set(statement) <= allowed, set(statement) - allowed
    assert str(uuid.UUID(statement["id"])) == statement["id"]
    _agent(statement["actor"])
    _iri(statement["verb"]["id"])
    _language_map(statement["verb"]["display"])
    target = statement["object"]
    if target.get("objectType") == "Agent":
        _agent(target)
    else:
        _activity(target)
    context = statement["context"]
    assert context["platform"] == "Groundswell"
    for parent in context.get("contextActivities", {}).get("parent", []):
        _activity(parent)
    assert datetime.fromisoformat(statement["timestamp"]).tzinfo is not None
    assert statement["version"] == "1.0.3"
    assert "stored" not in statement and "authority" not in statement
