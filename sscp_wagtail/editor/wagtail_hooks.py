from wagtail import hooks

from .content_checker import use_site_content_checker
from .dashboard import ContactPanelsNowPanel, may_see_contact_panels

hooks.register("construct_wagtail_userbar", use_site_content_checker)


@hooks.register("construct_homepage_panels")
def contact_panels_now(request, panels):
    if may_see_contact_panels(request.user):
        panels.append(ContactPanelsNowPanel())
