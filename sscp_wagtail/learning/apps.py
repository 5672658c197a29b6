from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "sscp_wagtail.learning"
    label = "sscp_learning"
    verbose_name = "Learning themes"
    default_auto_field = "django.db.models.BigAutoField"
