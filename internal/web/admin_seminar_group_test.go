package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

// TestAdminSeminarGroupPricing: the owner sets a seminar's own group rule on its page (the
// percentage typed as in German), bad input comes back with a message and changes nothing, an
// assistant's save keeps the rule (the fields are locked for them) and cannot change it, and the
// public seminar page states the rule.
func TestAdminSeminarGroupPricing(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 10, PriceNetCents: 49000})
	owner, assistant := env.signedIn("owner@example.com"), env.signedIn("assistant@example.com")
	semPath := fmt.Sprintf("/admin/seminars/%d", date.SeminarID)
	form := func(group ...string) url.Values {
		v := url.Values{"title_de": {date.Seminar.TitleDE}, "slug": {date.Seminar.Slug}, "duration_minutes": {"480"}, "default_price": {"490"}, "published": {"yes"}}
		for i := 0; i+1 < len(group); i += 2 {
			v.Set(group[i], group[i+1])
		}
		return v
	}
	cases := []struct {
		name       string
		as         *adminBrowser
		form       url.Values
		wantStatus int
		wantBody   string
		wantRule   model.GroupRule
		wantMode   string
	}{
		{"owner: own rule from the 3rd person 12,5 %", owner, form("group_pricing", "own", "group_from_seat", "3", "group_percent", "12,5"), http.StatusSeeOther, "", model.GroupRule{FromSeat: 3, PercentBP: 1250}, model.GroupPricingOwn},
		{"owner: from the first person is refused", owner, form("group_pricing", "own", "group_from_seat", "1", "group_percent", "10"), http.StatusUnprocessableEntity, "Bitte eine Zahl ab 2", model.GroupRule{FromSeat: 3, PercentBP: 1250}, model.GroupPricingOwn},
		{"owner: a percentage that is no number", owner, form("group_pricing", "own", "group_from_seat", "3", "group_percent", "viel"), http.StatusUnprocessableEntity, `value="viel"`, model.GroupRule{FromSeat: 3, PercentBP: 1250}, model.GroupPricingOwn},
		{"assistant: a save of the locked form keeps the rule", assistant, form(), http.StatusSeeOther, "", model.GroupRule{FromSeat: 3, PercentBP: 1250}, model.GroupPricingOwn},
		{"assistant: switching it off is the owner's", assistant, form("group_pricing", "off"), http.StatusForbidden, "", model.GroupRule{FromSeat: 3, PercentBP: 1250}, model.GroupPricingOwn},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, body := c.as.post("/admin", semPath, c.form)
			if res.StatusCode != c.wantStatus {
				t.Fatalf("status %d, want %d: %.300s", res.StatusCode, c.wantStatus, body)
			}
			if c.wantBody != "" && !strings.Contains(body, c.wantBody) {
				t.Fatalf("page lacks %q", c.wantBody)
			}
			sem, err := env.st.SeminarByID(t.Context(), date.SeminarID)
			if err != nil {
				t.Fatal(err)
			}
			if got := (model.GroupRule{FromSeat: sem.GroupFromSeat, PercentBP: sem.GroupPercentBP}); got != c.wantRule || sem.GroupPricing != c.wantMode {
				t.Fatalf("stored %s %+v, want %s %+v", sem.GroupPricing, got, c.wantMode, c.wantRule)
			}
		})
	}
	if _, page := owner.get(semPath); !strings.Contains(page, `name="group_percent" value="12,5"`) {
		t.Error("the seminar form does not show the stored percentage")
	}
	if _, page := env.browser().get("/seminars/" + date.Seminar.Slug); !strings.Contains(page, "Gruppenrabatt: ab der 3. Person 12,5\u00a0% auf jeden weiteren Platz.") {
		t.Error("the seminar page does not state the group discount")
	}
}
