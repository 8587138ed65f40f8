from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "groundswell.moderation"
    label = "moderation"
