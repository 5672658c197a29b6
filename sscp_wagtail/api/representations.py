"""How documents, images, page links and contact panels look wherever the API
shows them: in StreamField blocks, rich-text-free fields and related objects.

One shape per kind of thing, so a front end writes one component for a
document link whether it came from a review's documents, a body block or a
learning resource. Nothing here imports models, so ``blocks.py`` and
``models.py`` can both use it.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from wagtail.api.utils import get_full_url

from sscp_wagtail.files import document_description, document_size

# Rendition sizes offered for every image block: enough for a srcset from a
# phone to a wide screen. Changing them changes the API's shape.
IMAGE_RENDITIONS = {"small": "max-480x480", "medium": "max-960x960", "large": "max-1600x1600"}


def _request(context: dict | None):
    return (context or {}).get("request")


def absolute_url(url: str, context: dict | None) -> str:
    request = _request(context)
    return get_full_url(request, url) if request is not None and url else url


def document_data(document: Any, context: dict | None = None, *, title: str = "") -> dict:
    """A document as a link: readers need its type and size before they download it."""
    size = document_size(document)
    return {
        "id": document.pk,
        "title": title or document.title,
        "url": absolute_url(document.url, context),
        "file_type": (document.file_extension or "").upper(),
        "file_size": size,
        "description": document_description(document),
    }


def image_data(image: Any, context: dict | None = None, *, alt: str = "", caption: str = "") -> dict:
    renditions = image.get_renditions(*IMAGE_RENDITIONS.values())
    return {
        "id": image.pk,
        "alt": alt,
        "caption": caption,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": absolute_url(renditions[spec].url, context),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in IMAGE_RENDITIONS.items()
        },
    }


def page_link_data(page: Any, context: dict | None = None, *, title: str = "") -> dict | None:
    """A link to a page on the site, or None when the page is not live: a front
    end must never link to a draft."""
    if page is None or not page.live:
        return None
    return {
        "id": page.pk,
        "title": title or page.title,
        "url": page.get_url(request=_request(context)),
        "type": page.specific_class._meta.label if page.specific_class else None,
    }


def contact_panel_data(panel: Any, context: dict | None = None) -> dict | None:
    """A contact panel placed on a page: its numbers, whether it is open now
    and the sentence to show. ``detail_url`` serves the same panel with
    ``?at=`` for any other moment."""
    from sscp_wagtail.production.page_cache import do_not_store

    from .serializers import panel_status

    if panel is None or not panel.live:
        return None
    do_not_store()  # "open now" is out of date within the minute
    return {
        "id": panel.pk,
        "title": panel.title,
        "lead": panel.lead,
        "detail_url": absolute_url(reverse("wagtailapi:contact-panels:detail", args=[panel.pk]), context),
        "status": panel_status(panel, timezone.now()),
    }
