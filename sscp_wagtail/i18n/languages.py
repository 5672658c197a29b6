"""Which languages a reader can switch to from where they are, and where to."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in the language itself: "Polski", "اردو"
    url: str
    current: bool
    bidi: bool
    absolute_url: str


def _link(code: str, url: str, request: HttpRequest | None = None) -> LanguageLink:
    info = get_language_info(code)
    # "English", not Django's "British English": readers choose a language.
    name = get_language_info(code.split("-")[0])["name_local"]
    return LanguageLink(
        code=code,
        name=capfirst(name),
        url=url,
        current=code == get_language(),
        bidi=info["bidi"],
        absolute_url=request.build_absolute_uri(url) if request is not None else url,
    )


def page_languages(request: HttpRequest | None, page: Page) -> list[LanguageLink]:
    """The languages this page is published in, in settings order, each at its
    translation's address. The page itself is always listed (it may be a
    preview); a translation still in moderation is not."""
    # One query when the page has no published translation (the usual case);
    # with translations, two more to leave out any behind a privacy restriction.
    others = list(
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .live()
        .select_related("locale")
        .only("id", "path", "depth", "url_path", "locale__language_code")
    )
    if others:
        public = set(Page.objects.filter(pk__in=[other.pk for other in others]).public().values_list("pk", flat=True))
        others = [other for other in others if other.pk in public]
    if not others:
        return []
    translations = {other.locale.language_code: other for other in others}
    links = []
    for code, _name in settings.LANGUAGES:
        if code == get_language():
            links.append(_link(code, request.path if request is not None else page.url, request))
        elif code in translations:
            url = translations[code].get_url(request)
            if url:
                links.append(_link(code, url, request))
    return links if len(links) > 1 else []


def view_languages(request: HttpRequest) -> list[LanguageLink]:
    """For a page that is not in the page tree (search): every language, at the
    same address in that language."""
    if len(settings.LANGUAGES) < 2:
        return []
    path = request.get_full_path()
    return [_link(code, translate_url(path, code), request) for code, _name in settings.LANGUAGES]


def localized_root(request: HttpRequest | None, page: Page | None = None) -> Page | None:
    """The site's home page in the reader's language.

    The default language's home is the site root; a translation's is the
    root's sibling. From a page, that is its ancestor at the root's depth (no
    query for the default language); elsewhere, Wagtail's ``localized``.
    """
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    root = site.root_page
    if page is None:
        in_default_language = get_supported_content_language_variant(get_language()) == settings.LANGUAGE_CODE
        return root if in_default_language else root.localized
    if page.path.startswith(root.path) or page.depth < root.depth:
        return root
    cached = getattr(request, "_sscp_localized_root", None)
    if cached is None or not page.path.startswith(cached.path):
        cached = Page.objects.only("id", "title", "path", "depth", "url_path").get(path=page.path[: len(root.path)])
        request._sscp_localized_root = cached
    return cached
