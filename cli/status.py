"""Exit statuses shared by every command."""

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    #: differences found, where a command was asked to fail on them (--fail-on-change)
    DIFFERENCES = 1
    #: invalid data, invalid input or wrong usage
    INVALID = 2
