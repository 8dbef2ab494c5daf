"""The BM25 full-text index over documents: built whole, or refreshed with a publish's documents only."""

from __future__ import annotations

import duckdb

from newsfacts.warehouse.query import FTS_SCHEMA, install_fts


def build_fts_index(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build the BM25 index over documents(title, body), keyed by doc_id, from every document.

    Transactional like any other statement: inside the caller's open transaction it commits or rolls
    back with it, and in auto-commit mode it commits on its own. It does not follow later changes to
    documents by itself: refresh_search_index adds a publish's documents to it.
    """
    install_fts(con)
    con.execute("PRAGMA create_fts_index('documents', 'doc_id', 'title', 'body', overwrite = 1)")


def refresh_search_index(con: duckdb.DuckDBPyConnection, batch_schema: str = "batch") -> None:
    """Bring the BM25 index up to date with a publish, touching only the batch's documents.

    The index is DuckDB's own (so match_bm25 keeps working for analysts); its tables are maintained here the
    way create_fts_index fills them: the batch's documents are tokenized, stemmed and appended to docs and
    terms, new words are added to dict and the document frequencies of the batch's words are adjusted.
    Only stats (document count, average length) is recomputed, from one integer column of docs. Documents
    published again under the same doc_id have their earlier terms taken out first. With no index yet, or
    no batch to read, the index is built from every document.
    """
    install_fts(con)
    if not _exists(con, FTS_SCHEMA, "docs") or not _exists(con, batch_schema, "documents"):
        build_fts_index(con)
        return
    for step in _INDEX_REFRESH:
        con.execute(step.format(fts=FTS_SCHEMA, batch=batch_schema))


# Each step follows the matching statement of the fts extension's create_fts_index script (fields 0 = title,
# 1 = body; stop words checked before stemming), so an index refreshed here scores exactly as one built whole.
_INDEX_REFRESH = (
    """CREATE OR REPLACE TEMP TABLE index_replaced AS
       SELECT docid FROM {fts}.docs WHERE name IN (SELECT doc_id FROM {batch}.documents)""",
    """UPDATE {fts}.dict AS dict SET df = dict.df - gone.n
       FROM (SELECT termid, count(DISTINCT docid) AS n FROM {fts}.terms
             WHERE docid IN (SELECT docid FROM index_replaced) GROUP BY termid) AS gone
       WHERE dict.termid = gone.termid""",
    "DELETE FROM {fts}.terms WHERE docid IN (SELECT docid FROM index_replaced)",
    "DELETE FROM {fts}.docs WHERE docid IN (SELECT docid FROM index_replaced)",
    """CREATE OR REPLACE TEMP TABLE index_new_docs AS
       SELECT (SELECT coalesce(max(docid), -1) FROM {fts}.docs) + row_number() OVER (ORDER BY doc_id) AS docid,
              doc_id AS name, title, body
       FROM main.documents WHERE doc_id IN (SELECT doc_id FROM {batch}.documents)""",
    """CREATE OR REPLACE TEMP TABLE index_new_terms AS
       WITH tokenized AS (
           SELECT unnest({fts}.tokenize(title)) AS w, docid, 0 AS fieldid FROM index_new_docs
           UNION ALL
           SELECT unnest({fts}.tokenize(body)) AS w, docid, 1 AS fieldid FROM index_new_docs
       )
       SELECT stem(w, 'porter') AS term, docid, fieldid
       FROM tokenized
       WHERE w IS NOT NULL AND len(w) > 0 AND w NOT IN (SELECT sw FROM {fts}.stopwords)""",
    """INSERT INTO {fts}.dict (termid, term, df)
       SELECT (SELECT coalesce(max(termid), -1) FROM {fts}.dict) + row_number() OVER (ORDER BY term), term, 0
       FROM (SELECT DISTINCT term FROM index_new_terms WHERE term NOT IN (SELECT term FROM {fts}.dict))""",
    """INSERT INTO {fts}.terms (docid, fieldid, termid)
       SELECT t.docid, t.fieldid, d.termid FROM index_new_terms AS t JOIN {fts}.dict AS d USING (term)""",
    """UPDATE {fts}.dict AS dict SET df = dict.df + added.n
       FROM (SELECT term, count(DISTINCT docid) AS n FROM index_new_terms GROUP BY term) AS added
       WHERE dict.term = added.term""",
    """INSERT INTO {fts}.docs (docid, name, len)
       SELECT d.docid, d.name, count(t.term)
       FROM index_new_docs AS d LEFT JOIN index_new_terms AS t USING (docid)
       GROUP BY d.docid, d.name""",
    "DELETE FROM {fts}.stats",
    "INSERT INTO {fts}.stats SELECT count(docid), sum(len) / count(len) FROM {fts}.docs",
    "DROP TABLE index_replaced",
    "DROP TABLE index_new_docs",
    "DROP TABLE index_new_terms",
)


def _exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = ? AND table_name = ?", [schema, table],
    ).fetchone()[0] > 0
