"""Search pages: results with filters, and the similar-questions partial of the new-thread
form."""

from django.shortcuts import render

from groundswell.search import selectors
from groundswell.search.forms import SearchForm
from groundswell.search.query import MAX_QUERY_LENGTH
from groundswell.spaces.selectors import spaces_joined


def search(request):
    """`/search/?q=…` with optional filters; without a query, the form and a hint."""
    person = request.user
    spaces = [(space.slug, space.name) for space in spaces_joined(person)]
    form = SearchForm(request.GET or None, spaces=spaces)
    results = None
    if form.is_valid():
        results = selectors.search_threads(
            person, form.cleaned_data["q"], filters=form.filters(), page=request.GET.get("page")
        )
    return render(
        request,
        "search/search.html",
        {"form": form, "results": results, "query": form.is_valid() and form.cleaned_data["q"]},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def similar(request):
    """Up to five threads like the title being typed (htmx, on the new-thread form)."""
    title = request.GET.get("title", "")[:MAX_QUERY_LENGTH]
    return render(
        request,
        "search/_similar.html",
        {"similar": selectors.similar_threads(request.user, title, limit=5)},
    )
