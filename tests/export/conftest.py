"""Shared fixtures for the exporter tests: one rendered document with every element set."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.drafting import render
from drafter.drafting.citetext import SnapshotEntry
from drafter.drafting.markup import parse_inline
from drafter.drafting.model import Block, Draft, Footnote, Header

ENTRY = SnapshotEntry(1, "Kết luận", "21", "KL/TW", dt.date(2021, 10, 25), "Ban Chấp hành Trung ương Đảng",
                      "đẩy mạnh xây dựng, chỉnh đốn Đảng", "TW", "XIII")


def full_draft(paragraphs: int = 3) -> Draft:
    body = [Block("paragraph", parse_inline("Thực hiện [[cite:21-KL/TW|2021-10-25|TW]], Ban Thường vụ kết luận:[[note:1]]")),
            Block("heading", parse_inline("I- Kết quả"), 1),
            Block("heading", parse_inline("1. Về tư tưởng"), 2),
            Block("heading", parse_inline("a) Một điểm"), 3),
            Block("item", parse_inline("- Một ý có **chữ đậm** và *chữ nghiêng* theo [[cite:21-KL/TW|2021-10-25|TW]]."))]
    body += [Block("paragraph", parse_inline("Nội dung đoạn văn dài để kiểm tra dàn trang. " * 8))] * paragraphs
    header = Header(parent_body="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", issuer="THÀNH ỦY", number="567", type_code="KL",
                    body_code="TU", place="Thành phố Hồ Chí Minh", date=dt.date(2023, 5, 15),
                    doc_type="KẾT LUẬN", doc_type_of="CỦA BAN THƯỜNG VỤ THÀNH ỦY", subject="về một việc\nrất quan trọng",
                    authority="T/M", collective="BAN THƯỜNG VỤ", signer_title="PHÓ BÍ THƯ", signer_name="Nguyễn Văn Hiếu",
                    recipients=("Ban Tổ chức Trung ương (để báo cáo)", "Các đồng chí Thành ủy viên", "Lưu Văn phòng Thành ủy"),
                    draft_marker="Dự thảo lần 2", secrecy="MẬT", urgency="KHẨN")
    notes = (Footnote("1", parse_inline("Chú thích về [[cite:21-KL/TW|2021-10-25|TW]].")),)
    return Draft("ket-luan-btv", header, tuple(body), notes)


@pytest.fixture
def rendered():
    return render(full_draft(), lambda ref: ENTRY)
