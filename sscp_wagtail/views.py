from django.conf import settings
from django.http import HttpRequest, HttpResponseServerError
from django.template import loader


def server_error(request: HttpRequest) -> HttpResponseServerError:
    """The 500 page, rendered without the request context: the database may be down."""
    html = loader.get_template("500.html").render({"exit_page_url": settings.SSCP_EXIT_PAGE_URL})
    return HttpResponseServerError(html)
