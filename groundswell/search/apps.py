from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "groundswell.search"
    label = "search"
