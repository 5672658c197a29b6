"""The endpoints of ``/api/v2/``: which objects each one returns.

Everything here is public and read-only, and answers the same whoever asks:
drafts never leave the admin, because for a live page or snippet the database
row *is* the live version (Wagtail keeps unpublished changes in revisions);
pages behind any view restriction and documents or images in a restricted
collection are left out even for a signed-in editor, so a shared cache can
never hold something private. Bad query values are a 400 with a message,
never a 500.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch, QuerySet, prefetch_related_objects
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.functional import cached_property
from django.utils.translation import get_language
from rest_framework import status
from rest_framework.filters import BaseFilterBackend
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction

from sscp_wagtail.contact_panels.schedule import with_rows
from sscp_wagtail.learning.models import LearningTheme
from sscp_wagtail.models import ContactPanel
from sscp_wagtail.opening_hours import LONDON
from sscp_wagtail.production import content_cache

from .encoding import SiteJSONRenderer
from .links import link_scope, preload_links, rich_texts
from .prefetch import prefetch_streams
from .preview import PreviewDenied, read_token
from .representation_cache import (
    ATTR,
    KEY_ATTR,
    Cached,
    CachedRepresentationMixin,
    attach,
    cacheable,
    enabled_for,
    key_for,
    key_from,
    lookup,
)
from .serializers import TranslationsField

# Years the engine and the bank-holiday data answer sensibly for; anything
# else is a typo, and an unbounded year would overflow the search horizon.
EARLIEST_YEAR = 1970
LATEST_YEAR = 2100
# "2026-12-26T10:00:00+00:00" arrives as "... 00:00" when the + is not
# written %2B in the URL; put it back rather than refuse a common slip.
_UNENCODED_PLUS = re.compile(r"^(?P<moment>.+T[\d:.]+) (?P<offset>\d{2}(?::?\d{2})?)$")
AT_HELP = "e.g. ?at=2026-12-26T10:00:00Z or ?at=2026-12-26T10:00:00%2B00:00 (write + as %2B)"


def parse_at(value: str) -> dt.datetime:
    """An aware datetime from ISO 8601 text, or ValueError saying what is wrong."""
    text = value.strip()
    match = _UNENCODED_PLUS.match(text)
    if match:
        text = f"{match['moment']}+{match['offset']}"
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"at must be an ISO 8601 date and time with a UTC offset, {AT_HELP}; got {value!r}") from error
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(
            f"at must include a UTC offset or Z, because a time without one is ambiguous, {AT_HELP}; got {value!r}"
        )
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise ValueError(f"at must be between {EARLIEST_YEAR} and {LATEST_YEAR}; got {value!r}")
    return moment


class PublicAPIMixin:
    """JSON only, cacheable, and 400 rather than 500 for any bad value.

    Every public GET answers with an ``ETag`` (a matching ``If-None-Match``
    gets a 304) and ``Cache-Control: public, max-age`` of
    ``SSCP_API_CACHE_MAX_AGE`` seconds. The browsable HTML renderer is off: it
    would show the signed-in user's name in a page a cache may keep.
    """

    renderer_classes = [SiteJSONRenderer]
    # No sessions or users: the answer is the same for everyone (and carries no Vary: Cookie).
    authentication_classes: list = []
    permission_classes = [AllowAny]
    public_cache = True

    def get_renderer_context(self):
        # Compact JSON: Wagtail indents by four spaces, a third of a listing's bytes,
        # and indenting makes Python's JSON encoder fall back from C to pure Python.
        # A client that wants it readable asks: Accept: application/json; indent=2.
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # PostgreSQL refuses NUL in text; refuse it here for every parameter alike.
        if any("\x00" in key or "\x00" in value for key, value in request.GET.items()):
            raise BadRequestError("null characters are not allowed in query parameters")

    def handle_exception(self, exc):
        if isinstance(exc, ValidationError):
            return Response({"message": " ".join(exc.messages)}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, (ValueError, TypeError, OverflowError)):
            return Response(
                {"message": "a query parameter has a value of the wrong kind"}, status=status.HTTP_400_BAD_REQUEST
            )
        return super().handle_exception(exc)

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if not self.public_cache:
            patch_cache_control(response, no_store=True, private=True)
            return response
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        patch_cache_control(response, public=True, max_age=settings.SSCP_API_CACHE_MAX_AGE)
        # "Accept: application/json; indent=2" gets indented JSON: a shared cache
        # must not hand it to everyone else, nor the compact form to that client.
        patch_vary_headers(response, ("Accept",))
        set_response_etag(response)
        return get_conditional_response(request, etag=response["ETag"], response=response)


class ContactPanelsAPIViewSet(PublicAPIMixin, BaseAPIViewSet):
    model = ContactPanel
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["at", "locale"])
    filter_backends = [LocaleFilter]
    # A panel is only useful whole, so the listing shows everything the detail does.
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "locale",
        "title",
        "lead",
        "lines",
        "closures",
        "special_openings",
        "status",
    ]
    name = "contact-panels"

    def get_queryset(self):
        return with_rows(ContactPanel.objects.filter(live=True).select_related("locale")).order_by("id")

    @cached_property
    def status_at(self) -> dt.datetime:
        raw = self.request.GET.get("at")
        if raw is None:
            return timezone.now().astimezone(LONDON)
        try:
            return parse_at(raw).astimezone(LONDON)
        except ValueError as error:
            raise BadRequestError(str(error)) from error

    def listing_view(self, request):
        self.status_at  # noqa: B018 - a bad ?at= is a 400 before any query runs
        return super().listing_view(request)

    def detail_view(self, request, pk):
        self.status_at  # noqa: B018
        return super().detail_view(request, pk)


def restricted_collection_ids() -> set[int]:
    """Collections under any view restriction, with their descendants, whoever asks."""
    paths = list(
        Collection.objects.filter(pk__in=CollectionViewRestriction.objects.values("collection_id")).values_list(
            "path", flat=True
        )
    )
    if not paths:
        return set()
    return {
        collection.pk
        for collection in Collection.objects.only("pk", "path")
        if any(collection.path.startswith(path) for path in paths)
    }


class PublicDocumentsAPIViewSet(PublicAPIMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        return self.model.objects.exclude(collection__in=restricted_collection_ids()).order_by("id")


class PublicImagesAPIViewSet(PublicAPIMixin, ImagesAPIViewSet):
    def get_queryset(self):
        return self.model.objects.exclude(collection__in=restricted_collection_ids()).order_by("id")


class ReviewFilter(BaseFilterBackend):
    """``?review_type=``, ``?theme=<slug>`` and ``?year=`` for ``type=reviews.ReviewPage``.

    Unknown values are a 400 that lists what is allowed, so a typo in a front
    end shows up at once instead of as an empty list. The filters narrow by
    primary key so they combine with ``?search=``.
    """

    params = ("review_type", "theme", "year")

    def filter_queryset(self, request, queryset, view):
        from reviews.models import ReviewPage, ReviewType
        from sscp_wagtail.learning.models import LearningTheme

        given = [name for name in self.params if name in request.GET]
        if not given:
            return queryset
        if queryset.model is not ReviewPage:
            raise BadRequestError(f"{', '.join(given)} filters need type=reviews.ReviewPage")
        reviews = ReviewPage.objects.all()
        if "review_type" in request.GET:
            value = request.GET["review_type"]
            if value not in ReviewType.values:
                raise BadRequestError(f"review_type must be one of {', '.join(ReviewType.values)}; got {value!r}")
        if "theme" in request.GET:
            slug = request.GET["theme"]
            if not LearningTheme.objects.filter(slug=slug, live=True).exists():
                raise BadRequestError(f"theme must be the slug of a published learning theme; got {slug!r}")
            reviews = reviews.filter(themes__slug=slug, themes__live=True)
        if "year" in request.GET:
            raw = request.GET["year"]
            if not (raw.isascii() and raw.isdigit() and 1900 <= int(raw) <= 2100):
                raise BadRequestError(f"year must be a year between 1900 and 2100; got {raw!r}")
            reviews = reviews.filter(publication_date__year=int(raw))
        if "theme" in request.GET or "year" in request.GET:
            queryset = queryset.filter(pk__in=reviews.values("pk"))
        return queryset


class StableOrderingFilter(OrderingFilter):
    """``?order=`` with the page id as the last key, so equal values never swap
    places between two requests (and pages never repeat or vanish with ``offset``)."""

    def filter_queryset(self, request, queryset, view):
        queryset = super().filter_queryset(request, queryset, view)
        order = request.GET.get("order")
        if order and order != "random" and "search" not in request.GET:
            queryset = queryset.order_by(*queryset.query.order_by, "pk")
        return queryset


class KnownCount:
    """A queryset whose number of rows is already known: Wagtail's paginator
    asks for ``count()`` and a slice, nothing else."""

    def __init__(self, queryset, count: int):
        self.queryset = queryset
        self._count = count

    def count(self) -> int:
        return self._count

    def __getitem__(self, index):
        return self.queryset[index]


# Serializer classes by endpoint, model and ``fields``: Wagtail builds them on
# every request (a class per model and per nested relation), though they only
# change with the code. Bounded, since ``fields`` comes from the client.
_SERIALIZER_CLASSES: OrderedDict = OrderedDict()
_SERIALIZER_CLASSES_MAX = 256
_SERIALIZER_CLASSES_LOCK = threading.Lock()
# Query parameters that change how many objects a listing matches.
_NOT_COUNTED = frozenset(["limit", "offset", "fields", "rich_text_format", "_", "format"])


class SiteAPIMixin(PublicAPIMixin):
    """Loads what the serializers will read for a whole batch of objects at
    once: the models' ``api_prefetch_related`` and their StreamField blocks.

    With the content cache on, a listing's total is kept like the review
    index's counts, and only the pages whose representation is not cached
    are loaded at all (``representation_cache``).
    """

    def dispatch(self, request, *args, **kwargs):
        with link_scope():
            return super().dispatch(request, *args, **kwargs)

    def get_serializer_class(self):
        model = self.get_queryset().model if self.action == "listing_view" else type(self.get_object())
        key = (
            type(self),
            self.action == "listing_view",
            model,
            self.request.GET.get("fields"),
            getattr(settings, "WAGTAIL_I18N_ENABLED", False),
            id(self.request.wagtailapi_router),
        )
        with _SERIALIZER_CLASSES_LOCK:
            serializer_class = _SERIALIZER_CLASSES.get(key)
            if serializer_class is not None:
                _SERIALIZER_CLASSES.move_to_end(key)
                return serializer_class
        # Unknown or malformed fields raise a 400 here and are never kept.
        serializer_class = super().get_serializer_class()
        with _SERIALIZER_CLASSES_LOCK:
            _SERIALIZER_CLASSES[key] = serializer_class
            while len(_SERIALIZER_CLASSES) > _SERIALIZER_CLASSES_MAX:
                _SERIALIZER_CLASSES.popitem(last=False)
        return serializer_class

    def prefetch(self, objects: list) -> list:
        # Objects whose representation is cached need nothing loaded.
        self.load_for_serializers(attach(objects, self))
        return objects

    def load_for_serializers(self, pending: list) -> None:
        preload_links(rich_texts(pending))
        by_model: dict[type, list] = {}
        for obj in pending:
            by_model.setdefault(type(obj), []).append(obj)
        for model, batch in by_model.items():
            lookups = getattr(model, "api_prefetch_related", ())
            if lookups:
                prefetch_related_objects(batch, *lookups)
            prefetch_streams(batch)

    def count_of(self, queryset) -> int:
        """The listing's total, kept in the content cache per filters, language and site."""
        request = self.request
        filters = sorted((name, values) for name, values in request.GET.lists() if name not in _NOT_COUNTED)
        parts = (type(self).__name__, request.path, filters, get_language() or "", request.build_absolute_uri("/"))
        return content_cache.remember("api-count", parts, queryset.count)

    def paginate_queryset(self, queryset):
        if not enabled_for(self):
            return self.prefetch(list(super().paginate_queryset(queryset)))
        page = super().paginate_queryset(KnownCount(queryset, self.count_of(queryset)))
        if isinstance(page, QuerySet) and cacheable(page.model):
            return self.from_cache(queryset, page)
        return self.prefetch(list(page))

    def from_cache(self, queryset: QuerySet, page: QuerySet) -> list:
        """One page of a listing: ids and live revisions first (all the cache key
        needs), then full rows only for the pages not in the cache."""
        model = page.model
        rows = list(page.values_list("pk", "live", "live_revision_id", "last_published_at"))
        keys = [
            key_from(self, model, pk, revision or published) if live else None for pk, live, revision, published in rows
        ]
        found = lookup([key for key in keys if key is not None])
        missing = [pk for (pk, *_), key in zip(rows, keys, strict=True) if key not in found]
        loaded = {obj.pk: obj for obj in queryset.filter(pk__in=missing)} if missing else {}
        for obj in loaded.values():
            key = key_for(obj, self)
            if key is not None:
                setattr(obj, KEY_ATTR, key)
        self.load_for_serializers(list(loaded.values()))
        objects = []
        for (pk, *_), key in zip(rows, keys, strict=True):
            if key in found:
                objects.append(Cached(pk, found[key]))
            elif pk in loaded:  # a page unpublished between the two queries is left out
                objects.append(loaded[pk])
        return objects

    def get_object(self):
        if not hasattr(self, "_prefetched_object"):
            self._prefetched_object = self.prefetch([super().get_object()])[0]
        return self._prefetched_object

    def detail_view(self, request, pk=None):
        instance = self.get_object()
        if isinstance(instance, Cached):
            return Response(getattr(instance, ATTR))
        # The representation itself, not ``serializer.data``: one kept in the cache
        # is JSON text, which DRF's ReturnDict would not take.
        return Response(self.get_serializer(instance).to_representation(instance))


class CachedPageSerializer(CachedRepresentationMixin, PageSerializer):
    pass


class SitePagesAPIViewSet(SiteAPIMixin, PagesAPIViewSet):
    """Live pages without view restrictions, with the review filters,
    stable ordering and each page's translations in the detail."""

    filter_backends = [
        ReviewFilter,
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        StableOrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["theme", "year"])
    base_serializer_class = CachedPageSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, "translations"]
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "translations"]

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {**super().get_field_serializer_overrides(model), "translations": TranslationsField()}

    def get_queryset(self):
        # Built once per request (Wagtail asks twice). For one page type Wagtail
        # filters with ``pk IN (every public page)``, which SQLite answers by
        # listing every page before it sorts and counts (36 ms for a page of 20
        # at 10,000 reviews); ``EXISTS`` on the same base queryset selects the same
        # pages, and lets it walk the tree index in order and stop at the page.
        # Searches keep Wagtail's form: the search backends read ``IN`` filters only.
        if not hasattr(self, "_queryset"):
            models_type = self.request.GET.get("type")
            try:
                models = page_models_from_string(models_type) if models_type else ()
            except (LookupError, ValueError) as error:
                raise BadRequestError("type doesn't exist") from error
            if len(models) == 1 and "search" not in self.request.GET:
                base = self.get_base_queryset().filter(pk=OuterRef("pk"))
                queryset = models[0].objects.filter(Exists(base))
            else:
                queryset = super().get_queryset()
            self._queryset = queryset.select_related("locale")
        return self._queryset.all()

    def get_base_queryset(self):
        # Wagtail lets a signed-in user's session open restricted pages here; this
        # API answers everyone alike, so every restricted section stays out.
        # Built once per request: Wagtail asks for it up to three times, and each
        # ``public()`` reads the view restrictions again.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset().public()
        return self._base_queryset.all()

    def get_object(self):
        """With the content cache on, a page whose representation is cached is
        found from its generic row alone: its own row (and its StreamFields) is
        never loaded. Otherwise the specific page, prefetched."""
        if not hasattr(self, "_prefetched_object") and enabled_for(self):
            page = BaseAPIViewSet.get_object(self)  # the same public, live, filtered lookup
            model = page.specific_class
            if model is not None and cacheable(model) and page.live:
                key = key_from(self, model, page.pk, page.live_revision_id or page.last_published_at)
                text = lookup([key]).get(key) if key is not None else None
                if text is not None:
                    self._prefetched_object = Cached(page.pk, text)
        return super().get_object()


class ThemesAPIViewSet(SiteAPIMixin, BaseAPIViewSet):
    """``/api/v2/themes/``: published learning themes by name, each with its
    live, public reviews newest first."""

    model = LearningTheme
    name = "themes"
    filter_backends = [FieldsFilter, LocaleFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])
    listing_default_fields = ["id", "type", "detail_url", "locale", "name", "slug", "description", "reviews"]

    def get_queryset(self):
        from reviews.models import ReviewPage

        reviews = (
            ReviewPage.objects.live()
            .public()
            .only(
                "id",
                "title",
                "slug",
                "path",
                "depth",
                "url_path",
                "live",
                "locale_id",
                "content_type_id",
                "review_type",
                "publication_date",
            )
        )
        return (
            LearningTheme.objects.filter(live=True)
            .select_related("locale")
            .prefetch_related(Prefetch("reviews", queryset=reviews))
            .order_by("name", "id")
        )

    def prefetch(self, objects: list) -> list:
        return objects


class PreviewAPIViewSet(SitePagesAPIViewSet):
    """``/api/v2/preview/?content_type=&token=``: one draft, for the holder of a
    valid preview token (see ``preview.py``), never cached."""

    public_cache = False

    def handle_exception(self, exc):
        if isinstance(exc, PreviewDenied):
            return Response({"message": str(exc)}, status=status.HTTP_403_FORBIDDEN)
        return super().handle_exception(exc)

    def get_object(self):
        if not hasattr(self, "_prefetched_object"):
            token = self.request.GET.get("token")
            content_type = self.request.GET.get("content_type")
            if not token or not content_type:
                raise BadRequestError("content_type and token are required")
            self._prefetched_object = self.prefetch([read_token(token, content_type)])[0]
        return self._prefetched_object

    def detail_view(self, request, pk=None):
        return super().detail_view(request, pk)
