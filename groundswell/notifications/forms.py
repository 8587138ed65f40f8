"""Parsing of the notification settings form; the rules are the services'."""

from django import forms

from groundswell.notifications.models import EmailFrequency


class PreferenceForm(forms.Form):
    email = forms.ChoiceField(
        label="Email me about notifications",
        choices=EmailFrequency.choices,
        widget=forms.RadioSelect,
    )
