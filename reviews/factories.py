"""Factories for the review page types, shared by the tests and the demo content."""

import datetime as dt

import factory
import wagtail_factories

from .models import BriefingPage, ReviewIndexPage, ReviewPage, ReviewType


class ReviewIndexPageFactory(wagtail_factories.PageFactory):
    title = "Serious case reviews"
    introduction = "<p>How the partnership learns from cases where a child has died or been seriously harmed.</p>"
    listing_heading = "Reviews"

    class Meta:
        model = ReviewIndexPage


class ReviewPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Child {n}")
    review_type = ReviewType.SERIOUS_CASE_REVIEW
    publication_date = factory.Sequence(lambda n: dt.date(2020, 1, 1) + dt.timedelta(days=n))
    summary = factory.LazyAttribute(lambda page: f"What the review of {page.title} found.")

    class Meta:
        model = ReviewPage


class BriefingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"7 minute briefing {n}")
    background = "<p>Background.</p>"
    why_it_matters = "<p>Why it matters.</p>"
    information = "<p>Information.</p>"
    what_to_do = "<p>What to do.</p>"
    questions = "<p>Questions.</p>"
    what_should_happen = "<p>What should happen.</p>"
    further_resources = "<p>Further resources.</p>"

    class Meta:
        model = BriefingPage


def learning_block(heading: str, *themes, learning: str = "<p>Learning.</p>", points=(), resources=()) -> dict:
    """Raw StreamField data for one LearningThemeBlock."""
    return {
        "type": "learning_theme",
        "value": {
            "heading": heading,
            "themes": [getattr(theme, "pk", theme) for theme in themes],
            "learning": learning,
            "practice_points": list(points),
            "resources": list(resources),
        },
    }
