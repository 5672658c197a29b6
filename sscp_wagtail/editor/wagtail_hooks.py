from wagtail import hooks

from .content_checker import use_site_content_checker
from .dashboard import ContactPanelsNowPanel

hooks.register("construct_wagtail_userbar", use_site_content_checker)


@hooks.register("construct_homepage_panels")
def contact_panels_now(request, panels):
    panels.append(ContactPanelsNowPanel())
