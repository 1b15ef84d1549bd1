"""Labelled variants of citations.md §2-3 (written for these tests) and negative cases.

Each VARIANT is (text, [expected citations]) where an expected citation is a dict of the fields
that matter for that variant (``text`` always). NEGATIVES are texts with no citation at all.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

D = dt.date

VARIANTS = [
    # with / without "số" and the comma
    ("Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh xây dựng Đảng.",
     [dict(text="Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII", number="21",
           code="KL/TW", date=D(2021, 10, 25), issuer="Ban Chấp hành Trung ương Đảng khóa XIII",
           subject="đẩy mạnh xây dựng Đảng", form="full", has_so=True, date_style="numeric")]),
    ("theo Kết luận 21-KL/TW ngày 25/10/2021 của Bộ Chính trị.",
     [dict(text="Kết luận 21-KL/TW ngày 25/10/2021 của Bộ Chính trị", has_so=False, form="full")]),
    # three date styles, parentheses, year only
    ("Chỉ thị số 05-CT/TW ngày 15 tháng 5 năm 2016 của Bộ Chính trị",
     [dict(text="Chỉ thị số 05-CT/TW ngày 15 tháng 5 năm 2016 của Bộ Chính trị", date=D(2016, 5, 15), date_style="words",
           date_text="15 tháng 5 năm 2016")]),
    ("Nghị quyết số 08-NQ/TW ngày 01-10-1997 của Bộ Chính trị",
     [dict(text="Nghị quyết số 08-NQ/TW ngày 01-10-1997 của Bộ Chính trị", date=D(1997, 10, 1), date_style="legacy")]),
    ("Hướng dẫn số 01-HD/TW (ngày 2/1/2020) của Ban Bí thư",
     [dict(text="Hướng dẫn số 01-HD/TW (ngày 2/1/2020) của Ban Bí thư", date=D(2020, 1, 2), date_text="2/1/2020",
           issuer="Ban Bí thư")]),
    ("Kết luận 118-KL/TW năm 2025 của Bộ Chính trị",
     [dict(text="Kết luận 118-KL/TW năm 2025 của Bộ Chính trị", year=2025, date=None, form="full")]),
    # line breaks inside, even inside the type word and the date
    ("thực hiện Chỉ\nthị số 05-CT/TW ngày 15/5/\n2016 của Bộ\nChính trị về đẩy mạnh học tập.",
     [dict(text="Chỉ\nthị số 05-CT/TW ngày 15/5/\n2016 của Bộ\nChính trị", type="Chỉ thị", date=D(2016, 5, 15),
           issuer="Bộ Chính trị", subject="đẩy mạnh học tập")]),
    # one type word, several numbers
    ("Nghị quyết số 18-NQ/TW, 19-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII về sắp xếp tổ chức bộ máy.",
     [dict(text="Nghị quyết số 18-NQ/TW", number="18", code="NQ/TW", issuer="Ban Chấp hành Trung ương Đảng khóa XII"),
      dict(text="19-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII", number="19", code="NQ/TW",
           type="Nghị quyết", subject="sắp xếp tổ chức bộ máy")]),
    ("thực hiện các Nghị quyết 57, 66 và 68 của Bộ Chính trị.",
     [dict(text="Nghị quyết 57", number="57", code=None), dict(text="66", number="66", type="Nghị quyết"),
      dict(text="68 của Bộ Chính trị", number="68", issuer="Bộ Chính trị", form="short")]),
    # named without a number
    ("quán triệt Nghị quyết TW4 khóa XII và Nghị quyết Hội nghị Trung ương 8 khóa XIII.",
     [dict(text="Nghị quyết TW4 khóa XII", number=None, name="Nghị quyết TW4 khóa XII"),
      dict(text="Nghị quyết Hội nghị Trung ương 8 khóa XIII", name="Nghị quyết Hội nghị Trung ương 8 khóa XIII")]),
    ("Nghị quyết Đại hội XIII của Đảng", [dict(text="Nghị quyết Đại hội XIII của Đảng", name="Nghị quyết Đại hội XIII của Đảng")]),
    # State documents
    ("Nghị định số 42/2022/NĐ-CP, ngày 24/6/2022 của Chính phủ quy định về cung cấp thông tin.",
     [dict(text="Nghị định số 42/2022/NĐ-CP, ngày 24/6/2022 của Chính phủ", type="Nghị định", number="42",
           code="NĐ-CP", date=D(2022, 6, 24), issuer="Chính phủ", problems=())]),
    # messy number-codes
    ("Quy định 217/QĐ-TW ngày 02/01/2020 của Bộ Chính trị",
     [dict(text="Quy định 217/QĐ-TW ngày 02/01/2020 của Bộ Chính trị", code="QĐ/TW", code_as_written="217/QĐ-TW",
           problems=("state_style",))]),
    ("Kết luận số 100 - KL/TW, ngày 24/6/2022", [dict(text="Kết luận số 100 - KL/TW, ngày 24/6/2022", number="100",
                                                        code="KL/TW", problems=("spaces",))]),
    ("Hướng dẫn số 01- HD/TW và Quy định số 24-QĐ / TW",
     [dict(text="Hướng dẫn số 01- HD/TW", code="HD/TW", problems=("spaces",)),
      dict(text="Quy định số 24-QĐ / TW", code="QĐ/TW", problems=("spaces",))]),
    ("Công văn số1456-CV/VPTW ngày 03/3/2021", [dict(text="Công văn số1456-CV/VPTW ngày 03/3/2021", number="1456",
                                                   code="CV/VPTW", has_so=True)]),
    ("Chỉ thị số 05-CT/TƯ và Chỉ thị số 06-CT/T.Ư",
     [dict(text="Chỉ thị số 05-CT/TƯ", code="CT/TW", problems=("body_variant",)),
      dict(text="Chỉ thị số 06-CT/T.Ư", code="CT/TW", problems=("body_variant",))]),
    ("Quyết định số 24-QÐ/TW", [dict(text="Quyết định số 24-QÐ/TW", code="QĐ/TW", problems=("lookalike",))]),
    ("Quyết định số 24-QƉ/TW", [dict(text="Quyết định số 24-QƉ/TW", code="QĐ/TW", problems=("lookalike",))]),
    ("Quy định số 08-QĐi/TW", [dict(text="Quy định số 08-QĐi/TW", code="QĐi/TW", type="Quy định")]),
    ("Đề án số 01-ĐATU ngày 29/02/2016", [dict(text="Đề án số 01-ĐATU ngày 29/02/2016", code="ĐA/TU",
                                              problems=("missing_slash",))]),
    ("Kết luận số 5-KL/TW", [dict(text="Kết luận số 5-KL/TW", number="5", problems=("unpadded",))]),
    # footnote markers, emphasis
    ("(sau đây gọi tắt là Kết luận số 01*) và Kết luận số 01* đã", [dict(text="Kết luận số 01", number="01")]),
    ("thực hiện Chỉ thị số 11-CT/TU của Ban Thường vụ Thành ủy² về kiểm tra.",
     [dict(text="Chỉ thị số 11-CT/TU của Ban Thường vụ Thành ủy", issuer="Ban Thường vụ Thành ủy", subject="kiểm tra")]),
    # NFD input, old/new tone placement, capitals, "Qui định"
    (unicodedata.normalize("NFD", "Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khoá XIII"),
     [dict(text=unicodedata.normalize("NFD", "Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khoá XIII"),
           type="Kết luận", number="21", issuer="Ban Chấp hành Trung ương Đảng khoá XIII")]),
    ("KẾT LUẬN SỐ 21-KL/TW NGÀY 25/10/2021", [dict(text="KẾT LUẬN SỐ 21-KL/TW NGÀY 25/10/2021", type="Kết luận",
                                                  date=D(2021, 10, 25))]),
    ("Qui định số 30-QĐ/TW ngày 26/7/2016", [dict(text="Qui định số 30-QĐ/TW ngày 26/7/2016", type="Quy định")]),
    # defined short names
    ("Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII về một số vấn đề "
     "(sau đây gọi tắt là Nghị quyết 18). Nghị quyết 18 đã",
     [dict(text="Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII",
           subject="một số vấn đề", short_name="Nghị quyết 18"),
      dict(text="Nghị quyết 18", number="18", code=None, form="short")]),
    # subjects stop where the clause stops
    ("Quy định số 37-QĐ/TW ngày 25/10/2021 của Ban Chấp hành Trung ương về những điều đảng viên không được làm, "
     "các Quy định của Trung ương về nêu gương.",
     [dict(text="Quy định số 37-QĐ/TW ngày 25/10/2021 của Ban Chấp hành Trung ương",
           subject="những điều đảng viên không được làm")]),
    ("Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị về khuyến khích cán bộ; đồng thời",
     [dict(text="Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị", subject="khuyến khích cán bộ")]),
    ("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về học tập, gắn với Kết luận số 01-KL/TW ngày 18/5/2021.",
     [dict(text="Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị", subject="học tập"),
      dict(text="Kết luận số 01-KL/TW ngày 18/5/2021", subject=None)]),
    ("Kế hoạch số 99-KH/TU ngày 31/3/2022 của Ban Thường vụ Thành ủy về thực hiện Kết luận số 21-KL/TW ngày "
     "25/10/2021 của Ban Chấp hành Trung ương về đẩy mạnh xây dựng Đảng.",
     [dict(text="Kế hoạch số 99-KH/TU ngày 31/3/2022 của Ban Thường vụ Thành ủy",
           subject="thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương"),
      dict(text="Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương", subject="đẩy mạnh xây dựng Đảng")]),
    # the document's own number line
    ("ĐẢNG ỦY KHỐI\n*\nSố 12-KL/ĐUK\n\nKẾT LUẬN\nvề công tác cán bộ",
     [dict(text="Số 12-KL/ĐUK", role="self", type="Kết luận", number="12", code="KL/ĐUK", form="short")]),
]

NEGATIVES = [
    "Kết luận này được phổ biến đến chi bộ.",
    "các chỉ thị của Ban Bí thư và các Quy định của Trung ương về trách nhiệm nêu gương",
    "Chỉ thị này có hiệu lực kể từ ngày ký.",
    "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ THÀNH ỦY\nvề công tác cán bộ",
    "Kế hoạch 5 năm 2021 - 2025; Chương trình 2021-2025; Kế hoạch 2023 của đơn vị.",
    "Kết luận 3 điểm, Nghị quyết 2 nội dung.",
    "CÔNG VĂN BẢN\n\nSố:.....\n\n... giờ ... Ngày ... / ... / ...\n\nThực hiện công việc.",
    "ĐẾN Số:\nNgày: 30/3/2021\nChuyển:\nLưu hồ sơ số:\n\nCHỈ THỊ\nCỦA BAN THƯỜNG VỤ THÀNH ỦY",
    "ĐẾN Số: 1456\nNgày: 30/3/2021",
    "gắn với thực hiện nghị quyết đại hội Đảng các cấp là nhiệm vụ trọng tâm",
    "Nghị quyết Đại hội nhiệm kỳ 2020 – 2025 của cấp mình.",
    "tổ chức nghiên cứu, quán triệt Kết luận; tiếp tục chỉ đạo",
]

VARIANTS += [
    # a quoted title as the subject, a term after the code, bare numbers sharing one code
    ("Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng (khóa XII) "
     "“Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy” và",
     [dict(text="Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng (khóa XII)",
           issuer="Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng (khóa XII)",
           subject="Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy")]),
    ("Nghị quyết số 18-NQ/TW (khóa XII) về sắp xếp.", [dict(text="Nghị quyết số 18-NQ/TW (khóa XII)", subject="sắp xếp")]),
    ("các Nghị quyết số 18, 19-NQ/TW của Ban Chấp hành Trung ương",
     [dict(text="Nghị quyết số 18", number="18", code="NQ/TW", code_as_written=None),
      dict(text="19-NQ/TW của Ban Chấp hành Trung ương", number="19", code="NQ/TW", issuer="Ban Chấp hành Trung ương")]),
    # State documents of other kinds
    ("Nghị quyết số 27/NQ-CP của Chính phủ; Luật số 10/2022/QH15",
     [dict(text="Nghị quyết số 27/NQ-CP của Chính phủ", number="27", code="NQ-CP", issuer="Chính phủ"),
      dict(text="Luật số 10/2022/QH15", type="Luật", number="10", code="QH15", year=2022)]),
    # căn cứ lines: several full citations separated by ";"
    ("Căn cứ Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương Đảng về thi hành Điều lệ Đảng; "
     "Căn cứ Hướng dẫn số 01-HD/TW, ngày 28/9/2021 của Ban Bí thư về một số vấn đề cụ thể thi hành Điều lệ Đảng,",
     [dict(text="Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương Đảng", subject="thi hành Điều lệ Đảng"),
      dict(text="Hướng dẫn số 01-HD/TW, ngày 28/9/2021 của Ban Bí thư",
           subject="một số vấn đề cụ thể thi hành Điều lệ Đảng")]),
    ("Thông báo kết luận số 45-TB/TU ngày 12/3/2024 của Thường trực Tỉnh ủy",
     [dict(text="Thông báo kết luận số 45-TB/TU ngày 12/3/2024 của Thường trực Tỉnh ủy", type="Thông báo",
           code="TB/TU", issuer="Thường trực Tỉnh ủy")]),
]

VARIANTS += [
    # issuer without "của" after the date; en dash from Word's autocorrect; a code wrapped at "/"
    ("Nghị quyết số 04-NQ/TW ngày 30/10/2016 Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII về tăng "
     "cường xây dựng, chỉnh đốn Đảng;",
     [dict(text="Nghị quyết số 04-NQ/TW ngày 30/10/2016 Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
           issuer="Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
           subject="tăng cường xây dựng, chỉnh đốn Đảng")]),
    ("Kết luận số 21 – KL/TW ngày 25/10/2021", [dict(text="Kết luận số 21 – KL/TW ngày 25/10/2021", code="KL/TW",
                                                   problems=("spaces",))]),
    ("Kết luận số 21-KL/\nTW ngày 25/10/2021 của Bộ Chính trị",
     [dict(text="Kết luận số 21-KL/\nTW ngày 25/10/2021 của Bộ Chính trị", code="KL/TW", issuer="Bộ Chính trị")]),
]

NEGATIVES += ["Chương trình 2020 – 2025 và Kế hoạch 2021–2025 của huyện."]

VARIANTS += [
    # documents named by their subject, mid-sentence
    ("Thực hiện nghiêm Quy định về trách nhiệm nêu gương của cán bộ, đảng viên.",
     [dict(text="Quy định", number=None, name="Quy định về trách nhiệm nêu gương của cán bộ, đảng viên",
           subject="trách nhiệm nêu gương của cán bộ, đảng viên")]),
]

NEGATIVES += [
    "3. Hướng dẫn về nghiệp vụ công tác đảng viên",
    "định kỳ gửi Báo cáo về Ban Thường vụ Tỉnh ủy (qua Văn phòng).",
    "Quy định về thời gian như sau: các cấp ủy gửi trước ngày 15.",
]

NEGATIVES += ["theo Quy định 5 điều và Hướng dẫn 3 bước; Báo cáo 6 tháng đầu năm; Kế hoạch 2024."]
