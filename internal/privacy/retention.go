package privacy

import (
	"context"
	"encoding/json"
	"time"

	"seminars/internal/mail"
	"seminars/internal/model"
	"seminars/internal/store"
)

// retentionJob names the daily run in its claim row.
const retentionJob = "retention"

// Retention counts what one run of the retention job deleted.
type Retention struct {
	Day            string // the calendar day (in the service's zone) the run was for
	WaitingList    int64
	Inquiries      int64
	MailBodies     int64 // bodies removed from delivered mails
	Sessions       int64
	SignInFailures int64
	Documents      int64 // invoices and credit notes purged with their PDF and XML
	Offers         int64 // in-house offers (business letters) purged with their PDF
	// SensitiveAnswers are attendees' answers to sensitive questions (Art. 9 GDPR) whose date
	// has ended: they were given only to organise it.
	SensitiveAnswers int64
}

// Cutoffs are the moments before which each kind of data goes, for a run at now.
type Cutoffs struct {
	Waitlist, Inquiry, Mail, BusinessLetter, SignIn time.Time
	// Invoice is the start of the calendar year (in the service's zone) retention_invoice_years
	// before now's: a document issued before it has been kept its years from the end of its
	// year of issue.
	Invoice time.Time
}

// Cutoffs returns the moments before which the run at now deletes.
func (s *Service) Cutoffs(now time.Time) Cutoffs {
	local := now.In(s.s.Location)
	return Cutoffs{
		Waitlist:       now.AddDate(0, -s.s.WaitlistMonths, 0),
		Inquiry:        now.AddDate(0, -s.s.InquiryMonths, 0),
		Mail:           now.AddDate(0, 0, -s.s.MailDays),
		BusinessLetter: now.AddDate(-s.s.BusinessLetterYears, 0, 0),
		SignIn:         now.Add(-s.s.SignInWindow),
		Invoice:        time.Date(local.Year()-s.s.InvoiceYears, time.January, 1, 0, 0, 0, 0, s.s.Location),
	}
}

// RunRetention deletes, in one transaction, what is kept no longer at now: waiting-list entries
// and in-house inquiries past their months, the bodies of delivered mails past their days (business
// letters past their years), attendees' answers to sensitive questions once their date has ended,
// expired back-office sessions and old sign-in failures, in-house offers past the business
// letters' years, and invoices
// and credit notes past their retention (unless their booking is under a legal hold). It runs at
// most once per calendar day per database: ran is false when another round (this or another
// instance) already did the day.
func (s *Service) RunRetention(ctx context.Context, now time.Time) (r Retention, ran bool, err error) {
	c := s.Cutoffs(now)
	r.Day = now.In(s.s.Location).Format("2006-01-02")
	err = s.store.WithTx(ctx, func(tx *store.Tx) error {
		r = Retention{Day: r.Day}
		var err error
		if ran, err = tx.ClaimDailyRun(ctx, retentionJob, r.Day); err != nil || !ran {
			return err
		}
		if r.WaitingList, err = tx.DeleteWaitlistEntriesBefore(ctx, c.Waitlist); err != nil {
			return err
		}
		if r.Inquiries, err = tx.DeleteInquiriesBefore(ctx, c.Inquiry); err != nil {
			return err
		}
		if r.MailBodies, err = scrubMailBodies(ctx, tx, c, now); err != nil {
			return err
		}
		if r.Sessions, err = tx.CountExpiredStaffSessions(ctx, now, s.s.SessionIdle); err != nil {
			return err
		}
		if err = tx.DeleteExpiredStaffSessions(ctx, now, s.s.SessionIdle); err != nil {
			return err
		}
		if r.SignInFailures, err = tx.DeleteLoginFailuresBefore(ctx, c.SignIn); err != nil {
			return err
		}
		if r.SensitiveAnswers, err = tx.DeleteSensitiveAnswersEndedBefore(ctx, now); err != nil {
			return err
		}
		if r.Offers, err = tx.PurgeOffersIssuedBefore(ctx, c.BusinessLetter); err != nil {
			return err
		}
		r.Documents, err = tx.PurgeInvoicesIssuedBefore(ctx, c.Invoice)
		return err
	})
	if err != nil {
		return Retention{}, false, err
	}
	return r, ran, nil
}

// scrubMailBodies removes subject line aside, the body, invite and attachments of delivered
// mails past their retention, keeping the record that a message went to whom and when.
func scrubMailBodies(ctx context.Context, tx *store.Tx, c Cutoffs, now time.Time) (int64, error) {
	items, err := tx.OutboxItemsDoneBefore(ctx, model.TopicMailSend, c.Mail)
	if err != nil {
		return 0, err
	}
	var n int64
	for _, item := range items {
		m, ok := decodeMail(item)
		if !ok {
			continue
		}
		// Scrubbed alone does not mean the body is gone: a delivered confirmation keeps its body
		// with the secrets replaced. A row from before body_removed existed whose body is gone
		// is marked, so the next runs no longer read it, but not counted.
		had := m.HasBody()
		if had && mail.IsBusinessLetter(m.Kind) && !item.DoneAt.Before(c.BusinessLetter) {
			continue // a business letter is kept reproducible for its years
		}
		m.RemoveBody()
		payload, err := json.Marshal(m)
		if err != nil {
			return n, err
		}
		if err := tx.SetOutboxPayload(ctx, item.ID, string(payload), now); err != nil {
			return n, err
		}
		if had {
			n++
		}
	}
	return n, nil
}
