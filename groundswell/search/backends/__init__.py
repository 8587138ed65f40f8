"""One search interface, two engines, chosen by the database in use.

A backend answers two questions over the thread documents: `search` (every word must match,
ranked with titles weighing more) and `similar` (any word of a title may match, titles
only). Both take `visible`, a queryset of the threads the reader may see with the filters
applied; the backend puts it *inside* its SQL as a correlated `EXISTS`, so a thread the reader
may not see is never a match — not filtered out afterwards, never found at all.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models.expressions import RawSQL

from groundswell.search.query import SearchQuery
from groundswell.search.text import MARK_END, MARK_START


@dataclass
class Hit:
    """A matching thread: its id, its relevance (higher is better), and its title and an
    excerpt with the matches between MARK_START and MARK_END (not yet escaped)."""

    thread_id: int
    rank: float
    title: str
    excerpt: str


class SearchBackend:
    vendor = ""

    def search(self, query: SearchQuery, visible, *, offset: int, limit: int) -> list[Hit]:
        raise NotImplementedError

    def similar(self, query: SearchQuery, visible, *, limit: int) -> list[Hit]:
        raise NotImplementedError

    def optimise(self) -> None:
        """Compact the index after a rebuild (optional)."""

    @staticmethod
    def visible_exists(visible, outer_thread_id: str) -> tuple[str, list]:
        """`EXISTS (…)` over the reader's visible threads, correlated to the outer row's thread
        id (an SQL expression naming the index's id column)."""
        # `outer_thread_id` is one of the backends' constant column names, never user input.
        outer = RawSQL(outer_thread_id, ())  # noqa: S611
        inner = visible.order_by().filter(pk=outer).values("pk")
        sql, params = inner.query.sql_with_params()
        return f"EXISTS ({sql})", list(params)


def search_backend() -> SearchBackend:
    """The backend for the database Django is connected to."""
    from groundswell.search.backends.postgres import PostgresBackend
    from groundswell.search.backends.sqlite import SqliteBackend

    backends = {"sqlite": SqliteBackend, "postgresql": PostgresBackend}
    if connection.vendor not in backends:
        raise RuntimeError(f"No search backend for {connection.vendor}.")
    return backends[connection.vendor]()


__all__ = ["MARK_END", "MARK_START", "Hit", "SearchBackend", "search_backend"]
