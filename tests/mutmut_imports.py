"""A pytest plugin loaded only by mutmut (`pytest_add_cli_args` in pyproject.toml):
makes `policy_targets.comparisons` the mutated copy in `mutants/comparisons`.

mutmut names a mutant after its file's path (`comparisons.periods.x_…`) and switches it
on only in the module of that name, while the library is installed as
`policy_targets.comparisons` (flat layout, `[tool.setuptools.package-dir]`). So under
mutmut every `policy_targets.comparisons[.X]` import is answered with the module
`comparisons[.X]`, imported from `mutants/` (first on `sys.path` there): one module
object under both names, so classes and enums stay identical.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys

INSTALLED = "policy_targets.comparisons"
MUTATED = "comparisons"


class _MutatedComparisons(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path=None, target=None):
        if fullname == INSTALLED or fullname.startswith(INSTALLED + "."):
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        module = importlib.import_module(MUTATED + spec.name.removeprefix(INSTALLED))
        # The import machinery sets __spec__ to the alias's spec; keep the module's own,
        # which its relative imports resolve against.
        self._own_spec = module.__spec__
        return module

    def exec_module(self, module):
        module.__spec__ = self._own_spec


if not any(isinstance(finder, _MutatedComparisons) for finder in sys.meta_path):
    if any(name.startswith(INSTALLED) for name in sys.modules):
        raise RuntimeError(f"{INSTALLED} was imported before the mutmut plugin could redirect it")
    sys.meta_path.insert(0, _MutatedComparisons())
