"""Editors cannot upload what would be unsafe to serve: SVG or HTML, oversized files."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from tests.conftest import soup

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'


def png_bytes() -> bytes:
    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.new("RGB", (4, 4), "white").save(out, "PNG")
    return out.getvalue()


def upload(client, url: str, name: str, content: bytes, content_type: str):
    return client.post(
        url,
        {
            "title": "Upload",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def error_text(response) -> str:
    return " ".join(element.get_text(" ", strip=True) for element in soup(response).select(".error-message"))


@pytest.mark.django_db
def test_svg_images_are_refused_with_a_clear_message(admin_client):
    response = upload(admin_client, "/admin/images/add/", "logo.svg", SVG, "image/svg+xml")
    assert response.status_code == 200
    assert "Not a supported image format" in error_text(response)
    assert not Image.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content_type"), [("page.html", "text/html"), ("logo.svg", "image/svg+xml")])
def test_documents_that_a_browser_would_run_are_refused(admin_client, name, content_type):
    response = upload(admin_client, "/admin/documents/add/", name, SVG, content_type)
    assert response.status_code == 200
    assert "File extension" in error_text(response)
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_oversized_documents_are_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload(admin_client, "/admin/documents/add/", "big.pdf", b"%PDF-1.4\n" + b"0" * 2048, "application/pdf")
    assert response.status_code == 200
    assert "This file is too big" in error_text(response)
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_images_too_large_in_pixels_are_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 10
    response = upload(admin_client, "/admin/images/add/", "pixel.png", png_bytes(), "image/png")
    assert response.status_code == 200
    assert "pixels" in error_text(response)
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_an_allowed_image_is_accepted(admin_client):
    response = upload(admin_client, "/admin/images/add/", "pixel.png", png_bytes(), "image/png")
    assert response.status_code == 302
    assert Image.objects.get().title == "Upload"


def test_limits_in_force():
    from django.conf import settings

    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert not {"svg", "html", "htm", "js", "xml"} & set(settings.WAGTAILDOCS_EXTENSIONS)
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert settings.WAGTAILFORMS_HELP_TEXT_ALLOW_HTML is False
    assert settings.WAGTAIL_PRIVATE_PAGE_OPTIONS == {"SHARED_PASSWORD": False}
