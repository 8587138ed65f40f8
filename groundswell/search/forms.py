"""Parsing of the search page's query string (`q`, `kind`, `space`, `topic`, `author`,
`status`, `from`, `to`). The rules (what a status means, which threads a filter keeps) live
in the selectors; this form reads the input and labels each field."""

from django import forms

from groundswell.search.query import MAX_QUERY_LENGTH
from groundswell.search.selectors import SearchFilters, SearchStatus
from groundswell.threads.models import ThreadKind


class DateInput(forms.DateInput):
    input_type = "date"


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search for",
        required=False,
        max_length=1000,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "Everything"), *ThreadKind.choices]
    )
    space = forms.SlugField(label="Space", required=False, max_length=80, widget=forms.Select)
    topic = forms.CharField(label="Topic", required=False, max_length=50)
    author = forms.CharField(label="Written by (username)", required=False, max_length=150)
    status = forms.ChoiceField(
        label="Questions", required=False, choices=[("", "Any"), *SearchStatus.choices]
    )

    def __init__(self, data=None, *, spaces=()):
        """`spaces`: (slug, name) pairs to choose from; a slug typed into the address stays
        possible (and finds nothing if the person cannot see that space)."""
        super().__init__(data)
        # `from` and `to` are Python keywords, hence not declared above.
        self.fields["from"] = forms.DateField(label="From", required=False, widget=DateInput)
        self.fields["to"] = forms.DateField(label="To", required=False, widget=DateInput)
        choices = [("", "All spaces"), *spaces]
        current = (data or {}).get("space", "")
        if current and current not in {slug for slug, _ in choices}:
            choices.append((current, current))
        self.fields["space"].widget.choices = choices

    def clean_q(self) -> str:
        # Longer input is cut, not refused: what is typed into a search box is never an error.
        return (self.cleaned_data.get("q") or "").strip()[:MAX_QUERY_LENGTH]

    def clean(self):
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start and end and start > end:
            self.add_error("to", "The end date is before the start date.")
        return data

    @property
    def has_filters(self) -> bool:
        return self.is_valid() and not self.filters().is_empty

    def filters(self) -> SearchFilters:
        data = self.cleaned_data
        return SearchFilters(
            kind=data.get("kind") or "",
            space=data.get("space") or "",
            topic=(data.get("topic") or "").strip(),
            author=(data.get("author") or "").strip(),
            status=data.get("status") or "",
            date_from=data.get("from"),
            date_to=data.get("to"),
        )
