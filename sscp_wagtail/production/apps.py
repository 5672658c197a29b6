from django.apps import AppConfig


class ProductionConfig(AppConfig):
    name = "sscp_wagtail.production"
    label = "sscp_production"
    verbose_name = "Production: health, security headers, page cache, two-factor sign-in"

    def ready(self) -> None:
        # Publishing, moving or deleting a page, or changing a snippet, empties the page cache.
        from . import purging

        purging.connect()
