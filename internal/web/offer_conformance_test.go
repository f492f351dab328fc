package web

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"seminars/internal/model"
)

// offerConformanceCases are the in-house offer operations' scenarios for TestOpenAPIConformance:
// an inquiry with two offers written beforehand (one to accept, one accepted already).
func offerConformanceCases(t *testing.T, env *adminEnv, seminarID uint) []apiCase {
	t.Helper()
	ctx := context.Background()
	inq := model.InhouseInquiry{Company: "Konform AG", Name: "Kai Konform", Email: "kai@konform.example", Topic: "Vertrieb",
		Participants: 8, Language: "de"}
	if err := env.srv.office.SubmitInquiry(ctx, &inq); err != nil {
		t.Fatal(err)
	}
	start := env.srv.now().Add(60 * 24 * time.Hour)
	write := func() model.Offer {
		o := model.Offer{SeminarID: seminarID, Persons: 8, Pricing: model.PricingPerPerson, PriceNetCents: 45000,
			Format: model.FormatOnline, ValidUntil: env.srv.now().Add(30 * 24 * time.Hour),
			ProposedDates: []model.ProposedDate{{StartsAt: start, EndsAt: start.Add(8 * time.Hour)}}}
		if err := env.srv.office.CreateOffer(ctx, "test", inq.ID, &o); err != nil {
			t.Fatal(err)
		}
		return o
	}
	open, taken := write(), write()
	if _, err := env.srv.office.AcceptOffer(ctx, "test", taken.ID, 0); err != nil {
		t.Fatal(err)
	}
	get, post := http.MethodGet, http.MethodPost
	offers := fmt.Sprintf("/admin/inquiries/%d/offers", inq.ID)
	offer := func(o model.Offer, suffix string) string { return fmt.Sprintf("/admin/offers/%d%s", o.ID, suffix) }
	newOffer := fmt.Sprintf(`{"seminar_id":%d,"persons":8,"pricing":"flat","price_net_cents":390000,"valid_until":"2027-06-30",
		"format":"in_person","city":"Leipzig","proposed_dates":[{"starts_at":"2027-04-07T09:00:00+02:00","ends_at":"2027-04-07T17:00:00+02:00"}]}`, seminarID)
	return []apiCase{
		{op: "createOffer", name: "owner", method: post, path: offers, as: asOwner, body: newOffer, want: 201},
		{op: "createOffer", name: "assistant sets a price", method: post, path: offers, as: asAssistant, body: newOffer, want: 403},
		{op: "createOffer", name: "unknown inquiry", method: post, path: "/admin/inquiries/99999/offers", as: asOwner, body: newOffer, want: 404},
		{op: "createOffer", name: "invalid", method: post, path: offers, as: asOwner,
			body: `{"seminar_id":0,"persons":0,"pricing":"auction","format":"boat","proposed_dates":[]}`, want: 422, specInvalid: true},

		{op: "listOffers", name: "of an inquiry", method: get, path: fmt.Sprintf("/admin/offers?inquiry=%d", inq.ID), as: asAssistant, want: 200},
		{op: "listOffers", name: "bad inquiry", method: get, path: "/admin/offers?inquiry=x", as: asAssistant, want: 400, specInvalid: true},

		{op: "getOffer", name: "found", method: get, path: offer(taken, ""), as: asAssistant, want: 200},
		{op: "getOffer", name: "unknown", method: get, path: "/admin/offers/99999", as: asAssistant, want: 404},
		{op: "getOfferFile", name: "pdf", method: get, path: offer(open, "/pdf"), as: asAssistant, want: 200},
		{op: "getOfferFile", name: "unknown", method: get, path: "/admin/offers/99999/pdf", as: asAssistant, want: 404},

		{op: "acceptOffer", name: "no such proposed date", method: post, path: offer(open, "/accept"), as: asAssistant, body: `{"choice":5}`, want: 422},
		{op: "acceptOffer", name: "unknown", method: post, path: "/admin/offers/99999/accept", as: asAssistant, body: `{"choice":1}`, want: 404},
		{op: "acceptOffer", name: "accepted already", method: post, path: offer(taken, "/accept"), as: asAssistant, body: `{"choice":1}`, want: 409},
		{op: "acceptOffer", name: "assistant", method: post, path: offer(open, "/accept"), as: asAssistant, body: `{"choice":1}`, want: 200},
	}
}
