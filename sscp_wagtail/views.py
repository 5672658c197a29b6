from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import translation

from .production.unavailable import database_is_the_problem, error_page_context, unavailable_response


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, rendered without the request context: the database may be down.

    It is in the reader's language when the address says which (``/pl/…``,
    ``/ur/…``): the prefix is read from the path alone, whatever failed before
    the language was chosen. When it is the database that failed, readers get
    the 503 "not available at the moment" page with the emergency numbers instead.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        if database_is_the_problem():
            return unavailable_response(language)
        html = loader.get_template("500.html").render(error_page_context())
    return HttpResponseServerError(html)
