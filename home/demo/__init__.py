"""Demo content: the partnership's serious-case-review pages, built from the seed text.

``serious-case-reviews.txt`` beside this file is the source; ``content.py`` lays
it out as structured pages, and the tests check that every line of the source
reaches the rendered site.
"""
