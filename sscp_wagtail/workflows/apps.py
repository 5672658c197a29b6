from django.apps import AppConfig


class WorkflowsConfig(AppConfig):
    name = "sscp_wagtail.workflows"
    label = "sscp_workflows"
    verbose_name = "Editorial workflow"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .notifications import connect_approval_notifier

        connect_approval_notifier()
