from django.apps import AppConfig


class ScheduleConfig(AppConfig):
    name = "groundswell.schedule"
    label = "schedule"
