from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "groundswell.operations"
    label = "operations"
    verbose_name = "Operations"
