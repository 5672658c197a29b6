from django.shortcuts import redirect
from django.urls import path
from wagtail import hooks
from wagtail.models import Locale

from .admin_views import checked_submit_page_translation, checked_upload_pofile


@hooks.register("register_admin_urls")
def register_admin_urls():
    # These addresses are wagtail-localize's own. This app comes before
    # wagtail_localize in INSTALLED_APPS, so its URLs are matched first and
    # each request meets the checks before wagtail-localize's view.
    return [
        path("localize/submit/page/<int:page_id>/", checked_submit_page_translation),
        path("localize/translate/<int:translation_id>/pofile/upload/", checked_upload_pofile),
    ]


@hooks.register("before_serve_page")
def send_readers_to_the_page_s_own_language(page, request, serve_args, serve_kwargs):
    """/pl/… with no live Polish home page routes to the English page (Wagtail's
    fallback). Serving it there would mark English text as Polish and show
    Polish navigation around it; the reader is sent to the English address."""
    if page.locale_id != Locale.get_active().pk:
        return redirect(page.get_url(request) or "/")
    return None
