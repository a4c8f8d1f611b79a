"""The bundled dataset: YAML files found at run time beside this file."""
