import pytest
from django.core.cache import cache

from .helpers import referral_form


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """Each test starts with no referrals counted against the test client's address."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def form_page(db):
    return referral_form()
