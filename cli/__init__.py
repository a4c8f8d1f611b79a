"""The `policy` command line: thin layers over `policy_targets.comparisons`."""
