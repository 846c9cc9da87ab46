"""What the window remembers between runs about sessions: the last one, the recent ones, the folder
chosen with File > Sessions folder… (in QSettings; the decisions are in `storage.location`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY_LAST = "sessions/last"
KEY_RECENT = "sessions/recent"
KEY_FOLDER = "sessions/folder"
RECENT_MAX = 8


class RecentSessions:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def last(self) -> str:
        return self.settings.value(KEY_LAST, "", str)

    def paths(self) -> list[Path]:
        """The recent sessions whose files still exist, newest first."""
        values = self.settings.value(KEY_RECENT, [], list) or []
        return [Path(v) for v in values if isinstance(v, str) and Path(v).exists()]

    def remember(self, path: Path) -> None:
        text = str(Path(path).resolve())
        recent = self.settings.value(KEY_RECENT, [], list) or []
        if recent[:1] == [text] and self.last() == text:
            return  # reopening the last session: nothing to write (keeps start-up fast)
        values = [v for v in recent if v != text]
        self.settings.setValue(KEY_RECENT, [text, *values][:RECENT_MAX])
        self.settings.setValue(KEY_LAST, text)
        self.settings.sync()

    def forget(self, path: Path) -> None:
        text = str(Path(path).resolve())
        values = [v for v in (self.settings.value(KEY_RECENT, [], list) or []) if v != text]
        self.settings.setValue(KEY_RECENT, values)
        if self.last() == text:
            self.settings.remove(KEY_LAST)
        self.settings.sync()

    def folder_preference(self) -> str:
        return self.settings.value(KEY_FOLDER, "", str)

    def set_folder_preference(self, folder: Path) -> None:
        self.settings.setValue(KEY_FOLDER, str(folder))
        self.settings.sync()
