package web

import "seminars/internal/model"

// Trainers are the trainers of the seminar's upcoming dates, each once, in the order the dates
// name them: the seminar page introduces them below its dates.
func (d seminarData) Trainers() []model.Trainer {
	var out []model.Trainer
	seen := map[uint]bool{}
	for _, date := range d.Seminar.Dates {
		for _, t := range date.Trainers {
			if !seen[t.ID] {
				seen[t.ID] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// Venues are the venue records of the seminar's upcoming in-person dates, each once: the seminar
// page says how to get there and what access there is.
func (d seminarData) Venues() []model.Venue {
	var out []model.Venue
	seen := map[uint]bool{}
	for _, date := range d.Seminar.Dates {
		if v := date.VenueRecord; v != nil && date.Format == model.FormatInPerson && !seen[v.ID] {
			seen[v.ID] = true
			out = append(out, *v)
		}
	}
	return out
}
