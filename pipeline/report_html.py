"""HTML shared by the report and the data dictionary: one inline stylesheet, escaping, tables.

The pages are static files opened from disk: no script, no font or stylesheet from the network, and
nothing that depends on the clock, so the same tables give the same bytes.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from datetime import date

CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Liberation Sans", sans-serif; color: #1d2330;
       margin: 0 auto; max-width: 1080px; padding: 0 24px 48px; }
header { border-bottom: 1px solid #d8dde6; margin-bottom: 8px; }
h1 { font-size: 26px; margin: 24px 0 4px; }
h2 { font-size: 20px; margin: 36px 0 8px; border-bottom: 1px solid #e4e8ef; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
nav a { margin-right: 14px; }
a { color: #1f5fa8; }
figure.chart { margin: 16px 0 24px; }
figure.chart figcaption { color: #4a5468; margin-bottom: 6px; }
figure.chart svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; }
th, td { border-bottom: 1px solid #e4e8ef; padding: 4px 10px 4px 0; text-align: left; vertical-align: top; }
th { color: #4a5468; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
code { font-size: 13px; background: #f2f4f8; padding: 0 3px; border-radius: 3px; }
.examples { display: inline-block; min-width: 240px; max-width: 320px; }
.examples code { overflow-wrap: anywhere; }
p.empty { color: #6b7486; font-style: italic; }
.muted { color: #6b7486; }
"""


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def cell(value: object) -> str:
    """A value as the pages print it: thousands separators, dates as ISO, lists as JSON, null as a dash."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False, default=str)
    return str(value)


class Markup(str):
    """HTML written by this package, put into a table cell as is."""


def table(header: Sequence[str], rows: Iterable[Sequence[object]], numeric: Sequence[int] = ()) -> str:
    """An HTML table; cells are escaped unless given as ``Markup``; columns in ``numeric`` align right."""
    def td(tag: str, i: int, value: object) -> str:
        text = value if isinstance(value, Markup) else esc(cell(value))
        return f'<{tag} class="n">{text}</{tag}>' if i in numeric else f"<{tag}>{text}</{tag}>"
    head = "".join(td("th", i, name) for i, name in enumerate(header))
    body = "\n".join("<tr>" + "".join(td("td", i, v) for i, v in enumerate(row)) + "</tr>" for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def code(value: object) -> Markup:
    return Markup(f"<code>{esc(value)}</code>")


def link(href: str, text: str) -> Markup:
    return Markup(f'<a href="{esc(href)}">{esc(text)}</a>')


def page(title: str, body: str, charts: int = 0) -> str:
    """A whole page; ``data-charts`` on <body> says how many charts it draws (the test counts them)."""
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        f'<body data-charts="{charts}">',
        body,
        "</body>",
        "</html>",
        "",
    ])
