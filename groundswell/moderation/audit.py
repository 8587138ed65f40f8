"""The audit log: moderation and administrative events, for administrators only.

It must not become a way around the audited view of who asked anonymous questions
(`leadership/moderation/`): on an event about an anonymous question, whoever is its asker is
shown as "Anonymous", as actor or as subject."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from groundswell.activity.models import Event, Verb
from groundswell.errors import NotFound
from groundswell.moderation import permissions
from groundswell.pagination import Page, paginate

# The verbs the audit log lists: moderation, roles, accounts and privacy-sensitive views.
AUDIT_VERBS = (
    Verb.FLAGGED,
    Verb.RESOLVED_FLAG,
    Verb.HID,
    Verb.UNHID,
    Verb.LOCKED,
    Verb.UNLOCKED,
    Verb.HID_REVISION,
    Verb.ROLE_CHANGED,
    Verb.VIEWED_DRILLDOWN,
    Verb.DEACTIVATED,
    Verb.SIGNED_IN_SSO,
    Verb.IMPORTED_PEOPLE,
    Verb.IMPORTED_COURSES,
)
AUDIT_VERB_CHOICES = [(verb.value, verb.label) for verb in AUDIT_VERBS]
MAX_EXPORT_ROWS = 10_000
CSV_HEADER = ["at", "verb", "actor", "object", "space", "thread_id", "subject", "details"]


@dataclass
class AuditFilters:
    verb: str = ""
    actor: str = ""  # a username
    since: datetime.date | None = None
    until: datetime.date | None = None

    def query(self) -> dict:
        values = {
            "verb": self.verb,
            "actor": self.actor,
            "since": self.since.isoformat() if self.since else "",
            "until": self.until.isoformat() if self.until else "",
        }
        return {key: value for key, value in values.items() if value}


@dataclass
class AuditEntry:
    """One event as the audit log shows it; `actor` and `subject` are None when nobody (the
    system) acted or when naming them would unmask an anonymous asker (`masked_*`)."""

    event: Event
    actor: object
    subject: object
    actor_masked: bool
    subject_masked: bool

    @property
    def verb_label(self) -> str:
        try:
            return Verb(self.event.verb).label
        except ValueError:
            return self.event.verb

    @property
    def details(self) -> str:
        """The event's data as plain `key: value` text (escaped by the template)."""
        data = self.event.data or {}
        return "; ".join(f"{key}: {_plain(value)}" for key, value in sorted(data.items()))

    @property
    def what(self) -> str:
        event = self.event
        return f"{event.object_type} {event.object_id}" if event.object_type else ""


def _plain(value) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def _entry(event: Event) -> AuditEntry:
    thread = event.thread
    asker = thread.author_id if thread is not None and thread.is_anonymous else None
    actor_masked = asker is not None and event.actor_id == asker
    subject_masked = asker is not None and event.subject_id == asker
    return AuditEntry(
        event=event,
        actor=None if actor_masked else event.actor,
        subject=None if subject_masked else event.subject,
        actor_masked=actor_masked,
        subject_masked=subject_masked,
    )


def _events(person, filters: AuditFilters):
    if not permissions.can_read_audit_log(person):
        raise NotFound("No such page.")
    events = Event.objects.filter(verb__in=[verb.value for verb in AUDIT_VERBS])
    if filters.verb:
        events = events.filter(verb=filters.verb)
    if filters.actor:
        events = events.filter(actor__username=filters.actor)
    zone = timezone.get_current_timezone()
    if filters.since:
        start = datetime.datetime.combine(filters.since, datetime.time.min, tzinfo=zone)
        events = events.filter(created_at__gte=start)
    if filters.until:
        end = datetime.datetime.combine(filters.until, datetime.time.min, tzinfo=zone)
        events = events.filter(created_at__lt=end + datetime.timedelta(days=1))
    return events.select_related("actor", "subject", "space", "thread").order_by(
        "-created_at", "-id"
    )


def audit_log(person, filters: AuditFilters, *, page=1, per_page=None) -> Page:
    """Audit events, newest first, filtered by verb, actor (username) and day range.
    Administrators only; everyone else gets NotFound. One query per page."""
    result = paginate(_events(person, filters), page, per_page)
    result.items = [_entry(event) for event in result.items]
    return result


def _name(person, masked: bool) -> str:
    if masked:
        return "Anonymous"
    return person.username if person is not None else ""


def audit_csv_rows(person, filters: AuditFilters) -> list[list]:
    """The filtered audit log as spreadsheet rows (newest first, at most MAX_EXPORT_ROWS), the
    header first. Cells that a spreadsheet would run as a formula are made plain text."""
    rows = [CSV_HEADER]
    for event in _events(person, filters)[:MAX_EXPORT_ROWS]:
        entry = _entry(event)
        rows.append(
            [
                _cell(value)
                for value in (
                    event.created_at.isoformat(),
                    event.verb,
                    _name(entry.actor, entry.actor_masked) or "system",
                    entry.what,
                    event.space.name if event.space else "",
                    event.thread_id or "",
                    _name(entry.subject, entry.subject_masked),
                    entry.details,
                )
            ]
        )
    return rows


def _cell(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
