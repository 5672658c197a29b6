"""Languages for readers: locales from settings, the language switcher,
hreflang alternates and a sitemap that lists every translation.

App label ``sscp_i18n``. Content is translated with wagtail-localize; this app
only decides which languages exist and how readers find them.
"""
