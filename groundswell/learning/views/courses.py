"""Pages: the course catalogue, a course, the CSV import, a cohort and its events."""

from django.contrib import messages
from django.shortcuts import redirect, render

from groundswell.errors import Forbidden
from groundswell.learning import selectors, services
from groundswell.learning.forms import CohortEventForm, CourseImportForm
from groundswell.learning.importing import courses_import
from groundswell.learning.permissions import can_manage_learning
from groundswell.web.pages import form_view


def catalogue(request):
    query = request.GET.get("q", "")
    return render(
        request,
        "learning/catalogue.html",
        {
            "courses": selectors.catalogue(request.user, query=query, page=request.GET.get("page")),
            "query": query,
            "can_import": can_manage_learning(request.user),
            "cohorts": selectors.cohorts_of(request.user),
        },
    )


def course_detail(request, code: str):
    view = selectors.course_page(request.user, code)
    return render(request, "learning/course_detail.html", {"view": view, "course": view.course})


@form_view("learning/import.html")
def course_import(request, page):
    """Learning staff upload a course and enrollment CSV: all of it is imported, or nothing."""
    if not can_manage_learning(request.user):
        raise Forbidden("Only learning staff import courses.")
    page.form = CourseImportForm(request.POST or None, request.FILES or None)
    if page.form.is_valid():
        result = courses_import(actor=request.user, rows_or_file=page.form.cleaned_data["file"])
        page.context["result"] = result
        if result.ok:
            messages.success(
                request,
                f"Imported {result.rows} rows: {result.created} courses created, "
                f"{result.updated} updated, {result.unchanged} enrollments.",
            )
            return redirect("learning:catalogue")
        return page.render(status=400)
    return page


def cohort_detail(request, cohort_id: int):
    view = selectors.cohort_page(
        request.user,
        cohort_id,
        page=request.GET.get("page"),
        feed_page=request.GET.get("feed_page"),
    )
    return render(
        request,
        "learning/cohort_detail.html",
        {"view": view, "cohort": view.cohort, "event_form": CohortEventForm()},
    )


@form_view("learning/cohort_event_form.html")
def cohort_event_new(request, page, cohort_id: int):
    cohort = selectors.cohort_get(request.user, cohort_id)
    page.form = CohortEventForm(request.POST or None)
    page.context["cohort"] = cohort
    if page.form.is_valid():
        data = page.form.cleaned_data
        services.cohort_event_create(
            actor=request.user,
            cohort=cohort,
            title=data["title"],
            starts_at=data["starts_at"],
            location=data["location"],
            description=data["description"],
        )
        messages.success(request, "The event is scheduled.")
        return redirect(cohort)
    return page
