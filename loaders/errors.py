"""Errors raised by sgcn, rooted in one base class.

Every error a user can cause (a bad file, an unknown query, a graph that cannot be
read) derives from :class:`SgcnError`, so the command line can turn it into a
message and an exit code without catching anything else.

Examples:
    >>> err = LoadError("sources/a.html", "truncated HTML: no closing </html>", line=12)
    >>> str(err)
    'sources/a.html:12: truncated HTML: no closing </html>'
    >>> isinstance(err, SgcnError)
    True
"""

from __future__ import annotations


class SgcnError(Exception):
    """Base class of every error sgcn raises on purpose."""


class LoadError(SgcnError):
    """A source document that cannot be read, with where the problem is.

    Args:
        path: the file the problem is in.
        message: what is wrong, naming the offending value.
        line: 1-based line number, when the problem has a place.
        column: 1-based column number, when known.
    """

    def __init__(self, path: str, message: str, *, line: int | None = None, column: int | None = None):
        self.path = str(path)
        self.message = message
        self.line = line
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        place = self.path
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        return f"{place}: {self.message}"

    def __reduce__(self):
        """Pickle by its fields (build workers send errors back to the main process).

        Examples:
            >>> import pickle
            >>> str(pickle.loads(pickle.dumps(LoadError("a.txt", "empty file", line=3))))
            'a.txt:3: empty file'
        """
        return (_load_error, (self.path, self.message, self.line, self.column))


def _load_error(path: str, message: str, line: int | None, column: int | None) -> LoadError:
    return LoadError(path, message, line=line, column=column)
