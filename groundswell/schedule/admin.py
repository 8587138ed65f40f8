from django.contrib import admin

from groundswell.schedule.models import JobState


@admin.register(JobState)
class JobStateAdmin(admin.ModelAdmin):
    """Read-only: administrators see when each job last ran and what it said."""

    list_display = ["name", "next_due", "last_started_at", "last_finished_at", "last_ok"]
    readonly_fields = [f.name for f in JobState._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
