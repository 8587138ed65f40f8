"""Bulk-writing helpers for the demo generator: rows dated in the past, ids chosen up front,
events built as rows."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max

from groundswell.activity.models import Event

BATCH = 2_000


@contextmanager
def given_timestamps(*fields) -> Iterator[None]:
    """Keep the dates we set on `auto_now_add` fields while inserting.

    Such fields overwrite any value with "now" on insert; a demo with nine months of history
    needs the past. Only the generator's own single-threaded command uses this.
    """
    saved = [(field, field.auto_now_add) for field in fields]
    for field, _ in saved:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field, value in saved:
            field.auto_now_add = value


class RowTable:
    """INSERTs into one model's table from plain tuples, in `names` order.

    At 100,000 threads the demo writes millions of rows; building a model instance per row
    and letting the ORM compile every value took three quarters of the run. Values still go
    through each field's own `get_db_prep_save` where the database needs it (dates, JSON), and
    columns not named get the field's default, so the table can grow new fields safely.
    """

    def __init__(self, model, names: list[str]):
        meta = model._meta
        self.fields = [meta.get_field(name) for name in names]
        given = {field.column for field in self.fields}
        rest = [
            field
            for field in meta.concrete_fields
            if field.column not in given and not isinstance(field, models.AutoField)
        ]
        self.defaults = tuple(field.get_db_prep_save(field.get_default(), connection)
                              for field in rest)  # fmt: skip
        self.convert = [
            index
            for index, field in enumerate(self.fields)
            if isinstance(field, models.DateTimeField | models.JSONField)
        ]
        quote = connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in [*self.fields, *rest])
        marks = ", ".join(["%s"] * (len(self.fields) + len(rest)))
        # Identifiers come from the model and are quoted; every value is a parameter.
        self.sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608
        self.copy_sql = f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN"

    def insert(self, rows: list[tuple]) -> None:
        if not rows:
            return
        prepared = []
        for row in rows:
            values = list(row)
            for index in self.convert:
                values[index] = self.fields[index].get_db_prep_save(values[index], connection)
            prepared.append((*values, *self.defaults))
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":  # COPY: several times faster than INSERTs
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for values in prepared:
                        copy.write_row(values)
                return
            for start in range(0, len(prepared), BATCH * 5):
                cursor.executemany(self.sql, prepared[start : start + BATCH * 5])


def next_id(model) -> int:
    """The first free primary key: threads and replies get their ids before insertion, so an
    accepted answer can be linked without a second pass over the rows."""
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


def reset_sequences(*models) -> None:
    """After inserting chosen ids, move PostgreSQL's sequences past them (SQLite's
    AUTOINCREMENT follows by itself; the statement list is empty there)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def event(
    verb, *, actor_id, at, target_type="", target_id=None, space_id=None, thread_id=None,
    subject_id=None, topic_ids=(), data=None,
) -> Event:  # fmt: skip
    """An Event row shaped exactly like `event_record` writes it."""
    return Event(
        actor_id=actor_id,
        verb=verb,
        object_type=target_type,
        object_id=target_id,
        space_id=space_id,
        thread_id=thread_id,
        subject_id=subject_id,
        topic_ids=sorted(topic_ids),
        data=data or {},
        created_at=at,
    )
