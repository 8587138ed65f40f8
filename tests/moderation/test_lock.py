"""Locked threads refuse replies with a clear 403 (moderators may still reply)."""

import pytest

from groundswell.activity.models import Event, Verb
from groundswell.moderation import services
from groundswell.threads.models import Reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def locked(thread_a, mod_a):
    return services.thread_set_locked(moderator=mod_a, thread=thread_a, locked=True)


def test_locking_is_recorded_once(locked, mod_a):
    services.thread_set_locked(moderator=mod_a, thread=locked, locked=True)
    assert Event.objects.filter(verb=Verb.LOCKED, actor=mod_a, thread=locked).count() == 1


def test_a_locked_thread_refuses_replies_in_the_api(api_as, locked, flaggers):
    response = api_as(flaggers[0]).post(f"/threads/{locked.pk}/replies", {"body": "Me!"})
    assert response.status_code == 403
    assert response.json()["detail"] == "This thread is locked."
    assert not Reply.objects.filter(thread=locked).exists()


def test_a_locked_thread_refuses_replies_on_the_page(client_as, locked, flaggers):
    client = client_as(flaggers[0])
    response = client.post(f"/threads/{locked.pk}/reply/", {"body": "Me!"})
    assert response.status_code == 403
    assert "locked" in response.content.decode()
    page = client.get(locked.get_absolute_url()).content.decode()
    assert "This thread is locked: no new replies." in page
    assert not Reply.objects.filter(thread=locked).exists()


def test_moderators_still_reply_and_unlock(api_as, client_as, locked, mod_a, flaggers):
    assert (
        api_as(mod_a).post(f"/threads/{locked.pk}/replies", {"body": "Closing."}).status_code == 201
    )
    response = client_as(mod_a).post(f"/moderation/threads/{locked.pk}/unlock/")
    assert response.status_code == 302
    assert (
        api_as(flaggers[0]).post(f"/threads/{locked.pk}/replies", {"body": "Ok"}).status_code == 201
    )
    assert Event.objects.filter(verb=Verb.UNLOCKED, actor=mod_a).exists()
