"""Reading a named input safely (domain/input_file.read_bounded): a regular file up to its limit plus
one byte, a FIFO whose writer writes late or never, a folder and a device refused."""

from __future__ import annotations

import errno
import os
import threading
import time

import pytest

from workshop_app.domain import input_file
from workshop_app.domain.input_file import read_bounded


def test_a_regular_file_is_read_up_to_the_limit_plus_one_byte(tmp_path):
    path = tmp_path / "board.json"
    path.write_bytes(b"x" * 200_000)
    assert read_bounded(path, 200_000) == b"x" * 200_000
    assert read_bounded(path, 150_000) == b"x" * 150_001
    assert read_bounded(path, 0) == b"x"
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    assert read_bounded(empty, 10) == b""


@pytest.mark.parametrize("opens_after_s", [0.0, 0.3], ids=["writer_waiting", "writer_opens_late"])
def test_a_fifo_is_read_whole_when_its_writer_writes_late(tmp_path, opens_after_s):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def writer():
        time.sleep(opens_after_s)  # the reader may open the FIFO before any writer has
        try:
            with open(fifo, "wb") as out:
                out.write(b"a" * 70_000)
                out.flush()
                out.write(b"b" * 70_000)
        except BrokenPipeError:  # the reader gave up (the failure the assertion reports)
            pass

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        assert read_bounded(fifo, 1_000_000) == b"a" * 70_000 + b"b" * 70_000
    finally:
        _release_writer(fifo, thread)


def _release_writer(fifo, thread) -> None:
    """Never hang the suite: a writer still blocked in open() or write() gets a reader that leaves."""
    thread.join(timeout=5)
    if thread.is_alive():
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        thread.join(timeout=5)


def test_a_fifo_nobody_writes_to_gives_up_after_the_wait(tmp_path, monkeypatch):
    monkeypatch.setattr(input_file, "PIPE_WAIT_S", 0.2)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    keep_open = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # a writer that never writes
    try:
        with pytest.raises(OSError) as raised:
            read_bounded(fifo, 100)
    finally:
        os.close(keep_open)
    assert raised.value.errno == errno.ETIMEDOUT and "no data within 0 s" in str(raised.value)


def test_a_folder_and_a_device_are_refused(tmp_path):
    with pytest.raises(IsADirectoryError) as folder:
        read_bounded(tmp_path, 100)
    assert folder.value.errno == errno.EISDIR
    with pytest.raises(OSError) as device:
        read_bounded("/dev/zero", 100)
    assert device.value.errno == errno.EINVAL and "not a regular file" in str(device.value)
    with pytest.raises(FileNotFoundError):
        read_bounded(tmp_path / "missing", 100)


def test_a_fifo_whose_writer_pauses_is_read_to_its_end(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def writer():
        try:
            with open(fifo, "wb", buffering=0) as out:
                for piece in (b"erst ", b"dann ", b"fertig"):
                    out.write(piece)
                    time.sleep(0.15)  # a slow producer: the reader finds the pipe empty but open
        except BrokenPipeError:
            pass

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        assert read_bounded(fifo, 1000) == b"erst dann fertig"
    finally:
        _release_writer(fifo, thread)


def test_a_fifo_past_its_limit_is_cut_off_without_waiting_for_its_writer(tmp_path, monkeypatch):
    monkeypatch.setattr(input_file, "PIPE_WAIT_S", 0.2)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # a writer still running
    try:
        os.write(writer, b"x" * 11)
        assert read_bounded(fifo, 10) == b"x" * 11  # the caller refuses it at once
    finally:
        os.close(writer)


def test_a_device_is_refused_with_the_reason_a_cli_error_shows(tmp_path):
    with pytest.raises(OSError) as device:
        read_bounded("/dev/null", 100)
    assert device.value.strerror == "not a regular file"
    with pytest.raises(OSError) as folder:
        read_bounded(tmp_path, 100)
    assert folder.value.strerror == "it is a folder"
