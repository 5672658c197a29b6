"""Translate a page or snippet from code the way an editor does in the admin.

The demo content and the tests use this so that they exercise
wagtail-localize's own path: submit for translation (which also submits the
snippets the object uses), fill the strings through a PO file, save the
translation as a draft, then submit it to the object's workflow and have a
second person approve it. Nothing here publishes directly.
"""

from __future__ import annotations

from collections.abc import Callable

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

# Given the English text of a segment, the translation, or None to keep the
# English text (wagtail-localize falls back to the source).
Translator = Callable[[str], "str | None"]


def translate(obj, language_code: str, user, translator: Translator) -> Translation:
    """Submit ``obj`` for translation, fill its strings via PO and save a draft."""
    locale = Locale.objects.get(language_code=language_code)
    TranslationCreator(user, [locale]).create_translations(obj)
    source = TranslationSource.objects.get_for_instance(obj)
    translation = Translation.objects.get(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        text = translator(entry.msgid)
        if text:
            entry.msgstr = text
    translation.import_po(po, user=user, tool_name="PO File")
    translation.save_target(user=user, publish=False)
    return translation


def submit_for_sign_off(obj, submitter):
    """Start the object's workflow on its latest draft, as "Submit" does."""
    obj = obj.get_latest_revision_as_object() if obj.latest_revision_id else obj
    revision = obj.save_revision(user=submitter, log_action=True)
    workflow = obj.get_workflow()
    workflow.start(obj, submitter)
    return revision


def approve(obj, moderator) -> None:
    """Approve every task of the workflow in progress, as ``moderator``."""
    obj.refresh_from_db()
    while (task_state := obj.current_workflow_task_state) is not None:
        task_state.task.specific.on_action(task_state, moderator, "approve")
        obj.refresh_from_db()
