"""What wagtail-localize translates and what it keeps in step with the source.

Anything a reader acts on (a page's address, a date, a phone number, a
document) is the same in every language; translators change words only.
``overridable=False`` keeps a translator from changing it, and every sync
copies it again from the source.
"""

from __future__ import annotations

from wagtail_localize.fields import SynchronizedField

# Every page type: translated pages keep the source's slug, so
# /serious-case-reviews/baby-m/ is /pl/serious-case-reviews/baby-m/ in Polish.
PAGE_SYNCHRONISED_FIELDS = [SynchronizedField("slug", overridable=False)]


def synchronised(*field_names: str) -> list[SynchronizedField]:
    """Page fields plus the named fields, none of them open to translators."""
    return [*PAGE_SYNCHRONISED_FIELDS, *(SynchronizedField(name, overridable=False) for name in field_names)]
