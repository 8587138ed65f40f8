"""The edge rules for every signal, on event rows as the services record them."""

from datetime import UTC, datetime

import pytest

from groundswell.analytics.services.edges import edge_for

PEOPLE = {1: (1, "/1/2/"), 2: (3, "/1/2/"), 3: (3, "/1/5/")}
USERNAMES = {"ann": 1}
AT = datetime(2026, 3, 2, 12, tzinfo=UTC)


def _event(verb, actor=2, subject=1, object_type="threads.reply", kind="question", **data):
    return {
        "id": 9,
        "verb": verb,
        "actor_id": actor,
        "subject_id": subject,
        "object_type": object_type,
        "space_id": None,
        "topic_ids": [4, 3],
        "data": data,
        "created_at": AT,
        "thread__kind": kind,
    }


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (_event("accepted"), (1, 2, "up", False)),
        (_event("voted", value=1), (1, 2, "up", False)),
        (_event("voted", value=-1), None),
        (_event("voted", object_type="threads.thread", value=1), None),  # a question
        (
            _event("voted", object_type="threads.thread", kind="article", value=1),
            (1, 2, "up", False),
        ),
        (_event("marked_helpful", actor=1, subject=2), (2, 1, "down", False)),
        (_event("insight_status", to="acknowledged"), (1, 2, "up", False)),
        (_event("insight_status", to="actioned", actor=3), (1, 3, "up", True)),
        (_event("insight_status", to="declined"), None),
        (_event("edited_wiki", subject=None, base_editor=3), (3, 2, "across", True)),
        (_event("edited_wiki", base_editor="ann"), (1, 2, "up", False)),
        (_event("edited_wiki", base_editor=2), None),  # building on your own revision
        (_event("endorsed", actor=3, subject=2), (2, 3, "across", True)),
        (_event("accepted", actor=1, subject=1), None),  # accepting your own answer
        (_event("answered"), None),  # not a signal
        (_event("accepted", subject=None), None),
    ],
)
def test_edge_rules(event, expected):
    edge = edge_for(event, PEOPLE, USERNAMES)
    if expected is None:
        assert edge is None
        return
    assert (edge.source_id, edge.learner_id, edge.direction, edge.crosses_units) == expected
    assert edge.topic_ids == [3, 4]
    assert str(edge.day) == "2026-03-02"
