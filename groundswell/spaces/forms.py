"""Parsing of space forms; the rules (name length, who creates which kind…) are the services'."""

from django import forms

from groundswell.spaces.models import SpaceKind, Visibility


class SpaceForm(forms.Form):
    name = forms.CharField(
        label="Name",
        required=False,
        max_length=120,
        widget=forms.TextInput(attrs={"maxlength": 120, "required": True}),
    )
    description = forms.CharField(
        label="What is it for?",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
    )
    visibility = forms.ChoiceField(
        label="Who can see it?",
        choices=Visibility.choices,
        initial=Visibility.OPEN,
        widget=forms.RadioSelect,
    )
    kind = forms.ChoiceField(label="Kind of space", choices=SpaceKind.choices)

    def __init__(self, *args, may_choose_kind: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_choose_kind:
            del self.fields["kind"]


class InviteForm(forms.Form):
    usernames = forms.CharField(
        label="Usernames to invite",
        help_text="Separate them with commas, for example: alice, bob.",
        # Length cap (TRUST 14): 200 names at most are read anyway.
        max_length=10_000,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_usernames(self) -> list[str]:
        raw = self.cleaned_data["usernames"]
        return list(dict.fromkeys(p for p in raw.replace(",", " ").split() if p))[:200]
