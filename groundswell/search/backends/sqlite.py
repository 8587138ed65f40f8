"""SQLite: FTS5 over the thread documents, ranked with bm25, excerpts from snippet()."""

from django.db import connection

from groundswell.search.backends import Hit, SearchBackend
from groundswell.search.query import SearchQuery
from groundswell.search.text import MARK_END, MARK_START

TABLE = "search_thread_fts"
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0
EXCERPT_TOKENS = 24


def _quoted(words) -> str:
    # Terms are letters and digits only (see query.py): a double quote cannot occur in them.
    return '"' + " ".join(words) + '"'


def match_all(query: SearchQuery) -> str:
    """FTS5 syntax for "every word and phrase, the last word as a prefix"."""
    terms = [_quoted([word]) for word in query.words]
    terms += [_quoted(phrase) for phrase in query.phrases]
    if query.prefix:
        terms.append(_quoted([query.prefix]) + "*")
    return " ".join(terms)


def match_any_title(query: SearchQuery) -> str:
    """FTS5 syntax for "any of the words, in the title"."""
    terms = [_quoted([word]) for word in query.words]
    terms += [_quoted(phrase) for phrase in query.phrases]
    if query.prefix:
        terms.append(_quoted([query.prefix]) + "*")
    return "{title} : (" + " OR ".join(terms) + ")"


class SqliteBackend(SearchBackend):
    vendor = "sqlite"

    def _run(self, match: str, visible, *, weights, offset: int, limit: int) -> list[Hit]:
        exists_sql, exists_params = self.visible_exists(visible, f"{TABLE}.rowid")
        # The page is chosen first (rank only); excerpts are made for its rows alone, since
        # SQLite computes every selected column before sorting.
        sql = f"""
            WITH hits AS MATERIALIZED (
                SELECT {TABLE}.rowid AS thread_id, bm25({TABLE}, %s, %s) AS score
                FROM {TABLE}
                WHERE {TABLE} MATCH %s AND {exists_sql}
                ORDER BY score, thread_id DESC
                LIMIT %s OFFSET %s
            )
            SELECT hits.thread_id, hits.score,
                   highlight({TABLE}, 0, %s, %s),
                   snippet({TABLE}, 1, %s, %s, '…', %s)
            FROM hits JOIN {TABLE} ON {TABLE}.rowid = hits.thread_id
            WHERE {TABLE} MATCH %s
            ORDER BY hits.score, hits.thread_id DESC
        """  # noqa: S608 -- identifiers are constants; every value is a parameter
        params = [
            *weights,
            match,
            *exists_params,
            limit,
            offset,
            MARK_START,
            MARK_END,
            MARK_START,
            MARK_END,
            EXCERPT_TOKENS,
            match,
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [Hit(row[0], -row[1], row[2] or "", row[3] or "") for row in rows]

    def search(self, query: SearchQuery, visible, *, offset: int, limit: int) -> list[Hit]:
        return self._run(
            match_all(query),
            visible,
            weights=(TITLE_WEIGHT, BODY_WEIGHT),
            offset=offset,
            limit=limit,
        )

    def similar(self, query: SearchQuery, visible, *, limit: int) -> list[Hit]:
        return self._run(match_any_title(query), visible, weights=(1.0, 0.0), offset=0, limit=limit)

    def optimise(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")  # noqa: S608
