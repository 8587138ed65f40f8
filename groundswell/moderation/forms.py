"""Parsing of moderation forms. The rules (who, how long, which reasons) live in the services;
these forms read the input and label each field."""

from django import forms

from groundswell.moderation.audit import AUDIT_VERB_CHOICES
from groundswell.moderation.models import MAX_DETAIL_LENGTH, MAX_NOTE_LENGTH, Reason
from groundswell.moderation.services import DISMISS, HIDE


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why should moderators look at this?",
        choices=Reason.choices,
        widget=forms.RadioSelect,
    )
    detail = forms.CharField(
        label="Anything moderators should know (optional)",
        required=False,
        max_length=MAX_DETAIL_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": MAX_DETAIL_LENGTH}),
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label="Note for the audit log (optional)",
        required=False,
        max_length=MAX_NOTE_LENGTH,
        widget=forms.TextInput(attrs={"maxlength": MAX_NOTE_LENGTH}),
    )


class ResolveForm(NoteForm):
    action = forms.ChoiceField(
        choices=[(HIDE, "Hide the post"), (DISMISS, "Dismiss the flags")],
        widget=forms.HiddenInput,
    )
    # Told to the author when the post is hidden (the note is not).
    reason = forms.ChoiceField(
        label="Reason the author is told, if you hide it (optional)",
        required=False,
        choices=[("", "No reason given"), *Reason.choices],
    )


class AuditFilterForm(forms.Form):
    verb = forms.ChoiceField(
        label="Action", required=False, choices=[("", "Every action"), *AUDIT_VERB_CHOICES]
    )
    actor = forms.RegexField(
        label="By (username)", required=False, max_length=150, regex=r"^[\w.@+-]*$"
    )
    since = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label="Until", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
