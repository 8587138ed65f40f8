"""The threads app's API: threads, replies and follows, mounted as one router."""

from ninja import Router

from groundswell.threads.api import follows, replies, revisions, threads

router = Router()
router.add_router("", threads.router)
router.add_router("", replies.router)
router.add_router("", follows.router)
router.add_router("", revisions.router)
