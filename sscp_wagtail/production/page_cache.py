"""Whole-page cache for anonymous readers, built on Django's cache framework.

What is cached: a GET or HEAD answered 200 for a request with no session
cookie, by a response that sets no cookie, asks for no CSP nonce, and is not
marked ``private``, ``no-store`` or ``no-cache``; and never a path under
``SSCP_PAGE_CACHE_EXCLUDE`` (admin, search, API, documents, health checks).
So a signed-in editor, a preview, a form with a CSRF token, or a view that
sends ``Cache-Control: no-store`` (the referral form) is never stored, and a
cached page never carries anyone's session, CSRF token or userbar.

Purging is all-or-nothing: every cache key carries a *generation* token held in
the cache, and any change that could show on a page (a page published,
unpublished, moved or deleted; a snippet, image, document, site or redirect
saved or deleted) replaces the token once the change is committed. Pages show
menus, breadcrumbs, listings and shared snippets, so working out which pages a
change touches is where caches go wrong; a small site re-rendering its pages
after an edit costs little. The token is random, never a counter, so a cache
that loses it (eviction, a Redis restart) can only miss, never serve old pages.

Browsers are told nothing new: no ``max-age`` is added, so a reader's browser
always asks again and gets the current page.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_cache_key, learn_cache_key

logger = logging.getLogger(__name__)

GENERATION_KEY = "sscp:page-cache:generation"
HIT_HEADER = "X-Page-Cache"
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")


def current_generation() -> str | None:
    """The live generation token, created on first use; None when the cache is down."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def purge_now() -> None:
    cache.set(GENERATION_KEY, secrets.token_hex(8), None)


def purge() -> None:
    """Invalidate every cached page now and again once the transaction commits,
    so a page rendered from the old data while the change was being saved is
    not kept either."""
    purge_now()
    transaction.on_commit(purge_now)


def request_is_cacheable(request: HttpRequest) -> bool:
    return (
        settings.SSCP_PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith((*settings.SSCP_PAGE_CACHE_EXCLUDE, settings.STATIC_URL))
        and not getattr(request, "is_preview", False)
    )


def response_is_cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES)
        and not getattr(request, "is_preview", False)
        and not (user is not None and user.is_authenticated)
        # A nonce written into a stored page would be replayed to every reader.
        and getattr(request, "_csp_nonce", None) is None
    )


class PageCacheMiddleware:
    """Right after ``SecurityMiddleware``: a hit is answered before the CSP,
    session, locale, CSRF, authentication and two-factor middleware run, so it
    costs about what a fixed response costs.

    A miss is stored on its way out, after every middleware inside this one has
    had its say: the stored response carries their headers (the
    Content-Security-Policy, ``X-Frame-Options``, ``Vary``), so a hit needs none
    of them. The policy stored is the same for every reader because a response
    whose page asked for a nonce is never stored. Host validation and the HTTPS
    redirect still come first (``SecurityMiddleware`` and the host check in the
    cache key).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request_is_cacheable(request):
            return self.get_response(request)
        generation = current_generation()
        if generation is None:
            return self.get_response(request)
        prefix = f"sscp:page:{generation}"
        key = get_cache_key(request, prefix, "GET", cache=cache)
        cached = cache.get(key) if key else None
        if cached is not None:
            cached[HIT_HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if not response_is_cacheable(request, response):
            response[HIT_HEADER] = "bypass"
            return response
        timeout = settings.SSCP_PAGE_CACHE_SECONDS
        key = learn_cache_key(request, response, timeout, prefix, cache=cache)
        if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
            response.add_post_render_callback(lambda rendered: cache.set(key, rendered, timeout))
        else:
            cache.set(key, response, timeout)
        response[HIT_HEADER] = "miss"
        return response
