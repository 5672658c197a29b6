"""Every response carries the security headers; public pages get a strict CSP."""

import re

import pytest
from django.test import override_settings

from tests.conftest import soup

PUBLIC_PATHS = [
    "/",
    "/serious-case-reviews/",
    "/serious-case-reviews/baby-m/",
    "/serious-case-reviews/7-minute-briefing-safe-sleep/",
    "/serious-case-reviews/themes/safe-sleep/",
    "/rapid-review-process/",
    "/case-review-referral/",
    "/search/?q=safe+sleep",
    "/no-such-page/",
]


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_forbid_inline_script_and_style_and_framing(client, demo, path):
    response = client.get(path)
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_need_no_exception_to_the_policy(client, demo, path):
    """No inline script (JSON and JSON-LD blocks are data, not script), no style attribute or
    element, no event-handler attribute, no javascript: link."""
    document = soup(client.get(path))
    for script in document.find_all("script"):
        assert script.get("src") or script.get("type") in ("application/json", "application/ld+json"), script
        if script.get("src"):
            assert not script.get("src").startswith(("http:", "https:", "//")), script
    assert document.find_all("style") == []
    for element in document.find_all(True):
        assert "style" not in element.attrs, element
        assert not [name for name in element.attrs if name.lower().startswith("on")], element
        assert not str(element.get("href", "")).lower().startswith("javascript:"), element


@pytest.mark.django_db
def test_a_nonce_is_added_only_to_the_response_that_asks_for_it(rf):
    from django.http import HttpResponse
    from django.template import Context, Template

    from sscp_wagtail.production.csp import CSPMiddleware

    def view(request):
        html = Template('<script nonce="{{ request.csp_nonce }}">1</script>').render(Context({"request": request}))
        return HttpResponse(html)

    request = rf.get("/a-page/")
    response = CSPMiddleware(view)(request)
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in directives(response["Content-Security-Policy"])["script-src"]
    plain = CSPMiddleware(lambda request: HttpResponse("<p>no script</p>"))(rf.get("/a-page/"))
    assert "nonce-" not in plain["Content-Security-Policy"]


@pytest.mark.django_db
def test_admin_has_its_own_policy_that_allows_its_preview_frame(admin_client):
    response = admin_client.get("/admin/")
    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-eval'" not in policy["script-src"]


@pytest.mark.django_db
def test_page_preview_may_be_framed_by_the_admin_only(admin_client, demo):
    from tests.conftest import page_at

    page = page_at("/rapid-review-process/")
    # What the editor's preview panel loads in its frame.
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_documents_keep_wagtails_own_no_content_policy(client, demo):
    from wagtail.documents.models import Document

    document = Document.objects.filter(collection__view_restrictions__isnull=True).first()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    b"".join(response.streaming_content)


@override_settings(SECURE_SSL_REDIRECT=True)
@pytest.mark.django_db
def test_https_redirect_still_applies_to_pages(client, demo):
    response = client.get("/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
