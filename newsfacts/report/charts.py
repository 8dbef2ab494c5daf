"""Small inline SVG charts drawn in Python, so a report is one file that needs no scripts or downloads."""

from __future__ import annotations

import math
import re

from markupsafe import Markup, escape

_BAR = "#4c78a8"
_HIGHLIGHT = "#f58518"
_CRITICAL = "#c62828"
_RUN_ID = re.compile(r"^\d{4}(?P<month>\d\d)(?P<day>\d\d)T(?P<hour>\d\d)(?P<minute>\d\d)\d\d")
_FONT = 'font-family="sans-serif" font-size="12"'
# Gridline steps of the pass-rate axis: the smallest giving at most five intervals down to the lowest rate
# (at least four are drawn, so a small dip does not fill the whole height).
_STEPS = (0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0)


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


def trend_chart(chart_id: str, title: str, runs: list[dict], current: str | None = None) -> Markup:
    """Pass rate per run, oldest left: labelled axes zoomed to the rates drawn, run ids under the x axis, a legend.

    runs: dicts with run_id, rate (passed / (passed + failed), None when nothing was judged), passed, failed,
    skipped, and critical (failed critical checks). A run with a critical failure is drawn in red.
    """
    points = [r for r in runs if r.get("rate") is not None]
    if not points:
        return _empty(chart_id, title)
    left, top, plot_height = 64, 56, 170
    width = max(left + 46 * len(points) + 30, 760)
    column = min((width - left - 30) / len(points), 120)
    height = top + plot_height + 96
    lowest = min(r["rate"] for r in points)
    step = next(s for s in _STEPS if (1 - lowest) / s <= 5)
    low = max(0.0, round(1 - step * max(4, math.ceil((1 - lowest) / step - 1e-9)), 6))

    def y(rate: float) -> float:
        return top + plot_height * (1 - (rate - low) / (1 - low))

    parts = [_open(chart_id, title, width, height)]
    legend = [("line", _BAR, "pass rate: passed / (passed + failed); skipped checks not counted"),
              ("dot", _CRITICAL, "a critical check failed")]
    parts.append(_legend(24, legend + ([("ring", _HIGHLIGHT, "this run")] if current else [])))
    ticks = round((1 - low) / step)
    for i in range(ticks + 1):
        rate = low + step * i
        label = f"{round(rate * 100, 1):g}%"
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y(rate):.1f}" y2="{y(rate):.1f}" stroke="#e4e4e4"/>'
            f'<text x="{left - 6}" y="{y(rate) + 4:.1f}" text-anchor="end" {_FONT}>{label}</text>'
        )
    parts.append(f'<text transform="translate(14 {top + plot_height / 2:.0f}) rotate(-90)" text-anchor="middle" '
                 f'{_FONT}>checks passed (%)</text>')
    parts.append(f'<text x="{left + (width - left) / 2:.0f}" y="{height - 4}" text-anchor="middle" {_FONT}>'
                 f'run (oldest left)</text>')
    xs = [left + column * i + column / 2 for i in range(len(points))]
    path = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y(r['rate']):.1f}" for i, (x, r) in enumerate(zip(xs, points)))
    parts.append(f'<path d="{path}" fill="none" stroke="{_BAR}" stroke-width="2"/>')
    for x, run in zip(xs, points):
        fill = _CRITICAL if run.get("critical") else _BAR
        tip = (f"{run['run_id']}: {run['rate']:.1%} passed ({run['passed']} passed, {run['failed']} failed, "
               f"{run['skipped']} skipped)")
        if run["run_id"] == current:
            parts.append(f'<circle cx="{x:.1f}" cy="{y(run["rate"]):.1f}" r="8" fill="none" stroke="{_HIGHLIGHT}" '
                         f'stroke-width="2.5"/>')
        parts.append(f'<circle class="point" cx="{x:.1f}" cy="{y(run["rate"]):.1f}" r="4.5" fill="{fill}">'
                     f"<title>{escape(tip)}</title></circle>")
        label = run_label(run["run_id"])
        parts.append(f'<text transform="translate({x + 4:.1f} {top + plot_height + 12}) rotate(-40)" '
                     f'text-anchor="end" font-family="sans-serif" font-size="10">{escape(label)}'
                     f"<title>{escape(run['run_id'])}</title></text>")
    parts.append("</svg>")
    return Markup("".join(parts))


def run_label(run_id: str) -> str:
    """A short label for a run id: 20261123T021500-3fa2c1 reads 11-23 02:15 (ids of other shapes, cut short)."""
    match = _RUN_ID.match(run_id)
    if match:
        return f"{match['month']}-{match['day']} {match['hour']}:{match['minute']}"
    return run_id if len(run_id) <= 14 else run_id[:13] + "…"


def _legend(y: float, entries: list[tuple[str, str, str]]) -> str:
    parts, x = [], 0
    for kind, color, text in entries:
        if kind == "line":
            parts.append(f'<line x1="{x}" x2="{x + 18}" y1="{y}" y2="{y}" stroke="{color}" stroke-width="2"/>')
        elif kind == "dot":
            parts.append(f'<circle cx="{x + 9}" cy="{y}" r="4.5" fill="{color}"/>')
        else:
            parts.append(f'<circle cx="{x + 9}" cy="{y}" r="7" fill="none" stroke="{color}" stroke-width="2.5"/>')
        parts.append(f'<text x="{x + 24}" y="{y + 4}" font-family="sans-serif" font-size="11">{escape(text)}</text>')
        x += 24 + 6.2 * len(text) + 18
    return f'<g class="legend">{"".join(parts)}</g>'


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
