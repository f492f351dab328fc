package mail_test

import (
	"strings"
	"testing"
	"time"

	"seminars/internal/backoffice"
	"seminars/internal/model"
)

// TestPaymentReminderMail: the reminder tells the billing contact what is still owed on which
// invoice and carries the stored invoice (PDF and XML); recording the payment then sends the
// "payment received" mail, and no later step is reminded. A reminder decided just before the
// money arrived is not sent.
func TestPaymentReminderMail(t *testing.T) {
	cases := []struct {
		name        string
		lang        string
		paidBetween bool // the payment is recorded after the job decided, before the worker wrote the mail
		want        []string
	}{
		{"German", "de", false, []string{"war am", "Offen sind noch 1.166,20 € auf die Rechnung RE-"}},
		{"English", "en", false, []string{"was due on", "Still open: €1,166.20 on invoice RE-"}},
		{"paid in between", "de", true, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			eachEnv(t, func(t *testing.T, e *env) {
				e.useCancellationPolicy()
				date := e.seedDate(model.FormatOnline, e.now.Add(60*24*time.Hour).Truncate(time.Hour))
				res := e.reserve(date.ID, tc.lang, [2]string{"Anna", "anna@muster.example"}, [2]string{"Ben", "ben@muster.example"})
				e.run(e.now.Add(time.Minute))
				before := len(e.inbox()["billing@muster.example"])
				office := backoffice.New(e.st, e.book, nil, e.clock)
				reminders := backoffice.NewPaymentReminders(e.st, model.ReminderSchedule{Days: []int{7, 14}, Max: 2}, e.berlin, e.clock)

				e.now = e.now.Add(21 * 24 * time.Hour) // 14 days' term, then 7
				if n, err := reminders.Send(e.ctx); err != nil || n != 1 {
					t.Fatalf("%d reminders (%v), want 1", n, err)
				}
				pay := func() {
					today := e.now.In(e.berlin).Format(time.DateOnly)
					if _, err := office.RecordPayment(e.ctx, "owner@example.com", res.Booking.Reference,
						model.PaymentInput{AmountCents: res.Booking.GrossCents, PaidOn: today, Method: "bank_transfer"}); err != nil {
						t.Fatal(err)
					}
				}
				if tc.paidBetween {
					pay()
				}
				e.run(e.now.Add(time.Minute))
				e.run(e.now.Add(2 * time.Minute))
				got := e.inbox()["billing@muster.example"][before:]
				if tc.paidBetween {
					if len(got) != 1 || !strings.Contains(got[0].Subject, "Zahlung erhalten") {
						t.Fatalf("got %d mails %v, want only the payment received", len(got), subjects(got))
					}
					return
				}
				if len(got) != 1 {
					t.Fatalf("billing contact got %d mails %v, want the reminder", len(got), subjects(got))
				}
				m := got[0]
				docs, _ := e.st.InvoicesForBooking(e.ctx, res.Booking.ID)
				inv := docs[0]
				if !strings.Contains(m.Subject, inv.Number) {
					t.Errorf("subject %q lacks %s", m.Subject, inv.Number)
				}
				text := strings.Join(strings.Fields(m.Text), " ")
				for _, w := range tc.want {
					if !strings.Contains(text, w) {
						t.Errorf("text lacks %q:\n%s", w, text)
					}
				}
				files := map[string]string{}
				for _, f := range m.Files {
					files[f.Name] = f.Data
				}
				if len(files) != 2 || files[inv.Number+".pdf"] != string(issuedFile(t, e, inv.ID, model.DocumentPDF)) ||
					files[inv.Number+".xml"] != string(issuedFile(t, e, inv.ID, model.DocumentXML)) {
					t.Errorf("attachments %v, want the stored %s PDF and XML", names(m.Files), inv.Number)
				}

				pay()
				e.run(e.now.Add(3 * time.Minute))
				e.now = e.now.Add(7 * 24 * time.Hour) // step 2's day
				if n, err := reminders.Send(e.ctx); err != nil || n != 0 {
					t.Fatalf("after payment: %d reminders (%v)", n, err)
				}
				e.run(e.now.Add(time.Minute))
				got = e.inbox()["billing@muster.example"][before:]
				wantReceived := map[string]string{"de": "Zahlung erhalten", "en": "Payment received"}[tc.lang]
				if len(got) != 2 || !strings.Contains(got[1].Subject, wantReceived) {
					t.Fatalf("after the payment: mails %v, want the reminder and %q", subjects(got), wantReceived)
				}
			})
		})
	}
}

func subjects(ms []parsedMail) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Subject)
	}
	return out
}
