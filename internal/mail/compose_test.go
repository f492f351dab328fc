package mail

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
)

// TestComposeRefusesWhatNoHeaderCarries: a recipient that cannot be written is a permanent
// error (the worker parks it), not one that is retried forever.
func TestComposeRefusesWhatNoHeaderCarries(t *testing.T) {
	cases := []struct {
		name string
		msg  Message
	}{
		{"name not valid UTF-8", Message{From: "Seminare <seminare@example.com>", To: Address{Name: "Firma\xff\xfe", Email: "a@example.com"}}},
		{"address with a space", Message{From: "Seminare <seminare@example.com>", To: Address{Name: "A", Email: "a b@example.com"}}},
		{"address with angle brackets", Message{From: "Seminare <seminare@example.com>", To: Address{Name: "A", Email: "a@example.com> <b@example.com"}}},
		{"empty address", Message{From: "Seminare <seminare@example.com>", To: Address{Name: "A"}}},
		{"sender not an address", Message{From: "Seminare", To: Address{Name: "A", Email: "a@example.com"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := compose(tc.msg)
			if !errors.Is(err, ErrPermanent) {
				t.Fatalf("compose: %v, want ErrPermanent", err)
			}
		})
	}
}

// TestInviteMIMEParts checks how an invite travels: as a text/calendar alternative and an
// invite.ics attachment, both typed text/calendar with charset UTF-8 and the method, both
// base64, and both decoding to exactly the bytes built (CRLF and folding intact).
func TestInviteMIMEParts(t *testing.T) {
	start := time.Date(2027, time.January, 12, 8, 0, 0, 0, time.UTC)
	for _, cancel := range []bool{false, true} {
		name, method := "request", "REQUEST"
		if cancel {
			name, method = "cancel", "CANCEL"
		}
		t.Run(name, func(t *testing.T) {
			inv, err := buildInvite(inviteInput{UID: "u@seminare.example", Cancel: cancel,
				Date:  model.SeminarDate{StartsAt: start, EndsAt: start.Add(7 * time.Hour)},
				Title: "Über " + strings.Repeat("Social Media ", 8), Attendee: Address{Name: "Müller, Anna", Email: "anna@example.com"},
				Organizer: Address{Name: "Seminare", Email: "seminare@example.com"}, Stamp: start})
			if err != nil {
				t.Fatal(err)
			}
			msg, err := compose(Message{MessageID: "m@seminare.example", Date: start, From: "Seminare <seminare@example.com>",
				To: Address{Name: "Müller, Anna", Email: "anna@example.com"}, Subject: "Einladung", Lang: "de",
				Text: "Text", HTML: "<p>HTML</p>", Invite: inv})
			if err != nil {
				t.Fatal(err)
			}
			var raw bytes.Buffer
			if _, err := msg.WriteTo(&raw); err != nil {
				t.Fatal(err)
			}
			parts := calendarParts(t, raw.Bytes())
			if len(parts) != 2 {
				t.Fatalf("%d text/calendar parts, want the alternative and the attachment", len(parts))
			}
			for _, p := range parts {
				mt, params, err := mime.ParseMediaType(p.contentType)
				if err != nil || mt != "text/calendar" || !strings.EqualFold(params["charset"], "utf-8") || params["method"] != method {
					t.Errorf("part typed %q, want text/calendar; charset=UTF-8; method=%s", p.contentType, method)
				}
				if !strings.EqualFold(p.encoding, "base64") {
					t.Errorf("part %q encoded %q, want base64", p.contentType, p.encoding)
				}
				if p.body != inv.Content {
					t.Errorf("part %q decodes to\n%q\nwant\n%q", p.contentType, p.body, inv.Content)
				}
			}
			if parts[0].disposition != "" {
				t.Errorf("the alternative has a disposition %q, want none (inline)", parts[0].disposition)
			}
			if _, dp, err := mime.ParseMediaType(parts[1].disposition); err != nil || dp["filename"] != "invite.ics" ||
				!strings.HasPrefix(parts[1].disposition, "attachment") {
				t.Errorf("attachment disposition %q, want attachment; filename=invite.ics", parts[1].disposition)
			}
		})
	}
}

type mimePart struct {
	contentType, encoding, disposition, body string
}

// calendarParts lists the text/calendar parts of a raw message, depth first, bodies decoded.
func calendarParts(t *testing.T, raw []byte) []mimePart {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	var out []mimePart
	var walk func(ct, enc, disp string, body io.Reader)
	walk = func(ct, enc, disp string, body io.Reader) {
		mt, params, err := mime.ParseMediaType(ct)
		if err != nil {
			t.Fatalf("content type %q: %v", ct, err)
		}
		if strings.HasPrefix(mt, "multipart/") {
			mr := multipart.NewReader(body, params["boundary"])
			for {
				p, err := mr.NextRawPart()
				if err == io.EOF {
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				walk(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p.Header.Get("Content-Disposition"), p)
			}
		}
		if mt != "text/calendar" {
			return
		}
		var r = body
		if strings.EqualFold(enc, "base64") {
			r = base64.NewDecoder(base64.StdEncoding, body)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, mimePart{contentType: ct, encoding: enc, disposition: disp, body: string(b)})
	}
	walk(m.Header.Get("Content-Type"), m.Header.Get("Content-Transfer-Encoding"), "", m.Body)
	return out
}
