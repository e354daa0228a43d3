#!/usr/bin/env python3
"""Which of a city's challenges do its real partners share, beyond what their size explains?

    python3 Scripts/match-study/challenge_lift.py [--seed 1]

For every twinning of twinnings_dev.tsv, in both directions, and for every
challenge the home city has (thresholds as in
Sources/TwinningCore/Model/Challenge.swift), it counts how often the real
partner has it too, and how often a rival of the same country and a similar
size (population within a factor 1.5 of the partner's, drawn with a fixed
seed) has it. lift = partners with it / rivals with it: above 1, real
twinnings share the challenge more than chance and size say. The
country-level challenges (ageing, shrinking) are the same for every city of a
country and say nothing within one; they are left out. Not part of the
program or of CI (README, "Two modes").
"""
import csv
import os
import random
import sys
from collections import Counter, defaultdict

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "TwinningCore", "Resources")


def number(row, key):
    return float(row[key]) if row[key] != "" else None


def challenges(row):
    """The city-level challenges of one city_character.tsv row: True, False or None (unknown)."""
    coast, elevation = number(row, "coast_km"), number(row, "elevation_m")
    port, relief = number(row, "port_km"), number(row, "relief_m")
    river, warm, cold = number(row, "river_km"), number(row, "t_warm_c"), number(row, "t_cold_c")
    rain, coal = number(row, "rain_mm"), number(row, "coal_mw_30km")
    c = {"capital or region seat": None if row["role"] == "" else row["role"] in ("C", "A")}
    c["low-lying coast"] = None if coast is None else (False if coast > 10 else (None if elevation is None else elevation <= 10))
    if port is None or coast is None:
        c["sea port"] = None
    elif port > 5 or coast > 15:
        c["sea port"] = False
    else:
        c["sea port"] = None if row["port_terminal"] == "" else row["port_terminal"] == "1"
    c["river town"] = None if river is None else river <= 2
    if (relief is not None and relief >= 800) or (elevation is not None and elevation >= 800):
        c["mountain town"] = True
    else:
        c["mountain town"] = False if relief is not None and elevation is not None else None
    c["hot summers"] = None if warm is None else warm >= 25
    c["dry climate"] = None if rain is None else rain < 450
    c["cold winters"] = None if cold is None else cold <= -5
    c["former coal region"] = None if coal is None else coal >= 500
    return c


def main(argv):
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    rng = random.Random(seed)
    character = {int(r["geonameid"]): challenges(r)
                 for r in csv.DictReader(open(os.path.join(ROOT, "city_character.tsv"), encoding="utf-8"), delimiter="\t")}
    population, country, members = {}, {}, defaultdict(list)
    for r in csv.DictReader(open(os.path.join(ROOT, "cities.tsv"), encoding="utf-8"), delimiter="\t"):
        g = int(r["geonameid"])
        population[g], country[g] = int(r["population"] or 0), r["country_code"]
        members[r["country_code"]].append(g)
    pairs = [(int(r["geonameid_a"]), int(r["geonameid_b"]))
             for r in csv.DictReader(open(os.path.join(ROOT, "twinnings_dev.tsv"), encoding="utf-8"), delimiter="\t")]
    names = list(next(iter(character.values())).keys())
    home_has, partner_shares, rival_shares = Counter(), Counter(), Counter()
    questions = 0
    for a, b in pairs:
        for home, partner in ((a, b), (b, a)):
            if home not in character or partner not in character or population.get(partner, 0) <= 0:
                continue
            pool = members[country[partner]]
            similar = [x for x in rng.sample(pool, min(len(pool), 300))
                       if x != partner and 0.67 < (population[x] + 1) / (population[partner] + 1) < 1.5]
            if not similar:
                continue
            rival = rng.choice(similar)
            questions += 1
            for name in names:
                if not character[home][name]:
                    continue
                home_has[name] += 1
                partner_shares[name] += bool(character[partner][name])
                rival_shares[name] += bool(character.get(rival, {}).get(name))
    print(f"{questions:,} questions (both directions of {len(pairs):,} twinnings), seed {seed}")
    print(f"{'challenge of the home city':28s} {'questions':>9s} {'partner has it':>15s} {'size-matched rival':>19s} {'lift':>5s}")
    for name in names:
        n = home_has[name]
        p, r = partner_shares[name], rival_shares[name]
        print(f"{name:28s} {n:9,d} {p / n:15.1%} {r / n:19.1%} {p / max(r, 1):5.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
