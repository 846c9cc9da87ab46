"""Reading exported PDFs back with pypdf: text, positioned text fragments, images, page sizes."""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import pypdf


@dataclass(frozen=True)
class Fragment:
    page: int
    x: float
    y: float
    text: str


def reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in reader(data).pages]


def all_text(data: bytes) -> str:
    return "\n".join(page_texts(data))


def squeeze(text: str) -> str:
    """Text without any whitespace: wrapping moves line breaks, never the characters."""
    return "".join(text.split())


def fragments(data: bytes) -> list[Fragment]:
    """Every drawn piece of text with its page and position, in drawing order."""
    found: list[Fragment] = []
    for number, page in enumerate(reader(data).pages):
        def visit(text, cm, tm, _font, _size, number=number):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append(Fragment(number, x, y, text.strip()))
        page.extract_text(visitor_text=visit)
    return found


def image_xobjects(data: bytes) -> list[str]:
    """Names of image XObjects in any page's resources (also inside form XObjects)."""
    images: list[str] = []

    def scan(resources, where: str) -> None:
        xobjects = resources.get("/XObject") if resources else None
        if not xobjects:
            return
        for name, ref in xobjects.get_object().items():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                images.append(f"{where}{name}")
            elif obj.get("/Subtype") == "/Form":
                scan(obj.get("/Resources"), f"{where}{name}/")

    for number, page in enumerate(reader(data).pages):
        scan(page.get("/Resources"), f"page {number + 1}: ")
    return images


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
            for p in reader(data).pages]


def write_png(path: Path, width: int = 4, height: int = 4) -> Path:
    """A real (tiny, red) PNG file."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    path.write_bytes(png)
    return path
