import pytest

from groundswell.threads.models import ThreadKind
from groundswell.threads.services import reply_create, thread_create
from tests.factories import MembershipFactory, PersonFactory


@pytest.fixture
def colleague(db, open_space, private_space):
    """A second member of both spaces, to reply, vote and edit other people's posts."""
    someone = PersonFactory(username="colleague", display_name="Cole League")
    MembershipFactory(space=open_space, person=someone)
    MembershipFactory(space=private_space, person=someone)
    return someone


@pytest.fixture
def discussion(member, open_space):
    return thread_create(
        author=member, space=open_space, title="Loading bay etiquette", body="Who goes first?"
    )


@pytest.fixture
def question(member, open_space):
    return thread_create(
        author=member,
        space=open_space,
        kind=ThreadKind.QUESTION,
        title="Lithium batteries on air freight?",
        body="What is the limit?",
        topics=["hazmat"],
    )


@pytest.fixture
def private_thread(member, private_space):
    return thread_create(
        author=member,
        space=private_space,
        title="Cohort-only plans",
        body="Canary PRIV-1",
        topics=["secret-project"],
    )


@pytest.fixture
def answer(colleague, question):
    return reply_create(author=colleague, thread=question, body="100 Wh per cell.")
