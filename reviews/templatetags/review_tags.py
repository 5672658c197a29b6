from django import template

register = template.Library()


@register.simple_tag
def filter_url(filters, name: str, value) -> str:
    """The listing URL with one parameter changed and the other filters kept."""
    return filters.url(**{name: "" if value is None else str(value)})
