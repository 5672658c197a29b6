"""Site chrome: navigation and breadcrumbs, each in a fixed number of queries."""

from __future__ import annotations

from django import template
from wagtail.models import Page

from sscp_wagtail.i18n.languages import localized_root
from sscp_wagtail.routing import public, route_ancestors

register = template.Library()


@register.inclusion_tag("sscp_wagtail/includes/navigation.html", takes_context=True)
def main_navigation(context) -> dict:
    """Top-level pages the editors put in menus: live, public, in tree order."""
    request = context.get("request")
    current = context.get("page")
    root = localized_root(request, current)
    items = []
    if root is not None:
        children = public(root.get_children().live(), request).in_menu()
        children = children.only("id", "title", "path", "depth", "url_path")
        for child in children:
            state = None
            if current is not None:
                if current.pk == child.pk:
                    state = "page"
                elif current.path.startswith(child.path):
                    state = "true"
            items.append({"title": child.title, "url": child.get_url(request), "current": state})
    return {"items": items, "home_url": root.get_url(request) if root else "/"}


@register.inclusion_tag("sscp_wagtail/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context) -> dict:
    """The live ancestors of the current page from the site's home page down."""
    page = context.get("page")
    request = context.get("request")
    root = localized_root(request, page)
    if page is None or root is None or page.depth <= root.depth:
        return {"crumbs": []}
    routed = route_ancestors(page)
    if routed is not None and routed[0].depth == 1:
        # Routing read them on its way to this page.
        ancestors = [a for a in routed if a.depth >= root.depth and a.live and page.path.startswith(a.path)]
    else:
        ancestors = (
            Page.objects.ancestor_of(page)
            .filter(depth__gte=root.depth)
            .live()
            .only("id", "title", "path", "depth", "url_path")
        )
    crumbs = [{"title": a.title, "url": a.get_url(request)} for a in ancestors]
    # A routable page's sub-page (e.g. a theme page under the review index) names
    # itself in ``subpage_title``; the page it hangs from becomes a link.
    subpage_title = context.get("subpage_title")
    if subpage_title:
        crumbs.append({"title": page.title, "url": page.get_url(request)})
        return {"crumbs": crumbs, "current": subpage_title}
    return {"crumbs": crumbs, "current": page.title}
