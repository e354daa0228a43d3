#!/usr/bin/env python3
"""Strictly checks an iCalendar file written by `twinning export events --format ics`.

Usage: validate_ics.py FILE [EXPECTED.json]

Checks the raw form first (CRLF line endings, lines of at most 75 octets,
continuation lines starting with a space, valid UTF-8 on every physical line),
then parses with the `icalendar` package (pip install icalendar) and checks
every VEVENT: UID unique, DTSTAMP in UTC, all-day DTSTART/DTEND with the end
after the start. EXPECTED.json, if given, is a list of objects with any of
uid, summary, description, location, dtstart, dtend (YYYY-MM-DD) that must
match the parsed event with that uid exactly (escaping round-trip).
Prints "ok: N events" and exits 0, or prints the problems and exits 1.
"""
import datetime
import json
import sys

import icalendar


def fail(problems):
    for p in problems:
        print("error:", p)
    sys.exit(1)


def main():
    path = sys.argv[1]
    raw = open(path, "rb").read()
    problems = []
    if not raw.endswith(b"\r\n"):
        problems.append("file does not end with CRLF")
    lines = raw.split(b"\r\n")[:-1]
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets (more than 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(f"line {number}: fold splits a UTF-8 sequence ({error})")
        if not line:
            problems.append(f"line {number}: empty line")
    if problems:
        fail(problems)

    calendar = icalendar.Calendar.from_ical(raw.decode("utf-8"))
    for component in calendar.walk():
        for prop, message in getattr(component, "errors", []):
            problems.append(f"{component.name} {prop}: {message}")
    if str(calendar.get("VERSION")) != "2.0":
        problems.append("VERSION is not 2.0")
    if not calendar.get("PRODID"):
        problems.append("no PRODID")

    events = calendar.walk("VEVENT")
    seen = set()
    parsed = {}
    for event in events:
        uid = str(event.get("UID", ""))
        if not uid:
            problems.append("an event without UID")
        if uid in seen:
            problems.append(f"UID {uid} twice")
        seen.add(uid)
        stamp = event.get("DTSTAMP")
        if stamp is None or not isinstance(stamp.dt, datetime.datetime) or stamp.dt.utcoffset() != datetime.timedelta(0):
            problems.append(f"{uid}: DTSTAMP missing or not UTC")
        start, end = event.get("DTSTART"), event.get("DTEND")
        if start is None or end is None:
            problems.append(f"{uid}: DTSTART or DTEND missing")
            continue
        if isinstance(start.dt, datetime.datetime) or isinstance(end.dt, datetime.datetime):
            problems.append(f"{uid}: not an all-day event")
        if end.dt <= start.dt:
            problems.append(f"{uid}: DTEND {end.dt} not after DTSTART {start.dt}")
        for key in ("SUMMARY", "DESCRIPTION"):
            if not event.get(key):
                problems.append(f"{uid}: no {key}")
        parsed[uid] = {
            "uid": uid,
            "summary": str(event.get("SUMMARY", "")),
            "description": str(event.get("DESCRIPTION", "")),
            "location": str(event.get("LOCATION")) if event.get("LOCATION") is not None else None,
            "dtstart": start.dt.isoformat(),
            "dtend": end.dt.isoformat(),
        }

    if len(sys.argv) > 2:
        expected = json.load(open(sys.argv[2], encoding="utf-8"))
        for want in expected:
            got = parsed.get(want["uid"])
            if got is None:
                problems.append(f"no event {want['uid']}")
                continue
            for key, value in want.items():
                if got.get(key) != value:
                    problems.append(f"{want['uid']} {key}: expected {value!r}, parsed {got.get(key)!r}")
    if problems:
        fail(problems)
    print(f"ok: {len(events)} events")


if __name__ == "__main__":
    main()
