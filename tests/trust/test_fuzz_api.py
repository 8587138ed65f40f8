"""TRUST 25: schemathesis over the served OpenAPI document, in-process against the WSGI app,
as a member of the fixtures with a write token: no answer may be a 5xx, and every answer must
match the schema the document declares for it.

Bounded so CI stays fast: at most MAX_EXAMPLES generated cases per operation.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from groundswell.api import openapi_document
from groundswell.people.tokens import api_token_create

MAX_EXAMPLES = 12

schema = schemathesis.openapi.from_dict(openapi_document())
# The same app gunicorn serves, called in-process: requests run inside the test's transaction.
schema.app = get_wsgi_application()


@pytest.fixture
def connection_kept_across_requests():
    """The WSGI handler closes the database connection after each request; inside the test's
    transaction that would lose it (PostgreSQL refuses to reopen one in an atomic block), so
    keep it open, as Django's own test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def member_token(member, open_space, connection_kept_across_requests):
    _, token = api_token_create(person=member, name="fuzzing", scope="write")
    return token


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_never_fails_and_keeps_to_its_schema(case, member_token):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {member_token}"},
        checks=[not_a_server_error, response_schema_conformance],
    )


@pytest.mark.django_db
def test_the_fuzzing_is_signed_in_as_the_member(member, member_token):
    """Otherwise every generated case would stop at 401 and prove nothing."""
    case = schema["/api/v1/me"]["GET"].Case()
    response = case.call(headers={"Authorization": f"Bearer {member_token}"})
    assert response.status_code == 200
    assert response.json()["username"] == member.username
