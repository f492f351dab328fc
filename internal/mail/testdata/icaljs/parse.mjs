// parse.mjs reads one iCalendar file from stdin with ical.js and prints, as JSON, what a
// calendar client built on it (Thunderbird) would take from it. Used by the internal/mail tests.
import ICAL from 'ical.js';

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;

const cal = new ICAL.Component(ICAL.parse(input));
const person = (prop) => prop && {
  cn: prop.getParameter('cn') ?? null,
  address: String(prop.getFirstValue()),
};
const events = cal.getAllSubcomponents('vevent').map((ev) => ({
  uid: ev.getFirstPropertyValue('uid'),
  sequence: ev.getFirstPropertyValue('sequence'),
  status: ev.getFirstPropertyValue('status'),
  dtstart: ev.getFirstPropertyValue('dtstart')?.toString() ?? null,
  dtend: ev.getFirstPropertyValue('dtend')?.toString() ?? null,
  summary: ev.getFirstPropertyValue('summary'),
  location: ev.getFirstPropertyValue('location'),
  description: ev.getFirstPropertyValue('description'),
  organizer: person(ev.getFirstProperty('organizer')),
  attendees: ev.getAllProperties('attendee').map(person),
}));
process.stdout.write(JSON.stringify({ method: cal.getFirstPropertyValue('method'), events }));
