from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site


def site_chrome(request: HttpRequest) -> dict[str, str]:
    """Values the base template needs on every page, including error pages.

    ``Site.find_for_request`` caches its answer on the request, so the
    navigation tags that ask again cost nothing more.
    """
    site = Site.find_for_request(request)
    return {
        "exit_page_url": settings.SSCP_EXIT_PAGE_URL,
        "site_name": (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME,
    }
