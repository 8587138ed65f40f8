"""Reads of topics. A topic is listed only where someone may see something carrying it."""

from django.db.models import Count, Exists, OuterRef, Q

from groundswell.errors import NotFound
from groundswell.pagination import Page, paginate
from groundswell.threads.models import Follow, Thread
from groundswell.topics.models import Topic, normalise_topic_name


def topic_get(name: str) -> Topic:
    topic = Topic.objects.filter(name=normalise_topic_name(name)).first()
    if topic is None:
        raise NotFound("No such topic.")
    return topic


def topic_list(person, *, query: str = "", page=1, per_page=None) -> Page:
    """Topics used on threads the person can see, with how many; most used first.

    Counting only visible threads keeps a private space's topics and volumes private.
    """
    visible = Thread.objects.visible_to(person).values("pk")
    topics = Topic.objects.annotate(
        thread_total=Count("threads", filter=Q(threads__in=visible), distinct=True)
    ).filter(thread_total__gt=0)
    if query:
        topics = topics.filter(name__startswith=normalise_topic_name(query))
    return paginate(topics.order_by("-thread_total", "name"), page, per_page)


def topic_get_visible(person, name: str) -> Topic:
    """`topic_get` for a viewer: a topic carried only by threads the person cannot see is
    NotFound, exactly like a topic that does not exist, so filtering or following by topic
    cannot reveal what a private space talks about. Topics nobody has used on a thread yet
    (skills, brand-new tags) are visible to every colleague."""
    if person is None or not person.is_authenticated or not person.is_active:
        raise NotFound("No such topic.")
    topic = topic_get(name)
    carriers = Thread.objects.filter(topics=topic)
    if (
        carriers.exists()
        and not carriers.visible_to(person).exists()
        and not topic.skilled_people.exists()
    ):
        raise NotFound("No such topic.")
    return topic


def topics_followed(person, *, limit: int = 50) -> list[Topic]:
    """The topics a person follows, by name (for their home page). Like `topic_get_visible`,
    a topic carried only by threads they cannot see is left out."""
    followed = Follow.objects.filter(follower=person, topic=OuterRef("pk"))
    carriers = Thread.objects.filter(topics=OuterRef("pk"))
    visible_carriers = Thread.objects.visible_to(person).filter(topics=OuterRef("pk"))
    skills = Topic.skilled_people.through.objects.filter(topic=OuterRef("pk"))
    topics = Topic.objects.filter(Exists(followed)).filter(
        ~Exists(carriers) | Exists(visible_carriers) | Exists(skills)
    )
    return list(topics.order_by("name")[:limit])
