"""Pages: a space's wiki, a page, its editor (with conflicts), history, diff and revert."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from groundswell.learning.forms import WikiPageForm
from groundswell.learning.wiki import selectors, services
from groundswell.spaces.selectors import space_get
from groundswell.web.pages import form_view


def wiki_index(request, slug: str):
    space = space_get(request.user, slug)
    return render(
        request,
        "learning/wiki_index.html",
        {
            "space": space,
            "pages": selectors.wiki_pages_in(request.user, space, page=request.GET.get("page")),
            "can_write": selectors.can_start_wiki_page(request.user, space),
        },
    )


@form_view("learning/wiki_form.html")
def wiki_new(request, page, slug: str):
    space = space_get(request.user, slug)  # the service decides who may write
    page.form = WikiPageForm(request.POST or None, initial={"title": request.GET.get("title", "")})
    page.context.update(space=space, creating=True)
    if page.form.is_valid():
        data = page.form.cleaned_data
        wiki = services.wiki_page_create(
            author=request.user,
            space=space,
            title=data["title"],
            body=data["body"],
            message=data["message"],
        )
        messages.success(request, "The page is created.")
        return redirect("learning:wiki_page", wiki.pk)
    return page


def wiki_page(request, page_id: int):
    view = selectors.wiki_page_view(request.user, page_id)
    return render(request, "learning/wiki_page.html", {"view": view, "page": view.page})


@form_view("learning/wiki_form.html")
def wiki_edit(request, page, page_id: int):
    """Edit from the latest revision. A save made on an older one answers 409 with both texts:
    the person's own stays in the form, the current one is shown beside it."""
    view = selectors.wiki_page_view(request.user, page_id)  # the service decides who may edit
    wiki = view.page
    page.form = WikiPageForm(
        request.POST or None,
        initial={"title": wiki.title, "body": wiki.body, "base_revision": view.latest.pk},
    )
    page.context.update(space=wiki.space, wiki=wiki)
    if page.form.is_valid():
        data = page.form.cleaned_data
        try:
            services.wiki_page_edit(
                editor=request.user,
                page=wiki,
                title=data["title"],
                body=data["body"],
                message=data["message"],
                base_revision_id=data["base_revision"] or 0,
            )
        except services.WikiConflict as conflict:
            # Keep their text; base it on the current revision so a deliberate save works.
            page.form = WikiPageForm({**request.POST.dict(), "base_revision": conflict.current.pk})
            page.form.is_valid()
            page.context.update(conflict=conflict.current)
            page.add_error(conflict)
            return page.render(status=409)
        messages.success(request, "Saved.")
        return redirect("learning:wiki_page", wiki.pk)
    return page


def wiki_history(request, page_id: int):
    wiki, revisions = selectors.wiki_history(request.user, page_id, page=request.GET.get("page"))
    return render(request, "learning/wiki_history.html", {"page": wiki, "revisions": revisions})


def wiki_diff(request, page_id: int):
    diff = selectors.wiki_diff(
        request.user, page_id, request.GET.get("old"), request.GET.get("new")
    )
    return render(
        request,
        "learning/wiki_diff.html",
        {
            "page": diff.page,
            "old": diff.old,
            "new": diff.new,
            "title_diff_html": diff.title_diff_html,
            "diff_html": diff.diff_html,
        },
    )


@require_POST
def wiki_revert(request, page_id: int, revision_id: int):
    wiki, revision = selectors.wiki_revision_get(request.user, page_id, revision_id)
    services.wiki_page_revert(editor=request.user, page=wiki, revision=revision)
    messages.success(request, f"Reverted to revision {revision.pk}.")
    return redirect("learning:wiki_history", wiki.pk)
