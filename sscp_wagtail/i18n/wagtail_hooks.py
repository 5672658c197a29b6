from django.conf import settings
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Site

from .admin_views import checked_submit_page_translation, checked_submit_snippet_translation, checked_upload_pofile


@hooks.register("register_admin_urls")
def register_admin_urls():
    # These addresses are wagtail-localize's own. This app comes before
    # wagtail_localize in INSTALLED_APPS, so its URLs are matched first and
    # each request meets the checks before wagtail-localize's view.
    return [
        path("localize/submit/page/<int:page_id>/", checked_submit_page_translation),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            checked_submit_snippet_translation,
        ),
        path("localize/translate/<int:translation_id>/pofile/upload/", checked_upload_pofile),
    ]


@hooks.register("before_serve_page")
def send_readers_to_the_page_s_own_language(page, request, serve_args, serve_kwargs):
    """/pl/… with no live Polish home page routes to the English page (Wagtail's
    fallback). Serving it there would mark English text as Polish and show
    Polish navigation around it; the reader is sent to the English address."""
    if get_supported_content_language_variant(get_language()) == settings.LANGUAGE_CODE:
        # The default language: its pages are the site root's, no query needed.
        site = Site.find_for_request(request)
        if site is None or page.locale_id == site.root_page.locale_id:
            return None
    elif page.locale_id == Locale.get_active().pk:
        return None
    return redirect(page.get_url(request) or "/")
