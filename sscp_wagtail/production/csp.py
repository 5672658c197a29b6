"""Content-Security-Policy: strict on the public site, Wagtail's needs in the admin.

The public templates load every script and stylesheet from the site itself
(`'self'`); JSON-LD blocks are data, not script, so they need no exception. A
template that must inline a script or style asks for ``request.csp_nonce``, and
the nonce is then added to the header for that response only.

The Wagtail admin renders inline ``style`` attributes and a few inline scripts
(panels, date pickers), and frames its own page preview, so paths under
``SSCP_ADMIN_PATH_PREFIXES`` get ``SSCP_ADMIN_CONTENT_SECURITY_POLICY``.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.SSCP_ADMIN_PATH_PREFIXES))


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.SSCP_ADMIN_CONTENT_SECURITY_POLICY
        return parts
