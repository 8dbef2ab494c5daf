"""Small inline SVG charts drawn in Python, so a report is one file that needs no scripts or downloads."""

from __future__ import annotations

from markupsafe import Markup, escape

_BAR = "#4c78a8"
_HIGHLIGHT = "#f58518"
_FONT = 'font-family="sans-serif" font-size="12"'


def bar_chart(chart_id: str, title: str, items: list[tuple[str, float]], unit: str = "") -> Markup:
    """Horizontal bars, one per (label, value), longest first as given; labels are escaped."""
    if not items:
        return _empty(chart_id, title)
    label_width, bar_width, row = 260, 320, 22
    top = 28
    height = top + row * len(items) + 8
    peak = max(value for _, value in items) or 1
    parts = [_open(chart_id, title, label_width + bar_width + 80, height)]
    for i, (label, value) in enumerate(items):
        y = top + i * row
        width = max(1.0, bar_width * value / peak)
        shown = label if len(label) <= 40 else label[:39] + "…"
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end" {_FONT}>{escape(shown)}'
            f"<title>{escape(label)}</title></text>"
            f'<rect class="bar" x="{label_width}" y="{y + 3}" width="{width:.1f}" height="{row - 6}" fill="{_BAR}">'
            f"<title>{escape(label)}: {_number(value)}{escape(unit)}</title></rect>"
            f'<text x="{label_width + width + 6:.1f}" y="{y + 15}" {_FONT}>{_number(value)}{escape(unit)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def rate_chart(chart_id: str, title: str, points: list[tuple[str, float]], current: str | None = None) -> Markup:
    """Vertical bars of a 0..1 rate per run, oldest left; the current run is highlighted."""
    if not points:
        return _empty(chart_id, title)
    column, plot_height, top, left = 28, 160, 28, 44
    width = left + column * len(points) + 20
    height = top + plot_height + 24
    parts = [_open(chart_id, title, max(width, 320), height)]
    for pct in (0, 50, 100):
        y = top + plot_height * (1 - pct / 100)
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" {_FONT}>{pct}%</text>'
        )
    for i, (run_id, rate) in enumerate(points):
        bar = plot_height * rate
        x = left + i * column + 4
        fill = _HIGHLIGHT if run_id == current else _BAR
        parts.append(
            f'<rect class="bar" x="{x}" y="{top + plot_height - bar:.1f}" width="{column - 8}" height="{bar:.1f}" '
            f'fill="{fill}"><title>{escape(run_id)}: {rate:.0%} passed</title></rect>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _open(chart_id: str, title: str, width: float, height: float) -> str:
    return (
        f'<svg class="chart" id="{escape(chart_id)}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}"><title>{escape(title)}</title>'
        f'<text x="0" y="16" font-family="sans-serif" font-size="14" font-weight="bold">{escape(title)}</text>'
    )


def _empty(chart_id: str, title: str) -> Markup:
    return Markup(_open(chart_id, title, 420, 48) + f'<text x="0" y="38" {_FONT}>nothing to draw</text></svg>')


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
