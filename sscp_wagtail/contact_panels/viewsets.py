"""The contact panel's place in the admin."""

from __future__ import annotations

from django.urls import path
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from sscp_wagtail.models import ContactPanel

from .views import ContactPanelEditView, ContactPanelIndexView, ContactPanelStatusView


class ContactPanelViewSet(SnippetViewSet):
    model = ContactPanel
    icon = "mobile-alt"
    menu_label = "Contact panels"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "lead", UpdatedAtColumn()]
    search_fields = ["title"]
    index_view_class = ContactPanelIndexView
    edit_view_class = ContactPanelEditView
    status_view_class = ContactPanelStatusView

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(status_url_name=self.get_url_name("status"), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(status_url_name=self.get_url_name("status"), **kwargs)

    @property
    def status_view(self):
        return self.construct_view(
            self.status_view_class,
            model=self.model,
            index_url_name=self.get_url_name("list"),
            edit_url_name=self.get_url_name("edit"),
            breadcrumbs_items=self.breadcrumbs_items,
            permission_policy=self.permission_policy,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(f"status/<{self.pk_path_converter}:pk>/", self.status_view, name="status"),
        ]
