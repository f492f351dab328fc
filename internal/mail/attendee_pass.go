package mail

import (
	"fmt"
	htmltemplate "html/template"
	"strconv"
	"time"

	"seminars/internal/model"
	"seminars/internal/qr"
	"seminars/internal/secret"
)

// docCheckInQR is the DocumentRef kind of an attendee's check-in QR code, shown inline in the
// HTML part; it is drawn when the message is sent, never stored in the outbox.
const docCheckInQR = "checkin_qr"

// checkInQRContentID is the Content-ID the HTML part's <img src="cid:…"> names.
const checkInQRContentID = "checkin-qr"

// passKinds are the attendee messages that carry the attendee's pass — page link, check-in code
// and its QR code: the first confirmation, the one for a new date, and the reminder before it,
// the mail people look for at the door.
var passKinds = map[string]bool{"attendee_confirmed": true, "attendee_moved": true, "attendee_reminder": true}

// materialsKinds are the attendee messages that link to the materials on the attendee's page:
// those with the pass, and the certificate after the date, when materials released "after the
// date" come.
var materialsKinds = map[string]bool{"attendee_confirmed": true, "attendee_moved": true, "attendee_reminder": true,
	"attendee_certificate": true}

// UseKeyring gives the worker the keyring the attendees' page links and check-in codes are
// derived from. The server secret is loaded after the schema is migrated (app.LoadSecrets),
// after the worker was built; until then attendee mails carry no pass.
func (w *Worker) UseKeyring(keys *secret.Keyring) { w.c.keys = keys }

// attendeePass adds an attendee's pass to a letter of a kind that carries it.
func (c composer) attendeePass(l *letter, a model.Attendee) {
	if c.keys == nil || (!passKinds[l.kind] && !materialsKinds[l.kind]) {
		return
	}
	token := c.keys.AttendeeToken(a.ID, a.SecretRotation)
	page := c.s.BaseURL + languagePrefix(l.lang) + "/a/" + token
	if materialsKinds[l.kind] {
		l.materials, l.materialsToken = page+"#materials", token
	}
	if !passKinds[l.kind] {
		return
	}
	l.pass = &passView{
		URL:   page,
		Code:  c.keys.AttendeeCode(a.ID, a.SecretRotation),
		QR:    checkInQRContentID,
		token: token,
	}
	l.documents = append(l.documents, DocumentRef{
		AttendeeID: a.ID, Rotation: a.SecretRotation, Kind: docCheckInQR, Name: "check-in-" + strconv.FormatUint(uint64(a.ID), 10) + ".png",
	})
}

// passView is the attendee's pass as a message shows it.
type passView struct {
	URL  string // the attendee page (a secret link)
	Code string // the short check-in code the QR code carries
	QR   string // the Content-ID of the inline QR image
	// token is the secret part of URL, removed from the stored body once delivered.
	token string
}

// QRSource is the inline image's address in the HTML part. html/template would refuse a cid:
// URL from a string; the Content-ID is a constant of ours, never input.
func (p passView) QRSource() htmltemplate.URL { return htmltemplate.URL("cid:" + p.QR) }

// checkInQR draws the QR code of the check-in code named by ref, at the rotation the message
// was written with, so the image always matches the code in the text beside it.
func (w *Worker) checkInQR(ref DocumentRef) (Attachment, error) {
	if w.c.keys == nil {
		return Attachment{}, fmt.Errorf("check-in QR code of attendee %d: no keyring", ref.AttendeeID)
	}
	png, err := qr.PNG(w.c.keys.AttendeeCode(ref.AttendeeID, ref.Rotation))
	return Attachment{Name: ref.Name, ContentType: "image/png", Data: png, ContentID: checkInQRContentID}, err
}

// AttendeeCalendar is the calendar entry of an attendee's seat for the attendee page's download:
// the same entry (UID) the confirmation's invite created, so importing it updates that entry.
// b must have its date and seminar loaded.
func (w *Worker) AttendeeCalendar(b model.Booking, a model.Attendee, now time.Time) ([]byte, error) {
	if b.Date == nil {
		return nil, fmt.Errorf("calendar of attendee %d: date not loaded", a.ID)
	}
	t := w.c.i18n.For(b.Language)
	v := view{T: t, Reference: b.Reference}
	w.c.describeDate(&v, t, *b.Date)
	to := Address{Name: a.FullName(), Email: a.Email}
	inv, err := w.c.invite(letter{to: to, date: b.Date, invite: inviteRequest, uid: inviteUID(a.ID, b.DateID, to, w.c.s.host()), now: now}, v)
	if err != nil {
		return nil, err
	}
	return []byte(inv.Content), nil
}
