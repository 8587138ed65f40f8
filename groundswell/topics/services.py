"""Topics are created on first use by anyone; no topic needs approval."""

from django.conf import settings
from django.db import IntegrityError, transaction

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.errors import InvalidInput
from groundswell.topics.models import Topic, normalise_topic_name


def parse_topic_names(raw) -> list[str]:
    """Accept "a, b c" from a form field or a list from the API; normalise and de-duplicate."""
    parts = raw.replace(",", " ").split() if isinstance(raw, str) else list(raw or [])
    names: list[str] = []
    for part in parts:
        if not isinstance(part, str):
            raise InvalidInput("Topics are words.", field="topics")
        name = normalise_topic_name(part)
        if name and name not in names:
            names.append(name)
    limit = settings.GROUNDSWELL["MAX_TOPICS_PER_THREAD"]
    if len(names) > limit:
        raise InvalidInput(f"Use at most {limit} topics.", field="topics")
    return names


@transaction.atomic
def topics_resolve(*, person, names: list[str]) -> list[Topic]:
    """The topics with these (normalised) names, creating the missing ones for `person`."""
    found = {t.name: t for t in Topic.objects.filter(name__in=names)}
    for name in names:
        if name in found:
            continue
        try:
            with transaction.atomic():
                topic = Topic.objects.create(name=name, created_by=person)
        except IntegrityError:  # created by someone else a moment ago
            topic = Topic.objects.get(name=name)
        else:
            event_record(actor=person, verb=Verb.CREATED_TOPIC, target=topic, topic_ids=[topic.pk])
        found[name] = topic
    return [found[name] for name in names]
