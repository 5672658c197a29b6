"""Form data helpers that Wagtail's ``wagtail.test.utils.form_data`` lacks."""


def list_block(*values) -> dict:
    """Form data for a ListBlock, as the Wagtail editor posts it (for ``nested_form_data``)."""
    data: dict = {"count": len(values)}
    for position, value in enumerate(values):
        data[str(position)] = {"value": value, "deleted": "", "order": str(position), "id": ""}
    return data
