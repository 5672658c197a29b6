from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import LearningTheme


class LearningThemeViewSet(SnippetViewSet):
    model = LearningTheme
    icon = "tag"
    menu_label = "Learning themes"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "live"]
    search_fields = ["name", "description"]


register_snippet(LearningThemeViewSet)
