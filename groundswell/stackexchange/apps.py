from django.apps import AppConfig


class StackExchangeConfig(AppConfig):
    name = "groundswell.stackexchange"
    label = "stackexchange"
    verbose_name = "Stack Exchange import"
