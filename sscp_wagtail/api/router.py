"""``/api/v2/``: Wagtail's pages, images and documents endpoints (public content
only), the site's contact panels and learning themes, headless preview and the
OpenAPI document.

The referral form's submissions endpoint (``/api/v2/forms/<id>/submissions/``)
is routed in the project's ``urls.py``, not here: it takes POSTs, which no
endpoint of this router does.
"""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .openapi import openapi_view
from .preview import preview_link
from .views import (
    ContactPanelsAPIViewSet,
    PreviewAPIViewSet,
    PublicDocumentsAPIViewSet,
    PublicImagesAPIViewSet,
    SitePagesAPIViewSet,
    ThemesAPIViewSet,
)


class SiteAPIRouter(WagtailAPIRouter):
    def get_urlpatterns(self):
        extra = [
            path("openapi.json", openapi_view, name="openapi"),
            path("preview/", PreviewAPIViewSet.as_view({"get": "detail_view"}), name="preview"),
            path("preview/link/<int:page_id>/", preview_link, name="preview-link"),
        ]
        decorate_urlpatterns(extra, self.wrap_view)
        return [*extra, *super().get_urlpatterns()]


api_router = SiteAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("contact-panels", ContactPanelsAPIViewSet)
api_router.register_endpoint("themes", ThemesAPIViewSet)
