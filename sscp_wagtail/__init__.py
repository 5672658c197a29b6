"""sscp-wagtail: the reusable core of a Safeguarding Children Partnership site.

Shared StreamField blocks, the base templates and the site chrome live here.
Nothing in this package imports the site apps (home, reviews, search) except
the project ``urls.py``.
"""
