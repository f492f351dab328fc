package web

import "seminars/internal/model"

// JSON shapes of the admin API's venues and trainers (documented in static/api/openapi.yaml).

type adminVenueJSON struct {
	ID            uint   `json:"id"`
	Name          string `json:"name"`
	City          string `json:"city"`
	Address       string `json:"address"`
	Room          string `json:"room"`
	Directions    string `json:"directions"`
	Accessibility string `json:"accessibility"`
	MapURL        string `json:"map_url"`
}

func adminVenueView(v model.Venue) adminVenueJSON {
	return adminVenueJSON{ID: v.ID, Name: v.Name, City: v.City, Address: v.Address, Room: v.Room,
		Directions: v.Directions, Accessibility: v.Accessibility, MapURL: v.MapURL}
}

type adminTrainerJSON struct {
	ID       uint   `json:"id"`
	Name     string `json:"name"`
	BioDE    string `json:"bio_de"`
	BioEN    string `json:"bio_en"`
	PhotoURL string `json:"photo_url"`
	// Photo is the URL the pages show: the uploaded photo, else photo_url ("" for none).
	Photo string `json:"photo"`
}

func adminTrainerView(t model.Trainer) adminTrainerJSON {
	return adminTrainerJSON{ID: t.ID, Name: t.Name, BioDE: t.BioDE, BioEN: t.BioEN, PhotoURL: t.PhotoURL, Photo: t.Photo()}
}

// dateTrainerJSON is a trainer as a date lists them.
type dateTrainerJSON struct {
	ID       uint   `json:"id"`
	Name     string `json:"name"`
	PhotoURL string `json:"photo_url,omitempty"`
}

func dateTrainersView(trainers []model.Trainer) []dateTrainerJSON {
	out := make([]dateTrainerJSON, 0, len(trainers))
	for _, t := range trainers {
		out = append(out, dateTrainerJSON{ID: t.ID, Name: t.Name, PhotoURL: t.Photo()})
	}
	return out
}
