"""Parsing of ask-leadership and AMA forms; the rules live in the services."""

from django import forms

from groundswell.threads.forms import BODY_MAX, MARKDOWN_HELP, TITLE_MAX, _body_input, _title_input

ANONYMOUS_HELP = (
    "Nobody sees who asked — not your colleagues, not your leaders. Only administrators can, "
    "for moderation. You cannot reply to or edit an anonymous question."
)


class QuestionForm(forms.Form):
    title = forms.CharField(
        label="Your question", required=False, max_length=TITLE_MAX, widget=_title_input()
    )
    body = forms.CharField(
        label="Details",
        required=False,
        max_length=BODY_MAX,
        widget=_body_input(5),
        help_text=MARKDOWN_HELP,
    )
    anonymous = forms.BooleanField(
        label="Ask anonymously", required=False, help_text=ANONYMOUS_HELP
    )


class AnswerForm(forms.Form):
    body = forms.CharField(
        label="Your answer",
        required=False,
        max_length=BODY_MAX,
        widget=_body_input(4, required=True),
        help_text=MARKDOWN_HELP,
    )


class SessionForm(forms.Form):
    title = forms.CharField(label="Title", required=False, max_length=200)
    description = forms.CharField(
        label="What it is about",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    starts_at = forms.DateTimeField(
        label="Starts", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends_at = forms.DateTimeField(
        label="Ends", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
