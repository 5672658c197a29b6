"""Routing a request to its page in two queries, however deep the page is.

Wagtail finds ``/serious-case-reviews/child-50/`` by walking the tree from
the site's home page: at each level one query for the child with that slug
and one for its specific row; then its privacy check reads the ancestors
(for aliases) and their view restrictions, and each ``public()`` on the page
(the menu, related reviews, the review listing) reads the restrictions again.

``TreeRouteMixin`` (on the home page, where every walk starts) reads the
ancestors and every page the address could name in one query and applies
Wagtail's own test to them (a child of the page before it, with that slug),
loads the page the walk ends at with its specific row, and reads the view
restrictions once for the request (``read_view_restrictions``): the page's
privacy check (``RoutedPageMixin.get_view_restrictions``) and ``public()``
use them, and breadcrumbs reuse the ancestors.

Wagtail's behaviour is kept: a page whose class routes for itself (its own
``route()``, or a routable page whose sub-pages match the rest of the
address, such as theme pages) is handed the rest of the address as Wagtail
would; drafts are walked through but never served; anything the single
query cannot settle (an unknown slug, two pages with one slug, an alias on
the way) is left to Wagtail's own walk and privacy check. Nothing is cached
beyond the request: every request reads the tree and the restrictions.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

# What routing, breadcrumbs and the privacy check read from each page on the way.
_ROUTE_FIELDS = ("id", "path", "depth", "title", "slug", "url_path", "live", "content_type", "alias_of", "locale")


def _routes_itself(page_class: type, remaining: list[str], live: bool) -> bool:
    """Whether Wagtail's walk would stop at a page of this class for ``remaining``."""
    if page_class is None:
        return False  # a type no longer in the code: Wagtail routes it as a plain page
    route = page_class.route
    if route is Page.route or route is TreeRouteMixin.route:
        return False
    if route is RoutablePageMixin.route:
        if not live:
            return False  # a draft routable page passes the address to its children
        try:
            page_class.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
        except (Http404, Resolver404):
            return False
        return True
    return True  # a route of its own: it decides


class TreeRouteMixin:
    """For the site's home page: one query for the pages on the way, one for the page served."""

    def route(self, request, path_components):
        components = [part for part in path_components if part]
        if not components:
            result = super().route(request, path_components)
            self._sscp_view_restrictions = read_view_restrictions(request)
            return result
        steplen = self.steplen
        above = [self.path[:end] for end in range(steplen, len(self.path), steplen)]
        last = self.path + self.alphabet[-1] * steplen * len(components)
        # Every page the address could name: a child of the page before it with
        # that slug (Wagtail's own test, level by level), and the ancestors.
        rows = Page.objects.filter(
            Q(path__in=above)
            | Q(slug__in=set(components), depth__gt=self.depth, depth__lte=self.depth + len(components))
            & Q(path__gt=self.path, path__lte=last)
        ).only(*_ROUTE_FIELDS)
        ancestors, candidates = [], {}
        for row in rows:
            if row.depth < self.depth:
                ancestors.append(row)
            else:
                candidates.setdefault((row.path[:-steplen], row.slug), []).append(row)
        ancestors.sort(key=lambda row: row.depth)
        chain = []
        parent = self
        for component in components:
            found = candidates.get((parent.path, component), [])
            if len(found) != 1:
                break  # no such page (or two, which Wagtail's walk reports)
            parent = found[0]
            chain.append(parent)
        if len(chain) < len(components) and (
            not chain or not _routes_itself(chain[-1].specific_class, components[len(chain) :], chain[-1].live)
        ):
            # An address that names no page: Wagtail's walk gives the 404.
            return super().route(request, path_components)
        # Stop where Wagtail's walk would hand the rest of the address to a page.
        used = len(chain)
        for position, row in enumerate(chain, 1):
            if _routes_itself(row.specific_class, components[position:], row.live):
                used = position
                break
        trail = [*ancestors, self, *chain[: used - 1]]
        row = chain[used - 1]
        model = row.specific_class
        # Its specific row with its locale (for its language in links and structured data).
        page = model._default_manager.select_related("locale").get(pk=row.pk) if model else row
        page._sscp_route_ancestors = trail
        page._cached_parent_obj = trail[-1]
        page._sscp_view_restrictions = read_view_restrictions(request)
        return page.route(request, components[used:])


def read_view_restrictions(request) -> list[PageViewRestriction]:
    """Every view restriction in the tree, each with its page's path, read once a request.

    Wagtail reads them all for each ``public()`` (the menu, related reviews, the
    review listing) and again for the page's own privacy check; there are a
    handful in any site, however much content it has."""
    restrictions = getattr(request, "_sscp_view_restrictions", None)
    if restrictions is None:
        restrictions = list(
            PageViewRestriction.objects.select_related("page").only(
                "restriction_type", "password", "page", "page__path", "page__depth"
            )
        )
        request._sscp_view_restrictions = restrictions
    return restrictions


def public(queryset, request=None):
    """``queryset.public()``, from the restrictions this request has read when it has."""
    restrictions = getattr(request, "_sscp_view_restrictions", None)
    if restrictions is None:
        return queryset.public()
    private = Q()
    for restriction in restrictions:
        private |= queryset.descendant_of_q(restriction.page, inclusive=True)
    return queryset.exclude(private) if private else queryset


def route_ancestors(page: Page) -> list[Page] | None:
    """The ancestors routing read for ``page`` (root first; titles, slugs and
    addresses, live or not), or None when the page was not routed here."""
    return getattr(page, "_sscp_route_ancestors", None)


class RoutedPageMixin:
    """For every page type: the privacy check in one query when routing read the ancestors."""

    def routed_ancestors(self) -> list[Page] | None:
        """The live-or-draft ancestors routing read for this page, root first, or None."""
        trail = route_ancestors(self)
        if trail is None or any(page.alias_of_id for page in (*trail, self)):
            return None
        return trail

    def get_view_restrictions(self):
        trail = self.routed_ancestors()
        restrictions = getattr(self, "_sscp_view_restrictions", None)
        if restrictions is not None and not self.alias_of_id and (trail is not None or self.depth <= 2):
            # No alias on the way: the restrictions on this page and its ancestors
            # are those on a page whose path begins this one's.
            applying = [r.pk for r in restrictions if self.path.startswith(r.page.path)]
            if not applying:
                return PageViewRestriction.objects.none()
            return PageViewRestriction.objects.filter(pk__in=applying)
        if trail is None:
            if self.depth <= 2 and not self.alias_of_id:
                # A site's home page: its only ancestor is the tree's root, never an alias.
                return PageViewRestriction.objects.filter(page__path__in=[self.path[: self.steplen], self.path])
            return super().get_view_restrictions()
        # Wagtail reads the ancestors (for aliases) and then the restrictions on
        # them and on this page; routing has read the ancestors already.
        return PageViewRestriction.objects.filter(page_id__in=[self.pk, *(page.pk for page in trail)])
