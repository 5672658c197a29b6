"""Checks in front of two wagtail-localize admin views.

Submitting a page for translation: wagtail-localize asks only for the global
"submit translation" permission. Here the translator must also be able to
edit the page itself (group page permissions can limit an editor to part of
the tree), and the page's parent must already exist in each chosen language,
because otherwise Wagtail would create the missing parents as aliases: pages
that are live in that language at once, without sign-off.

Submitting a snippet (a contact panel, a learning theme) for translation: the
same global permission only. Here the translator must also be allowed to edit
that snippet and to add one of its kind (the translation is a new snippet),
as the snippet's own permission policy says.

Uploading a PO file: wagtail-localize's upload view reads the ``X-WagtailLocalize-TranslationID``
header without checking it is there, so a PO file edited in a tool that drops
the header (or an upload with no file) ends in a 500 and the translator learns
nothing. This view answers those cases with an error message on the
translation editor, then hands every well-formed upload to wagtail-localize.
"""

from __future__ import annotations

import tempfile

import polib
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import upload_pofile, user_can_edit_instance
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView

submit_page_translation = SubmitPageTranslationView.as_view()
submit_snippet_translation = SubmitSnippetTranslationView.as_view()

HEADER = "X-WagtailLocalize-TranslationID"


def _problem(upload) -> str | None:
    if upload is None:
        return _("Choose a PO file to upload.")
    # polib reads a string that names a file as that file: parse from a
    # temporary file of our own, never from the uploaded text.
    with tempfile.NamedTemporaryFile(suffix=".po") as copy:
        copy.write(upload.read())
        copy.flush()
        upload.seek(0)
        try:
            po = polib.pofile(copy.name)
        except (OSError, UnicodeDecodeError, ValueError):
            return _("Please upload a valid PO file.")
    if HEADER not in po.metadata:
        return _(
            "This PO file has no %(header)s header, so it cannot be matched to a translation. "
            "Download the PO file again from this translation, add your translations to it, and upload that file."
        ) % {"header": HEADER}
    return None


def checked_upload_pofile(request, translation_id: int):
    translation = get_object_or_404(Translation, id=translation_id)
    if request.method == "POST" and user_can_edit_instance(request.user, translation.get_target_instance()):
        problem = _problem(request.FILES.get("file"))
        if problem:
            messages.error(request, problem)
            return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
    return upload_pofile(request, translation_id)


def checked_submit_page_translation(request, page_id: int):
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST":
        parent = page.get_parent()
        translated_parent_locales = set(
            parent.get_translations(inclusive=True).filter(alias_of__isnull=True).values_list("locale_id", flat=True)
        )
        chosen = Locale.objects.filter(pk__in=request.POST.getlist("locales"))
        missing = [locale for locale in chosen if locale.pk not in translated_parent_locales]
        if missing and not parent.is_root():
            messages.error(
                request,
                _("Translate “%(parent)s” into %(languages)s first: this page goes under its translation.")
                % {
                    "parent": parent.get_admin_display_title(),
                    "languages": ", ".join(locale.get_display_name() for locale in missing),
                },
            )
            return redirect(request.get_full_path())
    return submit_page_translation(request, page_id=page_id)


def checked_submit_snippet_translation(request, app_label: str, model_name: str, pk: str):
    model = next(
        (
            model
            for model in get_snippet_models()
            if model._meta.app_label == app_label and model._meta.model_name == model_name
        ),
        None,
    )
    if model is None or not issubclass(model, TranslatableMixin):
        raise Http404
    snippet = get_object_or_404(model, pk=unquote(pk))
    policy = model.snippet_viewset.permission_policy
    if not (
        policy.user_has_permission(request.user, "add")
        and policy.user_has_permission_for_instance(request.user, "change", snippet)
    ):
        raise PermissionDenied
    return submit_snippet_translation(request, app_label=app_label, model_name=model_name, pk=pk)
