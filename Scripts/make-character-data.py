#!/usr/bin/env python3
"""Regenerates the city character files the program ships from the shared data folder.

    python3 Scripts/make-character-data.py [DATA_DIR]     (default: ../shared/data)

Reads DATA_DIR/city_character.tsv and DATA_DIR/country_demography.tsv (made by
DATA_DIR/derive/ from pinned PyPI packages; see that folder's README.txt) and writes

    Sources/TwinningCore/Resources/city_character.tsv
    Sources/TwinningCore/Resources/country_demography.tsv

trimmed to the columns the challenges use, with values rounded to what the
thresholds and sentences need (0.1 km, whole metres and millimetres, 0.1 °C),
so the shipped file stays small. Not part of CI: run it when the data changes.
Standard library only.
"""
import csv
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data")
out = os.path.join(root, "Sources", "TwinningCore", "Resources")

# GeoNames feature code -> role: C capital, A seat of a first-level region,
# - any other place; empty when GeoNames gives no code (unknown, not "no").
def role(code):
    if not code:
        return ""
    if code == "PPLC":
        return "C"
    if code == "PPLA":
        return "A"
    return "-"

def num(value, digits):
    if value == "":
        return ""
    x = float(value)
    if digits == 0:
        return str(int(round(x)))
    text = f"{x:.{digits}f}"
    return "0" if text in ("-0.0", "0.0") else text.rstrip("0").rstrip(".")

columns = ["geonameid", "role", "elevation_m", "t_warm_c", "t_cold_c", "rain_mm", "coast_km",
           "port_km", "port_terminal", "river_km", "relief_m", "coal_mw_30km"]
rows = 0
with open(os.path.join(data, "city_character.tsv"), newline="", encoding="utf-8") as f, \
     open(os.path.join(out, "city_character.tsv"), "w", newline="", encoding="utf-8") as g:
    g.write("\t".join(columns) + "\n")
    for r in csv.DictReader(f, delimiter="\t"):
        g.write("\t".join([
            r["geonameid"], role(r["feature_code"]), num(r["elevation_m"], 0),
            num(r["t_warm_c"], 1), num(r["t_cold_c"], 1), num(r["rain_mm"], 0),
            num(r["coast_km"], 1), num(r["port_km"], 1), r["port_terminal"],
            num(r["river_km"], 1), num(r["relief_m"], 0), num(r["coal_mw_30km"], 0),
        ]) + "\n")
        rows += 1

with open(os.path.join(data, "country_demography.tsv"), newline="", encoding="utf-8") as f, \
     open(os.path.join(out, "country_demography.tsv"), "w", newline="", encoding="utf-8") as g:
    reader = csv.DictReader(f, delimiter="\t")
    g.write("iso\tshare65_2020\tshare65_2050\tpopchg_2000_2020\tpopchg_2020_2050\n")
    countries = 0
    for r in reader:
        g.write("\t".join([r["iso"], r["share65_2020"], r["share65_2050"], r["popchg_2000_2020"], r["popchg_2020_2050"]]) + "\n")
        countries += 1

print(f"wrote {rows} cities and {countries} countries to {out}")
