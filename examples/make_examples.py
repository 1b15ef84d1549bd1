"""How examples/*.json were made: each seed's body turned into a draft, headers typed by hand.

The body text of each seed is kept (page-break splits joined, footnote marks turned into real
footnotes); every numbered citation the citation extractor finds becomes a reference
(``[[cite:...]]``) with a snapshot of what the seed says about it (used only when the registry lacks
the document). Header lines the seeds lack (place, date, parent body, number) are filled in by hand.
Run from the repository root: ``.venv/bin/python examples/make_examples.py``.
"""
import datetime as dt
import glob
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEEDS = ROOT.parent / "shared" / "seeds"
if not SEEDS.is_dir():
    SEEDS = ROOT / "tests" / "data" / "seeds"
from drafter.citations.extract import extract
from drafter.drafting.model import CitationRef, Draft, Header
from drafter.drafting.markup import cite_marker, parse_markup
from drafter.drafting.draftfile import save_draft
from drafter.numbercode import parse

SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
def sup2int(s): return int("".join(str(SUP.index(c)) for c in s))

def seed(prefix): return open(glob.glob(str(SEEDS / f'{prefix}*'))[0], encoding='utf-8').read()

def paragraphs(body):
    paras = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    paras = [" ".join(p.split("\n")) for p in paras]
    notes, text = {}, []
    for p in paras:
        m = re.match(f"^([{SUP}]+)\\s+(.*)$", p)
        if m: notes[sup2int(m[1])] = m[2]; continue
        if text and not re.search(r"[.:;!?”\"]$", text[-1]) and re.match(r"^[a-zà-ỹđ“\"]", p):
            text[-1] = text[-1] + " " + p
        else:
            text.append(p)
    return text, notes

def jurisdiction(code, local):
    parsed = parse(code)
    return "TW" if parsed and parsed.body_code in ("TW",) else local

FIRST = {}
TYPES = {}  # number-code -> type name as first cited

def written_type(c):
    m = re.match(r"^(.*?)\s+(?:số\s+)?\d", c.text)
    t = m[1] if m else c.type
    return t if c.type and t.lower().startswith(c.type.lower()) else c.type

def convert(text, local, snapshots):
    cites = [c for c in extract(text) if c.role == "cited" and c.number and c.code]
    out, pos = [], 0
    for c in cites:
        if c.start < pos: continue
        out.append(text[pos:c.start])
        nc = parse(c.number_code)
        code = nc.canonical if nc else c.number_code
        ref = FIRST.setdefault(code, CitationRef(code, None, c.date, jurisdiction(code, local)))
        end = c.end
        with_subject = c.subject is None
        m = re.search(r"\s*\(\*?\s*sau đây", text[c.end:c.end + 600])
        if m and c.subject is not None and "[[" not in text[c.end:c.end + m.start()]:
            end, with_subject = c.end + m.start(), True
            subj = text[c.end:end].strip()
            subj = re.sub(r"^,?\s*", "", subj)
            snapshots.setdefault(ref.key, {"number_code": code, "date": ref.date.isoformat() if ref.date else None})["subject"] = subj
        out.append(cite_marker(ref, None, "auto", with_subject))
        pos = end
        snap = snapshots.setdefault(ref.key, {"number_code": code, "date": ref.date.isoformat() if ref.date else None})
        snap.setdefault("type", written_type(c))
        TYPES.setdefault(code, snap["type"])
        if c.issuer and not snap.get("issuer"): snap["issuer"] = c.issuer
        if c.subject and not snap.get("subject"): snap["subject"] = c.subject.strip().rstrip(",;.")
    out.append(text[pos:])
    return "".join(out)

SHORT_RE = re.compile(r"\s*\(\*?(?:sau đây gọi tắt là|sau đây gọi là)\s*\*?\s*([^)*]+?)\s*\*?\s*\)")

def short_names(line):
    """Move a written '(sau đây gọi tắt là X)' onto the preceding citation marker as short=X."""
    def fix(m):
        return m.group(0)
    out = line
    while True:
        m = SHORT_RE.search(out)
        if not m: break
        name = m[1].strip()
        code = re.search(r"\d+-[^\s)]+$", name)
        before = out[:m.start()]
        idx = before.rfind("[[cite:")
        if idx < 0: out = out[:m.start()] + out[m.end():]; continue
        close = before.index("]]", idx)
        if code:  # "Quy định 99-QĐ/TW" for a Quyết định: the short name takes the cited type and "số"
            name = f"{TYPES.get(code[0], name.split(' ')[0])} số {code[0]}"
        before = before[:close] + f"|short={name}" + before[close:]
        out = before + out[m.end():]
    return out

def body_markup(paras, notes, local, snapshots, roman_dot=False):
    lines = []
    for p in paras:
        p = p.replace("*DR*", "").strip()
        p = re.sub(f"([{SUP}]+)", lambda m: f"[[note:{sup2int(m[1])}]]", p)
        p = short_names(convert(p, local, snapshots))
        m = re.match(r"^([IVX]+)[.-]\s+(.*)$", p)
        if m:
            rest = m[2]
            line = f"{m[1]}- {rest}"
            lines.append(("# " + line) if len(line) < 120 and not line.endswith(".") else line)
            continue
        if re.match(r"^\d+\.\s", p) and len(p) < 200 and not re.search(r"[.:;]$", p):
            lines.append("## " + p); continue
        lines.append(p)
    for n, t in sorted(notes.items()):
        t = short_names(convert(t, local, snapshots))
        lines.append(f"@footnote {n}: {t}")
    return "\n".join(lines)

def make(name, prefix, start, end, header, template, local, fields=None, fixes=(), snap_over=None):
    """``fixes``: (old, new) edits a secretary would make to the seed's wording (a citation written
    without its number, a capital "Khóa"); ``snap_over``: snapshot fields by number-code, for what the
    seed leaves out (an issuer) — the registry, when present, supplies these anyway."""
    text = seed(prefix)
    for old, new in fixes:
        assert old in text, old
        text = text.replace(old, new, 1)
    FIRST.clear()
    TYPES.clear()
    for c in extract(text):  # the first dated mention of each code names the document
        nc = parse(c.number_code) if c.number and c.code else None
        if nc and c.date and c.role == "cited":
            FIRST.setdefault(nc.canonical, CitationRef(nc.canonical, None, c.date, jurisdiction(nc.canonical, local)))
    i = text.index(start); j = text.index(end, i)
    paras, notes = paragraphs(text[i:j])
    notes.update(paragraphs(text[j:])[1])
    snaps = {}
    mk = body_markup(paras, notes, local, snaps)
    parsed = parse_markup(mk)
    for key, snap in snaps.items():
        snap.update((snap_over or {}).get(snap["number_code"], {}))
    # drop snapshot subjects for refs that never render with their subject? keep all (fallback data)
    draft = Draft(template, Header(**header), parsed.body, parsed.footnotes, fields or {}, snaps)
    save_draft(draft, ROOT / "examples" / f"{name}.json")
    print(name, len(parsed.body), "blocks", len(parsed.footnotes), "notes", len(snaps), "refs")

HCM = "Thành phố Hồ Chí Minh"
make("000-ket-luan-ban-thuong-vu-thanh-uy", "000", "Thời gian qua, Ban Thường vụ", "Nơi nhận:", dict(
    parent_body="ĐẢNG BỘ THÀNH PHỐ\nHỒ CHÍ MINH", issuer="THÀNH ỦY", number="567", type_code="KL", body_code="TU",
    place=HCM, date=dt.date(2023, 5, 15), doc_type="KẾT LUẬN", doc_type_of="CỦA BAN THƯỜNG VỤ THÀNH ỦY",
    subject="về tiếp tục đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị;\nkiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái\nvề tư tưởng chính trị, đạo đức, lối sống,\nbiểu hiện “tự diễn biến”, “tự chuyển hóa”",
    authority="T/M", collective="BAN THƯỜNG VỤ", signer_title="PHÓ BÍ THƯ", signer_name="Nguyễn Văn Hiếu",
    recipients=("Ban Bí thư Trung ương Đảng (để báo cáo)", "Ban Tổ chức Trung ương (để báo cáo)", "Các đồng chí Thành ủy viên",
                "Các cơ quan chuyên trách tham mưu, giúp việc Thành ủy", "Các đảng đoàn, ban cán sự đảng, Ban Thường vụ Thành Đoàn",
                "Thành ủy Thủ Đức, các quận ủy, huyện ủy, đảng ủy cấp trên cơ sở trực thuộc Thành ủy",
                "Các đơn vị sự nghiệp trực thuộc Thành ủy", "Văn phòng Thành ủy (lãnh đạo, phòng TH)", "Lưu Văn phòng Thành ủy"),
    date_style="numeric"), "ket-luan-btv", HCM, {"level": "tinh", "committee": "Thành ủy"})

make("001-ket-luan-so-ket-thi-uy", "001", "Hội nghị sơ kết việc thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (", "Nơi nhận:", dict(
    parent_body="ĐẢNG BỘ TỈNH PHÚ THỌ", issuer="THỊ ỦY PHÚ THỌ", number="215", type_code="KL", body_code="TU",
    place="Phú Thọ", date=dt.date(2022, 11, 4), doc_type="KẾT LUẬN", doc_type_of="CỦA BAN THƯỜNG VỤ THỊ ỦY",
    subject="tại Hội nghị sơ kết việc thực hiện Kết luận số 01-KL/TW ngày 18/5/2021\ncủa Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh\nhọc tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    authority="T/M", collective="BAN THƯỜNG VỤ", signer_title="PHÓ BÍ THƯ", signer_name="Bùi Văn Lý",
    recipients=("Ban Tuyên giáo Tỉnh ủy (báo cáo)", "Các đồng chí UVBTV Thị ủy", "Mặt trận và các tổ chức CT-XH thị xã",
                "Các cơ quan chuyên trách TMGV Thị ủy", "Các đảng ủy, chi bộ trực thuộc Thị ủy", "C, PC, NC-TH VPTX", "Lưu Văn phòng thị xã"),
    date_style="numeric"), "ket-luan-so-ket", "Tỉnh Phú Thọ", {"level": "huyen", "committee": "Thị ủy", "review_kind": "sơ kết", "short_name": "Kết luận số 01"},
    snap_over={"01-KL/TW": {"subject": "tiếp tục thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị khóa XII "
                                       "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"}})

make("002-ket-luan-ban-thuong-vu-dang-uy-khoi", "002", "Thực hiện Quyết định số 99-QĐ/TW, ngày 03/10/2017", "Nơi nhận:", dict(
    parent_body="ĐẢNG BỘ KHỐI\nDOANH NGHIỆP TRUNG ƯƠNG", issuer="ĐẢNG ỦY KHỐI", number="28", type_code="KL", body_code="ĐUK",
    place="Hà Nội", date=dt.date(2023, 8, 10), doc_type="KẾT LUẬN", doc_type_of="CỦA BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI",
    subject="về thực hiện Kết luận số 54-KL/TW, ngày 09/5/2023 của Ban Bí thư\nvề tiếp tục thực hiện Quyết định số 99-QĐ/TW, ngày 03/10/2017\ncủa Ban Bí thư về tiếp tục phát huy vai trò của Nhân dân trong đấu tranh\nngăn chặn, đẩy lùi sự suy thoái, “tự diễn biến”, “tự chuyển hóa” trong nội bộ",
    authority="T/M", collective="BAN THƯỜNG VỤ", signer_title="PHÓ BÍ THƯ", signer_name="Hồ Xuân Trường",
    recipients=("Ban Bí thư Trung ương Đảng (để b/c)", "Ban Dân vận TW (để b/c)", "Ban Thường vụ ĐUK", "Các đảng ủy trực thuộc",
                "Các ban, đơn vị ĐUK", "Ban Dân vận ĐUK (03 bản)", "Lưu VT"),
    date_style="numeric"), "ket-luan-btv", "Khối Doanh nghiệp Trung ương", {"level": "co_so", "committee": "Đảng ủy Khối", "body_code": "ĐUK"},
    snap_over={"01-QĐi/ĐUK": {"issuer": "Đảng ủy Khối"}, "119-KL/ĐUK": {"issuer": "Đảng ủy Khối"},
               "06-QĐ/ĐUK": {"issuer": "Đảng ủy Khối"}})

make("003-chi-thi-ban-thuong-vu-thanh-uy", "003", "Văn kiện Đại hội đại biểu toàn quốc", "Nơi nhận:", dict(
    parent_body="ĐẢNG BỘ THÀNH PHỐ\nHỒ CHÍ MINH", issuer="THÀNH ỦY", number="06", type_code="CT", body_code="TU",
    place=HCM, date=dt.date(2021, 3, 25), doc_type="CHỈ THỊ", doc_type_of="CỦA BAN THƯỜNG VỤ THÀNH ỦY",
    subject="về một số giải pháp nâng cao năng lực lãnh đạo\ncủa tổ chức cơ sở đảng và chất lượng đảng viên",
    authority="T/M", collective="BAN THƯỜNG VỤ", signer_title="PHÓ BÍ THƯ", signer_name="Nguyễn Văn A",
    recipients=("Ban Tổ chức Trung ương (để báo cáo)", "Các đồng chí Thành ủy viên", "Các ban Thành ủy, Ủy ban Kiểm tra Thành ủy",
                "Đảng đoàn Mặt trận Tổ quốc Việt Nam thành phố; đảng đoàn các tổ chức chính trị - xã hội thành phố; Ban Thường vụ Thành Đoàn",
                "Thành ủy Thủ Đức, các quận ủy, huyện ủy, đảng ủy cấp trên cơ sở trực thuộc Thành ủy",
                "Văn phòng Thành ủy (đ/c Huỳnh Khắc Điệp, đ/c Cao Sơn Yên, Phòng TH/Nam)", "Lưu Văn phòng Thành ủy"),
    date_style="numeric"), "chi-thi", HCM, {"level": "tinh", "committee": "Thành ủy"})

make("004-ket-luan-hoi-nghi-ban-chap-hanh-dang-bo-khoi", "004", "Ngày 24/7/2023, Ban Chấp hành", "Nơi nhận:", dict(
    parent_body="ĐẢNG BỘ TỈNH\nTHỪA THIÊN HUẾ", issuer="ĐẢNG ỦY KHỐI CƠ QUAN\nVÀ DOANH NGHIỆP", number="105", type_code="KL", body_code="ĐUK",
    place="Thừa Thiên Huế", date=dt.date(2023, 7, 28), doc_type="KẾT LUẬN", doc_type_of="HỘI NGHỊ LẦN THỨ 13 BAN CHẤP HÀNH\nĐẢNG BỘ KHỐI KHÓA VII",
    subject="về thực hiện Kết luận số 158-KL/ĐUK, ngày 17/7/2018 của Đảng ủy Khối\nkhóa VI về tiếp tục nâng cao năng lực lãnh đạo, sức chiến đấu\ncủa tổ chức cơ sở đảng và chất lượng đội ngũ cán bộ, đảng viên",
    authority="T/M", collective="ĐẢNG ỦY", signer_title="BÍ THƯ", signer_name="Nguyễn Tài Tuệ",
    recipients=("Ban Thường vụ Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Các Ban, UBKT và VP ĐUK", "Đoàn TN, Hội CCB Khối",
                "Các TCCS đảng trực thuộc", "Các đ/c ĐUV, BCV ĐUK", "Lưu VP"),
    date_style="numeric"), "ket-luan-hoi-nghi-bch", "Thừa Thiên Huế", {"level": "co_so", "committee": "Đảng ủy Khối", "body_code": "ĐUK"},
    fixes=[("Chỉ thị 05 của Bộ Chính trị (khóa XII)", "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị khóa XII"),
           ("Chỉ thị 05 của Bộ Chính trị", "Chỉ thị số 05-CT/TW của Bộ Chính trị"),
           ("Ban Bí thư Khóa X", "Ban Bí thư khóa X"),
           ("Chỉ thị số 10-CT/TW của", "Chỉ thị số 10-CT/TW ngày 30/3/2007 của")],
    snap_over={"158-KL/ĐUK": {"issuer": "Đảng ủy Khối khóa VI"}})
