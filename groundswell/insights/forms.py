"""Insight forms: parsing only; the rules live in services."""

from django import forms

from groundswell.insights.models import Status


class ReportForm(forms.Form):
    text = forms.CharField(
        label="What did you see?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 2000, "data-draft": "text"}),
    )
    category = forms.ChoiceField(label="Category")
    location = forms.CharField(
        label="Where?",
        max_length=150,
        required=False,
        help_text="Leave empty to use your usual location.",
        widget=forms.TextInput(attrs={"data-draft": "location"}),
    )
    photo = forms.FileField(
        label="Photo (optional)",
        required=False,
        help_text="PNG, JPEG or WebP, up to 5 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    topics = forms.CharField(
        label="Topics (optional)",
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"data-draft": "topics"}),
    )
    confidential = forms.BooleanField(
        label="Confidential to management",
        required=False,
        help_text="Only you and your managers will see it.",
    )

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [(c.slug, c.name) for c in categories]
        self.fields["category"].widget.attrs["data-draft"] = "category"


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Status.choices)
    expected_status = forms.ChoiceField(choices=Status.choices, required=False)
    message = forms.CharField(
        label="Message to the reporter",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RespondForm(forms.Form):
    message = forms.CharField(
        label="Message to the reporter", max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CorroborateForm(forms.Form):
    detail = forms.CharField(label="What did you see? (optional)", max_length=500, required=False)
    location = forms.CharField(label="Where? (optional)", max_length=150, required=False)


class MergeForm(forms.Form):
    into = forms.IntegerField(label="Merge into insight number", min_value=1)


class BulkForm(forms.Form):
    insights = forms.TypedMultipleChoiceField(coerce=int, choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any ids: the service checks each one against the person.
        raw = self.data.getlist("insights") if hasattr(self.data, "getlist") else []
        self.fields["insights"].choices = [(v, v) for v in raw if str(v).isdigit()]


class ExportForm(forms.Form):
    unit = forms.CharField(required=False, max_length=60)
    since = forms.DateField(required=False)
    until = forms.DateField(required=False)
