"""The importer's bulk writes: people, topics, threads, replies, their revisions, the
`ImportedPost` mapping and activity events with the dump's own dates. Every write is a
`bulk_create`/`bulk_update` of a whole batch."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from groundswell.activity.models import Event, Verb
from groundswell.people.models import Person
from groundswell.spaces.models import Space
from groundswell.stackexchange.convert import attribution, html_to_markdown
from groundswell.stackexchange.dump import VOTE_UP, Post, Vote
from groundswell.stackexchange.models import ImportedPost
from groundswell.threads.markdown import render_markdown
from groundswell.threads.models import Reply, Revision, Thread, ThreadKind
from groundswell.topics.models import Topic

PLACEHOLDER_USERNAME = "se-deleted"
PLACEHOLDER_NAME = "Deleted Stack Exchange user"
CHUNK = 1_000


@dataclass
class PostRef:
    """What events about an imported post need to name."""

    object_type: str
    object_id: int
    author_id: int
    thread_id: int
    topic_ids: list[int]


@dataclass
class ImportState:
    site: str
    space: Space
    summary: object
    users: dict = field(default_factory=dict)  # dump user id → dump.User
    topic_ids: dict = field(default_factory=dict)  # topic name → id
    people: dict = field(default_factory=dict)  # username → person id
    questions: dict = field(default_factory=dict)  # question id → PostRef of its thread
    accepts: dict = field(default_factory=dict)  # question id → accepted answer id
    new_posts: dict = field(default_factory=dict)  # post id → PostRef, this run only
    orphans: list = field(default_factory=list)  # answers read before their question


def ensure_topics(state: ImportState, names) -> int:
    """Topics for these names exist afterwards; returns how many were created."""
    wanted = {name for name in names if name and name not in state.topic_ids}
    if not wanted:
        return 0
    existing = dict(Topic.objects.filter(name__in=wanted).values_list("name", "pk"))
    missing = wanted - existing.keys()
    Topic.objects.bulk_create([Topic(name=name) for name in sorted(missing)], ignore_conflicts=True)
    state.topic_ids.update(Topic.objects.filter(name__in=wanted).values_list("name", "pk"))
    return len(missing)


def _username(state: ImportState, post: Post) -> str:
    if post.owner_id is None or post.owner_id not in state.users:
        return PLACEHOLDER_USERNAME
    return f"se-{post.owner_id}"


def ensure_people(state: ImportState, posts: list[Post]) -> None:
    """A Person for every author of these posts (one placeholder for deleted accounts)."""
    wanted = {_username(state, post) for post in posts} - state.people.keys()
    if not wanted:
        return
    state.people.update(Person.objects.filter(username__in=wanted).values_list("username", "pk"))
    created = []
    for username in sorted(wanted - state.people.keys()):
        user = state.users.get(int(username[3:])) if username != PLACEHOLDER_USERNAME else None
        person = Person(
            username=username,
            display_name=(user.display_name if user else "") or PLACEHOLDER_NAME,
            password=make_password(None),  # unusable: nobody signs in as an imported author
            bio=f"Contributor to {state.site}, imported from its public data dump.",
        )
        if user is not None:
            person.date_joined = user.created_at
        created.append(person)
    Person.objects.bulk_create(created)
    state.people.update((person.username, person.pk) for person in created)
    state.summary.people_created += len(created)


def _body(state: ImportState, post: Post) -> str:
    user = state.users.get(post.owner_id) if post.owner_id is not None else None
    footer = attribution(
        site=state.site,
        post_id=post.id,
        is_question=post.is_question,
        author_id=post.owner_id if user else None,
        author_name=user.display_name if user else post.owner_name,
        licence=post.licence,
    )
    text = html_to_markdown(post.body_html)
    room = settings.GROUNDSWELL["MAX_BODY_LENGTH"] - len(footer) - 10
    if len(text) > room:
        text = text[:room].rstrip() + " …"
    return f"{text}\n\n{footer}" if text else footer


def _load_known_questions(state: ImportState, ids) -> None:
    """Thread refs of questions imported by an earlier run (for their answers)."""
    ids = [pk for pk in ids if pk not in state.questions]
    if not ids:
        return
    rows = ImportedPost.objects.filter(site=state.site, se_id__in=ids, thread__isnull=False)
    threads = {row.se_id: row.thread_id for row in rows}
    authors = dict(Thread.objects.filter(pk__in=threads.values()).values_list("pk", "author"))
    topics: dict[int, list[int]] = {}
    through = Thread.topics.through.objects.filter(thread_id__in=threads.values())
    for thread_id, topic_id in through.values_list("thread_id", "topic_id"):
        topics.setdefault(thread_id, []).append(topic_id)
    for se_id, thread_id in threads.items():
        state.questions[se_id] = PostRef(
            "threads.thread", thread_id, authors[thread_id], thread_id, topics.get(thread_id, [])
        )


def write_posts(state: ImportState, posts: list[Post], *, final: bool = False) -> None:
    """One batch: skip posts imported before, then create threads, then replies."""
    known = set(
        ImportedPost.objects.filter(site=state.site, se_id__in=[p.id for p in posts]).values_list(
            "se_id", flat=True
        )
    )
    state.summary.already_imported += len(known)
    questions = [p for p in posts if p.is_question]
    for question in questions:
        if question.accepted_answer_id:
            state.accepts[question.id] = question.accepted_answer_id
    _load_known_questions(state, [q.id for q in questions if q.id in known])
    new_questions = [q for q in questions if q.id not in known]
    answers = [p for p in posts if not p.is_question and p.id not in known]
    _load_known_questions(state, {a.parent_id for a in answers})
    ensure_people(state, new_questions + answers)
    _create_threads(state, new_questions)
    ready = []
    for answer in answers:
        if answer.parent_id in state.questions:
            ready.append(answer)
        elif final:
            state.summary.problems.add(
                "Posts.xml", answer.id, "answer to a question not in the dump"
            )
        else:
            state.orphans.append(answer)
    _create_replies(state, ready)


def _create_threads(state: ImportState, questions: list[Post]) -> None:
    if not questions:
        return
    state.summary.topics_created += ensure_topics(state, {t for q in questions for t in q.tags})
    threads = []
    for question in questions:
        body = _body(state, question)
        threads.append(
            Thread(
                space=state.space,
                kind=ThreadKind.QUESTION,
                title=question.title[: settings.GROUNDSWELL["MAX_TITLE_LENGTH"]],
                body=body,
                body_html=render_markdown(body),
                author_id=state.people[_username(state, question)],
                created_at=question.created_at,
                updated_at=question.edited_at or question.created_at,
                last_activity_at=question.last_activity_at or question.created_at,
            )
        )
    Thread.objects.bulk_create(threads)
    links, mapping, revisions, events = [], [], [], []
    for question, thread in zip(questions, threads, strict=True):
        topic_ids = sorted({state.topic_ids[name] for name in question.tags})
        links += [Thread.topics.through(thread_id=thread.pk, topic_id=pk) for pk in topic_ids]
        ref = PostRef("threads.thread", thread.pk, thread.author_id, thread.pk, topic_ids)
        state.questions[question.id] = state.new_posts[question.id] = ref
        mapping.append(ImportedPost(site=state.site, se_id=question.id, thread=thread))
        revisions.append(
            Revision(
                thread=thread,
                editor_id=thread.author_id,
                title=thread.title,
                body=thread.body,
                created_at=thread.created_at,
            )
        )
        events.append(_event(state, Verb.ASKED, ref, actor=ref.author_id, at=thread.created_at))
    Thread.topics.through.objects.bulk_create(links)
    ImportedPost.objects.bulk_create(mapping)
    Revision.objects.bulk_create(revisions)
    save_events(state, events)
    state.summary.questions += len(threads)


def _create_replies(state: ImportState, answers: list[Post]) -> None:
    if not answers:
        return
    replies = []
    for answer in answers:
        body = _body(state, answer)
        replies.append(
            Reply(
                thread_id=state.questions[answer.parent_id].thread_id,
                author_id=state.people[_username(state, answer)],
                body=body,
                body_html=render_markdown(body),
                created_at=answer.created_at,
                updated_at=answer.edited_at or answer.created_at,
            )
        )
    Reply.objects.bulk_create(replies)
    mapping, revisions, events = [], [], []
    for answer, reply in zip(answers, replies, strict=True):
        question = state.questions[answer.parent_id]
        ref = PostRef(
            "threads.reply", reply.pk, reply.author_id, question.thread_id, question.topic_ids
        )
        state.new_posts[answer.id] = ref
        mapping.append(ImportedPost(site=state.site, se_id=answer.id, reply=reply))
        revisions.append(
            Revision(
                reply=reply, editor_id=reply.author_id, body=reply.body, created_at=reply.created_at
            )
        )
        events.append(
            _event(
                state,
                Verb.ANSWERED,
                ref,
                actor=ref.author_id,
                at=reply.created_at,
                subject=question.author_id,
            )
        )
    ImportedPost.objects.bulk_create(mapping)
    Revision.objects.bulk_create(revisions)
    save_events(state, events)
    state.summary.answers += len(replies)


def _event(state, verb, ref: PostRef, *, actor, at, subject=None, data=None) -> Event:
    return Event(
        actor_id=actor,
        verb=verb,
        object_type=ref.object_type,
        object_id=ref.object_id,
        space_id=state.space.pk,
        thread_id=ref.thread_id,
        subject_id=subject,
        topic_ids=ref.topic_ids,
        data={"source": state.site, **(data or {})},
        created_at=at,
    )


def vote_event(state: ImportState, vote: Vote) -> Event:
    """A vote of the dump as an event: anonymous (no actor), on the vote's day."""
    ref = state.new_posts[vote.post_id]
    value = 1 if vote.kind == VOTE_UP else -1
    return _event(
        state,
        Verb.VOTED,
        ref,
        actor=None,
        at=vote.day,
        subject=ref.author_id,
        data={"value": value},
    )


def save_events(state: ImportState, events: list[Event]) -> None:
    for start in range(0, len(events), CHUNK):
        Event.objects.bulk_create(events[start : start + CHUNK])
    state.summary.events += len(events)


def _site_posts(state: ImportState):
    return ImportedPost.objects.filter(site=state.site)


def finish(state: ImportState, votes) -> None:
    """Set what depends on every post: accepted answers, scores, reply and thread counts.
    Everything is set to its value from the dump, so a re-run changes nothing."""
    _set_accepted(state, votes.accepted_on)
    _set_scores(state, votes)
    imported_threads = _site_posts(state).filter(thread__isnull=False).values("thread")
    replies = (
        Reply.objects.filter(thread=OuterRef("pk"), is_hidden=False)
        .values("thread")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Thread.objects.filter(pk__in=imported_threads).update(
        reply_count=Coalesce(Subquery(replies), Value(0))
    )
    Space.objects.filter(pk=state.space.pk).update(
        thread_count=Thread.objects.filter(space=state.space).count()
    )


def _set_accepted(state: ImportState, accepted_on: dict) -> None:
    posts = {}
    wanted = set(state.accepts) | set(state.accepts.values())
    for row in _site_posts(state).filter(se_id__in=wanted).values("se_id", "thread", "reply"):
        posts[row["se_id"]] = row["thread"] or row["reply"]
    answers = {
        reply.pk: reply
        for reply in Reply.objects.filter(
            pk__in=[posts[a] for a in state.accepts.values() if a in posts]
        ).only("pk", "thread_id", "author_id", "created_at")
    }
    threads = Thread.objects.filter(pk__in=[posts[q] for q in state.accepts if q in posts]).only(
        "pk", "accepted_reply_id", "author_id"
    )
    threads = {thread.pk: thread for thread in threads}
    changed, events = [], []
    for question_id, answer_id in state.accepts.items():
        thread = threads.get(posts.get(question_id))
        reply = answers.get(posts.get(answer_id))
        if thread is None or reply is None or reply.thread_id != thread.pk:
            continue
        state.summary.accepted += 1
        if thread.accepted_reply_id == reply.pk:
            continue
        thread.accepted_reply_id = reply.pk
        changed.append(thread)
        day = accepted_on.get(answer_id)
        at = max(day, reply.created_at) if day else reply.created_at
        ref = state.new_posts.get(answer_id) or PostRef(
            "threads.reply", reply.pk, reply.author_id, thread.pk, []
        )
        events.append(
            _event(
                state, Verb.ACCEPTED, ref, actor=thread.author_id, at=at, subject=reply.author_id
            )
        )
    Thread.objects.bulk_update(changed, ["accepted_reply"], batch_size=CHUNK)
    save_events(state, events)


def _set_scores(state: ImportState, votes) -> None:
    rows = list(_site_posts(state).values_list("se_id", "thread", "reply"))
    for model, column in ((Thread, 1), (Reply, 2)):
        wanted = {
            row[column]: votes.up.get(row[0], 0) - votes.down.get(row[0], 0)
            for row in rows
            if row[column]
        }
        ids = list(wanted)
        for start in range(0, len(ids), CHUNK):
            chunk = model.objects.filter(pk__in=ids[start : start + CHUNK]).only("pk", "score")
            changed = [obj for obj in chunk if obj.score != wanted[obj.pk]]
            for obj in changed:
                obj.score = wanted[obj.pk]
            model.objects.bulk_update(changed, ["score"], batch_size=CHUNK)
