"""The PDF summary of a workshop session (ReportLab only; never imports Qt or the storage).

`summary_pdf(session)` returns the PDF as bytes; `write_summary_pdf(path, session)` writes it
safely (a temporary file beside the target, renamed into place, so no half-written PDF remains).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from pathlib import Path

from reportlab.platypus.doctemplate import LayoutError

from workshop_app.domain.diagnosis import Diagnosis
from workshop_app.domain.session import Session
from workshop_app.domain.write_target import WriteTargetError, check_write_target
from workshop_app.export.summary import PAGE_SIZES, SummaryTemplate, summary_pdf


class ExportError(Exception):
    """The PDF could not be made or written (folder not writable, disk full, a layout ReportLab
    cannot place); the message is one line."""


def write_summary_pdf(path: str | os.PathLike[str], session: Session,
                      diagnosis: Diagnosis | None = None, *, language: str | None = None,
                      page_size: str = "a4") -> Path:
    """Render the summary and write it to `path`; raises ExportError with a readable message."""
    try:
        data = summary_pdf(session, diagnosis, language=language, page_size=page_size)
    except LayoutError as exc:  # should not happen: every table row fits a page
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else "layout error"
        raise ExportError(f"the PDF could not be laid out: {first_line}") from exc
    target = Path(path)
    return write_atomically(target, data)


def write_atomically(target: Path, data: bytes) -> Path:
    """Write `data` to a temporary file in the target's folder, then rename it over `target`."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        check_write_target(target)
    except WriteTargetError as exc:
        raise ExportError(f"cannot write {exc}") from None
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: the folder {folder} does not exist")
    if target.exists() and not target.is_file():
        raise ExportError(f"cannot write {target}: it exists and is not a regular file")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: the folder {folder} cannot be written "
                          f"({_reason(exc)})") from exc
    try:
        os.fchmod(fd, _new_file_mode(target))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise ExportError(f"cannot write {target}: {_reason(exc)}") from exc
    return target


def _new_file_mode(target: Path) -> int:
    """The mode a file written in place would have: the existing file's, else 0666 less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno == errno.EFBIG:
        return "the file is larger than this system allows (disk full or size limit)"
    return (exc.strerror or str(exc)).rstrip(".").lower()


def suggested_filename(session: Session) -> str:
    """A file name from the session's date and title, safe on every platform."""
    title = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", session.info.title)
    title = " ".join(title.split()).strip(" .")[:80] or "workshop"
    date = re.sub(r"[^0-9A-Za-z-]", "", session.info.date)[:10]
    return f"{date} {title}.pdf" if date else f"{title}.pdf"


__all__ = ["PAGE_SIZES", "ExportError", "SummaryTemplate", "suggested_filename", "summary_pdf",
           "write_atomically", "write_summary_pdf"]
