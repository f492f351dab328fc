package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// loadCapacity is the load-test date's capacity: more seats than any run books, so no booking
// is refused as sold out (the max_capacity setting allows up to 100,000 by default).
const loadCapacity = 100_000

// firstSeminar returns the id and slug of the catalogue's first seminar (GET /api/v1/seminars).
func firstSeminar(ctx context.Context, base string) (id uint, slug string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/v1/seminars", nil)
	if err != nil {
		return 0, "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	var list struct {
		Seminars []struct {
			ID   uint   `json:"id"`
			Slug string `json:"slug"`
		} `json:"seminars"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		return 0, "", fmt.Errorf("GET /api/v1/seminars: %w", err)
	}
	if len(list.Seminars) == 0 {
		return 0, "", errors.New("the catalogue has no seminar")
	}
	return list.Seminars[0].ID, list.Seminars[0].Slug, nil
}

// createLoadDate creates an online date of the seminar with loadCapacity seats through the
// admin API, 90 days after now, and returns its id.
func createLoadDate(ctx context.Context, base, token string, seminarID uint, now time.Time) (uint, error) {
	start := now.Add(90 * 24 * time.Hour).UTC().Truncate(time.Hour)
	body, err := json.Marshal(map[string]any{
		"starts_at": start.Format(time.RFC3339), "ends_at": start.Add(8 * time.Hour).Format(time.RFC3339),
		"capacity": loadCapacity, "price_net_cents": 49000, "format": "online",
		"online_url": "https://meet.example/loadtest",
	})
	if err != nil {
		return 0, err
	}
	url := base + "/api/v1/admin/seminars/" + strconv.FormatUint(uint64(seminarID), 10) + "/dates"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusCreated {
		return 0, fmt.Errorf("create the load-test date (capacity %d): %d %s", loadCapacity, resp.StatusCode, raw)
	}
	var created struct {
		ID uint `json:"id"`
	}
	if err := json.Unmarshal(raw, &created); err != nil || created.ID == 0 {
		return 0, fmt.Errorf("create the load-test date: no id in %s", raw)
	}
	return created.ID, nil
}

// bookingTargeter posts one confirmed invoice booking per request on the date, each with one
// attendee whose e-mail address no other request uses (an attendee books a date once).
func bookingTargeter(base string, dateID uint, run string) vegeta.Targeter {
	var n atomic.Uint64
	header := http.Header{"Content-Type": {"application/json"}}
	return func(t *vegeta.Target) error {
		i := n.Add(1)
		body, err := json.Marshal(map[string]any{
			"date_id": dateID, "payment_method": "invoice",
			"attendees": []map[string]string{{"first_name": "Last", "last_name": "Test " + strconv.FormatUint(i, 10),
				"email": fmt.Sprintf("load-%s-%d@example.com", run, i)}},
			"billing": map[string]string{"company": "Lasttest GmbH", "name": "Erika Mustermann",
				"email": "buchhaltung@example.com", "street": "Königsallee 5", "postal_code": "40212",
				"city": "Düsseldorf", "country": "DE"},
		})
		if err != nil {
			return err
		}
		*t = vegeta.Target{Method: http.MethodPost, URL: base + "/api/v1/bookings", Body: body, Header: header}
		return nil
	}
}

// confirmedBooking accepts 201 with status confirmed, the answer to an invoice booking.
func confirmedBooking(r *vegeta.Result) string {
	if r.Code != http.StatusCreated || !bytes.Contains(r.Body, []byte(`"status":"confirmed"`)) {
		return fmt.Sprintf("status %d: %.200s", r.Code, r.Body)
	}
	return ""
}
