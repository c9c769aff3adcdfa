"""Errors the user can act on, kept apart from bugs.

A `KnownError` carries a message written for a person: what went wrong and what to do. The CLI prints it
and exits 1; the GUI shows it in a dialog. Anything else is a bug and keeps its traceback.
"""


class KnownError(Exception):
    """A problem caused by input or environment, with a message that tells the user what to do."""


class NotFoundError(KnownError):
    """A workshop, participant or session named by the user does not exist."""


class ValidationError(KnownError):
    """Input that breaks a rule (bad date, unknown sector, end before start)."""


class DatabaseTooNewError(KnownError):
    """The database was written by a newer version of the app."""
