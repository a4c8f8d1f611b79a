"""The dataset as a SQLite database, ready for `datasette FILE.db` and sqlite-utils.

Built with the standard library's sqlite3 from the table definitions of `package.py`:
one table per definition with its primary and foreign keys, indexes on the columns
people filter by, and FTS5 full-text indexes over names and quotes. The trigram
tokenizer finds any run of three or more characters, so Chinese, written without
spaces, is searchable (智慧社区 matches 全省累计建成不少于2000个智慧社区).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from .columns import Column, Table

_TYPES = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
    "date": "TEXT",
    "array": "TEXT",  # a JSON array, which Datasette and SQLite's json functions read
}
# Indexes on the columns a reader filters or joins by.
INDEXES = {
    "documents": [("scope",), ("year",)],
    "indicators": [("category",)],
    "targets": [("indicator",), ("scope", "target_year"), ("category",), ("status",)],
    "reported": [("indicator",), ("scope", "as_of")],
}
# Full-text indexes: table → indexed columns.
FULL_TEXT = {
    "targets": ("name_en", "name_zh", "quote", "note"),
    "indicators": ("name_en", "name_zh", "aliases"),
    "reported": ("quote", "note", "publisher", "title"),
}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column_sql(column: Column) -> str:
    parts = [_quote(column.name), _TYPES[column.type]]
    if column.required:
        parts.append("NOT NULL")
    name = _quote(column.name)
    if column.enum:
        choices = ", ".join("'" + v.replace("'", "''") + "'" for v in column.enum)
        parts.append(f"CHECK ({name} IN ({choices}))")
    if column.type == "boolean":
        parts.append(f"CHECK ({name} IN (0, 1))")
    return " ".join(parts)


def create_sql(table: Table) -> str:
    lines = [_column_sql(c) for c in table.columns]
    lines.append(f"PRIMARY KEY ({', '.join(_quote(c) for c in table.primary_key)})")
    for key in table.foreign_keys:
        lines.append(
            f"FOREIGN KEY ({_quote(key.column)}) "
            f"REFERENCES {_quote(key.table)} ({_quote(key.target)})"
        )
    body = ",\n  ".join(lines)
    return f"CREATE TABLE {_quote(table.name)} (\n  {body}\n)"


def _value(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def build(tables: list[Table]) -> bytes:
    """The database file's bytes (built in memory, so that the caller writes it atomically)."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        with connection:
            for table in tables:
                connection.execute(create_sql(table))
                names = [c.name for c in table.columns]
                placeholders = ", ".join("?" for _ in names)
                connection.executemany(
                    f"INSERT INTO {_quote(table.name)} "
                    f"({', '.join(_quote(n) for n in names)}) VALUES ({placeholders})",
                    ([_value(row[n]) for n in names] for row in table.rows),
                )
                for columns in INDEXES.get(table.name, ()):
                    index = _quote(f"idx_{table.name}_" + "_".join(columns))
                    connection.execute(
                        f"CREATE INDEX {index} "
                        f"ON {_quote(table.name)} ({', '.join(_quote(c) for c in columns)})"
                    )
                if table.name in FULL_TEXT:
                    _full_text(connection, table.name, FULL_TEXT[table.name])
        return connection.serialize()
    finally:
        connection.close()


def _full_text(connection: sqlite3.Connection, table: str, columns: tuple[str, ...]) -> None:
    """An external-content FTS5 table, `<table>_fts`, named the way Datasette and
    sqlite-utils look for it (content="<table>")."""
    listed = ", ".join(_quote(c) for c in columns)
    fts = _quote(f"{table}_fts")
    connection.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({listed}, content=\"{table}\", tokenize='trigram')"
    )
    connection.execute(
        f"INSERT INTO {fts} (rowid, {listed}) SELECT rowid, {listed} FROM {_quote(table)}"
    )
