"""The thread document table, and the database's own full-text index over it.

SQLite: an FTS5 table that reads its text from `search_threaddocument` (external content, no
copy), kept current by three triggers. PostgreSQL: a generated, weighted tsvector column and
a GIN index, and a second one over the titles alone. The DDL is written out here rather than imported, so this migration means the
same thing forever.
"""

import django.db.models.deletion
from django.db import migrations, models

SQLITE_CREATE = [
    """
    CREATE VIRTUAL TABLE search_thread_fts USING fts5(
        title, body,
        content='search_threaddocument', content_rowid='thread_id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER search_threaddocument_ai AFTER INSERT ON search_threaddocument BEGIN
        INSERT INTO search_thread_fts(rowid, title, body)
        VALUES (new.thread_id, new.title, new.body);
    END
    """,
    """
    CREATE TRIGGER search_threaddocument_ad AFTER DELETE ON search_threaddocument BEGIN
        INSERT INTO search_thread_fts(search_thread_fts, rowid, title, body)
        VALUES ('delete', old.thread_id, old.title, old.body);
    END
    """,
    """
    CREATE TRIGGER search_threaddocument_au AFTER UPDATE ON search_threaddocument BEGIN
        INSERT INTO search_thread_fts(search_thread_fts, rowid, title, body)
        VALUES ('delete', old.thread_id, old.title, old.body);
        INSERT INTO search_thread_fts(rowid, title, body)
        VALUES (new.thread_id, new.title, new.body);
    END
    """,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_threaddocument_au",
    "DROP TRIGGER IF EXISTS search_threaddocument_ad",
    "DROP TRIGGER IF EXISTS search_threaddocument_ai",
    "DROP TABLE IF EXISTS search_thread_fts",
]

POSTGRES_CREATE = [
    """
    ALTER TABLE search_threaddocument ADD COLUMN document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, title), 'A')
        || setweight(to_tsvector('english'::regconfig, body), 'B')
    ) STORED
    """,
    "CREATE INDEX search_threaddocument_document ON search_threaddocument USING gin (document)",
    # Titles alone, for similar questions: a small index, and no weight to recheck per row.
    """
    ALTER TABLE search_threaddocument ADD COLUMN title_document tsvector GENERATED ALWAYS AS (
        to_tsvector('english'::regconfig, title)
    ) STORED
    """,
    "CREATE INDEX search_threaddocument_title_document ON search_threaddocument "
    "USING gin (title_document)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS search_threaddocument_title_document",
    "ALTER TABLE search_threaddocument DROP COLUMN IF EXISTS title_document",
    "DROP INDEX IF EXISTS search_threaddocument_document",
    "ALTER TABLE search_threaddocument DROP COLUMN IF EXISTS document",
]


def _run(schema_editor, statements):
    for statement in statements:
        schema_editor.execute(statement)


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_CREATE)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRES_CREATE)
    else:
        raise RuntimeError(f"Groundswell's search supports SQLite and PostgreSQL, not {vendor}.")


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_DROP)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRES_DROP)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("threads", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ThreadDocument",
            fields=[
                (
                    "thread",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="threads.thread",
                    ),
                ),
                ("title", models.TextField()),
                ("body", models.TextField()),
            ],
        ),
        migrations.RunPython(create_index, drop_index),
    ]
