package web

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"seminars/internal/model"
)

// venueConformanceCases are the conformance cases of the venue and trainer operations and of
// dates that name them: both roles manage them; a venue or trainer that dates name is not
// deleted (409); a date naming an unknown venue or trainer is refused (422).
func venueConformanceCases(t *testing.T, env *adminEnv, f conformanceFixture) []apiCase {
	t.Helper()
	ctx := context.Background()
	used := model.Venue{Name: "Speicherhaus", City: "Hamburg", Address: "Am Sandtorkai 7, 20457 Hamburg"}
	if err := env.srv.office.CreateVenue(ctx, "test", &used); err != nil {
		t.Fatal(err)
	}
	spare := model.Venue{Name: "Leerer Saal", City: "Bremen"}
	if err := env.srv.office.CreateVenue(ctx, "test", &spare); err != nil {
		t.Fatal(err)
	}
	busy := model.Trainer{Name: "Jana Brandt", BioDE: "Kommunikationswissenschaftlerin."}
	idle := model.Trainer{Name: "Tom Idle"}
	for _, tr := range []*model.Trainer{&busy, &idle} {
		if err := env.srv.office.CreateTrainer(ctx, "test", tr); err != nil {
			t.Fatal(err)
		}
	}
	get, post, patch, del := http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodDelete
	venue := func(id uint) string { return fmt.Sprintf("/admin/venues/%d", id) }
	trainer := func(id uint) string { return fmt.Sprintf("/admin/trainers/%d", id) }
	dates := fmt.Sprintf("/admin/seminars/%d/dates", f.seminarID)
	atVenue := fmt.Sprintf(`{"starts_at":"2027-04-10T09:00:00+02:00","ends_at":"2027-04-10T17:00:00+02:00","capacity":12,
		"price_net_cents":49000,"format":"in_person","venue_id":%d,"trainer_ids":[%d]}`, used.ID, busy.ID)
	return []apiCase{
		{op: "listVenues", name: "assistant", method: get, path: "/admin/venues", as: asAssistant, want: 200},
		{op: "createVenue", name: "assistant", method: post, path: "/admin/venues", as: asAssistant,
			body: `{"name":"Rheinforum","city":"Köln","address":"Am Hof 2, 50667 Köln","room":"Raum 3","map_url":"https://maps.example.com/rheinforum"}`, want: 201},
		{op: "createVenue", name: "no city", method: post, path: "/admin/venues", as: asOwner, body: `{"name":"Irgendwo","city":""}`, want: 422, specInvalid: true},
		{op: "createVenue", name: "map link no URL", method: post, path: "/admin/venues", as: asOwner, body: `{"name":"Irgendwo","city":"Ulm","map_url":"javascript:alert(1)"}`, want: 422},
		{op: "getVenue", name: "found", method: get, path: venue(used.ID), as: asAssistant, want: 200},
		{op: "getVenue", name: "unknown", method: get, path: venue(99999), as: asAssistant, want: 404},
		{op: "createDate", name: "at a venue with a trainer", method: post, path: dates, as: asOwner, body: atVenue, want: 201},
		{op: "createDate", name: "unknown venue", method: post, path: dates, as: asOwner,
			body: `{"starts_at":"2027-04-11T09:00:00+02:00","ends_at":"2027-04-11T17:00:00+02:00","capacity":12,"format":"in_person","venue_id":99999}`, want: 422},
		{op: "updateDate", name: "unknown trainer", method: patch, path: fmt.Sprintf("/admin/dates/%d", f.target.ID), as: asAssistant, body: `{"trainer_ids":[99999]}`, want: 422},
		{op: "updateDate", name: "assistant assigns a trainer", method: patch, path: fmt.Sprintf("/admin/dates/%d", f.target.ID), as: asAssistant,
			body: fmt.Sprintf(`{"trainer_ids":[%d]}`, busy.ID), want: 200},
		{op: "updateVenue", name: "assistant", method: patch, path: venue(used.ID), as: asAssistant, body: `{"room":"Saal Elbe, 2. OG"}`, want: 200},
		{op: "updateVenue", name: "unknown", method: patch, path: venue(99999), as: asOwner, body: `{"room":"x"}`, want: 404},
		{op: "updateVenue", name: "empty name", method: patch, path: venue(used.ID), as: asOwner, body: `{"name":""}`, want: 422, specInvalid: true},
		{op: "deleteVenue", name: "in use", method: del, path: venue(used.ID), as: asOwner, want: 409},
		{op: "deleteVenue", name: "unknown", method: del, path: venue(99999), as: asOwner, want: 404},
		{op: "deleteVenue", name: "unused", method: del, path: venue(spare.ID), as: asAssistant, want: 204},

		{op: "listTrainers", name: "assistant", method: get, path: "/admin/trainers", as: asAssistant, want: 200},
		{op: "createTrainer", name: "assistant", method: post, path: "/admin/trainers", as: asAssistant,
			body: `{"name":"Mara Quell","bio_de":"Recruiting über soziale Netzwerke.","photo_url":"/static/img/trainers/mara-quell.svg"}`, want: 201},
		{op: "createTrainer", name: "photo elsewhere", method: post, path: "/admin/trainers", as: asOwner, body: `{"name":"X Y","photo_url":"https://evil.example/x.png"}`, want: 422},
		{op: "createTrainer", name: "no name", method: post, path: "/admin/trainers", as: asOwner, body: `{"name":""}`, want: 422, specInvalid: true},
		{op: "getTrainer", name: "found", method: get, path: trainer(busy.ID), as: asAssistant, want: 200},
		{op: "getTrainer", name: "unknown", method: get, path: trainer(99999), as: asAssistant, want: 404},
		{op: "updateTrainer", name: "assistant", method: patch, path: trainer(busy.ID), as: asAssistant, body: `{"bio_en":"Communication scientist."}`, want: 200},
		{op: "updateTrainer", name: "unknown", method: patch, path: trainer(99999), as: asOwner, body: `{"bio_en":"x"}`, want: 404},
		{op: "updateTrainer", name: "photo with a query", method: patch, path: trainer(busy.ID), as: asOwner, body: `{"photo_url":"/static/img/x.png?a=1"}`, want: 422},
		{op: "deleteTrainer", name: "in use", method: del, path: trainer(busy.ID), as: asOwner, want: 409},
		{op: "deleteTrainer", name: "unknown", method: del, path: trainer(99999), as: asOwner, want: 404},
		{op: "deleteTrainer", name: "unused", method: del, path: trainer(idle.ID), as: asAssistant, want: 204},
	}
}
