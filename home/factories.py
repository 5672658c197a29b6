"""Page and document factories shared by the tests and the demo-content command."""

from __future__ import annotations

import io

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.models import Collection

from .models import HomePage, StandardPage


def demo_pdf(title: str) -> bytes:
    """A one-page PDF naming the document, so demo links download something real."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((120, 160), title, fill="black", font=ImageFont.load_default(size=44))
    draw.text(
        (120, 260),
        "Demonstration copy. The published document is available from the partnership.",
        fill="black",
        font=ImageFont.load_default(size=28),
    )
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150)
    return buffer.getvalue()


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Document {n}")
    # The root collection, not a new collection per document.
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(lambda doc: ContentFile(demo_pdf(doc.title), name=f"{slugify(doc.title)}.pdf"))

    class Meta:
        model = get_document_model()


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    introduction = "<p>Learning from case reviews.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = "A page of guidance."

    class Meta:
        model = StandardPage
