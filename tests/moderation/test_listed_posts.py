"""Flag and moderator buttons where posts are shown outside the thread page: ask-leadership
questions, AMA sessions and articles. Anonymous questions can be flagged, and neither the
buttons nor the notifications that follow ever name the asker."""

import pytest

from groundswell.leadership import services as leadership
from groundswell.learning.articles import services as articles
from groundswell.moderation import services
from groundswell.moderation.models import Flag
from groundswell.notifications.models import Kind, Notification
from groundswell.notifications.selectors import notification_list
from groundswell.spaces.models import Role
from groundswell.threads import services as threads
from tests.factories import MembershipFactory
from tests.leadership.conftest import (  # noqa: F401 - fixtures
    CANARY_NAME,
    CANARY_USERNAME,
    asker,
    colleague,
    leader,
    leadership_space,
    org,
    owner,
    session,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def anonymous_question(leadership_space, asker):  # noqa: F811
    return leadership.leadership_question_ask(
        author=asker,
        space=leadership_space,
        title="Why did the night shift change?",
        body="Nobody asked us.",
        anonymous=True,
    )


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _flag_action(thread) -> str:
    return f'action="/moderation/threads/{thread.pk}/flag/"'


def test_leadership_questions_can_be_flagged_and_hidden_from_the_list(
    client_as,
    anonymous_question,
    leadership_space,  # noqa: F811
    asker,  # noqa: F811
    colleague,  # noqa: F811
    owner,  # noqa: F811
):
    url = f"/leadership/{leadership_space.slug}/"
    assert _flag_action(anonymous_question) in _page(client_as(colleague), url)
    # Never your own post (only the asker sees this button missing).
    assert _flag_action(anonymous_question) not in _page(client_as(asker), url)
    owners_page = _page(client_as(owner), url)
    assert f"/moderation/threads/{anonymous_question.pk}/hide/" in owners_page
    assert f"/moderation/threads/{anonymous_question.pk}/hide/" not in _page(
        client_as(colleague), url
    )
    for page in (owners_page, _page(client_as(colleague), url)):
        assert CANARY_NAME not in page and CANARY_USERNAME not in page


def test_flagging_an_anonymous_question_never_names_its_asker(
    committed,
    client_as,
    api_as,
    anonymous_question,
    leadership_space,  # noqa: F811
    asker,  # noqa: F811
    colleague,  # noqa: F811
    owner,  # noqa: F811
):
    with committed():
        response = client_as(colleague).post(
            f"/moderation/threads/{anonymous_question.pk}/flag/", {"reason": "offensive"}
        )
    assert response.status_code == 302
    assert Flag.objects.filter(thread=anonymous_question, flagger=colleague).exists()
    [notification] = notification_list(owner).items
    assert notification.kind == Kind.POST_FLAGGED and notification.actor is None
    listing = _page(client_as(owner), "/notifications/")
    api = api_as(owner).get("/notifications").content.decode()
    for text in (listing, api, notification.summary, notification.reason):
        assert CANARY_NAME not in text and CANARY_USERNAME not in text
    # The asker hears only of the moderators' decision.
    assert not Notification.objects.filter(recipient=asker).exists()
    with committed():
        services.post_hide(moderator=owner, thread=anonymous_question, reason="offensive")
    [hidden] = notification_list(asker).items
    assert hidden.kind == Kind.POST_HIDDEN
    assert hidden.summary == "Your thread was hidden by moderators (offensive or abusive)"
    assert "hid this post" in _page(client_as(asker), hidden.target_url)
    assert list(notification_list(colleague).items) == []


def test_ama_questions_and_answers_have_flag_buttons(
    client_as,
    session,  # noqa: F811
    leader,  # noqa: F811
    colleague,  # noqa: F811
    asker,  # noqa: F811
):
    question = leadership.ama_question_ask(
        author=asker, session=session, title="Peak overtime?", anonymous=True
    )
    answer = leadership.ama_answer(host=leader, thread=question, body="Paid double.")
    page = _page(client_as(colleague), session.get_absolute_url())
    assert _flag_action(question) in page
    assert f'action="/moderation/replies/{answer.pk}/flag/"' in page
    assert CANARY_NAME not in page
    services.flag_create(flagger=colleague, thread=question, reply=answer, reason="other")
    assert "You flagged this" in _page(client_as(colleague), session.get_absolute_url())


def test_articles_and_comments_have_flag_and_moderator_buttons(
    client_as, space_b, author, flaggers, mod_b
):
    article = articles.article_create(
        author=author,
        space=space_b,
        title="Loading bay safety",
        body="Chock the wheels.",
        publish=True,
    )
    comment = threads.reply_create(author=flaggers[0], thread=article, body="Buy my gloves!")
    url = f"/learning/articles/{article.pk}/"
    members_page = _page(client_as(flaggers[1]), url)
    assert _flag_action(article) in members_page
    assert f'action="/moderation/replies/{comment.pk}/flag/"' in members_page
    assert f"/moderation/replies/{comment.pk}/hide/" not in members_page
    assert f"/moderation/replies/{comment.pk}/hide/" in _page(client_as(mod_b), url)
    services.post_hide(moderator=mod_b, thread=article, reply=comment)
    # The comment's author is told on the article page; the others no longer see it.
    assert "Moderators hid your reply here" in _page(client_as(flaggers[0]), url)
    assert "Buy my gloves!" not in _page(client_as(flaggers[1]), url)


def test_a_moderator_role_shows_the_buttons_on_the_leadership_page(
    client_as,
    anonymous_question,
    leadership_space,  # noqa: F811
    colleague,  # noqa: F811
):
    url = f"/leadership/{leadership_space.slug}/"
    assert "/hide/" not in _page(client_as(colleague), url)
    MembershipFactory(space=leadership_space, person=colleague, role=Role.MODERATOR)
    assert f"/moderation/threads/{anonymous_question.pk}/lock/" in _page(client_as(colleague), url)
