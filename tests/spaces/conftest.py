import pytest

from groundswell.spaces.services import space_create
from tests.factories import PersonFactory


@pytest.fixture
def owner(db):
    return PersonFactory(username="owner", display_name="Olga Owner")


@pytest.fixture
def owned_space(owner):
    """An open community made through the service, so its counters are real."""
    return space_create(creator=owner, name="Warehouse safety")
