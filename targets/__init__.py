"""The bundled dataset: YAML files found at run time with importlib.resources."""
