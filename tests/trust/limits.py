"""Helpers for rate-limit tests: a clock the limits read, and small limits."""

import copy

# A moment on a whole hour (so on a window boundary for every period used in the tests).
START = 1_800_000_000.0


class Clock:
    def __init__(self, monkeypatch, start: float = START):
        self.now = start
        monkeypatch.setattr("groundswell.ratelimits.core.now", lambda: self.now)

    def advance(self, seconds: float) -> None:
        self.now += seconds


def set_limits(settings, **limits) -> None:
    """`set_limits(settings, posting=(2, 600))`: underscores stand for the scopes' hyphens."""
    groundswell = copy.deepcopy(settings.GROUNDSWELL)
    groundswell["RATE_LIMITS_ENABLED"] = True
    for name, limit in limits.items():
        groundswell["RATE_LIMITS"][name.replace("_", "-")] = limit
    settings.GROUNDSWELL = groundswell
