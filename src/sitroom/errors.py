"""A few named errors with stable codes; the CLI prints them as one line and an exit code."""

from __future__ import annotations


class SitroomError(Exception):
    """Base of every error sitroom raises on purpose."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code} {self.message}"


class InputError(SitroomError):
    """Nothing usable was given (no such path, no readable file)."""

    code = "E100"
    exit_code = 2


class StoreError(SitroomError):
    """The store cannot be opened or written (locked, not a sitroom store, disk full)."""

    code = "E200"
    exit_code = 3


class ConfigError(SitroomError):
    """A setting or option is out of range or inconsistent."""

    code = "E300"
    exit_code = 2


class MissingExtraError(SitroomError):
    """An optional feature needs an extra that is not installed."""

    code = "E400"
    exit_code = 4

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(f"{feature} needs the '{extra}' extra: pip install 'sitroom[{extra}]'")


class ResourceError(SitroomError):
    """A built resource (gazetteer, trained model) is missing or unreadable."""

    code = "E500"
    exit_code = 5
