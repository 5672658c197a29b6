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
