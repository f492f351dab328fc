package form

import (
	"net/url"
	"strings"

	"seminars/internal/model"
)

// Venue is the back office's venue form and the body of the admin API's venue operations.
type Venue struct {
	Name          string `json:"name"`
	City          string `json:"city"`
	Address       string `json:"address"`
	Room          string `json:"room"`
	Directions    string `json:"directions"`
	Accessibility string `json:"accessibility"`
	MapURL        string `json:"map_url"`
}

// VenueFromValues reads the HTML venue form.
func VenueFromValues(v url.Values) Venue {
	return Venue{
		Name: v.Get("name"), City: v.Get("city"), Address: v.Get("address"), Room: v.Get("room"),
		Directions: v.Get("directions"), Accessibility: v.Get("accessibility"), MapURL: v.Get("map_url"),
	}
}

// VenueOf fills the form from a stored venue.
func VenueOf(v model.Venue) Venue {
	return Venue{Name: v.Name, City: v.City, Address: v.Address, Room: v.Room,
		Directions: v.Directions, Accessibility: v.Accessibility, MapURL: v.MapURL}
}

// Validate checks the venue and returns it as a model value (without id). Name and city are
// required: the city is what the catalogue and GET /api/v1/seminars show of an in-person date.
func (f *Venue) Validate() (model.Venue, Errors) {
	errs := Errors{}
	line(errs, "name", &f.Name, model.MaxVenueLen, true)
	line(errs, "city", &f.City, model.MaxCityLen, true)
	line(errs, "address", &f.Address, model.MaxAddressLen, false)
	line(errs, "room", &f.Room, model.MaxRoomLen, false)
	paragraphs(errs, "directions", &f.Directions, model.MaxVenueText)
	paragraphs(errs, "accessibility", &f.Accessibility, model.MaxVenueText)
	if line(errs, "map_url", &f.MapURL, model.MaxMapURLLen, false) && f.MapURL != "" && !webURL(f.MapURL) {
		errs.add("map_url", "admin.error.map_url")
	}
	return model.Venue{Name: f.Name, City: f.City, Address: f.Address, Room: f.Room,
		Directions: f.Directions, Accessibility: f.Accessibility, MapURL: f.MapURL}, errs
}

// webURL tells whether s is an absolute http(s) URL with a host.
func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// Trainer is the back office's trainer form and the body of the admin API's trainer operations.
type Trainer struct {
	Name     string `json:"name"`
	BioDE    string `json:"bio_de"`
	BioEN    string `json:"bio_en"`
	PhotoURL string `json:"photo_url"`
}

// TrainerFromValues reads the HTML trainer form.
func TrainerFromValues(v url.Values) Trainer {
	return Trainer{Name: v.Get("name"), BioDE: v.Get("bio_de"), BioEN: v.Get("bio_en"), PhotoURL: v.Get("photo_url")}
}

// TrainerOf fills the form from a stored trainer.
func TrainerOf(t model.Trainer) Trainer {
	return Trainer{Name: t.Name, BioDE: t.BioDE, BioEN: t.BioEN, PhotoURL: t.PhotoURL}
}

// Validate checks the trainer and returns it as a model value (without id). The photo is a path
// the app serves under /static/ (the content security policy loads images from the app only).
func (f *Trainer) Validate() (model.Trainer, Errors) {
	errs := Errors{}
	name(errs, "name", &f.Name, model.MaxTrainerName)
	paragraphs(errs, "bio_de", &f.BioDE, model.MaxVenueText)
	paragraphs(errs, "bio_en", &f.BioEN, model.MaxVenueText)
	if line(errs, "photo_url", &f.PhotoURL, model.MaxPhotoURLLen, false) && f.PhotoURL != "" && !appImagePath(f.PhotoURL) {
		errs.add("photo_url", "admin.error.photo_url")
	}
	return model.Trainer{Name: f.Name, BioDE: f.BioDE, BioEN: f.BioEN, PhotoURL: f.PhotoURL}, errs
}

// appImagePath tells whether p is a plain path below /static/ to an image file: no scheme, host,
// query, "..", or backslash.
func appImagePath(p string) bool {
	if !strings.HasPrefix(p, "/static/") || strings.Contains(p, "..") || strings.ContainsAny(p, "\\?#%\"'<> ") {
		return false
	}
	lower := strings.ToLower(p)
	for _, ext := range []string{".jpg", ".jpeg", ".png", ".webp", ".svg"} {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}
