"""The live preview: a :class:`RenderedDocument` laid out like the printed A4 page.

The page keeps A4 proportions (210 × 297 mm) at the width of the pane; margins and type sizes are
the layout profile's values scaled to that width (Times New Roman 14 pt body, 15 pt title ...), so
what the secretary sees is what the exporter will write. The layout follows party-format.md §2:
a two-column header (issuing body, ``*``, Số on the left; ĐẢNG CỘNG SẢN VIỆT NAM with its rule and
the italic place-date on the right), the centred title, trích yếu and ``-----``, the justified
body, then the signature block beside Nơi nhận. The preview only shows the rendered value; it
never renders anything itself.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextOption
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTextBrowser, QVBoxLayout, QWidget

__all__ = ["Preview", "document_html", "PAGE_RATIO"]

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210.0, 297.0
PAGE_RATIO = PAGE_HEIGHT_MM / PAGE_WIDTH_MM
_PT_MM = 25.4 / 72.0
#: Citation runs the registry could not confirm are tinted, so they catch the eye in the preview.
_SOURCE_STYLE = {"snapshot": "background-color:#fff1c2;", "missing": "background-color:#ffd6d6;"}


def _page_values(profile: dict | None) -> dict:
    """Margins (mm), sizes (pt) and font from the layout profile's data, Party 2018 as fallback."""
    values = {"top": 20.0, "bottom": 20.0, "left": 30.0, "right": 15.0, "body": 14.0, "title": 15.0,
              "doc_type": 16.0, "recipients": 12.0, "footnote": 12.0, "font": "Times New Roman"}
    profile = profile or {}
    page = profile.get("page", {})
    for key in ("top", "bottom", "left", "right"):
        value = page.get("margins_mm", {}).get(key)
        if isinstance(value, (int, float)):
            values[key] = float(value)
    if isinstance(page.get("font"), str):
        values["font"] = page["font"]
    for key in ("body", "title", "doc_type", "recipients", "footnote"):
        size = profile.get("elements", {}).get(key, {}).get("size")
        if isinstance(size, (int, float)):
            values[key] = float(size)
    return values


class _Scale:
    def __init__(self, width_px: int, values: dict):
        self.px_per_mm = width_px / PAGE_WIDTH_MM
        self.values = values

    def mm(self, value: float) -> int:
        return round(value * self.px_per_mm)

    def pt(self, key_or_value) -> str:
        size = self.values[key_or_value] if isinstance(key_or_value, str) else key_or_value
        return f"{max(5.0, size * _PT_MM * self.px_per_mm):.1f}px"


def _runs_html(runs) -> str:
    parts = []
    for run in runs:
        if run.footnote is not None:
            parts.append(f"<sup>{run.footnote}</sup>")
            continue
        text = escape(run.text).replace("\n", "<br/>")
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        style = _SOURCE_STYLE.get(run.source)
        parts.append(f'<span style="{style}">{text}</span>' if style else text)
    return "".join(parts)


def _p(text_html: str, size: str, align: str = "center", extra: str = "") -> str:
    return f'<p align="{align}" style="margin:0; font-size:{size}; {extra}">{text_html}</p>'


def _header_html(doc, s: _Scale) -> str:
    h = doc.header
    left = [_p(escape(line), s.pt(14)) for line in h.parent_body_lines]
    left += [_p(f"<b>{escape(line)}</b>", s.pt(14)) for line in h.issuer_lines]
    left.append(_p(escape(h.star), s.pt(14)))
    left.append(_p(escape(h.number_line), s.pt(14)))
    for mark in (h.secrecy, h.urgency):
        if mark:
            left.append(_p(f"<b>{escape(mark)}</b>", s.pt(14), extra="border:1px solid black;"))
    right = [_p(f'<b><u>{escape(h.title)}</u></b>', s.pt("title")),
             _p("&nbsp;", s.pt(6)),
             _p(f"<i>{escape(h.place_date)}</i>", s.pt(14))]
    marker = _p(f"<i>{escape(h.draft_marker)}</i>", s.pt(12), "right") if h.draft_marker else ""
    return (f'{marker}<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td width="45%" valign="top">{"".join(left)}</td>'
            f'<td width="55%" valign="top">{"".join(right)}</td></tr></table>')


def _title_html(doc, s: _Scale) -> str:
    parts = [_p("&nbsp;", s.pt(14)), _p(f"<b>{escape(doc.doc_type)}</b>", s.pt("doc_type"))]
    parts += [_p(f"<b>{escape(line)}</b>", s.pt(14)) for line in doc.doc_type_of]
    parts += [_p(f"<b>{escape(line)}</b>", s.pt(14)) for line in doc.subject_lines]
    parts.append(_p(escape(doc.subject_rule), s.pt(14)))
    parts.append(_p("&nbsp;", s.pt(8)))
    return "".join(parts)


def _body_html(doc, s: _Scale) -> str:
    indent = s.mm(10)
    parts = []
    for block in doc.blocks:
        html = _runs_html(block.runs)
        if block.kind == "heading" and block.level <= 1:
            html = f"<b>{html}</b>"
        parts.append(f'<p align="justify" style="margin:0 0 {s.mm(1.5)}px 0; text-indent:{indent}px; '
                     f'font-size:{s.pt("body")};">{html}</p>')
    return "".join(parts)


def _closing_html(doc, s: _Scale) -> str:
    left = [_p(f"<u>{escape(doc.recipients_label.rstrip(':'))}</u>:", s.pt(14), "left")]
    left += [_p(escape(line), s.pt("recipients"), "left") for line in doc.recipients]
    sig = doc.signature
    right = [_p(f"<b>{escape(sig.authority_line)}</b>", s.pt(14)) if sig.authority_line else "",
             _p(escape(sig.title_line), s.pt(14)) if sig.title_line else ""]
    right += [_p("&nbsp;", s.pt(14))] * 4
    right.append(_p(f"<b>{escape(sig.name)}</b>", s.pt(14)))
    return (f'<p style="margin:0; font-size:{s.pt(8)};">&nbsp;</p>'
            f'<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td width="45%" valign="top">{"".join(left)}</td>'
            f'<td width="55%" valign="top">{"".join(right)}</td></tr></table>')


def _footnotes_html(doc, s: _Scale) -> str:
    if not doc.footnotes:
        return ""
    notes = "".join(_p(f"<sup>{n.number}</sup> {_runs_html(n.runs)}", s.pt("footnote"), "justify")
                    for n in doc.footnotes)
    return f'<hr width="35%" align="left"/>{notes}'


def document_html(doc, width_px: int, profile: dict | None = None) -> str:
    """The HTML of ``doc`` (a RenderedDocument) for a page ``width_px`` wide."""
    s = _Scale(width_px, _page_values(profile))
    body = "".join([_header_html(doc, s), _title_html(doc, s), _body_html(doc, s),
                    _closing_html(doc, s), _footnotes_html(doc, s)])
    return (f'<html><body style="font-family:\'{s.values["font"]}\',\'Liberation Serif\',serif; '
            f'color:black;">{body}</body></html>')


class Preview(QScrollArea):
    """Shows one page-proportioned sheet; ``show_document(rendered)`` or ``show_message(text)``."""

    def __init__(self, parent: QWidget | None = None, profile: dict | None = None):
        super().__init__(parent)
        self._profile = profile
        self._doc = None
        self.setWidgetResizable(True)
        self.setMinimumWidth(320)
        backdrop = QWidget()
        backdrop.setAutoFillBackground(True)
        pal = backdrop.palette()
        pal.setColor(QPalette.Window, QColor("#8a8f98"))
        backdrop.setPalette(pal)
        layout = QVBoxLayout(backdrop)
        layout.setContentsMargins(14, 14, 14, 14)
        self.page = QTextBrowser()
        self.page.setObjectName("previewPage")
        self.page.setFrameShape(QFrame.NoFrame)
        self.page.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.page.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.page.setStyleSheet("QTextBrowser { background: white; }")
        self.page.setWordWrapMode(QTextOption.WordWrap)
        self.page.setFocusPolicy(Qt.NoFocus)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: white;")
        self.message.hide()
        layout.addWidget(self.message)
        layout.addWidget(self.page)
        layout.addStretch(1)
        self.setWidget(backdrop)

    def page_width(self) -> int:
        return max(200, self.viewport().width() - 28)

    def show_document(self, rendered) -> None:
        self._doc = rendered
        self.message.hide()
        self._relayout()

    def show_message(self, text: str) -> None:
        """A Vietnamese note above the page (e.g. why the preview could not be refreshed)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def text(self) -> str:
        return self.page.toPlainText()

    def _relayout(self) -> None:
        width = self.page_width()
        s = _Scale(width, _page_values(self._profile))
        doc = self.page.document()
        doc.setDocumentMargin(0)
        v = s.values
        self.page.setViewportMargins(s.mm(v["left"]), s.mm(v["top"]), s.mm(v["right"]), s.mm(v["bottom"]))
        if self._doc is not None:
            self.page.setHtml(document_html(self._doc, width, self._profile))
        doc.setTextWidth(width - s.mm(v["left"]) - s.mm(v["right"]))
        content = doc.size().height() + s.mm(v["top"]) + s.mm(v["bottom"])
        self.page.setFixedSize(width, max(round(width * PAGE_RATIO), int(content) + 4))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._relayout()
