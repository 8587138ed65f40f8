"""Reads of topics. A topic is listed only where someone may see something carrying it."""

from django.db.models import Count, Q

from groundswell.errors import NotFound
from groundswell.pagination import Page, paginate
from groundswell.threads.models import Thread
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
