"""Referral submissions in the admin: the Safeguarding Unit's alone, and audited."""

from __future__ import annotations

from django.db.models import Q
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from . import admin_urls
from .models import ReferralFormPage
from .permissions import can_read_referrals
from .views import ReferralDeleteSubmissionsView


@hooks.register("filter_form_submissions_for_user")
def referral_forms_for_the_safeguarding_unit_only(user, editable_forms):
    """Wagtail lists the forms a user can edit; referral forms go to the unit instead, edit rights or not.

    Every submissions view (list, export, delete, the Forms menu and index)
    asks ``get_forms_for_user``, which applies this hook.
    """
    referral_forms = Page.objects.type(ReferralFormPage)
    others = editable_forms.exclude(pk__in=referral_forms.values("pk"))
    if can_read_referrals(user):
        return Page.objects.filter(Q(pk__in=others.values("pk")) | Q(pk__in=referral_forms.values("pk")))
    return others


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("referrals/", include(admin_urls, namespace="sscp_referrals")),
        # Wagtail's own address for deleting submissions: this app's hooks run before
        # wagtail.contrib.forms' (INSTALLED_APPS order), so this pattern answers it.
        path("forms/submissions/<int:page_id>/delete/", ReferralDeleteSubmissionsView.as_view()),
    ]


class ReferralsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_read_referrals(request.user)


@hooks.register("register_admin_menu_item")
def register_referrals_menu_item():
    return ReferralsMenuItem(
        _("Referrals"), reverse("sscp_referrals:index"), name="referrals", icon_name="form", order=690
    )


@hooks.register("register_log_actions")
def register_referral_log_actions(actions):
    actions.register_action("sscp_referrals.view", _("View referrals"), _("Referrals viewed"))
    actions.register_action("sscp_referrals.export", _("Export referrals"), _("Referrals exported"))
    actions.register_action("sscp_referrals.download", _("Download attachment"), _("Referral attachment downloaded"))
    actions.register_action("sscp_referrals.delete", _("Delete referral"), _("Referral deleted"))
