package mail_test

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"
)

// parsedMail is a received message taken apart the way a mail client would.
type parsedMail struct {
	Header   mail.Header
	To       []string
	Subject  string
	Text     string
	HTML     string
	Calendar string // the text/calendar alternative
	CalType  string
	ICSFile  string // the invite.ics attachment
	ICSType  string // its Content-Type
	Files    []attachedFile
	Raw      string
}

// attachedFile is a part sent as an attachment with a file name.
type attachedFile struct {
	Name, Type, Data string
}

func parseMail(t testing.TB, r received) parsedMail {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(r.Raw))
	if err != nil {
		t.Fatalf("read message: %v", err)
	}
	p := parsedMail{Header: m.Header, To: r.To, Raw: string(r.Raw)}
	dec := new(mime.WordDecoder)
	if p.Subject, err = dec.DecodeHeader(m.Header.Get("Subject")); err != nil {
		t.Fatalf("subject: %v", err)
	}
	walkPart(t, &p, m.Header.Get("Content-Type"), m.Header.Get("Content-Transfer-Encoding"), "", m.Body)
	return p
}

func walkPart(t testing.TB, p *parsedMail, contentType, encoding, disposition string, body io.Reader) {
	t.Helper()
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		t.Fatalf("content type %q: %v", contentType, err)
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			part, err := mr.NextRawPart()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Fatalf("multipart: %v", err)
			}
			walkPart(t, p, part.Header.Get("Content-Type"), part.Header.Get("Content-Transfer-Encoding"),
				part.Header.Get("Content-Disposition"), part)
		}
	}
	content := decodeBody(t, encoding, body)
	if _, dp, err := mime.ParseMediaType(disposition); err == nil && dp["filename"] != "" {
		p.Files = append(p.Files, attachedFile{Name: dp["filename"], Type: mediaType, Data: content})
	}
	switch {
	case strings.Contains(disposition, "invite.ics"):
		p.ICSFile, p.ICSType = content, contentType
	case mediaType == "text/plain":
		p.Text = content
	case mediaType == "text/html":
		p.HTML = content
	case mediaType == "text/calendar":
		p.Calendar, p.CalType = content, contentType
	}
}

func decodeBody(t testing.TB, encoding string, body io.Reader) string {
	t.Helper()
	var r io.Reader = body
	switch strings.ToLower(encoding) {
	case "quoted-printable":
		r = quotedprintable.NewReader(body)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, body)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decode %s: %v", encoding, err)
	}
	return string(b)
}
