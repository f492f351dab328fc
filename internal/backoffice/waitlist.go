package backoffice

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/secret"
	"seminars/internal/store"
)

// WaitlistSettings shape the waiting list.
type WaitlistSettings struct {
	OfferDuration time.Duration // how long an offer holds its seats
	BaseURL       string        // for the offer link in the mail
	MaxSeats      int           // most seats one entry may wait for
}

// Waitlist runs the waiting list: first come, first served. When seats are free on a date, the
// first entry in line gets an offer that holds its seats (taken like a booking's, so nobody
// else can book them) until the offer runs out; then the seats go back and the next in line
// gets the offer.
type Waitlist struct {
	store    *store.Store
	bookings *booking.Service
	settings WaitlistSettings
	now      func() time.Time
	log      *slog.Logger
	keys     *secret.Keyring // for the leave links (UseKeyring)
}

// NewWaitlist returns the waiting list service.
func NewWaitlist(st *store.Store, bookings *booking.Service, settings WaitlistSettings, now func() time.Time, log *slog.Logger) *Waitlist {
	return &Waitlist{store: st, bookings: bookings, settings: settings, now: now, log: log}
}

// Join puts someone in line for a date that takes bookings.
func (w *Waitlist) Join(ctx context.Context, e *model.WaitlistEntry) error {
	if e.Seats < 1 || e.Seats > w.settings.MaxSeats {
		return &model.ValidationError{Fields: map[string]string{"seats": "waitlist.error.seats"}}
	}
	if w.keys == nil {
		return errors.New("waitlist: no keyring for the leave link (UseKeyring)")
	}
	e.EmailKey = model.EmailKey(e.Email)
	err := w.store.WithTx(ctx, func(tx *store.Tx) error {
		d, err := tx.DateByID(ctx, e.DateID)
		if err != nil {
			return err
		}
		if !d.Bookable(w.now()) {
			return fmt.Errorf("date %d: %w", d.ID, model.ErrNotBookable)
		}
		if err := refuseSecondPlace(ctx, tx, *e); err != nil {
			return err
		}
		e.Status = model.WaitlistWaiting
		if err := tx.CreateWaitlistEntry(ctx, e); err != nil {
			if store.IsUniqueViolation(err) {
				return errAlreadyInLine // a second join at the same moment, caught by the unique index
			}
			return err
		}
		err = booking.Notify(ctx, tx, fmt.Sprint(e.ID), model.EventPayload{
			Event: model.EventWaitlistJoined, DateID: e.DateID, Lang: e.Language,
			Extra: model.EventExtra{Name: e.Name, Email: e.Email, Seats: e.Seats, URL: w.LeaveURL(e.ID)},
		})
		if err != nil {
			return err
		}
		_, err = w.offerFreeSeatsInTx(ctx, tx, e.DateID) // seats may be free already
		return err
	})
	return err
}

// errAlreadyInLine refuses a second place in a date's line for the same address.
var errAlreadyInLine = &model.ValidationError{Fields: map[string]string{"email": "waitlist.error.duplicate"}}

// refuseSecondPlace refuses an entry for an address (compared as model.EmailKey) already in line
// for the date. Entries from before the key was stored are compared here too.
func refuseSecondPlace(ctx context.Context, tx *store.Tx, e model.WaitlistEntry) error {
	line, err := tx.WaitlistForDate(ctx, e.DateID)
	if err != nil {
		return err
	}
	for _, other := range line {
		if other.InLine() && model.EmailKey(other.Email) == e.EmailKey {
			return errAlreadyInLine
		}
	}
	return nil
}

// UseKeyring gives the waiting list the keyring its leave links are derived from (built after
// the schema is migrated, see app.LoadSecrets).
func (w *Waitlist) UseKeyring(k *secret.Keyring) { w.keys = k }

// leavePurpose names the leave link's secret among the keyring's derivations.
const leavePurpose = "waitlist-leave"

// LeaveURL is the link with which someone leaves the waiting list, without an account: the
// entry's id and a secret derived from it, so the confirmation can carry it and no hash needs
// storing.
func (w *Waitlist) LeaveURL(id uint) string {
	return fmt.Sprintf("%s/waitlist/leave/%d/%s", w.settings.BaseURL, id, w.keys.Derive(leavePurpose, fmt.Sprint(id), 0))
}

// Leaving returns the entry a leave link belongs to; a wrong secret is model.ErrNotFound.
func (w *Waitlist) Leaving(ctx context.Context, id uint, token string) (model.WaitlistEntry, error) {
	if w.keys == nil || !w.keys.Matches(token, leavePurpose, fmt.Sprint(id), 0) {
		return model.WaitlistEntry{}, fmt.Errorf("waitlist leave link %d: %w", id, model.ErrNotFound)
	}
	return w.store.WaitlistEntryByID(ctx, id)
}

// Leave takes an entry out of line (withdrawn). An offer it held gives its seats back, and they
// are offered to the next in line in the same transaction. Leaving twice, or after the entry was
// booked or its offer ran out, changes nothing; it returns the entry as it now is.
func (w *Waitlist) Leave(ctx context.Context, id uint, token string) (model.WaitlistEntry, error) {
	e, err := w.Leaving(ctx, id, token)
	if err != nil || !e.InLine() {
		return e, err
	}
	err = w.store.WithTx(ctx, func(tx *store.Tx) error {
		from := e.Status
		left := e
		left.Status = model.WaitlistWithdrawn
		moved, err := tx.MoveWaitlistEntry(ctx, &left, from)
		if err != nil || !moved {
			return err // an offer accepted or run out at this moment: left as that made it
		}
		e = left
		if from == model.WaitlistOffered {
			if err := tx.ReleaseSeats(ctx, e.DateID, e.Seats); err != nil {
				return err
			}
		}
		_, err = w.offerFreeSeatsInTx(ctx, tx, e.DateID)
		return err
	})
	return e, err
}

// Process ends the offers that ran out and makes new offers where seats are free. It is run
// every minute and after changes that free seats; running it twice at once is safe.
func (w *Waitlist) Process(ctx context.Context) (offered int, err error) {
	if err := w.expireOffers(ctx); err != nil {
		return 0, err
	}
	dates, err := w.store.DatesWithWaiting(ctx)
	if err != nil {
		return 0, err
	}
	for _, dateID := range dates {
		for {
			ok, err := w.offerNext(ctx, dateID)
			if err != nil {
				return offered, err
			}
			if !ok {
				break
			}
			offered++
		}
	}
	return offered, nil
}

func (w *Waitlist) expireOffers(ctx context.Context) error {
	expired, err := w.store.ExpiredOffers(ctx, w.now())
	if err != nil {
		return err
	}
	for _, e := range expired {
		if err := w.store.WithTx(ctx, func(tx *store.Tx) error { return expireOffer(ctx, tx, e) }); err != nil {
			return err
		}
	}
	return nil
}

// expireOffer ends an offer that ran out and gives its seats back, unless it changed meanwhile.
func expireOffer(ctx context.Context, tx *store.Tx, e model.WaitlistEntry) error {
	e.Status = model.WaitlistExpired
	moved, err := tx.MoveWaitlistEntry(ctx, &e, model.WaitlistOffered)
	if err != nil || !moved {
		return err
	}
	return tx.ReleaseSeats(ctx, e.DateID, e.Seats)
}

// offerFreeSeatsInTx is Process for one date inside tx: a use case that frees seats on a date
// (a cancellation, a move, more capacity) offers them in its own transaction, so the offer's
// mail is in the outbox exactly when the seats were freed. Ran-out offers on the date end
// first, so their seats are offered too.
func (w *Waitlist) offerFreeSeatsInTx(ctx context.Context, tx *store.Tx, dateID uint) (offered int, err error) {
	if w == nil {
		return 0, nil // a service built without a waiting list (the command line, tests)
	}
	expired, err := tx.ExpiredOffers(ctx, w.now())
	if err != nil {
		return 0, err
	}
	for _, e := range expired {
		if e.DateID != dateID {
			continue
		}
		if err := expireOffer(ctx, tx, e); err != nil {
			return 0, err
		}
	}
	for {
		ok, err := w.offerNextInTx(ctx, tx, dateID)
		if err != nil || !ok {
			return offered, err
		}
		offered++
	}
}

// offerNext offers the first in line on a date its seats, if that many are free. Strictly in
// order: someone waiting for 3 seats is not skipped for someone behind them waiting for 1.
func (w *Waitlist) offerNext(ctx context.Context, dateID uint) (offered bool, err error) {
	err = w.store.WithTx(ctx, func(tx *store.Tx) error {
		offered, err = w.offerNextInTx(ctx, tx, dateID)
		return err
	})
	return offered, err
}

// offerNextInTx is offerNext inside tx.
func (w *Waitlist) offerNextInTx(ctx context.Context, tx *store.Tx, dateID uint) (bool, error) {
	now := w.now().UTC()
	d, err := tx.DateByID(ctx, dateID)
	if err != nil || !d.Bookable(now) {
		return false, err
	}
	e, err := tx.FirstWaiting(ctx, dateID)
	if errors.Is(err, model.ErrNotFound) || (err == nil && e.Seats > d.SeatsLeft()) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := tx.TakeSeats(ctx, dateID, e.Seats); err != nil {
		if _, soldOut := booking.IsSoldOut(err); soldOut {
			return false, nil
		}
		return false, err
	}
	token, hash, err := offerSecret()
	if err != nil {
		return false, err
	}
	expires := now.Add(w.settings.OfferDuration)
	e.Status, e.OfferTokenHash, e.OfferedAt, e.OfferExpiresAt = model.WaitlistOffered, hash, &now, &expires
	if moved, err := tx.MoveWaitlistEntry(ctx, &e, model.WaitlistWaiting); err != nil || !moved {
		return false, err
	}
	// The mail worker writes the offer from these.
	return true, booking.Notify(ctx, tx, fmt.Sprintf("waitlist-%d", e.ID), model.EventPayload{
		Event: model.EventWaitlistOffer, DateID: dateID, Lang: e.Language,
		Extra: model.EventExtra{
			Name: e.Name, Email: e.Email, Seats: e.Seats,
			URL: w.settings.BaseURL + "/waitlist/offer/" + token, Until: expires.Format(time.RFC3339),
		},
	})
}

// Offer returns the entry an offer link belongs to (any status; the page says what it means).
func (w *Waitlist) Offer(ctx context.Context, token string) (model.WaitlistEntry, error) {
	if token == "" {
		return model.WaitlistEntry{}, model.ErrNotFound
	}
	return w.store.WaitlistEntryByOfferHash(ctx, hashOffer(token))
}

// OfferOpen tells whether an offer can still be accepted at now.
func OfferOpen(e model.WaitlistEntry, now time.Time) bool {
	return e.Status == model.WaitlistOffered && e.OfferExpiresAt != nil && now.Before(*e.OfferExpiresAt)
}

// Accept books the seats an offer holds, in the booking's own transaction: the offer gives its
// seats to the booking first (booking.Request.Prepare), so nobody else can take them in between,
// and records the booking's reference last (Request.Finish); if the booking fails, the rollback
// leaves the offer as it was.
func (w *Waitlist) Accept(ctx context.Context, token string, req booking.Request) (booking.Result, error) {
	e, err := w.Offer(ctx, token)
	if err != nil {
		return booking.Result{}, err
	}
	if !OfferOpen(e, w.now()) {
		return booking.Result{}, fmt.Errorf("waitlist offer %d (%s): %w", e.ID, e.Status, model.ErrInvalidTransition)
	}
	if len(req.Attendees) > e.Seats {
		return booking.Result{}, &model.ValidationError{Fields: map[string]string{"attendees": "waitlist.error.too_many"}}
	}
	req.DateID = e.DateID
	req.Prepare = func(ctx context.Context, tx *store.Tx) error { return handOver(ctx, tx, e) }
	req.Finish = func(ctx context.Context, tx *store.Tx, b model.Booking) error {
		e.Status, e.BookingReference = model.WaitlistBooked, b.Reference
		_, err := tx.MoveWaitlistEntry(ctx, &e, model.WaitlistBooked)
		return err
	}
	return w.bookings.Reserve(ctx, req)
}

// handOver marks the offer booked and gives its seats back for the booking to take, inside the
// booking's transaction.
func handOver(ctx context.Context, tx *store.Tx, e model.WaitlistEntry) error {
	e.Status = model.WaitlistBooked
	moved, err := tx.MoveWaitlistEntry(ctx, &e, model.WaitlistOffered)
	if err != nil {
		return err
	}
	if !moved {
		return fmt.Errorf("waitlist offer %d: %w", e.ID, model.ErrInvalidTransition)
	}
	return tx.ReleaseSeats(ctx, e.DateID, e.Seats)
}

func offerSecret() (token, hash string, err error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", "", err
	}
	token = base64.RawURLEncoding.EncodeToString(raw)
	return token, hashOffer(token), nil
}

func hashOffer(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
