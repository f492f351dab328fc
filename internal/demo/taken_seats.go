package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// demoCompanies are the made-up customers behind the demo's taken seats: every name says
// "(Demo)" and every address is on a reserved .example domain, so none reaches a real inbox.
var demoCompanies = []struct{ company, domain, city, postal string }{
	{"Nordlicht Versicherung AG (Demo)", "nordlicht-versicherung.example", "Hamburg", "20095"},
	{"Stadtwerke Mittelstadt (Demo)", "stadtwerke-mittelstadt.example", "Kassel", "34117"},
	{"Bäckerei Sonnenkorn GmbH (Demo)", "sonnenkorn.example", "Leipzig", "04109"},
	{"Klinikum Am Park (Demo)", "klinikum-am-park.example", "Köln", "50667"},
	{"Feinmechanik Weber KG (Demo)", "weber-feinmechanik.example", "Stuttgart", "70173"},
}

var demoFirstNames = []string{"Lena", "Jonas", "Aylin", "Tobias", "Sofia", "Emre", "Clara", "Felix", "Hanna", "Malte", "Nora", "Paul"}
var demoLastNames = []string{"Schröder", "Yılmaz", "Kowalski", "Brandt", "Nguyen", "Hoffmann", "Lindqvist", "Aydın", "Krüger", "Moreau"}

// demoGroupSize is how many attendees one demo company books at most, so a date's taken seats
// come from several bookings as real ones would.
const demoGroupSize = 3

// seedTakenSeats puts bookings behind the seats d's catalogue entry counts as taken, so the
// dashboard's figures, the date's attendee list and the check-in page agree. d's SeatsTaken
// already counts them: the bookings do not take seats again. nth numbers the people across
// dates so nobody appears twice in the demo.
func seedTakenSeats(ctx context.Context, tx *store.Tx, d model.SeminarDate, nth *int, now time.Time) error {
	confirmed := now.AddDate(0, 0, -10).UTC()
	for left := d.SeatsTaken; left > 0; {
		seats := min(left, demoGroupSize)
		c := demoCompanies[*nth%len(demoCompanies)]
		var attendees []model.Attendee
		for range seats {
			first, last := demoFirstNames[*nth%len(demoFirstNames)], demoLastNames[(*nth/len(demoFirstNames)+*nth)%len(demoLastNames)]
			email := fmt.Sprintf("%s.%s.%d@%s", asciiLocal(first), asciiLocal(last), *nth+1, c.domain)
			attendees = append(attendees, model.Attendee{FirstName: first, LastName: last + " (Demo)", Email: email})
			*nth++
		}
		billing := model.Billing{Company: c.company, Name: attendees[0].FirstName + " " + strings.TrimSuffix(attendees[0].LastName, " (Demo)"),
			Email: "seminare@" + c.domain, Street: "Musterstraße 1", PostalCode: c.postal, City: c.city, Country: "DE"}
		if err := seedDemoBooking(ctx, tx, d, billing, attendees, confirmed, now, false); err != nil {
			return err
		}
		left -= seats
	}
	return nil
}

// asciiLocal writes a name as the local part of an e-mail address: lower case, umlauts spelt out.
func asciiLocal(name string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "ı", "i", "Ä", "ae", "Ö", "oe", "Ü", "ue")
	return strings.ToLower(r.Replace(name))
}
