"""Choice labels translated once per language, not once per use."""

from __future__ import annotations

from django.utils.translation import get_language


class ChoiceLabels:
    """The labels of a fixed list of choices, translated once per language.

    A label written as ``gettext_lazy`` goes through gettext every time it is
    shown: once per block in a listing of twenty reviews. The translations are
    part of the code, so each language's labels are worked out once a process.
    """

    def __init__(self, choices):
        self.choices = choices
        self._by_language: dict[str | None, dict] = {}

    def get(self, value, default=""):
        language = get_language()
        labels = self._by_language.get(language)
        if labels is None:
            labels = {key: str(label) for key, label in self.choices}
            self._by_language[language] = labels
        return labels.get(value, default)
