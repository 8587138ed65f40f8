from django.contrib import admin

from groundswell.insights.models import InsightCategory


@admin.register(InsightCategory)
class InsightCategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "weight", "position", "is_active")
    list_editable = ("weight", "position", "is_active")
