"""The JSON Schema of each kind of data file, made from the entry classes of
`records.py`, so that an editor or check-jsonschema checks a file as `policy validate`
does."""

from __future__ import annotations

from typing import Any

from .records import Catalogue, CoverageIgnore, DocumentFile, ReportedFile
from .vocabulary import FileKind

# The entry class of each kind of data file, and its JSON Schema file beside the YAML.
FILE_ENTRIES = {
    FileKind.document: DocumentFile,
    FileKind.catalogue: Catalogue,
    FileKind.coverage_ignore: CoverageIgnore,
    FileKind.reported: ReportedFile,
}
SCHEMA_FILES = {kind: f"{kind.value}.schema.json" for kind in FileKind}


def json_schemas() -> dict[FileKind, dict]:
    """One JSON Schema per kind of data file (document, catalogue, coverage-ignore,
    reported), so that an editor or check-jsonschema names the very field that is wrong
    rather than
    "not valid under any of the given schemas". Made from the entry classes, so derived
    fields never appear."""
    import msgspec

    from . import vocabulary

    schemas = {}
    for kind, entry in FILE_ENTRIES.items():
        schema = _clean_descriptions(msgspec.json.schema(entry))
        definitions = schema["$defs"]
        for name, definition in definitions.items():
            if "enum" in definition:  # msgspec sorts the terms; the vocabulary orders them
                definition["enum"] = [term.value for term in getattr(vocabulary, name)]
        # The file's own class at the top rather than behind a "$ref".
        root = definitions.pop(schema["$ref"].removeprefix("#/$defs/"))
        schemas[kind] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            **root,
            "$defs": definitions,
        }
    return schemas


def _clean_descriptions(node: Any) -> Any:
    """Every `description` cleaned as `inspect.cleandoc` cleans a docstring. msgspec 0.22
    kept a class docstring's indentation and 0.23 strips it; the schema files must mean
    the same text, not a library version's whitespace."""
    import inspect

    if isinstance(node, dict):
        return {
            key: inspect.cleandoc(value)
            if key == "description" and isinstance(value, str)
            else _clean_descriptions(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_clean_descriptions(item) for item in node]
    return node
