"""The demo's opening scene, played through the real services: the driver asks in the
Drivers' lounge and the warehouse lead answers; accepting the answer is left to the visitor."""

from groundswell.people.models import Person
from groundswell.spaces.models import Space
from groundswell.threads.models import Thread, ThreadKind
from groundswell.threads.services import reply_create, thread_create

QUESTION_TITLE = (
    "How do I prove a 'left with neighbour' delivery when the handheld won't take the photo?"
)
QUESTION_BODY = """\
Three times this week on the Leeds rounds the camera on my handheld froze at the photo step \
when I left a parcel with a neighbour. I ended up typing the neighbour's house number into \
the notes instead.

Is that enough if the customer rings in saying it never arrived? And does anyone know how to \
stop the camera freezing?"""
ANSWER_BODY = """\
Typing the house number in the notes is the right instinct and it does count - add the \
neighbour's **name** as well, that's the first thing the claims team checks.

For the camera: the last app update resets the camera permission on some handhelds.

1. Settings, then Apps, then Delivery
2. Permissions, then Camera
3. Choose *Allow while using the app*

If it still freezes, swap the handheld at the dispatch desk before you go out - we keep two \
charged spares at Leeds for exactly this. I'll put a note up in the loading bay too."""


def play_opening_scene() -> Thread:
    """Dana's question with Wanda's answer, not yet accepted: the first thing to try in the
    demo is signing in as `driver` and accepting it."""
    driver = Person.objects.get(username="driver")
    lead = Person.objects.get(username="warehouse.lead")
    lounge = Space.objects.get(slug="drivers-lounge")
    thread = thread_create(
        author=driver,
        space=lounge,
        kind=ThreadKind.QUESTION,
        title=QUESTION_TITLE,
        body=QUESTION_BODY,
        topics=["proof-of-delivery", "scanner-troubleshooting"],
    )
    reply_create(author=lead, thread=thread, body=ANSWER_BODY)
    return thread
