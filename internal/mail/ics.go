package mail

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"

	"seminars/internal/model"
)

// Calendar files are built with emersion/go-ical, which quotes a parameter value containing
// ":;," (RFC 5545 §3.2), escapes TEXT values (§3.3.11) and writes CRLF. What it leaves out is
// done here: RFC 6868 caret-encoding of parameter values (it refuses a '"' outright, and a CN
// like `"Dr." Müller` is a real name), and folding lines at 75 octets (§3.1), which it does not
// do at all. golang-ical, used before, backslash-escapes parameter values, which no parser reads
// back: python-icalendar dropped such an attendee and ical.js (Thunderbird) read a wrong address.

// inviteUID names one seat holder's calendar entry for one date. It is stable for every later
// invite of the same person on the same date (moved time, new venue, cancellation), so those
// update the one entry the attendee already has. The holder (address and name) is part of it:
// when a seat changes hands the row stays the same, but the newcomer's entry must not be the
// entry the old holder's calendar just saw cancelled (see expander.substituted).
func inviteUID(attendeeID, dateID uint, holder Address, host string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.TrimSpace(holder.Email)) + "\x00" + holder.Name))
	return fmt.Sprintf("attendee-%d-date-%d-%s@%s", attendeeID, dateID, hex.EncodeToString(sum[:4]), host)
}

// inviteInput is what a calendar invite says.
type inviteInput struct {
	UID         string
	Cancel      bool
	Date        model.SeminarDate
	Title       string
	Description string
	Location    string
	Attendee    Address
	Organizer   Address
	Stamp       time.Time
}

// Invite methods (RFC 5546), also the method parameter of the text/calendar MIME type.
const (
	methodRequest = "REQUEST"
	methodCancel  = "CANCEL"
)

// buildInvite renders an iCalendar REQUEST (or CANCEL) for one attendee. Times are written in
// UTC (…Z), which every calendar shows in the reader's own zone without a VTIMEZONE block.
// SEQUENCE is the date's sequence, bumped by every change attendees must hear about; a
// cancellation counts as one more change, so it always wins over the last invite.
func buildInvite(in inviteInput) (*Invite, error) {
	method, seq, status := methodRequest, in.Date.Sequence, "CONFIRMED"
	if in.Cancel {
		method, seq, status = methodCancel, in.Date.Sequence+1, "CANCELLED"
	}
	ev := ical.NewEvent()
	ev.Props.SetText(ical.PropUID, in.UID)
	ev.Props.SetDateTime(ical.PropDateTimeStamp, in.Stamp.UTC())
	setRaw(ev.Props, ical.PropSequence, strconv.Itoa(seq))
	ev.Props.SetDateTime(ical.PropDateTimeStart, in.Date.StartsAt.UTC())
	ev.Props.SetDateTime(ical.PropDateTimeEnd, in.Date.EndsAt.UTC())
	ev.Props.SetText(ical.PropSummary, calendarText(in.Title))
	if in.Location != "" {
		ev.Props.SetText(ical.PropLocation, calendarText(in.Location))
	}
	if in.Description != "" {
		ev.Props.SetText(ical.PropDescription, calendarText(in.Description))
	}
	setRaw(ev.Props, ical.PropStatus, status)
	ev.Props.Add(person(ical.PropOrganizer, in.Organizer, nil))
	ev.Props.Add(person(ical.PropAttendee, in.Attendee, map[string]string{
		ical.ParamParticipationStatus: "NEEDS-ACTION", ical.ParamRSVP: "FALSE",
	}))

	cal := ical.NewCalendar()
	setRaw(cal.Props, ical.PropVersion, "2.0")
	setRaw(cal.Props, ical.PropProductID, "-//seminars//invite//DE")
	setRaw(cal.Props, ical.PropMethod, method)
	cal.Children = append(cal.Children, ev.Component)
	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		// The same input fails the same way on every attempt.
		return nil, fmt.Errorf("%w: calendar invite %s: %v", ErrPermanent, in.UID, err)
	}
	return &Invite{Method: method, UID: in.UID, Content: foldLines(buf.String())}, nil
}

// setRaw sets a property whose value is written as given (a number or an enumerated word).
func setRaw(props ical.Props, name, value string) {
	p := ical.NewProp(name)
	p.Value = value
	props.Set(p)
}

// person is an ORGANIZER or ATTENDEE: the mailto: address with the name in CN.
func person(name string, a Address, params map[string]string) *ical.Prop {
	p := ical.NewProp(name)
	p.Value = "mailto:" + a.Email
	if a.Name != "" {
		p.Params.Set(ical.ParamCommonName, paramValue(a.Name))
	}
	for k, v := range params {
		p.Params.Set(k, v)
	}
	return p
}

// paramValue caret-encodes a parameter value (RFC 6868): ^ → ^^, " → ^', newline → ^n. Other
// control characters have no encoding in a parameter and are dropped (the input side refuses
// them anyway). The encoder then DQUOTE-quotes the value if it contains ":;,".
func paramValue(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '^':
			b.WriteString("^^")
		case r == '"':
			b.WriteString("^'")
		case r == '\n':
			b.WriteString("^n")
		case r == '\t':
			b.WriteRune(r)
		case r == utf8.RuneError, unicode.IsControl(r):
			// no way to write it in a parameter value
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// calendarText prepares a TEXT value for the encoder: line breaks become "\n" (escaped by the
// encoder), other control characters, which a content line cannot carry, are dropped.
func calendarText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r == utf8.RuneError || unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// maxLineOctets is the longest content line RFC 5545 §3.1 allows, without the CRLF.
const maxLineOctets = 75

// foldLines folds every CRLF-terminated content line longer than 75 octets: a CRLF and one
// space go in before the octet that would pass the limit, never inside a UTF-8 sequence (the
// continuation's leading space counts towards its 75). Bytes that are not UTF-8 at all are cut
// at the limit.
func foldLines(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\r\n") {
		body := strings.TrimSuffix(line, "\r\n")
		limit := maxLineOctets
		for len(body) > limit {
			cut := limit
			for cut > limit-utf8.UTFMax && !utf8.RuneStart(body[cut]) {
				cut--
			}
			b.WriteString(body[:cut])
			b.WriteString("\r\n ")
			body = body[cut:]
			limit = maxLineOctets - 1
		}
		b.WriteString(body)
		if strings.HasSuffix(line, "\r\n") {
			b.WriteString("\r\n")
		}
	}
	return b.String()
}
