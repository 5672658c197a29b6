"""``{% contentcache "name" %}…{% endcontentcache %}``: a part of a page that
shows only published content, rendered once and reused until the content changes.

The key carries the page's live revision, the language, the address and the page
cache's *generation* token (``sscp_wagtail.production.page_cache``), which is
replaced on every publish, unpublish, move or deletion of any page and every
change of a snippet, image, document or site. So a fragment that shows other
pages (related reviews), documents or learning themes is never older than the
page cache would be. Previews are always rendered afresh.

Only for content that is the same for every reader at every moment: never a
form (CSRF), anything personal, the userbar, or a contact panel's live status.
It is on where the page cache can be trusted to purge every process
(``SSCP_FRAGMENT_CACHE``, on by default with Redis).
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from sscp_wagtail.production import content_cache

register = template.Library()


class ContentCacheNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: template.base.FilterExpression):
        self.nodelist = nodelist
        self.name = name

    def key(self, context) -> str | None:
        request = context.get("request")
        page = context.get("page")
        if request is None or page is None or getattr(request, "is_preview", False) or not getattr(page, "live", False):
            return None
        revision = page.live_revision_id or page.last_published_at
        # The address too: a routable page's sub-pages (theme pages) share the page
        # but not their breadcrumbs or navigation state.
        return content_cache.key(
            "fragment",
            self.name.resolve(context),
            page.pk,
            revision,
            get_language(),
            request.get_host(),
            request.path,
        )

    def render(self, context) -> str:
        key = self.key(context)
        if key is None:
            return self.nodelist.render(context)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, str(html), settings.SSCP_PAGE_CACHE_SECONDS)
        return mark_safe(html)  # noqa: S308 - the template's own output, stored as rendered


@register.tag
def contentcache(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f'{bits[0]} takes one argument: a name, e.g. {{% {bits[0]} "body" %}}')
    nodelist = parser.parse(("endcontentcache",))
    parser.delete_first_token()
    return ContentCacheNode(nodelist, parser.compile_filter(bits[1]))


@register.simple_tag(takes_context=True)
def lazy_languages(context):
    """``{% languages %}`` (the switcher and hreflang links), worked out only
    when a part of the page that is not served from ``{% contentcache %}`` reads it."""
    from sscp_wagtail.i18n.templatetags.sscp_i18n import languages

    flat = context.flatten()
    return SimpleLazyObject(lambda: languages(flat))
