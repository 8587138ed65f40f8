"""An AMA session written straight to the database, for the trust crawls' fixtures (which
need one in a private space whatever the roles there)."""

from datetime import timedelta

from django.utils import timezone

from groundswell.leadership.models import AmaQuestion, AmaSession


def ama_in(space, host, *, title="AMA", description="", thread=None) -> AmaSession:
    now = timezone.now()
    session = AmaSession.objects.create(
        space=space,
        title=title,
        description=description,
        starts_at=now + timedelta(hours=2),
        ends_at=now + timedelta(hours=3),
        created_by=host,
    )
    session.hosts.set([host])
    if thread is not None:
        AmaQuestion.objects.create(session=session, thread=thread)
    return session
