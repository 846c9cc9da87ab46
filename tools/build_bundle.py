"""`make bundle`: build the standalone app with PyInstaller (packaging/grenzziehung.spec) into
dist/Grenzziehung/ and pack it as dist/Grenzziehung-VERSION-OS-ARCH.tar.gz (.zip on Windows).

Prints the folder's and the archive's size. Needs PyInstaller in this Python (`pip install -e '.[bundle]'`).
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop_app import __version__  # noqa: E402

NAME = "Grenzziehung"
DIST = ROOT / "dist"


def archive_name() -> str:
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform.removesuffix("2"))
    machine = platform.machine().lower().replace("amd64", "x86_64")
    return f"{NAME}-{__version__}-{system}-{machine}"


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def pack(folder: Path, base: Path) -> Path:
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(base), "zip", folder.parent, folder.name))
    target = base.with_name(base.name + ".tar.gz")
    with tarfile.open(target, "w:gz", compresslevel=9) as archive:
        archive.add(folder, arcname=folder.name)
    return target


def main() -> int:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(DIST),
                    "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(ROOT / "packaging" / "grenzziehung.spec")], check=True, cwd=ROOT)
    folder = DIST / NAME
    for old in DIST.glob(f"{NAME}-*-*-*.*"):
        old.unlink()
    archive = pack(folder, DIST / archive_name())
    megabytes = 1024 * 1024
    print(f"{folder.relative_to(ROOT)}: {folder_size(folder) / megabytes:.1f} MB")
    print(f"{archive.relative_to(ROOT)}: {archive.stat().st_size / megabytes:.1f} MB "
          f"(built in {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
