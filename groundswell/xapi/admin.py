from django.contrib import admin

from groundswell.xapi.models import StatementOutbox
from groundswell.xapi.services import outbox_retry


@admin.register(StatementOutbox)
class StatementOutboxAdmin(admin.ModelAdmin):
    """Failures are visible here: attempts, the next try and the last error of each statement."""

    list_display = ("statement_id", "event", "created_at", "sent_at", "attempts", "last_error")
    list_filter = ("skipped", ("sent_at", admin.EmptyFieldListFilter))
    search_fields = ("statement_id",)
    readonly_fields = [f.name for f in StatementOutbox._meta.fields]
    actions = ["retry"]

    @admin.action(description="Retry sending the selected statements")
    def retry(self, request, queryset):
        count = outbox_retry(rows=queryset)
        self.message_user(request, f"{count} statements will be sent on the next run.")

    def has_add_permission(self, request):
        return False
