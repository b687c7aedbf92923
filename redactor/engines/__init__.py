"""Running a batch: where each file's work happens and how its result is recorded.

* :mod:`.results`: one :class:`FileResult` per input file, and the batch's summary.
* :mod:`.manifest`: ``manifest.jsonl`` in the output folder, appended as results arrive,
  read back on the next run so finished files are not redone (a torn last line is cut).
* :mod:`.files`: the input tree walked without following links, each output kept inside
  the output folder.
* :mod:`.work`: what a worker does with one file (read, plan, decide, write, verify).
* :mod:`.labels`: people's pseudonyms numbered in file order whatever the number of workers.
* :mod:`.schedule`: the parent's loop: hands files to workers, replays pseudonyms in order,
  writes the manifest (the parent alone writes it).
* :mod:`.local`: in-process (``--workers 1``) and a pool of worker processes.
* :mod:`.ray_engine`: the same workers as Ray actors (``--engine ray``, ``pip install redactor[ray]``).
"""
from __future__ import annotations

from .results import BatchSummary, FileResult

__all__ = ["BatchSummary", "FileResult"]
