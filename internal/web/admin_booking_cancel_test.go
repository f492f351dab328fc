package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

func TestAdminBookingCancel(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 5})
	b := env.book(date.ID, "Muster GmbH", "Anna Schmidt", "Berta Meier")
	page := "/admin/bookings/" + b.Reference + "/cancel"
	assistant := env.signedIn("assistant@example.com")
	if res, _ := assistant.get(page); res.StatusCode != http.StatusForbidden {
		t.Fatalf("assistant sees the cancel page: %d", res.StatusCode)
	}
	if res, _ := assistant.post("/admin/bookings", page, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("assistant cancels: %d", res.StatusCode)
	}
	owner := env.signedIn("owner@example.com")
	res, body := owner.get(page)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "2 Personen verlieren ihren Platz") || !strings.Contains(body, "Keine Erstattung") {
		t.Fatalf("preview: %d\n%s", res.StatusCode, excerpt(body))
	}
	if res, _ := owner.post(page, page, nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("cancel: %d", res.StatusCode)
	}
	got, _ := env.st.BookingByReference(context.Background(), b.Reference)
	d, _ := env.st.DateByID(context.Background(), date.ID)
	if got.Status != model.BookingCancelled || d.SeatsTaken != 0 {
		t.Fatalf("status %s, seats taken %d", got.Status, d.SeatsTaken)
	}
	if _, audit := owner.get("/admin/audit"); !strings.Contains(audit, "Buchung storniert") {
		t.Fatal("the cancellation is not in the audit log")
	}
	if res, _ := owner.post(page, page, nil); res.StatusCode == http.StatusSeeOther {
		t.Fatal("a cancelled booking was cancelled again")
	}
}
