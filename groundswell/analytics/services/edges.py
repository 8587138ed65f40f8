"""Which events are knowledge transfers, and the edge each one makes.

Rules (docs/performance.md "Analytics" repeats them):
- accepted: the accepted answer's author (subject) → the asker (actor);
- voted +1 on someone else's reply or article: its author (subject) → the voter;
- marked helpful: subject → actor;
- insight status to acknowledged/actioned: the reporter (subject) → the manager (actor);
- wiki edit building on another person's revision: data.base_editor → the editor;
- endorsement: the endorsed person (subject) → the endorser.
A withdrawn vote or acceptance does not remove the edge: the learning happened.
"""

from datetime import UTC

from groundswell.activity.models import Verb
from groundswell.analytics.models import NO_SPACE, Direction, KnowledgeTransfer

SIGNAL_VERBS = (
    Verb.ACCEPTED,
    Verb.VOTED,
    Verb.MARKED_HELPFUL,
    Verb.INSIGHT_STATUS,
    Verb.EDITED_WIKI,
    Verb.ENDORSED,
)
INSIGHT_LEARNED = {"acknowledged", "actioned"}
# Fields `edge_for` reads, so a batch can fetch events with `.values(*EVENT_FIELDS)`.
EVENT_FIELDS = (
    "id",
    "verb",
    "actor_id",
    "subject_id",
    "object_type",
    "space_id",
    "topic_ids",
    "data",
    "created_at",
    "thread__kind",
)


def direction_of(source_level: int, learner_level: int) -> str:
    if source_level < learner_level:
        return Direction.UP
    if source_level > learner_level:
        return Direction.DOWN
    return Direction.ACROSS


def _source_id(event: dict, usernames: dict) -> int | None:
    verb, data = event["verb"], event["data"] or {}
    if verb == Verb.VOTED:
        on_reply = event["object_type"] == "threads.reply"
        on_article = event["object_type"] == "threads.thread" and event["thread__kind"] == "article"
        return event["subject_id"] if data.get("value") == 1 and (on_reply or on_article) else None
    if verb == Verb.INSIGHT_STATUS:
        return event["subject_id"] if data.get("to") in INSIGHT_LEARNED else None
    if verb == Verb.EDITED_WIKI:
        base = data.get("base_editor")
        # Written by the wiki service; accept an id or a username, whichever it records.
        return usernames.get(base) if isinstance(base, str) else base
    return event["subject_id"]


def edge_for(event: dict, people: dict, usernames: dict) -> KnowledgeTransfer | None:
    """The transfer an event (a dict of EVENT_FIELDS) makes, or None. `people` maps person id
    → (level, unit path); `usernames` maps username → id (for wiki base editors)."""
    if event["verb"] not in SIGNAL_VERBS:
        return None
    source_id, learner_id = _source_id(event, usernames), event["actor_id"]
    if source_id is None or learner_id is None or source_id == learner_id:
        return None
    if source_id not in people or learner_id not in people:
        return None
    (source_level, source_path), (learner_level, learner_path) = (
        people[source_id],
        people[learner_id],
    )
    created_at = event["created_at"]
    return KnowledgeTransfer(
        event_id=event["id"],
        signal=event["verb"],
        source_id=source_id,
        learner_id=learner_id,
        source_level=source_level,
        learner_level=learner_level,
        source_unit_path=source_path,
        learner_unit_path=learner_path,
        direction=direction_of(source_level, learner_level),
        crosses_units=source_path != learner_path,
        space_id_value=event["space_id"] or NO_SPACE,
        topic_ids=sorted(event["topic_ids"] or []),
        created_at=created_at,
        day=created_at.astimezone(UTC).date(),
    )
