"""Parsing of learning forms. The rules live in the services; forms read input and label it."""

from django import forms
from django.conf import settings

from groundswell.threads.forms import MARKDOWN_HELP

LIMITS = settings.GROUNDSWELL
IMPORT_MAX_BYTES = 5 * 1024 * 1024


def _title():
    return forms.CharField(
        label="Title",
        required=False,
        max_length=LIMITS["MAX_TITLE_LENGTH"],
        widget=forms.TextInput(attrs={"maxlength": LIMITS["MAX_TITLE_LENGTH"], "required": True}),
    )


def _body(rows=14):
    return forms.CharField(
        label="Text",
        required=False,
        max_length=LIMITS["MAX_BODY_LENGTH"],
        widget=forms.Textarea(attrs={"rows": rows, "maxlength": LIMITS["MAX_BODY_LENGTH"]}),
        help_text=MARKDOWN_HELP + " Link another page of this space with [[Page title]].",
    )


class CourseImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="UTF-8 CSV with the columns code,title,description,owner_username,lms_url,"
        "lms_id,topics,username,role. Every row is checked first: with any error nothing is "
        "imported.",
    )

    def clean_file(self):
        # Upload cap (TRUST 14): the whole file is read and checked before anything is saved.
        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError("The file is larger than 5 MB: split it into several.")
        return upload


class WikiPageForm(forms.Form):
    title = _title()
    body = _body()
    message = forms.CharField(label="What did you change?", required=False, max_length=200)
    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ArticleForm(forms.Form):
    title = _title()
    body = _body(18)
    publish = forms.BooleanField(
        label="Publish now (leave unticked to keep a draft only you can see)", required=False
    )


class CohortEventForm(forms.Form):
    title = forms.CharField(label="Title", required=False, max_length=200)
    starts_at = forms.DateTimeField(
        label="Starts at",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    location = forms.CharField(label="Where (room or link)", required=False, max_length=300)
    description = forms.CharField(
        label="Description", required=False, max_length=5000, widget=forms.Textarea
    )
