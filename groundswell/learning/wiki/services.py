"""Writes on wiki pages (threads of kind wiki). Every save is a Revision; an edit made on an
old revision is refused with a WikiConflict so nothing is silently overwritten."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from groundswell.activity.models import Verb
from groundswell.activity.services import event_record
from groundswell.analytics.tasks import analytics_after_commit
from groundswell.errors import Conflict, Forbidden, InvalidInput, NotFound
from groundswell.learning.permissions import can_edit_wiki_page, can_write_wiki
from groundswell.learning.wiki.links import render_wiki
from groundswell.ratelimits import check_rate, scopes
from groundswell.search.services import search_index_thread
from groundswell.spaces.models import Space
from groundswell.spaces.permissions import can_view_space
from groundswell.threads.models import Revision, Thread, ThreadKind
from groundswell.threads.services.posts import clean_body, clean_title


class WikiConflict(Conflict):
    """Someone saved the page after the revision this edit started from."""

    def __init__(self, current: Revision):
        super().__init__(
            "Someone else saved this page after you started editing. Your text is kept below "
            "next to the current version: merge them and save again.",
            field="body",
        )
        self.current = current


def latest_revision(page: Thread) -> Revision | None:
    return Revision.objects.filter(thread=page).order_by("-id").first()


def _check_title_free(space: Space, title: str, page: Thread | None = None) -> None:
    """Links go by title, so two pages of a space may not share one."""
    others = Thread.objects.filter(space=space, kind=ThreadKind.WIKI, title__iexact=title)
    if page is not None:
        others = others.exclude(pk=page.pk)
    if others.exists():
        raise Conflict(f"This space already has a page called {title!r}.", field="title")


def _save(page: Thread, *, editor, title: str, body: str, message: str, now) -> Revision:
    page.title, page.body = title, body
    page.body_html = render_wiki(page.space, body)
    page.updated_at = page.last_activity_at = now
    page.save(update_fields=["title", "body", "body_html", "updated_at", "last_activity_at"])
    return Revision.objects.create(
        thread=page, editor=editor, title=title, body=body, message=message[:200], created_at=now
    )


@transaction.atomic
def wiki_page_create(*, author, space: Space, title: str, body: str, message: str = "") -> Thread:
    """Start a wiki page in a space the person may post in; its text is revision 1."""
    if not can_view_space(author, space):
        raise NotFound("No such space.")
    if not can_write_wiki(author, space):
        raise Forbidden("Join this space to write its wiki.")
    title, body = clean_title(title), clean_body(body)
    check_rate(scopes.POSTING, author.pk)
    _check_title_free(space, title)
    now = timezone.now()
    page = Thread.objects.create(
        space=space,
        kind=ThreadKind.WIKI,
        author=author,
        title=title,
        body=body,
        body_html=render_wiki(space, body),
        created_at=now,
        updated_at=now,
        last_activity_at=now,
    )
    Revision.objects.create(
        thread=page, editor=author, title=title, body=body, message=message[:200], created_at=now
    )
    Space.objects.filter(pk=space.pk).update(thread_count=F("thread_count") + 1)
    event_record(
        actor=author, verb=Verb.CREATED_WIKI, target=page, space=space, thread=page, at=now
    )
    search_index_thread(page)
    return page


@transaction.atomic
def wiki_page_edit(
    *, editor, page: Thread, title: str, body: str, base_revision_id: int, message: str = ""
) -> Revision:
    """Save a new revision made on `base_revision_id`. If that is not the latest revision any
    more, raise WikiConflict (409) carrying the current revision: the caller shows both."""
    page = Thread.objects.select_for_update().select_related("space").get(pk=page.pk)
    if not can_view_space(editor, page.space) or page.kind != ThreadKind.WIKI:
        raise NotFound("No such page.")
    if not can_edit_wiki_page(editor, page):
        raise Forbidden("Join this space to edit its wiki.")
    title, body = clean_title(title), clean_body(body)
    current = latest_revision(page)
    if current is None or current.pk != base_revision_id:
        raise WikiConflict(current)
    if title == page.title and body == page.body:
        raise InvalidInput("Nothing changed: edit the text before saving.", field="body")
    _check_title_free(page.space, title, page)
    revision = _save(
        page, editor=editor, title=title, body=body, message=message, now=timezone.now()
    )
    event = event_record(
        actor=editor,
        verb=Verb.EDITED_WIKI,
        target=page,
        space=page.space,
        thread=page,
        subject=current.editor,
        data={"base_revision": current.pk, "base_editor": current.editor_id},
    )
    analytics_after_commit(event)
    search_index_thread(page)
    return revision


@transaction.atomic
def wiki_page_revert(*, editor, page: Thread, revision: Revision) -> Revision:
    """Make an old revision current again, as a new revision (history is never rewritten)."""
    page = Thread.objects.select_for_update().select_related("space").get(pk=page.pk)
    revision = Revision.objects.select_for_update().get(pk=revision.pk)  # hidden meanwhile?
    if not can_view_space(editor, page.space) or revision.thread_id != page.pk:
        raise NotFound("No such revision.")
    if revision.is_hidden:
        raise NotFound("No such revision.")  # its words must not come back through a revert
    if not can_edit_wiki_page(editor, page):
        raise Forbidden("Join this space to edit its wiki.")
    current = latest_revision(page)
    if current.pk == revision.pk:
        raise Conflict("This is already the current revision.")
    _check_title_free(page.space, revision.title or page.title, page)
    new = _save(
        page,
        editor=editor,
        title=revision.title or page.title,
        body=revision.body,
        message=f"Reverted to revision {revision.pk}",
        now=timezone.now(),
    )
    event_record(
        actor=editor,
        verb=Verb.REVERTED_WIKI,
        target=page,
        space=page.space,
        thread=page,
        subject=revision.editor,
        data={"reverted_to": revision.pk, "base_revision": current.pk},
    )
    search_index_thread(page)
    return new
