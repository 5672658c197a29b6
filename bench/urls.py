"""The site's URLs plus the floor: the cheapest response the same server can give.

The floor is a plain Django view returning a fixed body, built once, of the
size the benchmark asks for (the size of a review page). Every page's figures
are reported as a ratio to it, measured in the same run, because absolute
figures on a shared machine vary from run to run.
"""

import os

from django.http import HttpResponse
from django.urls import path

from sscp_wagtail.urls import handler500  # noqa: F401
from sscp_wagtail.urls import urlpatterns as site_urlpatterns

FLOOR_BODY = b"<!DOCTYPE html>" + b"x" * max(0, int(os.environ.get("SSCP_BENCH_FLOOR_BYTES", "20000")) - 15)


def floor(request):
    return HttpResponse(FLOOR_BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("__bench__/floor/", floor), *site_urlpatterns]
