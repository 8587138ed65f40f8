from django.apps import AppConfig


class SpacesConfig(AppConfig):
    name = "groundswell.spaces"
    label = "spaces"
