"""The policy-targets library: records, loading, units, quote normalization, diff.

Nothing in this package prints; functions return plain result objects and raise the
typed errors of `policy_targets.comparisons.errors`.
"""

__version__ = "0.1.0"
