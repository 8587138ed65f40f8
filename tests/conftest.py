"""Shared fixtures: a small organisation with an open and a private space.

The same suite runs on SQLite and on PostgreSQL (DATABASE_URL selects it); `make test` runs
both.
"""

import pytest

from groundswell.spaces.models import Role, Visibility
from tests.factories import (
    PASSWORD,
    MembershipFactory,
    PersonFactory,
    SpaceFactory,
)


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def person(db):
    return PersonFactory()


@pytest.fixture
def outsider(db):
    return PersonFactory(username="outsider", display_name="Olive Outsider")


@pytest.fixture
def admin_person(db):
    return PersonFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def open_space(db):
    return SpaceFactory(name="Drivers' lounge", slug="drivers-lounge")


@pytest.fixture
def private_space(db):
    return SpaceFactory(name="Cohort A", slug="cohort-a", visibility=Visibility.PRIVATE)


@pytest.fixture
def member(db, open_space, private_space):
    """Someone in both the open and the private space."""
    someone = PersonFactory(username="member", display_name="Mia Member")
    MembershipFactory(space=open_space, person=someone)
    MembershipFactory(space=private_space, person=someone)
    return someone


@pytest.fixture
def moderator(db, open_space, private_space):
    someone = PersonFactory(username="moderator", display_name="Max Moderator")
    MembershipFactory(space=open_space, person=someone, role=Role.MODERATOR)
    MembershipFactory(space=private_space, person=someone, role=Role.MODERATOR)
    return someone


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


@pytest.fixture(autouse=True)
def fast_password_hashing(request, settings):
    """Argon2 costs ~0.1 s per hash on purpose, and factories hash a password for every person:
    tests hash with MD5 instead (Argon2 hashes still verify). Mark a test
    `@pytest.mark.argon2` to keep the production hashers."""
    if request.node.get_closest_marker("argon2") is None:
        settings.PASSWORD_HASHERS = [
            "django.contrib.auth.hashers.MD5PasswordHasher",
            *settings.PASSWORD_HASHERS,
        ]


@pytest.fixture(autouse=True)
def fresh_rate_limits(settings):
    """Rate-limit counters in a per-process memory cache, emptied before each test, so one
    test's logins or posts never throttle another's. The test database still gets the
    production cache table (created by migrate); tests of the database cache switch back to it
    (see tests/trust/test_ratelimits.py)."""
    from django.core.cache import cache

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "groundswell-tests",
        }
    }
    cache.clear()


@pytest.fixture(autouse=True)
def tasks_run_immediately(settings):
    """Background tasks run in the test's own process as soon as they are enqueued (the
    ImmediateBackend); what a service enqueues after commit runs when the test's commit
    callbacks do (`django_capture_on_commit_callbacks(execute=True)`, or a real commit in
    transactional tests)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def database_queue(settings):
    """Tasks go to the database queue instead, for tests that run the real worker
    (`tests.task_worker.run_worker`)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def data_migration_rows(request):
    """Transactional tests flush the database, losing rows that data migrations created (the
    insight categories); put them back so every test sees what a migrated database has."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from groundswell.insights.services import insight_categories_ensure

    insight_categories_ensure()
