"""PostgreSQL: a weighted tsvector (title A, text B) and one of the titles alone, each with a
GIN index; ranked with ts_rank_cd, excerpts from ts_headline."""

from django.db import connection

from groundswell.search.backends import Hit, SearchBackend
from groundswell.search.query import SearchQuery
from groundswell.search.text import MARK_END, MARK_START

CONFIG = "english"
# ts_rank_cd's weights for D, C, B, A: a title word counts five times a word of the text.
WEIGHTS = "{0.1, 0.1, 0.2, 1.0}"
NORMALISATION = 1  # divide by 1 + log(length): long threads do not win by length alone
HEADLINE_CHARACTERS = 20_000  # ts_headline parses the text it is given: keep it bounded
TITLE_HEADLINE = f'HighlightAll=true, StartSel="{MARK_START}", StopSel="{MARK_END}"'
BODY_HEADLINE = (
    'MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … ", '
    f'StartSel="{MARK_START}", StopSel="{MARK_END}"'
)


def _lexeme(word: str, suffix: str = "") -> str:
    # Words are letters and digits only (see query.py), so quoting them is enough.
    return f"'{word}'{suffix}"


def tsquery_all(query: SearchQuery) -> tuple[str, list]:
    """SQL for "every word and phrase, the last word as a prefix", and its parameters."""
    parts, params = [], []
    if query.words:
        parts.append(f"plainto_tsquery('{CONFIG}', %s)")
        params.append(" ".join(query.words))
    for phrase in query.phrases:
        parts.append(f"phraseto_tsquery('{CONFIG}', %s)")
        params.append(" ".join(phrase))
    if query.prefix:
        parts.append(f"to_tsquery('{CONFIG}', %s)")
        params.append(_lexeme(query.prefix, ":*"))
    return "(" + " && ".join(parts) + ")", params


def tsquery_any(query: SearchQuery) -> tuple[str, list]:
    """SQL for "any of the words or phrases, the last word as a prefix", and its parameters."""
    terms = [_lexeme(word) for word in query.words]
    terms += [
        "(" + " <-> ".join(_lexeme(word) for word in phrase) + ")" for phrase in query.phrases
    ]
    if query.prefix:
        terms.append(_lexeme(query.prefix, ":*"))
    return f"to_tsquery('{CONFIG}', %s)", [" | ".join(terms)]


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def _run(
        self, tsquery: tuple[str, list], vector: str, visible, *, offset: int, limit: int
    ) -> list[Hit]:
        query_sql, query_params = tsquery
        exists_sql, exists_params = self.visible_exists(visible, "d.thread_id")
        # The page is chosen first; headlines, which re-parse the text, only for its rows.
        sql = f"""
            WITH hits AS MATERIALIZED (
                SELECT d.thread_id, ts_rank_cd(%s, d.{vector}, {query_sql}, %s) AS score
                FROM search_threaddocument d
                WHERE d.{vector} @@ {query_sql} AND {exists_sql}
                ORDER BY score DESC, d.thread_id DESC
                LIMIT %s OFFSET %s
            )
            SELECT hits.thread_id, hits.score,
                   ts_headline('{CONFIG}', d.title, {query_sql}, %s),
                   ts_headline('{CONFIG}', left(d.body, %s), {query_sql}, %s)
            FROM hits JOIN search_threaddocument d ON d.thread_id = hits.thread_id
            ORDER BY hits.score DESC, hits.thread_id DESC
        """  # noqa: S608 -- identifiers are constants; every value is a parameter
        params = [
            WEIGHTS,
            *query_params,
            NORMALISATION,
            *query_params,
            *exists_params,
            limit,
            offset,
            *query_params,
            TITLE_HEADLINE,
            HEADLINE_CHARACTERS,
            *query_params,
            BODY_HEADLINE,
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [Hit(row[0], float(row[1]), row[2] or "", row[3] or "") for row in rows]

    def search(self, query: SearchQuery, visible, *, offset: int, limit: int) -> list[Hit]:
        return self._run(tsquery_all(query), "document", visible, offset=offset, limit=limit)

    def similar(self, query: SearchQuery, visible, *, limit: int) -> list[Hit]:
        return self._run(tsquery_any(query), "title_document", visible, offset=0, limit=limit)
