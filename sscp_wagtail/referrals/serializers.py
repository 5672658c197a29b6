"""The form's field definitions for a separate front end (the API's page detail)."""

from __future__ import annotations

from rest_framework import serializers
from wagtail.contrib.forms.forms import FormBuilder

CHOICE_TYPES = frozenset({"dropdown", "multiselect", "radio", "checkboxes"})


def field_definition(field) -> dict:
    return {
        "name": field.clean_name,
        "label": field.label,
        "type": field.field_type,
        "required": field.required,
        "choices": [value for value, _label in FormBuilder([]).get_formatted_field_choices(field)]
        if field.field_type in CHOICE_TYPES
        else [],
        "help_text": field.help_text,
        "max_length": field.max_length,
    }


class FormFieldDefinitions(serializers.Field):
    """Name, label, type, required, choices, help text and maximum length of each field, in order."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, manager):
        return [field_definition(field) for field in manager.all()]
