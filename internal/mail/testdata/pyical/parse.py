"""Reads one iCalendar file from stdin with python-icalendar (Debian's python3-icalendar) and
prints, as JSON, the same fields as ../icaljs/parse.mjs. Used by the internal/mail tests."""
import json
import sys

import icalendar


def person(prop):
    if prop is None:
        return None
    cn = prop.params.get("CN")
    return {"cn": None if cn is None else str(cn), "address": str(prop)}


def when(prop):
    if prop is None:
        return None
    return prop.dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def text(value):
    return None if value is None else str(value)


cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
events = []
for ev in cal.walk("VEVENT"):
    attendees = ev.get("ATTENDEE")
    if attendees is None:
        attendees = []
    elif not isinstance(attendees, list):
        attendees = [attendees]
    seq = ev.get("SEQUENCE")
    events.append({
        "uid": text(ev.get("UID")),
        "sequence": None if seq is None else int(seq),
        "status": text(ev.get("STATUS")),
        "dtstart": when(ev.get("DTSTART")),
        "dtend": when(ev.get("DTEND")),
        "summary": text(ev.get("SUMMARY")),
        "location": text(ev.get("LOCATION")),
        "description": text(ev.get("DESCRIPTION")),
        "organizer": person(ev.get("ORGANIZER")),
        "attendees": [person(a) for a in attendees],
    })
print(json.dumps({"method": text(cal.get("METHOD")), "events": events}))
