"""What the window remembers between runs about sessions: the last one, the recent ones, the folder
chosen with File > Sessions folder… (in QSettings; the decisions are in `storage.location`)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings

from workshop_app.storage import location

KEY_LAST = "sessions/last"  # before the last session was kept per folder: read, no longer written
KEY_LAST_BY_FOLDER = "sessions/last_by_folder"  # JSON: sessions folder -> its last session
KEY_RECENT = "sessions/recent"
KEY_FOLDER = "sessions/folder"
RECENT_MAX = 8


class RecentSessions:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def last(self, folder: Path) -> str | None:
        """The session last shown from `folder` (decided in `storage.location`)."""
        return location.last_session_in(folder, self.last_by_folder(), self.settings.value(KEY_LAST, "", str))

    def last_by_folder(self) -> dict[str, str]:
        try:
            data = json.loads(self.settings.value(KEY_LAST_BY_FOLDER, "", str) or "{}")
        except ValueError:
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}

    def paths(self) -> list[Path]:
        """The recent sessions whose files still exist, newest first."""
        values = self.settings.value(KEY_RECENT, [], list) or []
        return [Path(v) for v in values if isinstance(v, str) and Path(v).exists()]

    def remember(self, path: Path) -> None:
        text = str(Path(path).resolve())
        recent = self.settings.value(KEY_RECENT, [], list) or []
        by_folder = self.last_by_folder()
        if recent[:1] == [text] and by_folder.get(location.folder_key(Path(text).parent)) == text:
            return  # reopening the last session: nothing to write (keeps start-up fast)
        values = [v for v in recent if v != text]
        self.settings.setValue(KEY_RECENT, [text, *values][:RECENT_MAX])
        self.settings.setValue(KEY_LAST_BY_FOLDER, json.dumps(location.remember_last(by_folder, Path(text))))
        self.settings.sync()

    def forget(self, path: Path) -> None:
        text = str(Path(path).resolve())
        values = [v for v in (self.settings.value(KEY_RECENT, [], list) or []) if v != text]
        self.settings.setValue(KEY_RECENT, values)
        by_folder = {k: v for k, v in self.last_by_folder().items() if v != text}
        self.settings.setValue(KEY_LAST_BY_FOLDER, json.dumps(by_folder))
        if self.settings.value(KEY_LAST, "", str) == text:
            self.settings.remove(KEY_LAST)
        self.settings.sync()

    def folder_preference(self) -> str:
        return self.settings.value(KEY_FOLDER, "", str)

    def set_folder_preference(self, folder: Path) -> None:
        self.settings.setValue(KEY_FOLDER, str(folder))
        self.settings.sync()
