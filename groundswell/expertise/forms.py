"""Parsing what the endorsement form posts."""

from groundswell.errors import InvalidInput
from groundswell.topics.models import normalise_topic_name


def parse_endorsement(data) -> tuple[bool, str]:
    """(adding?, normalised topic name) from `action=add|remove` and `topic`."""
    action = data.get("action", "add")
    if action not in ("add", "remove"):
        raise InvalidInput("Unknown action.", field="action")
    name = normalise_topic_name(data.get("topic", "")[:100])
    if not name:
        raise InvalidInput("Name a topic to endorse them on.", field="topic")
    return action == "add", name
