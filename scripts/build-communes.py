#!/usr/bin/env python3
"""Builds seeds/admin/ from ../shared/reference/admin-units (issue 17).

Usage: scripts/build-communes.py [REFERENCE_DIR]
Writes:
  seeds/admin/communes.tsv          unit code, commune code, name, English name, kind
  seeds/admin/former-communes.tsv   a commune before 1 July 2025 → the commune it became:
                                    old code, old name, old district, old province, new code, unit code, how
  seeds/admin/reconciliation.json   the counts, and every row that could not be reconciled
Rows that name no former commune are counted and left out. "how" is `code` (the new code is in the 2026 list, in the same unit, under the same name), `padded` (it is once its lost leading
zero is restored, and the names agree), `name` (it is not, but a 2026 commune of
the same unit has the new name, compared without prefixes and diacritics) or `unit` (neither:
the row resolves to its unit only, with a note, never to a guessed commune).
Both sources are MIT-licensed; see seeds/README.md for the attribution.
"""
import json
import os
import sys
import unicodedata

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
reference = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "reference", "admin-units")
out = os.path.join(root, "seeds", "admin")

# With their diacritics: "Phượng Sơn" must keep its first word, though it folds to "phuong".
PREFIXES = ["thành phố", "tỉnh", "thị trấn", "thị xã", "xã", "phường", "đặc khu", "quận", "huyện", "tp."]


def fold(text):
    """Lowercase ASCII without diacritics: tone-mark placement ("Hoà"/"Hòa") no longer matters."""
    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return " ".join(text.lower().split())


# Old-style tone placement ("Hoà", "Thuỷ") written the new way ("Hòa", "Thủy").
TONES = {"à": "̀", "á": "́", "ả": "̉", "ã": "̃", "ạ": "̣", "è": "̀", "é": "́", "ẻ": "̉", "ẽ": "̃", "ẹ": "̣",
         "ỳ": "̀", "ý": "́", "ỷ": "̉", "ỹ": "̃", "ỵ": "̣"}


def tone_normal(text):
    # Typographic and plain apostrophes are the same letter in Ê Đê names ("Cư M’gar", "Cư M'gar").
    text = unicodedata.normalize("NFC", text.lower().replace("\u2019", "'").replace("\u02bc", "'"))
    for pair, base_vowel, moved in (("o", "a", "oa"), ("o", "e", "oe"), ("u", "y", "uy")):
        for marked, mark in TONES.items():
            if unicodedata.normalize("NFD", marked)[0] == base_vowel:
                text = text.replace(pair + marked, unicodedata.normalize("NFC", pair + mark) + base_vowel)
    return text


def bare(text):
    """A name without its administrative prefix, tone marks placed one way; diacritics kept,
    since names that differ only in them are different places."""
    key = " ".join(tone_normal(text).split())
    for prefix in PREFIXES:
        if key.startswith(prefix + " "):
            return key[len(prefix) + 1:]
    return key


def clean(text):
    return " ".join((text or "").replace("\t", " ").split())


units = json.load(open(os.path.join(reference, "units-2026.json"), encoding="utf-8"))["provinces"]
mappings = json.load(open(os.path.join(reference, "commune-mappings-2025.json"), encoding="utf-8"))["mappings"]
unit_by_name = {bare(u["fullName"]): u for u in units}
unit_by_name.update({bare(u["name"]): u for u in units})
codes = {c["code"]: u["code"] for u in units for c in u["communes"]}
names = {c["code"]: c["name"] for u in units for c in u["communes"]}
by_name = {}
for unit in units:
    for commune in unit["communes"]:
        by_name.setdefault((unit["code"], bare(commune["name"])), []).append(commune["code"])

with open(os.path.join(out, "communes.tsv"), "w", encoding="utf-8", newline="\n") as f:
    f.write("unit\tcode\tname\tnameEn\tkind\n")
    for unit in units:
        for c in unit["communes"]:
            f.write("\t".join([unit["code"], c["code"], clean(c["name"]), clean(c["nameEn"]), c["kind"]]) + "\n")

counts = {"rows": len(mappings), "withoutFormerCommune": 0, "code": 0, "padded": 0, "name": 0, "unit": 0}
unreconciled = []
with open(os.path.join(out, "former-communes.tsv"), "w", encoding="utf-8", newline="\n") as f:
    f.write("oldCode\toldName\toldDistrict\toldProvince\tnewCode\tunit\thow\n")
    for row in mappings:
        if not row.get("oldName"):
            # A row that names no former commune (an island district become a special zone) maps nothing.
            counts["withoutFormerCommune"] += 1
            continue
        unit = unit_by_name.get(bare(row["newProvince"]))
        if unit is None:
            raise SystemExit(f"unknown unit {row['newProvince']!r}")
        def agrees(code):
            # A code agrees when the 2026 list has it in the same unit under the same name:
            # some rows carry a code that 2026 gave to a commune elsewhere.
            return codes.get(code) == unit["code"] and bare(names[code]) == bare(row["newName"])

        new_code, how = row["newCode"], "code"
        if not agrees(new_code):
            padded = new_code.zfill(5)
            if agrees(padded):
                # The code lost its leading zero in the source.
                new_code, how = padded, "padded"
            else:
                same = by_name.get((unit["code"], bare(row["newName"])), [])
                if len(same) == 1:
                    new_code, how = same[0], "name"
                else:
                    new_code, how = "", "unit"
                    unreconciled.append(
                        {k: row[k] for k in ("oldName", "oldDistrict", "oldProvince", "newName", "newCode")}
                        | {"unit": unit["name"]})
        counts[how] += 1
        f.write("\t".join([row["oldCode"] or "", clean(row["oldName"]), clean(row["oldDistrict"]), clean(row["oldProvince"]),
                           new_code, unit["code"], how]) + "\n")

with open(os.path.join(out, "reconciliation.json"), "w", encoding="utf-8") as f:
    json.dump({"counts": counts, "unreconciled": unreconciled}, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(json.dumps(counts))
