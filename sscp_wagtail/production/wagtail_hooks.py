from wagtail import hooks

from .two_factor import admin_urls


@hooks.register("register_admin_urls")
def two_factor_urls():
    return admin_urls()
