"""Guards against a broken Qt binding.

PySide6 6.12.0 drops one reference to None on every call of a void C++ method. Python 3.11's None is
not immortal, so after a few thousand calls the interpreter aborts ("deallocating None"). The
dependency pin excludes it; this test fails loudly if such a build comes back.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtGui import QFont


def test_void_calls_keep_none_alive():
    font = QFont()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(500):
        font.setPixelSize(21)
    gc.collect()
    assert sys.getrefcount(None) - before > -100
