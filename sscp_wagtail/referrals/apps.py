from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "sscp_wagtail.referrals"
    label = "sscp_referrals"
    verbose_name = "Case review referrals"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the attachment clean-up
