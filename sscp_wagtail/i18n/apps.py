from django.apps import AppConfig
from django.db.models.signals import post_migrate


class I18nConfig(AppConfig):
    name = "sscp_wagtail.i18n"
    label = "sscp_i18n"
    verbose_name = "Languages"

    def ready(self) -> None:
        from .locales import ensure_locales_after_migrate

        # After every migrate (and every flush), so a new install, a test
        # database and a restored one all have a Locale per configured language.
        post_migrate.connect(ensure_locales_after_migrate, dispatch_uid="sscp_i18n_ensure_locales")
