"""Parsing of thread and reply forms. The rules on titles, bodies and topics live in the
services; these forms read the input and give each field a label."""

from django import forms
from django.conf import settings

from groundswell.errors import InvalidInput
from groundswell.threads.models import ThreadKind

LIMITS = settings.GROUNDSWELL
# Length caps (TRUST 14): the same as the models' (a test checks they agree).
TITLE_MAX = LIMITS["MAX_TITLE_LENGTH"]
BODY_MAX = LIMITS["MAX_BODY_LENGTH"]
# Room for the most topics a thread may have, each a full-length name, and separators.
TOPICS_TEXT_MAX = 300
MARKDOWN_HELP = "Markdown works: **bold**, *italic*, - lists, [links](https://…)."
TOPICS_HELP = (
    f"Up to {LIMITS['MAX_TOPICS_PER_THREAD']} words, separated by commas or spaces, "
    "for example: hazmat, night-shift."
)


def _title_input():
    return forms.TextInput(
        attrs={"maxlength": LIMITS["MAX_TITLE_LENGTH"], "required": True, "autocomplete": "off"}
    )


def _body_input(rows: int, *, required: bool = False):
    attrs = {"rows": rows, "maxlength": LIMITS["MAX_BODY_LENGTH"]}
    if required:
        attrs["required"] = True
    return forms.Textarea(attrs=attrs)


class ThreadForm(forms.Form):
    kind = forms.ChoiceField(
        label="What do you want to do?",
        choices=[
            (ThreadKind.QUESTION, "Ask a question: colleagues answer, you accept the best one"),
            (ThreadKind.DISCUSSION, "Start a discussion: share something or talk it through"),
        ],
        widget=forms.RadioSelect,
        initial=ThreadKind.QUESTION,
    )
    space = forms.ChoiceField(label="Space", required=False)
    title = forms.CharField(
        label="Title", required=False, max_length=TITLE_MAX, widget=_title_input()
    )
    body = forms.CharField(
        label="Details",
        required=False,
        max_length=BODY_MAX,
        widget=_body_input(8),
        help_text=MARKDOWN_HELP,
    )
    topics = forms.CharField(
        label="Topics", required=False, max_length=TOPICS_TEXT_MAX, help_text=TOPICS_HELP
    )

    def __init__(self, *args, spaces=None, **kwargs):
        """`spaces`: the spaces to choose from, or None when the space is already chosen."""
        super().__init__(*args, **kwargs)
        if spaces is None:
            del self.fields["space"]
        else:
            self.fields["space"].required = True
            self.fields["space"].choices = [(s.slug, s.name) for s in spaces]


class ThreadEditForm(forms.Form):
    title = forms.CharField(
        label="Title", required=False, max_length=TITLE_MAX, widget=_title_input()
    )
    body = forms.CharField(
        label="Details",
        required=False,
        max_length=BODY_MAX,
        widget=_body_input(10),
        help_text=MARKDOWN_HELP,
    )
    topics = forms.CharField(
        label="Topics", required=False, max_length=TOPICS_TEXT_MAX, help_text=TOPICS_HELP
    )
    message = forms.CharField(
        label="What did you change? (optional)",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Your reply",
        required=False,
        max_length=BODY_MAX,
        widget=_body_input(5, required=True),
        help_text=MARKDOWN_HELP,
    )


class ReplyEditForm(forms.Form):
    body = forms.CharField(
        label="Reply",
        required=False,
        max_length=BODY_MAX,
        widget=_body_input(8),
        help_text=MARKDOWN_HELP,
    )
    message = forms.CharField(
        label="What did you change? (optional)", required=False, max_length=200
    )


VOTE_VALUES = {"1": 1, "-1": -1, "0": 0}


def parse_vote(data) -> int:
    """+1, -1, or 0 to withdraw a vote."""
    value = VOTE_VALUES.get(str(data.get("value", "")).strip())
    if value is None:
        raise InvalidInput("A vote is +1 or -1.", field="value")
    return value


def parse_switch(data, *, on: str, off: str) -> bool:
    """A two-state button ("follow"/"unfollow", "add"/"remove"): True for `on`."""
    action = data.get("action", on)
    if action not in (on, off):
        raise InvalidInput(f"Unknown action {action!r}.", field="action")
    return action == on
