from django.apps import AppConfig


class ThreadsConfig(AppConfig):
    name = "groundswell.threads"
    label = "threads"
