"""Moderation through notifications: the first flag and an automatic hide reach the space's
moderators; hiding and restoring reach the post's author, who alone sees those notices while
the post is hidden; nobody is ever named (flaggers, moderators, an anonymous asker)."""

import pytest
from django.core import mail

from groundswell.errors import RateLimited
from groundswell.moderation import services
from groundswell.notifications.models import Kind, Notification
from groundswell.notifications.selectors import notification_list, unread_count
from groundswell.notifications.services import digest_send, preference_set
from groundswell.spaces.models import Membership, Role
from tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def three_flags_hide(settings):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "FLAGS_TO_HIDE": 3}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the block, then what it queued after commit (fan-out, then emails)."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def owner_a(space_a):
    person = PersonFactory(username="owner-a", display_name="Owen Owner")
    MembershipFactory(space=space_a, person=person, role=Role.OWNER)
    return person


def _flag(person, thread, reply=None, reason="spam"):
    return services.flag_create(flagger=person, thread=thread, reply=reply, reason=reason)


def _kinds(person) -> list[str]:
    return list(
        Notification.objects.filter(recipient=person).order_by("id").values_list("kind", flat=True)
    )


def _visible(person) -> list[Notification]:
    return list(notification_list(person, per_page=50).items)


def _outbox_for(person):
    return [message for message in mail.outbox if message.to == [person.email]]


# --------------------------------------------------------------------------------------------
# Moderators hear about flags


def test_the_first_flag_reaches_the_spaces_moderators_and_owners_only(
    committed, thread_a, flaggers, author, mod_a, owner_a, mod_b, admin
):
    with committed():
        _flag(flaggers[0], thread_a, reason="offensive")
    for moderator in (mod_a, owner_a):
        [notification] = _visible(moderator)
        assert notification.kind == Kind.POST_FLAGGED
        assert notification.summary == "A post in Depot A was flagged for review"
        assert notification.target_url == "/moderation/?space=depot-a"
        assert notification.actor is None  # the flagger is not named
        assert notification.reason == "You moderate Depot A."
    # Administrators who do not moderate the space would drown: not told. Nor the flagger,
    # the author (who must not learn of flags before a decision), or other spaces' moderators.
    for person in (admin, flaggers[0], author, mod_b, flaggers[1]):
        assert _kinds(person) == []


def test_later_flags_add_nothing_until_the_flags_are_resolved(committed, thread_a, flaggers, mod_a):
    with committed():
        _flag(flaggers[0], thread_a)
        _flag(flaggers[1], thread_a)
    assert _kinds(mod_a) == [Kind.POST_FLAGGED]
    services.flags_resolve(moderator=mod_a, thread=thread_a, action="dismiss")
    with committed():
        _flag(flaggers[2], thread_a)  # a new first flag: a new review
    assert _kinds(mod_a) == [Kind.POST_FLAGGED, Kind.POST_FLAGGED]


def test_a_moderator_who_flags_is_not_told_of_their_own_flag(
    committed, thread_a, reply_a, mod_a, owner_a
):
    with committed():
        _flag(mod_a, thread_a, reply=reply_a)
    assert _kinds(mod_a) == []
    [notification] = _visible(owner_a)
    assert notification.reply_id == reply_a.pk


def test_an_administrator_who_moderates_the_space_is_told(committed, thread_a, flaggers, admin):
    MembershipFactory(space=thread_a.space, person=admin, role=Role.MODERATOR)
    with committed():
        _flag(flaggers[0], thread_a)
    assert _kinds(admin) == [Kind.POST_FLAGGED]


def test_the_moderator_fan_out_is_capped(settings, committed, thread_a, flaggers, space_a):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "MAX_NOTIFICATION_FANOUT": 2}
    moderators = [PersonFactory(username=f"mod{i}") for i in range(4)]
    for person in moderators:
        MembershipFactory(space=space_a, person=person, role=Role.MODERATOR)
    with committed():
        _flag(flaggers[0], thread_a)
    assert Notification.objects.filter(kind=Kind.POST_FLAGGED).count() == 2


def test_moderators_are_not_emailed_at_once_but_their_digest_names_no_post_text(
    committed, thread_a, flaggers, mod_a
):
    with committed():
        _flag(flaggers[0], thread_a)
    assert _outbox_for(mod_a) == []
    preference_set(person=mod_a, email="daily")
    assert digest_send(person=mod_a, period="daily") == "sent"
    [digest] = _outbox_for(mod_a)
    assert "A post in Depot A was flagged for review" in digest.body
    assert "Who covers nights?" not in digest.body  # flagged text is not mailed around
    assert flaggers[0].name not in digest.body


# --------------------------------------------------------------------------------------------
# Hidden by flags: the author and the moderators


def test_an_automatic_hide_tells_the_author_and_the_moderators(
    committed, thread_a, reply_a, flaggers, mod_a, owner_a
):
    with committed():
        for person in flaggers[:3]:
            _flag(person, thread_a, reply=reply_a)
    reply_author = flaggers[3]
    [hidden] = _visible(reply_author)
    assert hidden.kind == Kind.POST_HIDDEN and hidden.actor is None
    assert hidden.summary == "Your reply was hidden after several flags until moderators review it"
    assert hidden.target_url == f"{thread_a.get_absolute_url()}#my-hidden-replies"
    for moderator in (mod_a, owner_a):
        kinds = [n.kind for n in _visible(moderator)]
        # Still shown although the reply is now hidden: they moderate the space.
        assert sorted(kinds) == sorted([Kind.POST_FLAGGED, Kind.POST_AUTO_HIDDEN])
    # The flaggers were not told of a decision they caused, and are never named.
    for person in flaggers[:3]:
        assert _kinds(person) == []


def test_opening_the_notice_shows_the_author_their_hidden_reply(
    committed, client_as, thread_a, reply_a, flaggers
):
    with committed():
        for person in flaggers[:3]:
            _flag(person, thread_a, reply=reply_a)
    client = client_as(flaggers[3])
    [notification] = _visible(flaggers[3])
    opened = client.get(notification.get_absolute_url(), follow=True)
    assert opened.status_code == 200
    page = opened.content.decode()
    assert "Moderators hid your reply here" in page and "Rude words here." in page
    listing = client.get("/notifications/").content.decode()
    assert "Your reply was hidden" in listing
    for person in flaggers[:3]:
        assert person.name not in listing and person.username not in listing


# --------------------------------------------------------------------------------------------
# A moderator hides and restores: the author hears, with a category, never a name


def test_hiding_tells_the_author_the_reason_category_and_emails_them(
    committed, thread_a, flaggers, author, mod_a
):
    with committed():
        _flag(flaggers[0], thread_a)
    mail.outbox.clear()
    with committed():
        services.post_hide(
            moderator=mod_a, thread=thread_a, note="Flagged by flagger0 again", reason="spam"
        )
    [notification] = _visible(author)
    assert notification.kind == Kind.POST_HIDDEN
    assert notification.summary == "Your thread was hidden by moderators (spam or advertising)"
    assert notification.actor is None
    # Their hidden thread's address shows them the notice.
    assert notification.target_url == thread_a.get_absolute_url()
    [email] = _outbox_for(author)
    assert "Your thread was hidden by moderators" in email.subject
    for text in (email.body, email.alternatives[0][0]):
        assert "flagger0" not in text.lower() and mod_a.name not in text
        assert "Flagged by" not in text  # the audit note stays in the audit log
    assert unread_count(author) == 1


def test_resolving_flags_by_hiding_carries_the_reason(committed, thread_a, flaggers, author, mod_a):
    _flag(flaggers[0], thread_a)
    with committed():
        services.flags_resolve(moderator=mod_a, thread=thread_a, action="hide", reason="off_topic")
    [notification] = _visible(author)
    assert notification.summary == "Your thread was hidden by moderators (off-topic)"


def test_hiding_without_a_reason_and_an_unknown_reason(committed, thread_a, author, mod_a):
    from groundswell.errors import InvalidInput

    with pytest.raises(InvalidInput):
        services.post_hide(moderator=mod_a, thread=thread_a, reason="because")
    with committed():
        services.post_hide(moderator=mod_a, thread=thread_a)
    [notification] = _visible(author)
    assert notification.summary == "Your thread was hidden by moderators"


def test_restoring_tells_the_author(committed, thread_a, reply_a, flaggers, author, mod_a):
    with committed():
        services.post_hide(moderator=mod_a, thread=thread_a, reply=reply_a)
        services.post_unhide(moderator=mod_a, thread=thread_a, reply=reply_a)
    kinds = [n.kind for n in _visible(flaggers[3])]
    assert sorted(kinds) == sorted([Kind.POST_HIDDEN, Kind.POST_RESTORED])
    restored = next(n for n in _visible(flaggers[3]) if n.kind == Kind.POST_RESTORED)
    assert restored.summary == "Your reply was restored by moderators"
    assert restored.target_url.endswith(f"#reply-{reply_a.pk}")
    assert len(_outbox_for(flaggers[3])) == 2
    assert _kinds(author) == []  # the thread's author is not told about the reply's fate


def test_dismissing_flags_that_hid_a_post_tells_the_author_it_is_back(
    committed, thread_a, flaggers, author, mod_a
):
    with committed():
        for person in flaggers[:3]:
            _flag(person, thread_a)
        services.flags_resolve(moderator=mod_a, thread=thread_a, action="dismiss")
    assert sorted(_kinds(author)) == sorted([Kind.POST_HIDDEN, Kind.POST_RESTORED])


# --------------------------------------------------------------------------------------------
# Nobody but the author sees a notice about a hidden post


def test_a_member_who_is_not_the_author_never_sees_the_notice(
    committed, client_as, api_as, thread_a, reply_a, flaggers, author, mod_a
):
    with committed():
        services.post_hide(moderator=mod_a, thread=thread_a, reply=reply_a, reason="offensive")
    [notice] = Notification.objects.filter(kind=Kind.POST_HIDDEN)
    # Even a row addressed to someone else (a bug, a data fix gone wrong) stays invisible.
    for other in (author, flaggers[0]):
        stray = Notification.objects.create(
            recipient=other,
            kind=Kind.POST_HIDDEN,
            event=notice.event,
            thread=thread_a,
            reply=reply_a,
            space=thread_a.space,
            created_at=notice.created_at,
        )
        assert stray.pk not in [n.pk for n in _visible(other)]
        listing = client_as(other).get("/notifications/").content.decode()
        assert "hidden by moderators" not in listing
        api = api_as(other).get("/notifications").json()
        assert all(item["kind"] != Kind.POST_HIDDEN for item in api["items"])
        assert client_as(other).get(stray.get_absolute_url()).status_code == 404


def test_the_notice_goes_when_the_author_loses_access_to_the_space(
    committed, thread_a, author, mod_a
):
    with committed():
        services.post_hide(moderator=mod_a, thread=thread_a)
    assert len(_visible(author)) == 1
    Membership.objects.filter(person=author, space=thread_a.space).delete()
    assert _visible(author) == []


def test_a_review_notice_goes_when_the_moderator_steps_down(committed, thread_a, flaggers, mod_a):
    with committed():
        _flag(flaggers[0], thread_a)
    assert len(_visible(mod_a)) == 1
    Membership.objects.filter(person=mod_a).update(role=Role.MEMBER)
    assert _visible(mod_a) == []


def test_the_api_shows_the_notice_to_the_author(committed, api_as, thread_a, author, mod_a):
    with committed():
        services.post_hide(moderator=mod_a, thread=thread_a, reason="private_information")
    [item] = api_as(author).get("/notifications").json()["items"]
    assert item["kind"] == "post_hidden"
    assert item["actor"] is None
    assert item["summary"] == "Your thread was hidden by moderators (private information)"
    assert item["thread"]["id"] == thread_a.pk


def test_moderators_hide_with_a_reason_through_the_api(committed, api_as, thread_a, author, mod_a):
    with committed():
        response = api_as(mod_a).post(
            f"/moderation/threads/{thread_a.pk}/hide", {"note": "n", "reason": "offensive"}
        )
    assert response.status_code == 200
    [notification] = _visible(author)
    assert notification.summary.endswith("(offensive or abusive)")


def test_the_queue_form_sends_the_reason(committed, client_as, thread_a, flaggers, author, mod_a):
    _flag(flaggers[0], thread_a)
    with committed():
        response = client_as(mod_a).post(
            f"/moderation/threads/{thread_a.pk}/resolve/", {"action": "hide", "reason": "spam"}
        )
    assert response.status_code == 302
    assert "(spam or advertising)" in _visible(author)[0].summary


# --------------------------------------------------------------------------------------------
# The flag limit speaks for itself


def test_the_flag_limit_has_its_own_message(settings, thread_a, reply_a, flaggers):
    limits = {**settings.GROUNDSWELL["RATE_LIMITS"], "flagging": (1, 3600)}
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "RATE_LIMITS": limits}
    _flag(flaggers[0], thread_a)
    with pytest.raises(RateLimited) as error:
        _flag(flaggers[0], thread_a, reply=reply_a)
    assert error.value.message.startswith("You have flagged many posts in a short time")
    assert "Too many attempts" not in error.value.message
