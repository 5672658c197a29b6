"""Wagtail's content checker (the "Checks" in the preview and the user bar), made stricter.

Wagtail runs a short list of axe-core rules on the previewed page. This adds
the axe rules for images, lists and headings that public-sector pages must
pass, and tightens Wagtail's own alt-text rule: an image with no alt text, an
empty one, a file name, or words such as "image of" or "photo" is flagged.
Decorative images are not used on this site (the image block requires alt
text), so an empty alt is always a mistake here.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import AccessibilityItem, ContentCheckerItem

from .content import UNHELPFUL_ALT_TEXT

EXTRA_RULES = [
    "image-alt",
    "image-redundant-alt",
    "role-img-alt",
    "svg-img-alt",
    "list",
    "listitem",
    "empty-heading",
    "heading-order",
    "link-name",
    "duplicate-id-aria",
]


class SiteContentCheckerItem(ContentCheckerItem):
    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        *[r for r in EXTRA_RULES if r not in ContentCheckerItem.axe_run_only],
    ]
    axe_custom_rules = [
        # Wagtail's rule looks only at images that have an alt attribute; this one looks at all.
        {**rule, "selector": "img"} if rule["id"] == "alt-text-quality" else rule
        for rule in ContentCheckerItem.axe_custom_rules
    ]
    axe_custom_checks = [
        {"id": "check-image-alt-text", "options": {"pattern": UNHELPFUL_ALT_TEXT}}
        if check["id"] == "check-image-alt-text"
        else check
        for check in ContentCheckerItem.axe_custom_checks
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "alt-text-quality": {
            "error_name": _("Image alt text does not describe the image"),
            "help_text": _("Say what the image shows and why it is there, not its file name or “image of”"),
        },
        "image-alt": {
            "error_name": _("Image has no alt text"),
            "help_text": _("Add alt text saying what the image shows"),
        },
        "image-redundant-alt": {
            "error_name": _("Alt text repeats the text beside the image"),
            "help_text": _("Describe the image instead"),
        },
        "list": {"error_name": _("List is not marked up correctly"), "help_text": _("Use the list buttons")},
        "listitem": {"error_name": _("List item outside a list"), "help_text": _("Use the list buttons")},
    }


def use_site_content_checker(request, items, page) -> None:
    """``construct_wagtail_userbar`` hook: swap Wagtail's own checker for the stricter one."""
    for position, item in enumerate(items):
        if type(item) in (ContentCheckerItem, AccessibilityItem):
            items[position] = SiteContentCheckerItem(in_editor=item.in_editor)
