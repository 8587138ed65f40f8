"""TRUST 14: every text and list a person can send has a length cap, and where it is stored the
cap is the model's — in the API's request bodies (read from the served OpenAPI document) and in
every page form (`groundswell/**/forms.py`). A new field fails here until it has a cap and is
declared below, as stored in a model field or not."""

import importlib
import inspect
from pathlib import Path

import pytest
from django import forms
from django.apps import apps

import groundswell

# Strings of these formats are bounded by their parser.
BOUNDED_FORMATS = {"date-time", "date", "time", "uuid"}

# "Schema.property" (with "[]" for a list's items) → the model field it is stored in, or None
# when it is not stored as such (a reference to another object, a list, a query).
API_FIELDS = {
    "TokenIn.name": "people.ApiToken.name",
    "SpaceIn.name": "spaces.Space.name",
    "SpaceIn.description": "spaces.Space.description",
    "InviteIn.usernames": None,
    "InviteIn.usernames[]": "people.Person.username",
    "ThreadIn.space": "spaces.Space.slug",
    "ThreadIn.title": "threads.Thread.title",
    "ThreadIn.body": "threads.Thread.body",
    "ThreadIn.topics": None,
    "ThreadIn.topics[]": "topics.Topic.name",
    "ThreadPatch.title": "threads.Thread.title",
    "ThreadPatch.body": "threads.Thread.body",
    "ThreadPatch.topics": None,
    "ThreadPatch.topics[]": "topics.Topic.name",
    "ThreadPatch.message": "threads.Revision.message",
    "ReplyIn.body": "threads.Reply.body",
    "ReplyPatch.body": "threads.Reply.body",
    "ReplyPatch.message": "threads.Revision.message",
    # A username, topic name or space slug: the longest of them.
    "FollowIn.target": "people.Person.username",
    "EndorsementIn.topic": "topics.Topic.name",
    "InsightIn.text": "insights.Insight.text",
    "InsightIn.category": "insights.InsightCategory.slug",
    "InsightIn.location": "insights.Insight.location",
    "InsightIn.topics": None,
    "InsightIn.topics[]": "topics.Topic.name",
    "BulkIn.insights": None,
    "BulkIn.message": "insights.InsightUpdate.message",
    "StatusIn.message": "insights.InsightUpdate.message",
    "AssignIn.assignee": "people.Person.username",
    "CorroborateIn.detail": "insights.Corroboration.detail",
    "CorroborateIn.location": "insights.Corroboration.location",
    "QuestionIn.title": "threads.Thread.title",
    "QuestionIn.body": "threads.Thread.body",
    "AnswerIn.body": "threads.Reply.body",
    "SessionIn.space": "spaces.Space.slug",
    "SessionIn.title": "leadership.AmaSession.title",
    "SessionIn.description": "leadership.AmaSession.description",
    "FlagIn.detail": "moderation.Flag.detail",
    "ResolveIn.note": "moderation.Flag.note",
    "NoteIn.note": "moderation.Flag.note",
    "HideIn.note": "moderation.Flag.note",
}

# "module.Form.field" → the model field, or None (see API_FIELDS).
FORM_FIELDS = {
    "insights.forms.CorroborateForm.detail": "insights.Corroboration.detail",
    "insights.forms.CorroborateForm.location": "insights.Corroboration.location",
    "insights.forms.ExportForm.unit": "people.OrgUnit.code",
    "insights.forms.ReportForm.text": "insights.Insight.text",
    "insights.forms.ReportForm.location": "insights.Insight.location",
    "insights.forms.ReportForm.topics": None,
    "insights.forms.RespondForm.message": "insights.InsightUpdate.message",
    "insights.forms.StatusForm.message": "insights.InsightUpdate.message",
    "leadership.forms.QuestionForm.title": "threads.Thread.title",
    "leadership.forms.QuestionForm.body": "threads.Thread.body",
    "leadership.forms.AnswerForm.body": "threads.Reply.body",
    "leadership.forms.SessionForm.title": "leadership.AmaSession.title",
    "leadership.forms.SessionForm.description": "leadership.AmaSession.description",
    "learning.forms.ArticleForm.title": "threads.Thread.title",
    "learning.forms.ArticleForm.body": "threads.Thread.body",
    "learning.forms.WikiPageForm.title": "threads.Thread.title",
    "learning.forms.WikiPageForm.body": "threads.Thread.body",
    "learning.forms.WikiPageForm.message": "threads.Revision.message",
    "learning.forms.CohortEventForm.title": "learning.CohortEvent.title",
    "learning.forms.CohortEventForm.location": "learning.CohortEvent.location",
    "learning.forms.CohortEventForm.description": "learning.CohortEvent.description",
    "moderation.forms.AuditFilterForm.actor": "people.Person.username",
    "moderation.forms.FlagForm.detail": "moderation.Flag.detail",
    "moderation.forms.NoteForm.note": "moderation.Flag.note",
    "moderation.forms.ResolveForm.note": "moderation.Flag.note",
    "search.forms.SearchForm.q": None,
    "search.forms.SearchForm.space": "spaces.Space.slug",
    "search.forms.SearchForm.topic": "topics.Topic.name",
    "search.forms.SearchForm.author": "people.Person.username",
    "spaces.forms.SpaceForm.name": "spaces.Space.name",
    "spaces.forms.SpaceForm.description": "spaces.Space.description",
    "spaces.forms.InviteForm.usernames": None,
    "threads.forms.ThreadForm.title": "threads.Thread.title",
    "threads.forms.ThreadForm.body": "threads.Thread.body",
    "threads.forms.ThreadForm.topics": None,
    "threads.forms.ThreadEditForm.title": "threads.Thread.title",
    "threads.forms.ThreadEditForm.body": "threads.Thread.body",
    "threads.forms.ThreadEditForm.topics": None,
    "threads.forms.ThreadEditForm.message": "threads.Revision.message",
    "threads.forms.ReplyForm.body": "threads.Reply.body",
    "threads.forms.ReplyEditForm.body": "threads.Reply.body",
    "threads.forms.ReplyEditForm.message": "threads.Revision.message",
    "people.account_forms.PasswordResetRequestForm.email": "people.Person.email",
    "people.account_forms.TokenForm.name": "people.ApiToken.name",
}

# Model text fields without a `max_length` of their own: the schema and form cap them, and the
# service checks the same number. (Adding `max_length` to the model needs a migration of its
# app; then remove it from here.)
MODEL_WITHOUT_CAP: set[str] = set()


def model_cap(dotted: str) -> int | None:
    app_label, model_name, field_name = dotted.split(".")
    return apps.get_model(app_label, model_name)._meta.get_field(field_name).max_length


def _free_text(schema) -> bool:
    """A string that is not one of a few values nor parsed as a date."""
    return (
        schema.get("type") == "string"
        and not {"enum", "const"} & set(schema)
        and schema.get("format") not in BOUNDED_FORMATS
    )


def _request_body_fields(document) -> dict[str, dict]:
    """Every string and array in every request body: "Schema.property[]…" → its JSON schema."""
    schemas = document["components"]["schemas"]
    found = {}

    def walk(schema, where):
        if "$ref" in schema:
            walk(schemas[schema["$ref"].rsplit("/", 1)[-1]], where)
            return
        for alternative in schema.get("anyOf", []) + schema.get("allOf", []):
            walk(alternative, where)
        kind = schema.get("type")
        if kind == "object":
            for name, value in schema.get("properties", {}).items():
                walk(value, f"{where}.{name}")
        elif kind == "array":
            found[where] = schema
            walk(schema.get("items", {}), f"{where}[]")
        elif _free_text(schema):
            found[where] = schema

    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for content in operation.get("requestBody", {}).get("content", {}).values():
                schema = content["schema"]
                name = schema.get("$ref", "").rsplit("/", 1)[-1] or f"{method} {path}"
                walk(schemas.get(name, schema), name)
    return found


@pytest.fixture(scope="module")
def body_fields(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        document = Client().get("/api/v1/openapi.json").json()
    return _request_body_fields(document)


def _cap(schema) -> int | None:
    return schema.get("maxItems") if schema.get("type") == "array" else schema.get("maxLength")


def test_every_string_and_list_in_an_api_body_has_a_cap(body_fields):
    assert len(body_fields) >= 40
    uncapped = [
        where
        for where, schema in body_fields.items()
        # An uploaded file: its size is capped by the upload limits (test_size_limits.py).
        if _cap(schema) is None and schema.get("format") != "binary"
    ]
    assert uncapped == []


def test_every_capped_api_field_is_declared(body_fields):
    undeclared = [
        where
        for where, schema in body_fields.items()
        if schema.get("format") != "binary" and where not in API_FIELDS
    ]
    assert undeclared == [], "declare each in API_FIELDS: the model field it is stored in, or None"
    stale = sorted(set(API_FIELDS) - set(body_fields))
    assert stale == [], "these are in no request body any more: remove them from API_FIELDS"


def test_api_caps_are_the_models(body_fields):
    disagree = {}
    for where, model_field in API_FIELDS.items():
        if model_field is None or where not in body_fields:
            continue
        cap, stored = _cap(body_fields[where]), model_cap(model_field)
        if model_field in MODEL_WITHOUT_CAP:
            assert stored is None, f"{model_field} has a cap now: remove it from MODEL_WITHOUT_CAP"
        elif cap != stored:
            disagree[where] = (cap, model_field, stored)
    assert disagree == {}


def _page_forms():
    """Every Form class defined in a forms module of the project."""
    root = Path(groundswell.__file__).parent
    for path in sorted(root.rglob("*forms.py")):
        module_name = ".".join(path.relative_to(root.parent).with_suffix("").parts)
        module = importlib.import_module(module_name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module_name:
                yield module_name.removeprefix("groundswell."), name, cls


def _form_text_fields() -> dict[str, forms.CharField]:
    return {
        f"{module}.{form}.{name}": field
        for module, form, cls in _page_forms()
        for name, field in cls.base_fields.items()
        if isinstance(field, forms.CharField)
    }


def test_every_text_field_of_every_page_form_has_a_cap():
    fields = _form_text_fields()
    assert len(fields) >= 40
    assert [where for where, field in fields.items() if field.max_length is None] == []


def test_every_page_form_text_field_is_declared_and_agrees_with_its_model():
    fields = _form_text_fields()
    assert sorted(set(fields) - set(FORM_FIELDS)) == [], "declare each in FORM_FIELDS"
    assert sorted(set(FORM_FIELDS) - set(fields)) == [], "remove these from FORM_FIELDS"
    disagree = {}
    for where, model_field in FORM_FIELDS.items():
        if model_field is None or model_field in MODEL_WITHOUT_CAP:
            continue
        if fields[where].max_length != model_cap(model_field):
            disagree[where] = (fields[where].max_length, model_field, model_cap(model_field))
    assert disagree == {}


def test_the_api_and_the_forms_agree_where_the_model_has_no_cap(body_fields):
    for model_field in MODEL_WITHOUT_CAP:
        api = {_cap(body_fields[w]) for w, m in API_FIELDS.items() if m == model_field}
        pages = {
            _form_text_fields()[w].max_length for w, m in FORM_FIELDS.items() if m == model_field
        }
        assert len(api | pages) == 1, f"{model_field}: API {api}, forms {pages}"


@pytest.mark.parametrize(
    ("url", "field", "limit"),
    [
        ("/api/v1/threads", "title", 200),
        ("/api/v1/leadership/spaces/{slug}/questions", "title", 200),
    ],
)
def test_one_character_over_the_cap_is_refused_by_the_api(
    member_client, open_space, url, field, limit
):
    """The caps are enforced, not just documented: 422 before any service runs."""
    data = {"space": open_space.slug, "title": "t" * (limit + 1), "body": "b"}
    response = member_client.post(
        url.format(slug=open_space.slug), data, content_type="application/json"
    )
    assert response.status_code == 422
    assert field in response.content.decode()
