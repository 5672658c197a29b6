"""``/api/v2/openapi.json``: the OpenAPI 3.1 description of the site's API.

The document is written by hand (``openapi.json`` beside this module) because
Wagtail's v2 endpoints build their serializers per request and no generator
describes them faithfully; ``tests/api/test_openapi.py`` validates real
responses against it, so it cannot drift from what the API returns.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

DOCUMENT = Path(__file__).with_name("openapi.json")


@cache
def openapi_document() -> dict:
    return json.loads(DOCUMENT.read_text(encoding="utf-8"))


@require_safe
def openapi_view(request):
    response = JsonResponse(openapi_document(), json_dumps_params={"indent": 2})
    patch_cache_control(response, public=True, max_age=3600)
    return response
