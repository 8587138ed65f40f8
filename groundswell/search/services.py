"""Writes to the search index. The index is derived data: the thread services call
`search_index_thread` inside their own transaction, so a search never disagrees with the
thread it finds, and `search_rebuild` makes it again from the threads and replies."""

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Case, IntegerField, Value, When

from groundswell.search.backends import search_backend
from groundswell.search.models import ThreadDocument
from groundswell.search.text import document_body, index_title, plain_text
from groundswell.threads.models import Reply, Thread

REBUILD_BATCH = 1_000

# The replies read when one thread is re-indexed: the document keeps 100,000 characters, which
# this many replies fill long before, so a thread's thousandth reply costs no more to post.
MAX_INDEXED_REPLIES = 1_000

# An upsert that leaves an unchanged document alone (on SQLite the update trigger would
# re-tokenise it). Same SQL on both databases; many rows per statement, since one round trip
# per row is what makes a rebuild slow on PostgreSQL.
UPSERT_ROWS = 500
_UPSERT = (
    "INSERT INTO search_threaddocument (thread_id, title, body) VALUES {rows} "
    "ON CONFLICT (thread_id) DO UPDATE SET title = excluded.title, body = excluded.body "
    "WHERE search_threaddocument.title <> excluded.title "
    "OR search_threaddocument.body <> excluded.body"
)


def _documents(thread_rows: Iterable[tuple], reply_limit: int | None = None):
    """(thread id, title, body) for threads given as (id, title, body_html, accepted id):
    the thread's text, then its visible replies, the accepted answer first."""
    threads = list(thread_rows)
    if not threads:
        return []
    ids = [row[0] for row in threads]
    accepted = [row[3] for row in threads if row[3]]
    replies = (
        Reply.objects.filter(thread_id__in=ids, is_hidden=False)
        .annotate(
            accepted_first=Case(
                When(pk__in=accepted, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("thread_id", "accepted_first", "created_at", "id")
        .values_list("thread_id", "body_html")
    )
    if reply_limit is not None:
        replies = replies[:reply_limit]
    texts: dict[int, list[str]] = defaultdict(list)
    for thread_id, body_html in replies:
        texts[thread_id].append(plain_text(body_html))
    return [
        (pk, index_title(title), document_body([plain_text(body_html), *texts[pk]]))
        for pk, title, body_html, _ in threads
    ]


def _write(documents: list[tuple[int, str, str]]) -> None:
    with connection.cursor() as cursor:
        for start in range(0, len(documents), UPSERT_ROWS):
            chunk = documents[start : start + UPSERT_ROWS]
            rows = ", ".join(["(%s, %s, %s)"] * len(chunk))
            cursor.execute(_UPSERT.format(rows=rows), [value for row in chunk for value in row])


def search_index_threads(thread_ids: Iterable[int]) -> int:
    """(Re)index these threads from the database; returns how many there were. Hidden
    threads are indexed too: the visibility policy, applied in every search, keeps them out."""
    rows = Thread.objects.filter(pk__in=list(thread_ids)).values_list(
        "pk", "title", "body_html", "accepted_reply_id"
    )
    documents = _documents(rows)
    # Rewriting an unchanged document still costs PostgreSQL its tsvectors (computed for the
    # proposed row before the conflict is seen): compare first, write only what changed.
    ids = [pk for pk, _, _ in documents]
    current = {
        pk: (title, body)
        for pk, title, body in ThreadDocument.objects.filter(thread_id__in=ids).values_list(
            "thread_id", "title", "body"
        )
    }
    _write([doc for doc in documents if current.get(doc[0]) != doc[1:]])
    return len(documents)


def search_index_thread(thread: Thread) -> None:
    """Bring one thread's document up to date: call it after any change to the thread's
    title or text, its replies, or its accepted answer, inside that change's transaction
    (two queries: the replies, then one upsert)."""
    row = (thread.pk, thread.title, thread.body_html, thread.accepted_reply_id)
    _write(_documents([row], reply_limit=MAX_INDEXED_REPLIES))


@dataclass
class RebuildSummary:
    threads: int
    seconds: float


def search_rebuild(*, batch_size: int = REBUILD_BATCH, say: Callable[[str], None] | None = None):
    """Index every thread again, in batches of `batch_size` threads, one transaction each, so
    a live site keeps writing meanwhile. `say` receives progress lines (about one a second).
    Documents of deleted threads need no sweep: they go with their thread (cascade)."""
    say = say or (lambda message: None)
    started = last_said = time.monotonic()
    total = Thread.objects.count()
    done, last_id = 0, 0
    while True:
        with transaction.atomic():
            ids = list(
                Thread.objects.filter(pk__gt=last_id)
                .order_by("pk")
                .values_list("pk", flat=True)[:batch_size]
            )
            if not ids:
                break
            done += search_index_threads(ids)
        last_id = ids[-1]
        if time.monotonic() - last_said >= 1:
            last_said = time.monotonic()
            say(f"indexed {done:,} of {total:,} threads")
    say(f"indexed {done:,} of {total:,} threads")
    search_backend().optimise()
    return RebuildSummary(threads=done, seconds=time.monotonic() - started)
