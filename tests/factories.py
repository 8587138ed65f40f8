"""factory_boy factories for the domain. Objects that services create in real life (threads,
replies, memberships) are made through the services in tests that check behaviour; these
factories are for arranging data quickly."""

import factory
from django.utils import timezone

from groundswell.people.models import Level, OrgUnit, Person
from groundswell.spaces.models import Membership, Role, Space, SpaceKind, Visibility
from groundswell.threads.markdown import render_markdown
from groundswell.threads.models import Reply, Thread, ThreadKind
from groundswell.topics.models import Topic

PASSWORD = "correct-horse-battery-staple"


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit

    name = factory.Sequence(lambda n: f"Unit {n}")
    code = factory.Sequence(lambda n: f"unit-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.LazyAttribute(lambda p: f"{p.username}@example.com")
    level = Level.FRONTLINE
    password = factory.django.Password(PASSWORD)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"topic-{n}")


class SpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Space

    name = factory.Sequence(lambda n: f"Space {n}")
    slug = factory.Sequence(lambda n: f"space-{n}")
    kind = SpaceKind.COMMUNITY
    visibility = Visibility.OPEN


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    space = factory.SubFactory(SpaceFactory)
    person = factory.SubFactory(PersonFactory)
    role = Role.MEMBER


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thread

    space = factory.SubFactory(SpaceFactory)
    author = factory.SubFactory(PersonFactory)
    kind = ThreadKind.DISCUSSION
    title = factory.Sequence(lambda n: f"Thread {n}")
    body = "Some **text**."
    body_html = factory.LazyAttribute(lambda t: render_markdown(t.body))
    created_at = factory.LazyFunction(timezone.now)
    updated_at = factory.LazyFunction(timezone.now)
    last_activity_at = factory.LazyFunction(timezone.now)


class ReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reply

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(PersonFactory)
    body = "A reply."
    body_html = factory.LazyAttribute(lambda r: render_markdown(r.body))
    created_at = factory.LazyFunction(timezone.now)
    updated_at = factory.LazyFunction(timezone.now)
