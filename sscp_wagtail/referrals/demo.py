"""The demo's case-review referral form at ``/case-review-referral/``.

It asks for what the partnership needs to decide on a review and no more: the
child's initials and age, never a full name or date of birth.
"""

from __future__ import annotations

from wagtail.models import Page

from .models import ReferralFormField, ReferralFormPage

SLUG = "case-review-referral"
TITLE = "Case review referral"
SEARCH_DESCRIPTION = "Refer a case to the partnership for review."
INTRO = (
    "<p>If you’d like to make a case referral, complete the referral form below. It goes straight to the "
    "Safeguarding Unit, and you will be given a reference number.</p>"
    "<p>Tell us about a case where a child has died or been seriously harmed, abuse or neglect is known or "
    "suspected, and there are concerns about how agencies worked together. Give the child’s initials and age "
    "only: the Safeguarding Unit will contact you for anything else it needs.</p>"
)
THANK_YOU_TEXT = (
    "<p>The Safeguarding Unit will consider your referral and contact you within five working days. "
    "If it decides the case meets the criteria, it will start a Rapid Review.</p>"
)
CRITERIA = "\n".join(
    [
        "The child has died or been seriously harmed",
        "Abuse or neglect of the child is known or suspected",
        "There are concerns about how agencies worked together to safeguard the child",
    ]
)
# (label, type, required, help text, choices, autocomplete)
FIELDS: list[tuple[str, str, bool, str, str, str]] = [
    ("Your name", "singleline", True, "", "", "name"),
    ("Your role", "singleline", True, "For example: health visitor, social worker, teacher.", "", "organization-title"),
    ("Your agency", "singleline", True, "The organisation you work for.", "", "organization"),
    ("Your email address", "email", True, "We will only use this to contact you about this referral.", "", "email"),
    ("Your phone number", "singleline", True, "", "", "tel"),
    (
        "Child’s initials",
        "singleline",
        True,
        "Initials only, for example J.S. Do not give the child’s name.",
        "",
        "off",
    ),
    ("Child’s age", "number", True, "In years; for a baby under one, write 0.", "", "off"),
    (
        "What happened",
        "multiline",
        True,
        "What happened to the child, when, and which agencies were involved.",
        "",
        "off",
    ),
    ("Which criteria apply", "checkboxes", True, "Select all that apply.", CRITERIA, ""),
    (
        "Supporting document",
        "attachment",
        False,
        "Optional. A PDF, DOCX or ODT document, smaller than 10 MB.",
        "",
        "",
    ),
    (
        "I confirm that the information I have given is accurate to the best of my knowledge",
        "checkbox",
        True,
        "",
        "",
        "",
    ),
]


def _fill(page: ReferralFormPage) -> None:
    page.title = TITLE
    page.intro = INTRO
    page.thank_you_text = THANK_YOU_TEXT
    page.search_description = SEARCH_DESCRIPTION
    page.show_in_menus = True
    page.form_fields = [
        ReferralFormField(
            sort_order=order,
            label=label,
            field_type=field_type,
            required=required,
            help_text=help_text,
            choices=choices,
            autocomplete=autocomplete,
        )
        for order, (label, field_type, required, help_text, choices, autocomplete) in enumerate(FIELDS)
    ]


def ensure_referral_form(parent: Page, *, refresh: bool = False, report=None) -> Page:
    """The referral form under ``parent``, created and published if missing.

    Idempotent: a form that exists is left as editors made it, unless
    ``refresh`` restores the demo's version (as a new published revision). A
    page of another type at the address (an earlier demo's text page) is left
    alone and reported as outdated, or replaced when refreshing. ``report`` is
    the demo loader's report.
    """
    existing = parent.get_children().filter(slug=SLUG).first()
    if existing is not None and not isinstance(existing.specific, ReferralFormPage):
        if not refresh:
            if report is not None:
                report.outdated.append(SLUG)
            return existing.specific
        existing.delete()
        existing = None
    if existing is not None and not refresh:
        if report is not None:
            report.kept.append(SLUG)
        return existing.specific

    page = existing.specific if existing is not None else ReferralFormPage(slug=SLUG, title=TITLE)
    _fill(page)
    if existing is None:
        parent.add_child(instance=page)
    page.save_revision(log_action=True).publish()
    if report is not None:
        (report.updated if existing is not None else report.created).append(SLUG)
    return page
