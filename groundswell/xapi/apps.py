from django.apps import AppConfig


class XapiConfig(AppConfig):
    name = "groundswell.xapi"
    label = "xapi"
    verbose_name = "xAPI"
