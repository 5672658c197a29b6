"""Whole-page cache for anonymous readers, built on Django's cache framework.

What is cached: a GET answered 200 for a request with no session cookie, by a
response that sets no cookie, asks for no CSP nonce, holds nothing that changes
with the clock (``do_not_store``), says no ``Vary: *`` and is not marked
``private``, ``no-store`` or ``no-cache``; and never a path under
``SSCP_PAGE_CACHE_EXCLUDE`` (admin, search, most of the API, documents, health
checks) unless it is under ``SSCP_PAGE_CACHE_INCLUDE`` (the API's pages
endpoints), nor a request with a parameter in ``SSCP_PAGE_CACHE_EXCLUDE_PARAMETERS``
(``?search=``: visitors' own words). So a signed-in editor, a preview, a form
with a CSRF token, or a view that sends ``Cache-Control: no-store`` (the
referral form, API previews) is never stored, and a cached page never carries
anyone's session, CSRF token or userbar. A HEAD request is answered from a
stored GET but never stores one.

Purging is all-or-nothing: every entry carries the *generation* token that was
live when its page began rendering, and any change that could show on a page
(a page published, unpublished, moved or deleted; a snippet, image, document,
site or redirect saved or deleted) replaces the token once the change is
committed. An entry is served only while its token is the live one. Pages show
menus, breadcrumbs, listings and shared snippets, so working out which pages a
change touches is where caches go wrong; a small site re-rendering its pages
after an edit costs little. The token is random, never a counter, so a cache
that loses it (eviction, a Redis restart) can only miss, never serve old pages.

A hit costs one cache round trip (the token and the entry in one ``get_many``)
and no unpickling of response objects: an entry is a tuple of the token, what
it was stored for (scheme, host, address and the values of the request
headers the response varies on), the status, the headers and the body. Which
headers a page varies on is remembered per address in each process, and in the
cache for the other processes; an entry is only served to a request whose own
values of those headers are the ones it was stored for, so a wrong guess can
only miss.

Browsers are told nothing new: no ``max-age`` is added, so a reader's browser
always asks again and gets the current page.
"""

from __future__ import annotations

import contextvars
import hashlib
import logging
import secrets
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response

logger = logging.getLogger(__name__)

GENERATION_KEY = "sscp:page-cache:generation"
ENTRY_PREFIX = "sscp:page:"
VARY_PREFIX = "sscp:page-vary:"
HIT_HEADER = "X-Page-Cache"
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")

# Per process: which request headers the page at an address varies on, as last
# stored. Bounded, since query strings are the visitor's to choose.
_vary_by_address: dict[str, tuple[str, ...]] = {}
_VARY_MEMORY = 10_000

# The response being built for the current request, if the page cache may store
# it: ``do_not_store`` turns it off from anywhere in the view.
_storable: contextvars.ContextVar[dict | None] = contextvars.ContextVar("sscp_page_cache_storable", default=None)


def current_generation() -> str | None:
    """The live generation token, created on first use; None when the cache is down."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = _new_generation()
    return generation


def _new_generation() -> str | None:
    cache.add(GENERATION_KEY, secrets.token_hex(8), None)
    return cache.get(GENERATION_KEY)


def purge_now() -> None:
    cache.set(GENERATION_KEY, secrets.token_hex(8), None)


def purge() -> None:
    """Invalidate every cached page now and again once the transaction commits,
    so a page rendered from the old data while the change was being saved is
    not kept either."""
    purge_now()
    transaction.on_commit(purge_now)


def do_not_store() -> None:
    """Keep the response being built out of the page cache: it holds something
    that changes with the clock (a contact panel's "open now" in the API)."""
    state = _storable.get()
    if state is not None:
        state["store"] = False


def request_is_cacheable(request: HttpRequest) -> bool:
    if not settings.SSCP_PAGE_CACHE or request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or getattr(request, "is_preview", False):
        return False
    path = request.path_info
    if path.startswith(settings.STATIC_URL) or (
        path.startswith(settings.SSCP_PAGE_CACHE_EXCLUDE) and not path.startswith(settings.SSCP_PAGE_CACHE_INCLUDE)
    ):
        return False
    query = request.META.get("QUERY_STRING", "")
    excluded = settings.SSCP_PAGE_CACHE_EXCLUDE_PARAMETERS
    # Parsing the query costs more than the rest of a hit: only when a name could be in it.
    if "%" in query or any(name in query for name in excluded):
        return not any(name in request.GET for name in excluded)
    return True


def response_is_cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES)
        and "*" not in response.get("Vary", "")
        and not getattr(request, "is_preview", False)
        and not (user is not None and user.is_authenticated)
        # A nonce written into a stored page would be replayed to every reader.
        and getattr(request, "_csp_nonce", None) is None
    )


def _address(request: HttpRequest) -> str:
    """Scheme, host and path: what the headers a page varies on are remembered by."""
    return f"{request.scheme}://{request.get_host()}{request.path_info}"


def _header(request: HttpRequest, name: str) -> str:
    meta = name.upper().replace("-", "_")
    if meta not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        meta = "HTTP_" + meta
    return request.META.get(meta, "")


def _identity(request: HttpRequest, address: str, vary: tuple[str, ...]) -> str:
    """Everything an entry is stored for, compared in full on every hit."""
    parts = [address, request.META.get("QUERY_STRING", "")]
    parts += [f"{name}={_header(request, name)}" for name in vary]
    return "\n".join(parts)


def _entry_key(identity: str) -> str:
    return ENTRY_PREFIX + hashlib.md5(identity.encode(), usedforsecurity=False).hexdigest()


def _vary_key(address: str) -> str:
    return VARY_PREFIX + hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()


def _vary_of(response: HttpResponse) -> tuple[str, ...]:
    header = response.get("Vary", "")
    return tuple(sorted({name.strip().lower() for name in cc_delim_re.split(header) if name.strip()}))


def _remember_vary(address: str, vary: tuple[str, ...]) -> None:
    if len(_vary_by_address) >= _VARY_MEMORY:
        _vary_by_address.clear()
    _vary_by_address[address] = vary


def _response_from(entry: tuple, request: HttpRequest) -> HttpResponse:
    _generation, _identity, status, headers, body = entry
    response = HttpResponse(body, status=status, headers=headers)
    if "ETag" in headers and "HTTP_IF_NONE_MATCH" in request.META:
        # As the API's own views do: a client holding this version gets a 304.
        response = get_conditional_response(request, etag=headers["ETag"], response=response)
    response[HIT_HEADER] = "hit"
    return response


def _entry(generation: str, identity: str, response: HttpResponse) -> tuple:
    headers = {name: value for name, value in response.items() if name != HIT_HEADER}
    return (generation, identity, response.status_code, headers, response.content)


class PageCacheMiddleware:
    """Right after ``SecurityMiddleware``: a hit is answered before the CSP,
    session, locale, CSRF, authentication and two-factor middleware run, so it
    costs about what a fixed response costs.

    A miss is stored on its way out, after every middleware inside this one has
    had its say: the stored response carries their headers (the
    Content-Security-Policy, ``X-Frame-Options``, ``Vary``), so a hit needs none
    of them. The policy stored is the same for every reader because a response
    whose page asked for a nonce is never stored. Host validation and the HTTPS
    redirect still come first (``SecurityMiddleware`` and the host in every
    entry's identity).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request_is_cacheable(request):
            return self.get_response(request)
        address = _address(request)
        vary = _vary_by_address.get(address)
        generation, entry_identity = None, None
        if vary is None:
            # First request for this address in this process: ask the cache what
            # it varies on (another process may have stored it).
            found = cache.get_many([GENERATION_KEY, _vary_key(address)])
            generation = found.get(GENERATION_KEY)
            vary = found.get(_vary_key(address))
            if vary is not None:
                _remember_vary(address, vary)
        if vary is not None:
            entry_identity = _identity(request, address, vary)
            entry_key = _entry_key(entry_identity)
            found = cache.get_many([GENERATION_KEY, entry_key])
            generation = found.get(GENERATION_KEY)
            entry = found.get(entry_key)
            if generation is not None and entry is not None and entry[0] == generation and entry[1] == entry_identity:
                return _response_from(entry, request)
        if generation is None:
            generation = _new_generation()
            if generation is None:  # the cache is down: serve, uncached
                return self.get_response(request)
        return self._miss(request, address, generation)

    def _miss(self, request: HttpRequest, address: str, generation: str) -> HttpResponse:
        state = {"store": True}
        token = _storable.set(state)
        try:
            response = self.get_response(request)
            if callable(getattr(response, "render", None)) and not response.is_rendered:
                # Django's handler renders before middleware sees the response; a
                # caller that did not is rendered here, where do_not_store still counts.
                response.render()
        finally:
            _storable.reset(token)
        if request.method != "GET" or not state["store"] or not response_is_cacheable(request, response):
            response[HIT_HEADER] = "bypass"
            return response

        vary = _vary_of(response)
        identity = _identity(request, address, vary)
        cache.set_many(
            {_entry_key(identity): _entry(generation, identity, response), _vary_key(address): vary},
            settings.SSCP_PAGE_CACHE_SECONDS,
        )
        _remember_vary(address, vary)
        response[HIT_HEADER] = "miss"
        return response
