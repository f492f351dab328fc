package demo

import (
	"context"
	"fmt"
	"net/url"
	"sort"

	"seminars/internal/model"
	"seminars/internal/store"
)

// venueDetails are what the demo's venue records add to a city's venue: room, directions,
// accessibility, map link (invented, like the venues).
var venueDetails = map[string]model.Venue{
	"Berlin": {Room: "Saal Oberbaum, 3. OG",
		Directions:    "S-Bahn Ostbahnhof, 5 Minuten zu Fuß entlang der Spree. Parkhaus am Ostbahnhof.",
		Accessibility: "Stufenloser Eingang, Aufzug zu allen Etagen, barrierefreies WC auf der Etage."},
	"Hamburg": {Room: "Raum Elbe, 2. OG",
		Directions:    "U4 Überseequartier, 3 Minuten zu Fuß. Keine eigenen Parkplätze.",
		Accessibility: "Aufzug vorhanden, barrierefreies WC im Erdgeschoss; Induktionsschleife auf Anfrage."},
	"München": {Room: "Isarsaal, 1. OG",
		Directions:    "S-Bahn Isartor, 4 Minuten zu Fuß.",
		Accessibility: "Aufzug vorhanden, barrierefreies WC."},
	"Köln": {Room: "Raum Rheinblick",
		Directions:    "Ab Köln Hbf Bus 133 bis Schokoladenmuseum.",
		Accessibility: "Stufenlos erreichbar, barrierefreies WC."},
	"Frankfurt am Main": {Room: "Konferenzraum Main, 5. OG",
		Directions:    "U-Bahn Willy-Brandt-Platz, 6 Minuten zu Fuß.",
		Accessibility: "Aufzug, barrierefreies WC auf der Etage."},
	"Stuttgart": {Room: "Raum Schlossgarten",
		Directions:    "Stuttgart Hbf, 5 Minuten zu Fuß über die Königstraße.",
		Accessibility: "Aufzug vorhanden; der Seiteneingang ist stufenlos."},
	"Düsseldorf": {Room: "Loft 4",
		Directions:    "Straßenbahn 709 bis Erftstraße/Grand Bateau.",
		Accessibility: "Aufzug vorhanden, barrierefreies WC im 1. OG."},
	"Leipzig": {Room: "Saal Markt, 2. OG",
		Directions:    "S-Bahn Markt, direkt am Ausgang.",
		Accessibility: "Aufzug vorhanden, barrierefreies WC."},
}

// trainers are the demo's trainers; the first leads every date, in-person dates get a second.
var trainers = []model.Trainer{
	{Name: "Dr. Miriam Albers", PhotoURL: "/static/img/trainers/miriam-albers.svg",
		BioDE: "Kommunikationswissenschaftlerin; zehn Jahre Leitung Social Media in Industrie und Verwaltung. Zeigt Teams, wie jede Abteilung soziale Netzwerke als Infrastruktur nutzt.",
		BioEN: "Communication scientist; ten years as head of social media in industry and public administration. Shows teams how every department can use social networks as infrastructure."},
	{Name: "Jonas Keller", PhotoURL: "/static/img/trainers/jonas-keller.svg",
		BioDE: "Recruiter und Employer-Branding-Berater; baut mit HR-Teams Kanäle auf, über die Bewerbungen wirklich ankommen.",
		BioEN: "Recruiter and employer-branding adviser; builds channels with HR teams that really bring in applications."},
	{Name: "Selin Arslan", PhotoURL: "/static/img/trainers/selin-arslan.svg",
		BioDE: "Datenschutzjuristin und IT-Sicherheitsberaterin; übersetzt DSGVO und Plattformregeln in Arbeitsabläufe.",
		BioEN: "Data protection lawyer and IT security adviser; turns the GDPR and platform rules into everyday routines."},
}

// seedPeople stores the demo's venue records (one per city, with the catalogue's name and
// address) and trainers, and returns the venue ids by city and the trainers with their ids.
func seedPeople(ctx context.Context, tx *store.Tx) (map[string]uint, []model.Trainer, error) {
	cities := make([]string, 0, len(venues))
	for city := range venues {
		cities = append(cities, city)
	}
	sort.Strings(cities) // stable ids from run to run
	ids := map[string]uint{}
	for _, city := range cities {
		v := venueDetails[city]
		v.Name, v.City, v.Address = venues[city].name, city, venues[city].address
		v.MapURL = "https://www.openstreetmap.org/search?query=" + queryEscape(v.Address)
		if err := tx.CreateVenue(ctx, &v); err != nil {
			return nil, nil, fmt.Errorf("demo: create venue %s: %w", v.Name, err)
		}
		ids[city] = v.ID
	}
	out := make([]model.Trainer, len(trainers))
	for i := range trainers {
		out[i] = trainers[i]
		if err := tx.CreateTrainer(ctx, &out[i]); err != nil {
			return nil, nil, fmt.Errorf("demo: create trainer %s: %w", out[i].Name, err)
		}
	}
	return ids, out, nil
}

// dateTrainers picks the trainers of the j-th date of the i-th seminar: the seminar's lead
// (taking turns), and on in-person dates the next one as co-trainer.
func dateTrainers(people []model.Trainer, i int, d model.SeminarDate) []uint {
	lead := people[i%len(people)].ID
	if d.Format != model.FormatInPerson {
		return []uint{lead}
	}
	return []uint{lead, people[(i+1)%len(people)].ID}
}

// queryEscape makes an address a URL query value.
func queryEscape(s string) string { return url.QueryEscape(s) }
