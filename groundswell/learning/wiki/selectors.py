"""Reads of wiki pages, their history and differences, through `visible_to(person)`."""

from dataclasses import dataclass

from groundswell.errors import InvalidInput, NotFound
from groundswell.learning.permissions import can_edit_wiki_page, can_write_wiki
from groundswell.learning.wiki.diff import word_diff_html
from groundswell.learning.wiki.links import render_wiki
from groundswell.pagination import Page, paginate
from groundswell.threads.history import revision_entries
from groundswell.threads.models import Revision, Thread, ThreadKind


def wiki_page_get(person, page_id: int) -> Thread:
    """The wiki page if the person may see it; NotFound otherwise."""
    page = (
        Thread.objects.visible_to(person)
        .filter(kind=ThreadKind.WIKI, pk=page_id)
        .select_related("space", "author")
        .first()
    )
    if page is None:
        raise NotFound("No such page.")
    return page


@dataclass
class WikiPageView:
    page: Thread
    body_html: str  # links resolved against the space as it is now
    latest: Revision
    can_edit: bool


def wiki_page_view(person, page_id: int) -> WikiPageView:
    page = wiki_page_get(person, page_id)
    latest = Revision.objects.filter(thread=page).select_related("editor").order_by("-id").first()
    return WikiPageView(
        page=page,
        body_html=render_wiki(page.space, page.body),
        latest=latest,
        can_edit=can_edit_wiki_page(person, page),
    )


def wiki_pages_in(person, space, *, page=1, per_page=None) -> Page:
    """A space's wiki pages, most recently changed first."""
    pages = (
        Thread.objects.visible_to(person)
        .filter(space=space, kind=ThreadKind.WIKI)
        .select_related("author")
        .order_by("-updated_at", "-id")
    )
    return paginate(pages, page, per_page)


def wiki_history(person, page_id: int, *, page=1, per_page=None) -> tuple[Thread, Page]:
    """Every revision of a page, newest first, with who saved it and why (`RevisionEntry`
    items: a hidden revision keeps its place but not its words). `extra` names the two newest
    visible revisions of the page of history, the comparison offered by default."""
    wiki = wiki_page_get(person, page_id)
    revisions = Revision.objects.filter(thread=wiki)
    result = revision_entries(person, wiki, revisions, page=page, per_page=per_page)
    visible = [entry.pk for entry in result.items if not entry.is_hidden][:2]
    result.extra = {
        "compare_new": visible[0] if visible else None,
        "compare_old": visible[-1] if visible else None,
    }
    return wiki, result


def wiki_revision_get(person, page_id: int, revision_id: int) -> tuple[Thread, Revision]:
    """A visible revision of a visible page (to revert to); hidden ones are NotFound."""
    wiki = wiki_page_get(person, page_id)
    revision = (
        Revision.objects.filter(thread=wiki, pk=revision_id, is_hidden=False)
        .select_related("editor")
        .first()
    )
    if revision is None:
        raise NotFound("No such revision.")
    return wiki, revision


@dataclass
class WikiDiff:
    page: Thread
    old: Revision
    new: Revision
    title_diff_html: str
    diff_html: str


def wiki_diff(person, page_id: int, old_id, new_id) -> WikiDiff:
    """Word-level differences between any two visible revisions of a page (older one first);
    without a choice, the latest change between visible revisions. A hidden revision is
    NotFound: a diff only ever shows words of the two visible revisions it compares."""
    wiki = wiki_page_get(person, page_id)
    visible = Revision.objects.filter(thread=wiki, is_hidden=False)
    if not old_id and not new_id:
        last_two = list(visible.order_by("-id").values_list("pk", flat=True)[:2])
        new_id, old_id = last_two[0], last_two[-1]
    try:
        old_id, new_id = int(old_id), int(new_id)
    except (TypeError, ValueError) as exc:
        raise InvalidInput("Choose two revisions to compare.") from exc
    found = {r.pk: r for r in visible.filter(pk__in=[old_id, new_id]).select_related("editor")}
    if old_id not in found or new_id not in found:
        raise NotFound("No such revision.")
    old, new = sorted([found[old_id], found[new_id]], key=lambda r: r.pk)
    return WikiDiff(
        page=wiki,
        old=old,
        new=new,
        title_diff_html=word_diff_html(old.title, new.title),
        diff_html=word_diff_html(old.body, new.body),
    )


def can_start_wiki_page(person, space) -> bool:
    return can_write_wiki(person, space)
