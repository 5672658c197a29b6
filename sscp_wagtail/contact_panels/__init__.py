"""Contact panels: the adapter from rows to the opening-hours engine, what the
public and the admin are shown, and the editor-facing checks.

The models live in ``sscp_wagtail/models.py`` (Django finds them there); this
package holds everything else, one concern per module.
"""
