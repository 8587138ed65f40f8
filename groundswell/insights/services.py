"""Writes on insights: report, triage (status, response, assignment), corroborate, merge.

Each service is one transaction and records an activity Event. On a status change the event's
actor is the manager and its subject the reporter, so analytics can count an acknowledged or
actioned insight as knowledge flowing up from reporter to manager.
"""

import importlib

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.analytics.tasks import analytics_after_commit
from groundswell.errors import Conflict, Forbidden, InvalidInput, NotFound
from groundswell.insights import inbox, permissions
from groundswell.insights.clustering import cluster_assign
from groundswell.insights.models import (
    TRANSITIONS,
    Corroboration,
    Insight,
    InsightCategory,
    InsightUpdate,
    Status,
)
from groundswell.insights.photos import photo_type
from groundswell.insights.rollups import insight_counted
from groundswell.notifications.services import notify_after_commit
from groundswell.people.models import OrgUnit
from groundswell.topics.services import parse_topic_names, topics_resolve

MAX_TEXT = 2000


def routing_depth() -> int:
    """How many steps up the reporting line an insight is routed (setting
    GROUNDSWELL["INSIGHT_ROUTING_DEPTH"], default 3)."""
    return int(settings.GROUNDSWELL.get("INSIGHT_ROUTING_DEPTH", 3))


def manager_chain(person) -> list:
    """The person's manager, their manager… up to the routing depth, without loops."""
    chain, seen, current = [], {person.pk}, person
    for _ in range(routing_depth()):
        manager = current.manager
        if manager is None or manager.pk in seen or not manager.is_active:
            break
        chain.append(manager)
        seen.add(manager.pk)
        current = manager
    return chain


def unit_leaders(person) -> list:
    """Leaders of the person's unit and of the units above it, nearest first, at most
    `routing_depth()` units (the own unit counts as the first step, as the line manager does
    in the chain). Inactive leaders are skipped."""
    unit = person.org_unit
    if unit is None:
        return []
    unit_ids = list(reversed(unit.ancestor_ids()))[: routing_depth()]
    units = OrgUnit.objects.filter(
        pk__in=unit_ids, leader__isnull=False, leader__is_active=True
    ).select_related("leader")
    leader_of = {u.pk: u.leader for u in units}
    return [leader_of[pk] for pk in unit_ids if pk in leader_of]


def routing_recipients(person) -> list:
    """Everyone an insight from this person is routed to: the manager chain, then the unit
    leaders; never the reporter themself, no one twice."""
    routed, seen = [], {person.pk}
    for manager in [*manager_chain(person), *unit_leaders(person)]:
        if manager.pk not in seen:
            routed.append(manager)
            seen.add(manager.pk)
    return routed


def _clean_text(text: str, *, field: str = "text", required: bool = True) -> str:
    text = (text or "").strip()
    if required and not text:
        raise InvalidInput("Say what you saw.", field=field)
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"Keep it under {MAX_TEXT} characters.", field=field)
    return text


def category_get(slug: str) -> InsightCategory:
    category = InsightCategory.objects.filter(slug=slug, is_active=True).first()
    if category is None:
        raise InvalidInput("Choose a category from the list.", field="category")
    return category


@transaction.atomic
def insight_report(
    *,
    reporter,
    text: str,
    category: str,
    location: str = "",
    confidential: bool = False,
    topics=(),
    photo=None,
    at=None,
) -> Insight:
    """Report a field insight, routed to the reporter's manager chain and unit leaders (who
    are notified once it commits)."""
    text = _clean_text(text)
    found = category_get(category)
    location = (location or "").strip()[:150] or reporter.location
    names = parse_topic_names(topics)
    now = at or timezone.now()
    insight = Insight(
        reporter=reporter,
        text=text,
        category=found,
        location=location,
        confidential=bool(confidential),
        org_unit=reporter.org_unit,
        category_weight=found.weight,
        created_at=now,
        status_changed_at=now,
    )
    if photo is not None:
        content_type, extension = photo_type(photo)
        insight.photo_type = content_type
        # The stored name is ours, never the uploader's.
        insight.photo.save(f"photo.{extension}", photo, save=False)
    insight.save()
    routed = routing_recipients(reporter)
    insight.routed_managers.set(routed)
    inbox.entries_create(insight, routed)
    viewer_ids = sorted({reporter.pk, *(manager.pk for manager in routed)})
    insight_counted(insight, viewer_ids)
    if names:
        insight.topics.set(topics_resolve(person=reporter, names=names))
    event = event_record(
        actor=reporter,
        verb=Verb.REPORTED_INSIGHT,
        target=insight,
        topic_ids=[t.pk for t in insight.topics.all()] if names else [],
        data={"category": found.slug, "confidential": insight.confidential},
        at=now,
    )
    notify_after_commit(event)
    cluster_assign(insight, viewer_ids=viewer_ids)
    return insight


def _locked(insight: Insight) -> Insight:
    return Insight.objects.select_for_update().get(pk=insight.pk)


def _ensure_triage(person, insight: Insight) -> None:
    if not permissions.can_triage(person, insight):
        raise Forbidden("Only the managers this insight was routed to can do this.")


@transaction.atomic
def insight_change_status(
    *, person, insight: Insight, status: str, message: str = "", expected_status: str | None = None
) -> Insight:
    """Move an insight along the workflow with a message to the reporter.

    `expected_status` is the status the manager saw: if someone changed it meanwhile the
    change is refused (Conflict) instead of silently overwriting their response."""
    _ensure_triage(person, insight)
    message = _clean_text(message, field="message", required=False)
    locked = _locked(insight)
    if expected_status and locked.status != expected_status:
        raise Conflict(
            f"Someone changed this insight to “{locked.get_status_display()}” meanwhile; "
            "reload to see their response.",
            field="status",
        )
    if status not in Status.values:
        raise InvalidInput("Unknown status.", field="status")
    if status not in TRANSITIONS[locked.status]:
        allowed = ", ".join(Status(s).label for s in sorted(TRANSITIONS[locked.status])) or "none"
        raise InvalidInput(
            f"An insight that is {Status(locked.status).label.lower()} cannot become "
            f"{Status(status).label.lower()} (allowed: {allowed}).",
            field="status",
        )
    now = timezone.now()
    previous = locked.status
    locked.status = status
    locked.status_changed_at = now
    locked.save(update_fields=["status", "status_changed_at"])
    inbox.entries_status(locked)
    update = InsightUpdate.objects.create(
        insight=locked,
        author=person,
        from_status=previous,
        to_status=status,
        message=message,
        created_at=now,
    )
    event = event_record(
        actor=person,
        verb=Verb.INSIGHT_STATUS,
        target=locked,
        subject=locked.reporter,
        data={"from": previous, "to": status, "update": update.pk},
        at=now,
    )
    analytics_after_commit(event)
    notify_after_commit(event)
    return locked


@transaction.atomic
def insight_respond(*, person, insight: Insight, message: str) -> InsightUpdate:
    """A message to the reporter without a status change (the reporter is notified)."""
    _ensure_triage(person, insight)
    message = _clean_text(message, field="message")
    locked = _locked(insight)
    now = timezone.now()
    update = InsightUpdate.objects.create(
        insight=locked, author=person, message=message, created_at=now
    )
    event = event_record(
        actor=person,
        verb=Verb.RESPONDED_INSIGHT,
        target=locked,
        subject=locked.reporter,
        data={"update": update.pk},
        at=now,
    )
    notify_after_commit(event)
    return update


@transaction.atomic
def insight_assign(*, person, insight: Insight, assignee) -> Insight:
    """Give the insight to one of its routed managers (or an administrator)."""
    _ensure_triage(person, insight)
    if assignee is not None and not permissions.can_triage(assignee, insight):
        raise InvalidInput("Assign it to one of the managers it was routed to.", field="assignee")
    locked = _locked(insight)
    locked.assignee = assignee
    locked.save(update_fields=["assignee"])
    event = event_record(
        actor=person, verb=Verb.ASSIGNED_INSIGHT, target=locked, subject=assignee, data={}
    )
    notify_after_commit(event)
    return locked


@transaction.atomic
def insight_photo_attach(*, person, insight: Insight, photo) -> Insight:
    """The reporter adds a photo to their insight (or replaces it), with the same type and
    size checks as the report form. Anyone else: NotFound, as if it did not exist."""
    if insight.reporter_id != person.pk:
        raise NotFound("No such insight.")
    content_type, extension = photo_type(photo)
    locked = _locked(insight)
    previous = locked.photo.name
    locked.photo_type = content_type
    # The stored name is ours, never the uploader's.
    locked.photo.save(f"photo.{extension}", photo, save=False)
    locked.save(update_fields=["photo", "photo_type"])
    if previous and previous != locked.photo.name:
        storage, name = locked.photo.storage, previous
        transaction.on_commit(lambda: storage.delete(name))
    event_record(actor=person, verb=Verb.ATTACHED_INSIGHT_PHOTO, target=locked, data={})
    return locked


@transaction.atomic
def insight_corroborate(
    *, person, insight: Insight, detail: str = "", location: str = ""
) -> Corroboration:
    """ "I've seen this too" — once per person, not on one's own insight."""
    if insight.reporter_id == person.pk:
        raise InvalidInput("You reported this one: others can corroborate it.")
    if insight.merged_into_id:
        raise InvalidInput("This insight was merged: corroborate the one it was merged into.")
    try:
        with transaction.atomic():
            corroboration = Corroboration.objects.create(
                insight=insight,
                person=person,
                detail=(detail or "").strip()[:500],
                location=(location or "").strip()[:150] or person.location,
                created_at=timezone.now(),
            )
    except IntegrityError:
        raise Conflict("You have already corroborated this insight.") from None
    Insight.objects.filter(pk=insight.pk).update(corroboration_count=F("corroboration_count") + 1)
    inbox.entries_corroborated(insight.pk, 1)
    event_record(actor=person, verb=Verb.CORROBORATED, target=insight, subject=insight.reporter)
    return corroboration


@transaction.atomic
def insight_merge(*, person, duplicate: Insight, into: Insight) -> Insight:
    """Mark `duplicate` as a copy of `into`: its corroborations move along (one per person)
    and its reporter counts as a corroboration of the survivor."""
    _ensure_triage(person, duplicate)
    _ensure_triage(person, into)
    if duplicate.pk == into.pk or into.merged_into_id or duplicate.merged_into_id:
        raise InvalidInput("Merge into a different insight that is not merged itself.")
    duplicate = _locked(duplicate)
    already = set(Corroboration.objects.filter(insight=into).values_list("person_id", flat=True))
    already.add(into.reporter_id)
    moved = []
    for c in Corroboration.objects.filter(insight=duplicate):
        if c.person_id not in already:
            moved.append(
                Corroboration(
                    insight=into,
                    person_id=c.person_id,
                    detail=c.detail,
                    location=c.location,
                    created_at=c.created_at,
                )
            )
            already.add(c.person_id)
    if duplicate.reporter_id not in already:
        moved.append(
            Corroboration(
                insight=into,
                person_id=duplicate.reporter_id,
                detail=duplicate.text[:500],
                location=duplicate.location,
                created_at=duplicate.created_at,
            )
        )
    Corroboration.objects.bulk_create(moved)
    Insight.objects.filter(pk=into.pk).update(
        corroboration_count=F("corroboration_count") + len(moved)
    )
    inbox.entries_corroborated(into.pk, len(moved))
    duplicate.merged_into = into
    duplicate.save(update_fields=["merged_into"])
    inbox.entries_merged(duplicate.pk)
    event_record(
        actor=person,
        verb=Verb.MERGED_INSIGHT,
        target=duplicate,
        subject=duplicate.reporter,
        data={"into": into.pk},
    )
    return duplicate


@transaction.atomic
def insights_bulk_acknowledge(*, person, insight_ids: list[int], message: str = "") -> int:
    """Acknowledge many new insights at once. Every id must be one the person may triage,
    else nothing changes (TRUST 10). Returns how many changed."""
    ids = sorted({int(i) for i in insight_ids})
    if not ids:
        raise InvalidInput("Choose at least one insight.", field="insights")
    if len(ids) > 200:
        raise InvalidInput("Acknowledge at most 200 at a time.", field="insights")
    found = list(
        Insight.objects.visible_to(person).filter(pk__in=ids).prefetch_related("routed_managers")
    )
    if len(found) != len(ids):
        raise NotFound("Some of these insights do not exist.", field="insights")
    for insight in found:
        _ensure_triage(person, insight)
    changed = 0
    for insight in found:
        if insight.status == Status.NEW:
            insight_change_status(
                person=person,
                insight=insight,
                status=Status.ACKNOWLEDGED,
                message=message,
                expected_status=Status.NEW,
            )
            changed += 1
    return changed


def insight_categories_ensure() -> None:
    """Create the default categories where they are missing (a data migration adds them; a
    flushed test database or a fresh demo may have lost them). Existing ones are left alone."""
    seeded = importlib.import_module("groundswell.insights.migrations.0002_categories")
    for position, (slug, name, weight) in enumerate(seeded.CATEGORIES):
        InsightCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "weight": weight, "position": position}
        )
