"""Draw the benchmark curves (time over board size, both axes logarithmic) into a PNG with QPainter.

    echo '{"label": {"22": 1.5, "300": 2.0}, ...}' | python bench/plot.py OUT.png

bench/run.py calls this with the scale figures (times in ms) when it rewrites BENCHMARKS.md; Qt is
already what the app runs on, so the plot adds no dependency.
"""

from __future__ import annotations

import json
import math
import sys

WIDTH, HEIGHT = 1100, 640
LEFT, RIGHT, TOP, BOTTOM = 80, 420, 40, 60
COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf")


def _decades(low: float, high: float) -> list[float]:
    return [10.0 ** power for power in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1)]


def draw(series: dict[str, dict[str, float]], out: str) -> None:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need it
    sizes = sorted({int(size) for points in series.values() for size in points})
    values = [value for points in series.values() for value in points.values() if value > 0]
    y_ticks = _decades(min(values), max(values))
    x_low, x_high = math.log10(sizes[0]), math.log10(sizes[-1])
    y_low, y_high = math.log10(y_ticks[0]), math.log10(y_ticks[-1])
    plot = QRectF(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM)

    def at(size: float, value: float) -> QPointF:
        x = plot.left() + (math.log10(size) - x_low) / (x_high - x_low) * plot.width()
        y = plot.bottom() - (math.log10(value) - y_low) / (y_high - y_low) * plot.height()
        return QPointF(x, y)

    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(13)
    painter.setFont(font)
    painter.setPen(QPen(QColor("#dddddd"), 1))
    for tick in y_ticks:
        painter.drawLine(at(sizes[0], tick).x(), at(sizes[0], tick).y(), plot.right(), at(sizes[0], tick).y())
    for size in sizes:
        painter.drawLine(at(size, y_ticks[0]), at(size, y_ticks[-1]))
    painter.setPen(QColor("#333333"))
    painter.drawRect(plot)
    for tick in y_ticks:
        point = at(sizes[0], tick)
        painter.drawText(QRectF(0, point.y() - 9, LEFT - 8, 18),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{tick:g} ms")
    for size in sizes:
        point = at(size, y_ticks[0])
        painter.drawText(QRectF(point.x() - 40, plot.bottom() + 6, 80, 18), Qt.AlignmentFlag.AlignCenter,
                         f"{size:,}")
    painter.drawText(QRectF(plot.left(), HEIGHT - 26, plot.width(), 20), Qt.AlignmentFlag.AlignCenter,
                     "cards on the board (log)")
    painter.drawText(QRectF(plot.left(), 8, plot.width(), 24), Qt.AlignmentFlag.AlignCenter,
                     "Time per operation over board size (log-log)")
    for number, (label, points) in enumerate(series.items()):
        colour = QColor(COLOURS[number % len(COLOURS)])
        painter.setPen(QPen(colour, 2.5))
        line = [at(int(size), value) for size, value in sorted(points.items(), key=lambda p: int(p[0]))
                if value > 0]
        for start, end in zip(line, line[1:], strict=False):
            painter.drawLine(start, end)
        for point in line:
            painter.drawEllipse(point, 3.5, 3.5)
        legend_y = TOP + 10 + number * 22
        painter.drawLine(WIDTH - RIGHT + 20, legend_y, WIDTH - RIGHT + 44, legend_y)
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(WIDTH - RIGHT + 52, legend_y - 9, RIGHT - 56, 18),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
    painter.end()
    if not image.save(out, "PNG"):
        raise OSError(f"could not write {out}")


if __name__ == "__main__":
    draw(json.loads(sys.stdin.read()), sys.argv[1])
