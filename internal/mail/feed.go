package mail

import (
	"bytes"
	"fmt"
	"strconv"
	"time"

	ical "github.com/emersion/go-ical"
)

// FeedEvent is one date in a subscribed calendar feed (the trainer's calendar): no organizer and
// no attendees, since nobody is invited by it.
type FeedEvent struct {
	UID          string
	Sequence     int64
	Start, End   time.Time
	Title        string
	Location     string
	Description  string
	URL          string // a page about the event (the date in the back office), or ""
	Cancelled    bool
	LastModified time.Time
}

// BuildFeed renders a published calendar (RFC 5545, no METHOD: it is subscribed to, not sent as
// an invitation) with the same encoder, escaping and line folding as the invites. name is the
// calendar's display name (X-WR-CALNAME, read by Apple, Google and Thunderbird).
func BuildFeed(name string, events []FeedEvent, stamp time.Time) ([]byte, error) {
	cal := ical.NewCalendar()
	setRaw(cal.Props, ical.PropVersion, "2.0")
	setRaw(cal.Props, ical.PropProductID, "-//seminars//trainer calendar//DE")
	cal.Props.SetText("X-WR-CALNAME", calendarText(name))
	for _, e := range events {
		ev := ical.NewEvent()
		ev.Props.SetText(ical.PropUID, e.UID)
		ev.Props.SetDateTime(ical.PropDateTimeStamp, stamp.UTC())
		setRaw(ev.Props, ical.PropSequence, strconv.FormatInt(e.Sequence, 10))
		ev.Props.SetDateTime(ical.PropLastModified, e.LastModified.UTC())
		ev.Props.SetDateTime(ical.PropDateTimeStart, e.Start.UTC())
		ev.Props.SetDateTime(ical.PropDateTimeEnd, e.End.UTC())
		ev.Props.SetText(ical.PropSummary, calendarText(e.Title))
		if e.Location != "" {
			ev.Props.SetText(ical.PropLocation, calendarText(e.Location))
		}
		if e.Description != "" {
			ev.Props.SetText(ical.PropDescription, calendarText(e.Description))
		}
		if e.URL != "" {
			p := ical.NewProp(ical.PropURL)
			p.Value = e.URL
			ev.Props.Set(p)
		}
		status := "CONFIRMED"
		if e.Cancelled {
			status = "CANCELLED"
		}
		setRaw(ev.Props, ical.PropStatus, status)
		cal.Children = append(cal.Children, ev.Component)
	}
	if len(events) == 0 {
		cal.Children = append(cal.Children, utcTimezone())
	}
	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		return nil, fmt.Errorf("calendar feed: %w", err)
	}
	return []byte(foldLines(buf.String())), nil
}

// utcTimezone is the one component an empty feed carries: RFC 5545 wants at least one component
// in a calendar (go-ical refuses to write none), and a definition of UTC — the zone every time in
// the feed is written in — is true and shows nothing, unlike a placeholder event.
func utcTimezone() *ical.Component {
	tz := ical.NewComponent(ical.CompTimezone)
	tz.Props.SetText(ical.PropTimezoneID, "UTC")
	std := ical.NewComponent(ical.CompTimezoneStandard)
	setRaw(std.Props, ical.PropDateTimeStart, "19700101T000000")
	setRaw(std.Props, ical.PropTimezoneOffsetFrom, "+0000")
	setRaw(std.Props, ical.PropTimezoneOffsetTo, "+0000")
	std.Props.SetText(ical.PropTimezoneName, "UTC")
	tz.Children = append(tz.Children, std)
	return tz
}
