package web_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"seminars/internal/store/storetest"
)

func TestInquiryForm(t *testing.T) {
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{})
	ts := newServer(t, st)
	c := client(t)
	status, page, _ := do(t, c, "GET", fmt.Sprintf("%s/inhouse?seminar=%d", ts.URL, date.SeminarID), "", "")
	if status != 200 || !strings.Contains(page, fmt.Sprintf(`<option value="%d" selected>`, date.SeminarID)) {
		t.Fatalf("form %d does not preselect the seminar", status)
	}
	csrf := csrfToken(t, page)
	valid := func(mutate func(url.Values)) string {
		v := url.Values{"_csrf": {csrf}, "company": {"Stadtwerke Süd"}, "name": {"Petra Groß"}, "email": {"p.gross@stadtwerke.example"},
			"seminar_id": {fmt.Sprint(date.SeminarID)}, "participants": {"12"}, "preferred_period": {"Frühjahr 2027"},
			"format": {"in_person"}, "accept_privacy": {"yes"}}
		if mutate != nil {
			mutate(v)
		}
		return v.Encode()
	}
	cases := []struct {
		name       string
		body       string
		wantStatus int
		want       []string
		stored     int
	}{
		{"missing fields keep what was typed", valid(func(v url.Values) {
			v.Del("company")
			v.Set("participants", "zwölf")
			v.Del("accept_privacy")
		}), 422, []string{"Bitte ausfüllen.", "Zahl zwischen 1 und 500", `value="zwölf"`, `value="Petra Groß"`}, 0},
		{"own topic needs a topic", valid(func(v url.Values) { v.Set("seminar_id", "") }), 422, []string{"Bitte ausfüllen."}, 0},
		{"unknown seminar", valid(func(v url.Values) { v.Set("seminar_id", "424242") }), 422, []string{"Bitte wählen Sie ein Seminar"}, 0},
		{"valid inquiry", valid(nil), 303, nil, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body, h := do(t, c, "POST", ts.URL+"/inhouse", "application/x-www-form-urlencoded", tc.body)
			if status != tc.wantStatus {
				t.Fatalf("status %d, want %d", status, tc.wantStatus)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if all, _ := st.ListInquiries(t.Context(), ""); len(all) != tc.stored {
				t.Fatalf("%d inquiries stored, want %d", len(all), tc.stored)
			}
			if status == 303 {
				_, thanks, _ := do(t, c, "GET", ts.URL+h.Get("Location"), "", "")
				if !strings.Contains(thanks, "Vielen Dank für Ihre Anfrage") {
					t.Fatal("no thanks after sending")
				}
			}
		})
	}
}
