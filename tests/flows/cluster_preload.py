"""Preloaded into the test's Dask workers (`dask worker --preload`): the folder named by NEWSFACTS_TEST_UNREADABLE
is unreadable to them, as a warehouse's raw/ on another machine is, so a batch that needs a path there fails."""

import os
import sys

_UNREADABLE = os.path.realpath(os.environ["NEWSFACTS_TEST_UNREADABLE"])


def _refuse(event: str, args: tuple) -> None:
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.path.realpath(os.fsdecode(args[0]))
        if path == _UNREADABLE or path.startswith(_UNREADABLE + os.sep):
            raise PermissionError(f"not on this worker's machine: {path}")


sys.addaudithook(_refuse)
