"""Searches count against the person's search rate limit (TRUST 15); related threads on a
thread page do not."""

import pytest

from groundswell.errors import RateLimited
from groundswell.search.selectors import related_threads, search_threads, similar_threads

pytestmark = pytest.mark.django_db


def test_searches_beyond_the_limit_are_refused(settings, post, member):
    thread = post("Hazmat labels", "Text.")
    limits = {**settings.GROUNDSWELL["RATE_LIMITS"], "search": (3, 60)}
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "RATE_LIMITS": limits}
    search_threads(member, "hazmat")
    similar_threads(member, "hazmat")
    search_threads(member, "")  # nothing to look for: not counted
    for _ in range(5):
        related_threads(member, thread)
    search_threads(member, "labels")
    with pytest.raises(RateLimited):
        search_threads(member, "hazmat")
    with pytest.raises(RateLimited):
        similar_threads(member, "hazmat")
