package booking

import (
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
)

func TestCheckoutInputDescribesTheBooking(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	s := &Service{pay: PaymentSettings{BaseURL: "https://seminare.example", Currency: "EUR", Location: berlin}}
	start := time.Date(2027, 3, 14, 23, 30, 0, 0, time.UTC) // already 15 March in Berlin
	b := model.Booking{
		Reference: "SEM-ABC234", Language: "de", VATRateBP: 1900, GrossCents: 174931,
		Billing: model.Billing{Email: "max@example.com"},
		Date:    &model.SeminarDate{StartsAt: start, Seminar: &model.Seminar{TitleDE: "Social Media im Vertrieb", TitleEN: "Social media in sales"}},
		Attendees: []model.Attendee{{FirstName: "Erika", LastName: "Muster"}, {FirstName: "Max", LastName: "Muster"},
			{FirstName: "Eva", LastName: "Beispiel"}},
	}
	in := s.checkoutInput(b, "tok", start)
	var sum int64
	for _, item := range in.Items {
		sum += item.AmountCents
		if item.Name != "Social Media im Vertrieb — 15.03.2027" || !strings.Contains(item.Description, "inkl. 19 % MwSt.") {
			t.Errorf("item %+v", item)
		}
	}
	if len(in.Items) != 3 || sum != b.GrossCents {
		t.Fatalf("%d items summing to %d, want 3 summing to %d", len(in.Items), sum, b.GrossCents)
	}
	if in.Reference != b.Reference || in.CustomerEmail != "max@example.com" ||
		in.SuccessURL != "https://seminare.example/b/SEM-ABC234/return?t=tok" || in.CancelURL != "https://seminare.example/b/SEM-ABC234?t=tok" {
		t.Fatalf("input %+v", in)
	}
	b.Language = "en"
	if in := s.checkoutInput(b, "tok", start); in.SuccessURL != "https://seminare.example/en/b/SEM-ABC234/return?t=tok" ||
		in.CancelURL != "https://seminare.example/en/b/SEM-ABC234?t=tok" {
		t.Fatalf("an English booker returns to %s and %s", in.SuccessURL, in.CancelURL)
	} else if in.Items[0].Name != "Social media in sales — 15 March 2027" {
		t.Errorf("an English booker's Checkout line %q, want the day written in English", in.Items[0].Name)
	}
}

func TestVATLabel(t *testing.T) {
	cases := []struct {
		bp   int
		lang string
		want string
	}{
		{1900, "de", "19 %"}, {1900, "en", "19%"}, {750, "de", "7,5 %"}, {725, "en", "7.25%"}, {0, "de", "0 %"},
	}
	for _, tc := range cases {
		if got := vatLabel(tc.bp, tc.lang); got != tc.want {
			t.Errorf("vatLabel(%d, %s) = %q, want %q", tc.bp, tc.lang, got, tc.want)
		}
	}
}

func TestSplitCents(t *testing.T) {
	cases := []struct {
		name  string
		total int64
		n     int
		want  []int64
	}{
		{"even", 300, 3, []int64{100, 100, 100}},
		{"remainder to the first", 301, 3, []int64{101, 100, 100}},
		{"two cents over", 302, 3, []int64{101, 101, 100}},
		{"one attendee", 58310, 1, []int64{58310}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := splitCents(tc.total, tc.n)
			for i := range tc.want {
				if got[i] != tc.want[i] {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			}
		})
	}
}
