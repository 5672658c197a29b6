from django.apps import AppConfig


class SscpWagtailConfig(AppConfig):
    name = "sscp_wagtail"
    verbose_name = "Safeguarding partnership core"
    default_auto_field = "django.db.models.BigAutoField"
