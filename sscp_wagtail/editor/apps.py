from django.apps import AppConfig


class EditorConfig(AppConfig):
    name = "sscp_wagtail.editor"
    label = "sscp_editor"
    verbose_name = "Editor checks"
