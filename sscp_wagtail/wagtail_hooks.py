from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .api.links import LivePageLinkHandler
from .contact_panels.viewsets import ContactPanelViewSet
from .rich_text import DescribedDocumentLinkHandler


# order=1 runs after wagtail.documents registers its own "document" handler,
# so ours replaces it on the public site.
@hooks.register("register_rich_text_features", order=1)
def describe_document_links(features):
    features.register_link_type(DescribedDocumentLinkHandler)
    # Behaves as Wagtail's own except inside API responses (see sscp_wagtail/api/links.py).
    features.register_link_type(LivePageLinkHandler)


register_snippet(ContactPanelViewSet)


@hooks.register("register_page_header_buttons")
def headless_preview_button(page, user, view_name, next_url=None):
    """ "Preview in the front end" for editors and approvers, when a front end is configured."""
    from django.conf import settings
    from django.urls import reverse
    from wagtail.admin.widgets import Button

    from .api.preview import may_preview

    if settings.SSCP_API_PREVIEW_FRONTEND_URL and not page.is_root() and may_preview(user, page):
        url = reverse("wagtailapi:preview-link", args=[page.pk]) + "?redirect=1"
        yield Button("Preview in the front end", url, icon_name="view", attrs={"target": "_blank"}, priority=75)
