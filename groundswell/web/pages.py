"""Form pages: a view fills a `FormPage`, the decorator renders it, and domain errors that
concern the input (InvalidInput, or a NotFound/Conflict naming a form field) are shown on the
form with their status — nothing is saved, since each service is one transaction. Other
domain errors travel on to `DomainErrorMiddleware`."""

from dataclasses import dataclass, field
from functools import wraps

from django import forms
from django.shortcuts import render
from django_htmx.http import reswap, retarget

from groundswell.errors import Conflict, DomainError, InvalidInput, NotFound, RateLimited
from groundswell.web import htmx
from groundswell.web.middleware import with_retry_after


@dataclass
class FormPage:
    request: object
    template: str
    form: forms.Form | None = None
    context: dict = field(default_factory=dict)
    # For htmx posts: the partial to re-render and the id of the element it replaces.
    partial: str | None = None
    partial_target: str | None = None

    def render(self, status: int = 200):
        context = {**self.context, "form": self.form}
        if self.partial and htmx.is_htmx(self.request) and self.request.method == "POST":
            response = render(self.request, self.partial, context, status=status)
            if self.partial_target:
                response = reswap(retarget(response, self.partial_target), "outerHTML")
            return response
        return render(self.request, self.template, context, status=status)

    def shows_on_form(self, error: DomainError) -> bool:
        if self.form is None:
            return False
        # A rate limit shows on the form too, so the text someone wrote is not lost.
        if isinstance(error, InvalidInput | Conflict | RateLimited):
            return True
        return isinstance(error, NotFound) and bool(set(error.errors) & set(self.form.fields))

    def add_error(self, error: DomainError) -> None:
        placed = False
        for name, messages in error.errors.items():
            for message in messages:
                self.form.add_error(name if name in self.form.fields else None, message)
                placed = True
        if not placed:
            self.form.add_error(None, error.message)


def form_view(template: str, *, partial: str | None = None, partial_target: str | None = None):
    """Decorate `view(request, page, *args, **kwargs)`. The view sets `page.form` and
    `page.context`, calls a service when the form is valid and returns a response; or returns
    `page` to have it rendered (400 when a bound form is invalid)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            page = FormPage(request, template, partial=partial, partial_target=partial_target)
            try:
                result = view(request, page, *args, **kwargs)
            except DomainError as error:
                if not page.shows_on_form(error):
                    raise
                page.add_error(error)
                status = 400 if isinstance(error, InvalidInput | NotFound) else error.status
                return with_retry_after(page.render(status=status), error)
            if result is page:
                invalid = page.form is not None and page.form.is_bound and not page.form.is_valid()
                return page.render(status=400 if invalid else 200)
            return result

        return wrapper

    return decorator
