"""Org units in the Django admin: where administrators name each unit's leader (field insights
from the unit are routed to its leader as well as up the reporting line)."""

from django.contrib import admin

from groundswell.people.models import OrgUnit


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "parent", "leader")
    search_fields = ("name", "code", "leader__username", "leader__display_name")
    # Ids, not drop-downs: an organisation has thousands of people.
    raw_id_fields = ("parent", "leader")
    list_select_related = ("parent", "leader")

    def get_readonly_fields(self, request, obj=None):
        # Moving a unit must rewrite the paths of everything below it: `import_people` does
        # that; a form saving one row would not.
        return ("path", "parent") if obj is not None else ("path",)
