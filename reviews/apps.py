from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Case reviews"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import counts

        counts.connect()
