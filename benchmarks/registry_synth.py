"""Synthetic registries and labelled typed queries for benchmarks/bench_search.py.

Entries look like a province's archive: central (TW), province (TU), district (HU) and
grassroots (ĐU) documents of many types, numbered in sequence per issuing body, type and year,
dated 2000-2025, with long subjects built from phrases of real Party documents and a place.
Queries are what secretaries type (see issue 3), each with the set of entries that answer it
(computed by brute force over the generated data, independently of the index).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from drafter.text import fold

TYPES = [  # (name, code, abbreviation, weight)
    ("Kết luận", "KL", "kl", 18), ("Nghị quyết", "NQ", "nq", 14), ("Chỉ thị", "CT", "ct", 10),
    ("Quy định", "QĐ", "qd", 8), ("Quyết định", "QĐ", "qd", 10), ("Kế hoạch", "KH", "kh", 16),
    ("Hướng dẫn", "HD", "hd", 6), ("Thông báo", "TB", "tb", 8), ("Chương trình", "CTr", "ctr", 4),
    ("Đề án", "ĐA", "da", 3), ("Báo cáo", "BC", "bc", 3),
]
PROVINCES = ["Hà Nội", "Thành phố Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Thừa Thiên Huế", "Nghệ An",
             "Thanh Hóa", "Quảng Ninh", "Bắc Ninh", "Hà Giang", "Lào Cai", "Yên Bái", "Sơn La", "Điện Biên",
             "Lai Châu", "Cao Bằng", "Lạng Sơn", "Tuyên Quang", "Thái Nguyên", "Phú Thọ", "Vĩnh Phúc", "Bắc Giang",
             "Hải Dương", "Hưng Yên", "Thái Bình", "Nam Định", "Ninh Bình", "Hà Nam", "Hòa Bình", "Hà Tĩnh",
             "Quảng Bình", "Quảng Trị", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa",
             "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước",
             "Tây Ninh", "Bình Dương", "Đồng Nai", "Bà Rịa - Vũng Tàu", "Long An", "Tiền Giang", "Bến Tre",
             "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng",
             "Bạc Liêu", "Cà Mau"]
DISTRICT_NAMES = ["Đông Anh", "Sóc Sơn", "Gia Lâm", "Thanh Trì", "Củ Chi", "Hóc Môn", "Bình Chánh", "Nhà Bè",
                  "Cần Giờ", "Thủy Nguyên", "An Lão", "Kiến Thụy", "Hòa Vang", "Phong Điền", "Quảng Điền",
                  "Hương Trà", "Phú Vang", "Nam Đàn", "Diễn Châu", "Quỳnh Lưu", "Thọ Xuân", "Hoằng Hóa",
                  "Đông Triều", "Tiên Du", "Yên Minh", "Bát Xát", "Mù Cang Chải", "Mộc Châu", "Mường Nhé",
                  "Tam Đường", "Trùng Khánh", "Tràng Định", "Chiêm Hóa", "Đại Từ", "Thanh Sơn", "Tam Đảo",
                  "Lục Ngạn", "Kinh Môn", "Văn Giang", "Tiền Hải", "Hải Hậu", "Kim Sơn", "Lý Nhân", "Mai Châu",
                  "Kỳ Anh", "Bố Trạch", "Hải Lăng", "Điện Bàn", "Sơn Tịnh", "Tuy Phước", "Đồng Xuân", "Vạn Ninh"]
WARDS = ["An Phú", "Tân Hòa", "Bình Minh", "Phú Mỹ", "Hòa Bình", "Tân Lập", "Quang Trung", "Đồng Tâm",
         "Thống Nhất", "Hưng Đạo", "Trần Phú", "Lê Lợi", "Yên Hòa", "Thanh Xuân", "Tân Thành", "Phước Long"]
VERBS = ["tăng cường", "nâng cao chất lượng", "đẩy mạnh", "tiếp tục thực hiện", "đổi mới", "phát triển",
         "tăng cường sự lãnh đạo của Đảng đối với", "lãnh đạo thực hiện", "triển khai thực hiện", "kiện toàn",
         "nâng cao hiệu quả", "thực hiện", "tổng kết", "sơ kết", "chấn chỉnh", "củng cố", "xây dựng",
         "phát huy vai trò của", "đẩy mạnh cải cách", "tăng cường kiểm tra, giám sát"]
ASPECTS = ["công tác cán bộ", "công tác kiểm tra, giám sát", "công tác dân vận", "công tác tuyên giáo",
           "công tác phát triển đảng viên", "sinh hoạt chi bộ", "công tác bảo vệ chính trị nội bộ",
           "phòng, chống tham nhũng, tiêu cực", "cải cách hành chính", "chuyển đổi số", "quy chế dân chủ ở cơ sở",
           "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "công tác thi đua, khen thưởng",
           "công tác quốc phòng, an ninh", "giáo dục chính trị tư tưởng", "công tác đối ngoại",
           "thực hành tiết kiệm, chống lãng phí", "công tác quy hoạch cán bộ", "đào tạo, bồi dưỡng cán bộ",
           "xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh", "giải quyết khiếu nại, tố cáo",
           "công tác văn thư, lưu trữ", "nêu gương của cán bộ, đảng viên", "bảo vệ nền tảng tư tưởng của Đảng"]
SECTORS = ["trong doanh nghiệp nhà nước", "trong các cơ quan hành chính", "ở các xã vùng cao",
           "trong lực lượng vũ trang", "trong trường học", "ngành y tế", "ngành giáo dục và đào tạo",
           "lĩnh vực đất đai, tài nguyên", "lĩnh vực đầu tư công", "kinh tế tư nhân", "nông nghiệp, nông thôn",
           "du lịch biển", "công nghiệp chế biến", "khu dân cư", "hợp tác xã", "đơn vị sự nghiệp công lập",
           "giao thông vận tải", "văn hóa, thể thao", "khoa học, công nghệ", "bảo hiểm xã hội", "đồng bào dân tộc thiểu số",
           "thanh niên, sinh viên", "phụ nữ", "cựu chiến binh", "người cao tuổi", "báo chí, xuất bản"]
QUALIFIERS = ["giai đoạn 2021 - 2025", "giai đoạn 2016 - 2020", "đến năm 2030", "trong tình hình mới",
              "nhiệm kỳ 2020 - 2025", "năm 2023", "năm 2024", "những năm tiếp theo", "tầm nhìn đến năm 2045", ""]
ISSUERS = {"TW": ["Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư"],
           "TU": ["Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh", "Thường trực Tỉnh ủy"],
           "HU": ["Ban Thường vụ Huyện ủy", "Ban Chấp hành Đảng bộ huyện"],
           "ĐU": ["Đảng ủy xã", "Ban Thường vụ Đảng ủy"]}
TERMS = [(2001, "IX"), (2006, "X"), (2011, "XI"), (2016, "XII"), (2021, "XIII")]


def _term(year: int) -> str:
    return [t for start, t in TERMS if year >= start][-1] if year >= 2001 else "VIII"


def _body(rng: random.Random) -> tuple[str, str, str, str]:
    """(level, body code, jurisdiction, place words for the subject)."""
    roll = rng.random()
    if roll < 0.05:
        return "TW", "TW", "TW", ""
    province = rng.choice(PROVINCES)
    if roll < 0.40:
        return "TU", "TU", province, f"tỉnh {province}"
    if roll < 0.80:
        district = rng.choice(DISTRICT_NAMES)
        return "HU", "HU", f"huyện {district}, {province}", f"huyện {district}"
    ward = rng.choice(WARDS)
    district = rng.choice(DISTRICT_NAMES)
    return "ĐU", "ĐU", f"xã {ward}, huyện {district}, {province}", f"xã {ward}"


def _subject(rng: random.Random, place: str) -> str:
    parts = [rng.choice(VERBS), rng.choice(ASPECTS), rng.choice(SECTORS)]
    if place and rng.random() < 0.7:
        parts.append(f"trên địa bàn {place}")
    qualifier = rng.choice(QUALIFIERS)
    if qualifier:
        parts.append(qualifier)
    return " ".join(parts)


def generate(count: int, seed: int = 7) -> list[dict]:
    """``count`` JSONL records; (number, code, jurisdiction, year) is unique by construction."""
    rng = random.Random(seed)
    weights = [t[3] for t in TYPES]
    counters: dict[tuple, int] = {}
    records = []
    while len(records) < count:
        name, code, _, _ = rng.choices(TYPES, weights)[0]
        level, body, jurisdiction, place = _body(rng)
        year = rng.randint(2000, 2025)
        key = (code, body, jurisdiction, _term(year) if level == "TW" else year)
        # numbering runs per body, type and year (per term at the centre); offices issue hundreds
        counters[key] = counters.get(key, rng.randint(0, 400)) + 1
        number = counters[key]
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        records.append({
            "type": name, "number": f"{number:02d}", "code": f"{code}/{body}",
            "date": f"{year}-{month:02d}-{day:02d}", "issuer": rng.choice(ISSUERS[level]),
            "subject": _subject(rng, place), "aliases": [], "jurisdiction": jurisdiction,
            "term": _term(year) if level == "TW" else None, "source": "synthetic",
        })
    return records


def write_jsonl(records: list[dict], path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


@dataclass(frozen=True)
class LabelledQuery:
    kind: str
    text: str
    answers: frozenset[int]  # record positions that answer it equally well
    target: int


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1:] if rng.random() < 0.5 else word[:i] + word[i + 1] + word[i] + word[i + 2:]


def _old_tones(text: str) -> str:
    for new, old in (("hóa", "hoá"), ("ủy", "uỷ"), ("Hóa", "Hoá"), ("Hòa", "Hoà"), ("hòa", "hoà"), ("thủy", "thuỷ")):
        text = text.replace(new, old)
    return text


class _Truth:
    """Brute-force answers over the generated records (independent of the index)."""

    def __init__(self, records: list[dict]):
        self.records = records
        self.subjects = [" ".join(fold(r["subject"]).replace(",", " ").split()) for r in records]
        self.by_code: dict[tuple, list[int]] = {}
        for i, r in enumerate(records):
            self.by_code.setdefault((int(r["number"]), r["code"]), []).append(i)

    def code_matches(self, i: int, with_place: bool, with_year: bool) -> frozenset[int]:
        r = self.records[i]
        found = self.by_code[(int(r["number"]), r["code"])]
        if with_place:
            found = [j for j in found if self.records[j]["jurisdiction"] == r["jurisdiction"]]
        if with_year:
            found = [j for j in found if self.records[j]["date"][:4] == r["date"][:4]]
        return frozenset(found)

    def latest(self, answers: frozenset[int]) -> frozenset[int]:
        best = max(self.records[j]["date"] for j in answers)
        return frozenset(j for j in answers if self.records[j]["date"] == best)

    def subject_matches(self, phrase: str, type_name: str | None = None) -> frozenset[int]:
        key = " ".join(fold(phrase).replace(",", " ").split())
        return frozenset(j for j, s in enumerate(self.subjects) if key in s and
                         (type_name is None or self.records[j]["type"] == type_name))


def _place_words(record: dict) -> str:
    return fold(record["jurisdiction"].split(",")[-1 if record["code"].endswith("TU") else 0]).replace("huyen ", "").replace("xa ", "")


def make_queries(records: list[dict], count: int, seed: int = 11) -> list[LabelledQuery]:
    """``count`` labelled queries of the kinds secretaries type."""
    rng = random.Random(seed)
    truth = _Truth(records)
    abbr = {name: a for name, _, a, _ in TYPES}
    queries: list[LabelledQuery] = []
    kinds = ["abbr_number", "full_code", "type_number_words", "subject_only", "typo", "year", "date", "old_tones"]
    while len(queries) < count:
        i = rng.randrange(len(records))
        r = records[i]
        kind = kinds[len(queries) % len(kinds)]
        number, code = r["number"], r["code"]
        central = code.endswith("/TW")
        words = r["subject"].replace(",", "").split()
        start = 0 if rng.random() < 0.5 else rng.randrange(0, max(1, len(words) - 7))
        phrase = " ".join(words[start:start + rng.randint(6, 9)])
        year = r["date"][:4]
        if kind == "abbr_number":
            if central:
                text, answers = f"{abbr[r['type']]} {int(number)}", truth.latest(truth.code_matches(i, False, False))
            else:
                text = f"{abbr[r['type']]} {int(number)} {_place_words(r)} {year}"
                answers = truth.code_matches(i, True, True)
        elif kind == "full_code":
            text = f"{number}-{code}" + ("" if central else f" {r['jurisdiction'].split(',')[0]} năm {year}")
            answers = truth.code_matches(i, not central, not central)
            if central:
                answers = truth.latest(answers)
        elif kind == "type_number_words":
            text = f"{fold(r['type'])} {int(number)} {fold(phrase)}"
            answers = frozenset(j for j in truth.subject_matches(phrase, r["type"])
                                if int(records[j]["number"]) == int(number))
        elif kind in ("subject_only", "typo", "old_tones"):
            answers = truth.subject_matches(phrase)
            text = phrase
            if kind == "typo":
                long_words = [k for k, w in enumerate(text.split()) if len(w) >= 5]
                if not long_words:
                    continue
                split = text.split()
                k = rng.choice(long_words)
                split[k] = _typo(rng, split[k])
                text = fold(" ".join(split)) if rng.random() < 0.5 else " ".join(split)
            elif kind == "old_tones":
                text = _old_tones(f"{r['type']} {phrase}")
                answers = truth.subject_matches(phrase, r["type"])
        elif kind == "year":
            text = f"{r['type'].lower()} {int(number)} năm {year} {_place_words(r) if not central else ''}".strip()
            answers = truth.code_matches(i, not central, True)
        else:  # date
            y, m, d = r["date"].split("-")
            text = f"{abbr[r['type']]} {int(d)}/{int(m)}/{y} {fold(phrase.split()[-2])} {fold(phrase.split()[-1])}"
            answers = frozenset(j for j in truth.subject_matches(" ".join(phrase.split()[-2:]), r["type"])
                                if records[j]["date"] == r["date"])
        if i in answers and len(answers) <= 5:
            queries.append(LabelledQuery(kind, text, answers, i))
    return queries
