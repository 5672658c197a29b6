import factory
from django.utils.text import slugify

from .models import LearningTheme


class LearningThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.LazyAttribute(lambda theme: slugify(theme.name))
    description = "Learning on this theme."

    class Meta:
        model = LearningTheme
