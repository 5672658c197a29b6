"""The site's headless API (Wagtail API v2), served at ``/api/v2/``."""
