"""Demo moderation: a spammy reply in Warehouse know-how, flagged by two colleagues, so the
space's owner (`warehouse.lead`) opens a review queue with something in it."""

import random

from groundswell.moderation.models import Reason
from groundswell.moderation.services import flag_create
from groundswell.people.models import Person
from groundswell.spaces.models import Membership, Role, Space
from groundswell.threads.services import reply_create

SPACE = "warehouse-know-how"
SPAM = (
    "Selling my old sat-nav and two hi-vis jackets, cheap, collection from the Leeds car park "
    "only. Message me!"
)
FLAG_DETAILS = ("Selling stuff, nothing to do with the question.", "")


def seed_moderation(rng: random.Random) -> None:
    """Two open spam flags on one reply: below the auto-hide threshold, waiting for review."""
    space = Space.objects.get(slug=SPACE)
    thread = space.threads.filter(is_hidden=False).order_by("-created_at").first()
    members = list(
        Membership.objects.filter(space=space, role=Role.MEMBER)
        .exclude(person__username__in=["driver", "warehouse.lead"])
        .order_by("person_id")
        .values_list("person_id", flat=True)
    )
    if thread is None or len(members) < 3:
        return
    seller, *flaggers = [Person.objects.get(pk=pk) for pk in rng.sample(members, 3)]
    reply = reply_create(author=seller, thread=thread, body=SPAM)
    for flagger, detail in zip(flaggers, FLAG_DETAILS, strict=True):
        flag_create(flagger=flagger, thread=thread, reply=reply, reason=Reason.SPAM, detail=detail)
