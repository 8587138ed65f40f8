"""Flags: who may flag what, once, within limits; the auto-hide threshold; resolving."""

import pytest

from groundswell.activity.models import Event, Verb
from groundswell.errors import Conflict, Forbidden, InvalidInput, NotFound, RateLimited
from groundswell.moderation import services
from groundswell.moderation.models import Flag, Resolution
from groundswell.threads.models import Reply, Thread

pytestmark = pytest.mark.django_db


def _flag(person, thread, reply=None, reason="spam", detail=""):
    return services.flag_create(
        flagger=person, thread=thread, reply=reply, reason=reason, detail=detail
    )


def test_a_member_flags_a_post_and_it_is_recorded(thread_a, flaggers):
    flag = _flag(flaggers[0], thread_a, reason="offensive", detail=" rude ")
    assert flag.is_open and flag.space_id == thread_a.space_id and flag.detail == "rude"
    event = Event.objects.get(verb=Verb.FLAGGED)
    assert event.actor == flaggers[0] and event.thread == thread_a
    assert event.data["reason"] == "offensive"


def test_nobody_flags_their_own_post(thread_a, author):
    with pytest.raises(Forbidden):
        _flag(author, thread_a)
    assert not Flag.objects.exists()


def test_one_open_flag_per_person_and_post(thread_a, reply_a, flaggers):
    _flag(flaggers[0], thread_a)
    with pytest.raises(Conflict):
        _flag(flaggers[0], thread_a, reason="other")
    # The same person may still flag a reply in that thread: another post.
    _flag(flaggers[0], thread_a, reply=reply_a)
    assert Flag.objects.count() == 2


def test_after_a_resolution_the_same_person_may_flag_again(thread_a, flaggers, mod_a):
    _flag(flaggers[0], thread_a)
    services.flags_resolve(moderator=mod_a, thread=thread_a, action="dismiss")
    _flag(flaggers[0], thread_a)
    assert Flag.objects.open().count() == 1


@pytest.mark.parametrize(
    ("reason", "detail", "field"),
    [("bogus", "", "reason"), ("spam", "x" * 501, "detail"), ("spam", "a\x00b", "detail")],
)
def test_reason_and_detail_are_checked(thread_a, flaggers, reason, detail, field):
    with pytest.raises(InvalidInput) as error:
        _flag(flaggers[0], thread_a, reason=reason, detail=detail)
    assert field in error.value.errors


def test_a_person_who_cannot_see_the_space_cannot_flag(thread_a, stranger):
    with pytest.raises(NotFound):
        _flag(stranger, thread_a)


def test_flagging_is_rate_limited(settings, thread_b, flaggers, author, space_b):
    limits = {**settings.GROUNDSWELL["RATE_LIMITS"], "flagging": (2, 3600)}
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "RATE_LIMITS": limits}
    from groundswell.threads import services as threads

    others = [
        threads.thread_create(author=author, space=space_b, title=f"T{i}", body="b")
        for i in range(3)
    ]
    _flag(flaggers[0], others[0])
    _flag(flaggers[0], others[1])
    with pytest.raises(RateLimited):
        _flag(flaggers[0], others[2])


def test_threshold_of_distinct_people_hides_the_post(settings, reply_a, thread_a, flaggers):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "FLAGS_TO_HIDE": 3}
    replies_before = Thread.objects.get(pk=thread_a.pk).reply_count
    _flag(flaggers[0], thread_a, reply=reply_a)
    _flag(flaggers[1], thread_a, reply=reply_a)
    assert not Reply.objects.get(pk=reply_a.pk).is_hidden
    third = _flag(flaggers[2], thread_a, reply=reply_a)
    assert Reply.objects.get(pk=reply_a.pk).is_hidden
    assert third.hid_post
    assert Thread.objects.get(pk=thread_a.pk).reply_count == replies_before - 1
    automatic = Event.objects.get(verb=Verb.HID)
    assert automatic.actor is None and automatic.data == {"automatic": True, "flags": 3}


def test_threshold_setting_is_honoured(settings, thread_a, flaggers):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "FLAGS_TO_HIDE": 1}
    _flag(flaggers[0], thread_a)
    assert Thread.objects.get(pk=thread_a.pk).is_hidden


def test_dismissing_restores_an_auto_hidden_post(settings, thread_a, flaggers, mod_a):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "FLAGS_TO_HIDE": 2}
    _flag(flaggers[0], thread_a)
    _flag(flaggers[1], thread_a)
    thread = Thread.objects.select_related("space").get(pk=thread_a.pk)
    assert thread.is_hidden
    count = services.flags_resolve(
        moderator=mod_a, thread=thread, action="dismiss", note="Fair comment"
    )
    assert count == 2
    assert not Thread.objects.get(pk=thread_a.pk).is_hidden
    flags = Flag.objects.all()
    assert {f.resolution for f in flags} == {Resolution.DISMISSED}
    assert {f.resolved_by for f in flags} == {mod_a} and {f.note for f in flags} == {"Fair comment"}
    assert Event.objects.filter(verb=Verb.UNHID, actor=mod_a).exists()
    assert Event.objects.get(verb=Verb.RESOLVED_FLAG).data["resolution"] == "dismissed"


def test_hiding_resolves_flags_and_a_hidden_post_cannot_be_flagged(thread_a, flaggers, mod_a):
    _flag(flaggers[0], thread_a)
    services.post_hide(moderator=mod_a, thread=thread_a)
    assert Flag.objects.get().resolution == Resolution.HIDDEN
    with pytest.raises(NotFound):
        _flag(flaggers[1], thread_a)


def test_hiding_from_the_queue_resolves_every_open_flag(reply_a, thread_a, flaggers, mod_a):
    _flag(flaggers[0], thread_a, reply=reply_a)
    _flag(flaggers[1], thread_a, reply=reply_a, reason="offensive")
    count = services.flags_resolve(moderator=mod_a, thread=thread_a, reply=reply_a, action="hide")
    assert count == 2
    assert Reply.objects.get(pk=reply_a.pk).is_hidden
    assert not Flag.objects.open().exists()
    with pytest.raises(Conflict):
        services.flags_resolve(moderator=mod_a, thread=thread_a, reply=reply_a, action="hide")


def test_resolving_checks_the_action_and_note(thread_a, flaggers, mod_a):
    _flag(flaggers[0], thread_a)
    with pytest.raises(InvalidInput):
        services.flags_resolve(moderator=mod_a, thread=thread_a, action="delete")
    with pytest.raises(InvalidInput):
        services.flags_resolve(moderator=mod_a, thread=thread_a, action="hide", note="n" * 501)
    assert Flag.objects.open().count() == 1


def test_unhide_dismisses_open_flags_and_restores_the_reply_count(
    settings, reply_a, thread_a, flaggers, mod_a
):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "FLAGS_TO_HIDE": 1}
    count_before = Thread.objects.get(pk=thread_a.pk).reply_count
    _flag(flaggers[0], thread_a, reply=reply_a)
    reply = Reply.objects.get(pk=reply_a.pk)
    services.post_unhide(moderator=mod_a, thread=thread_a, reply=reply)
    assert not Reply.objects.get(pk=reply_a.pk).is_hidden
    assert Thread.objects.get(pk=thread_a.pk).reply_count == count_before
    assert Flag.objects.get().resolution == Resolution.DISMISSED
