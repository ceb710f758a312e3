#!/usr/bin/env python3
"""Parses iCalendar files with the `icalendar` package, as another program would.

Usage: ical-check.py FILE...  Prints one JSON line per file: its events' UID, SUMMARY,
DESCRIPTION, LOCATION, DTSTART, SEQUENCE and STATUS; exits 1 if a file does not parse or has no VEVENT.
Run by the Swift tests (CalendarTests) from the virtual environment .ci/run creates.
"""
import json
import sys

from icalendar import Calendar

failed = False
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        calendar = Calendar.from_ical(raw)
    except Exception as error:  # the parser's own message is the report
        print(json.dumps({"file": path, "error": str(error)}))
        failed = True
        continue
    events = []
    for event in calendar.walk("VEVENT"):
        start = event.get("DTSTART")
        events.append({
            "uid": str(event.get("UID")),
            "summary": str(event.get("SUMMARY", "")),
            "description": str(event.get("DESCRIPTION", "")),
            "location": str(event.get("LOCATION", "")),
            "start": start.to_ical().decode() if start is not None else None,
            "sequence": int(event["SEQUENCE"]) if "SEQUENCE" in event else None,
            "status": str(event["STATUS"]) if "STATUS" in event else None,
        })
    if not events:
        failed = True
    errors = [str(e) for c in calendar.walk() for e in getattr(c, "errors", [])]
    if errors:
        failed = True
    print(json.dumps({"file": path, "events": events, "errors": errors}, ensure_ascii=False))
sys.exit(1 if failed else 0)
