"""Code run inside `groundswell shell -c` against the scratch database: one prints the load's
identities, the other counts what was stored. Strings, because they run in the server's settings
and database, not in the load client's process."""

IDENTITIES = r"""
import json, random
from importlib import import_module
from django.conf import settings
from groundswell.people.models import Person
from groundswell.people.tokens import api_token_create
from groundswell.spaces import permissions as space_rules
from groundswell.spaces.models import Membership
from groundswell.threads.models import Thread

random.seed(7)
store = import_module(settings.SESSION_ENGINE).SessionStore
wanted = int(__COUNT__)
people = list(
    Person.objects.filter(is_active=True, memberships__isnull=False).distinct().order_by("pk")
)
random.shuffle(people)
identities = []
for person in people:
    spaces = [
        m.space for m in Membership.objects.filter(person=person).select_related("space")
        if space_rules.can_post_in_space(person, m.space)
    ]
    if not spaces:
        continue
    threads = list(
        Thread.objects.filter(space__in=spaces, is_draft=False).values_list("pk", flat=True)[:60]
    )
    if not threads:
        continue
    _, token = api_token_create(person=person, name="load test", scope="write")
    session = store()
    session["_auth_user_id"] = str(person.pk)
    session["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[0]
    session["_auth_user_hash"] = person.get_session_auth_hash()
    session.save()
    identities.append({
        "person": person.pk, "token": token, "session": session.session_key,
        "spaces": [s.slug for s in spaces], "threads": threads,
    })
    if len(identities) == wanted:
        break
print("IDENTITIES" + json.dumps(identities))
"""

COUNT = r"""
import json
from groundswell.threads.models import Reply, Thread, Vote
written = json.load(open(__PATH__))
votes = 0
for person, thread, value in written["votes"]:
    votes += Vote.objects.filter(person_id=person, thread_id=thread, value=value).exists()
print("STORED" + json.dumps({
    "threads": Thread.objects.filter(pk__in=written["threads"]).count(),
    "replies": Reply.objects.filter(pk__in=written["replies"]).count(),
    "votes": votes,
}))
"""
