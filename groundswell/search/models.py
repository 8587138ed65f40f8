"""The search index's own table: one document per thread, rebuildable from threads and replies.

The text lives here, as plain text, in the same form on every database; what makes it
searchable is database-specific and created by the migration: on SQLite an FTS5 index over
this table (kept current by triggers), on PostgreSQL a generated, weighted `tsvector` column
with a GIN index. Nothing else in the project reads this table: `search.selectors` does.
"""

from django.db import models

from groundswell.threads.models import Thread


class ThreadDocument(models.Model):
    """A thread as the index sees it: its title, and its text followed by its replies'."""

    thread = models.OneToOneField(
        Thread, primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    title = models.TextField()
    body = models.TextField()

    def __str__(self) -> str:
        return f"Search document of thread {self.thread_id}"
