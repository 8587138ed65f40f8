"""Moderation API: flags, the review queue, hiding and locking."""

from ninja import Router

router = Router(tags=["moderation"])
