from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "groundswell.learning"
    label = "learning"
