from django.apps import AppConfig


class ExpertiseConfig(AppConfig):
    name = "groundswell.expertise"
    label = "expertise"
