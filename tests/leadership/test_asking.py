"""Ask leadership: who may ask (the unit's subtree), who answers, ordering by votes."""

import pytest

from groundswell.errors import Forbidden
from groundswell.leadership import permissions, selectors, services
from groundswell.people.models import Level, OrgUnit
from groundswell.spaces.models import SpaceKind
from groundswell.threads import services as threads
from tests.factories import PersonFactory, SpaceFactory


def _ask(person, space, title="Why the new rota?", **kwargs):
    return services.leadership_question_ask(author=person, space=space, title=title, **kwargs)


def test_people_in_the_unit_subtree_may_ask(leadership_space, asker, leader):
    thread = _ask(asker, leadership_space)
    assert thread.is_question and thread.space == leadership_space
    assert permissions.can_ask_leadership(leader, leadership_space)


def test_people_outside_the_unit_may_not_ask(leadership_space, southerner):
    assert not permissions.can_ask_leadership(southerner, leadership_space)
    with pytest.raises(Forbidden):
        _ask(southerner, leadership_space)


def test_people_without_a_unit_may_not_ask(leadership_space):
    with pytest.raises(Forbidden):
        _ask(PersonFactory(), leadership_space)


def test_leaders_are_owners_moderators_and_managers_of_the_unit_or_above(
    org, leadership_space, leader, owner, colleague
):
    director = PersonFactory(org_unit=org["root"], level=Level.DIRECTOR)
    depot_manager = PersonFactory(org_unit=org["depot"], level=Level.MANAGER)
    south_manager = PersonFactory(org_unit=org["south"], level=Level.MANAGER)
    for someone in (leader, owner, director):
        assert permissions.is_leader(someone, leadership_space), someone
    for someone in (colleague, depot_manager, south_manager):
        assert not permissions.is_leader(someone, leadership_space), someone
    assert selectors.leader_ids(leadership_space) == {leader.pk, owner.pk, director.pk}


def test_leaders_answer_in_public_and_others_cannot_use_the_leader_answer(
    leadership_space, asker, leader, colleague
):
    thread = _ask(asker, leadership_space)
    reply = services.leadership_answer(leader=leader, thread=thread, body="Because of peak.")
    assert reply.thread == thread
    with pytest.raises(Forbidden):
        services.leadership_answer(leader=colleague, thread=thread, body="I think…")
    row = selectors.leadership_questions(colleague, leadership_space).items[0]
    assert row.leadership_answers == [reply]


def test_questions_are_ordered_by_votes(leadership_space, asker, colleague, leader):
    low = _ask(asker, leadership_space, title="Low")
    high = _ask(colleague, leadership_space, title="High")
    threads.vote_cast(person=leader, thread=high, value=1)
    threads.vote_cast(person=asker, thread=high, value=1)
    threads.vote_cast(person=leader, thread=low, value=1)
    titles = [r.thread.title for r in selectors.leadership_questions(leader, leadership_space)]
    assert titles == ["High", "Low"]


def test_the_page_asks_and_lists_by_votes_and_marks_leadership_answers(
    client, leadership_space, asker, leader
):
    client.force_login(asker)
    response = client.post(
        f"/leadership/{leadership_space.slug}/",
        {"title": "Will we get new vans?", "body": "The old ones leak."},
    )
    assert response.status_code == 302
    thread = leadership_space.threads.get()
    services.leadership_answer(leader=leader, thread=thread, body="Yes, in spring.")
    page = client.get(f"/leadership/{leadership_space.slug}/").content.decode()
    assert "Will we get new vans?" in page and "Leadership answer" in page
    assert "Yes, in spring." in page
    detail = client.get(thread.get_absolute_url()).content.decode()
    assert "Leadership answer" in detail


def test_the_answer_form_shows_to_leaders_only(client, leadership_space, asker, leader):
    _ask(asker, leadership_space)
    client.force_login(asker)
    assert b"Post answer" not in client.get(f"/leadership/{leadership_space.slug}/").content
    client.force_login(leader)
    response = client.get(f"/leadership/{leadership_space.slug}/")
    assert b"Post answer" in response.content
    thread = leadership_space.threads.get()
    answered = client.post(f"/leadership/questions/{thread.pk}/answer/", {"body": "Soon."})
    assert answered.status_code == 302
    assert thread.replies.get().author == leader


def test_an_outsider_gets_no_ask_form_and_a_403_when_posting(client, leadership_space, southerner):
    client.force_login(southerner)
    page = client.get(f"/leadership/{leadership_space.slug}/")
    assert page.status_code == 200 and b"Ask your leadership" not in page.content
    response = client.post(f"/leadership/{leadership_space.slug}/", {"title": "Hello?"})
    assert response.status_code == 403
    assert not leadership_space.threads.exists()


def test_leadership_space_ensure_is_idempotent(org, admin_person, leader):
    space, created = services.leadership_space_ensure(org_unit=org["south"], owner=None)
    again, created_again = services.leadership_space_ensure(org_unit=org["south"])
    assert created and not created_again and again == space
    assert space.kind == "leadership" and space.org_unit == org["south"]


def test_the_index_lists_leadership_spaces(client, leadership_space, colleague):
    client.force_login(colleague)
    response = client.get("/leadership/")
    assert response.status_code == 200 and leadership_space.name.encode() in response.content


def test_the_command_creates_a_units_leadership_space_once(org, admin_person, leader):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("leadership_space", unit=org["south"].pk, owner=leader.username, stdout=out)
    call_command("leadership_space", unit=org["south"].pk, stdout=out)
    assert "Created" in out.getvalue() and "Exists" in out.getvalue()
    space = org["south"].spaces.get()
    assert permissions.is_leader(leader, space)  # the owner answers there


def test_the_generic_new_thread_path_also_keeps_outsiders_of_the_unit_out(db):
    """thread_create itself refuses, so no form or API route can go around the rule."""
    north = OrgUnit.objects.create(name="North", code="north-x")
    south = OrgUnit.objects.create(name="South", code="south-x")
    space = SpaceFactory(kind=SpaceKind.LEADERSHIP, org_unit=north, slug="ask-north-x")
    southerner = PersonFactory(org_unit=south)
    northerner = PersonFactory(org_unit=north)
    with pytest.raises(Forbidden):
        threads.thread_create(
            author=southerner, space=space, kind="question", title="Why?", body=""
        )
    assert threads.thread_create(
        author=northerner, space=space, kind="question", title="Why?", body=""
    )
