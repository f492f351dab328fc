package store

import (
	"context"
	"time"

	"seminars/internal/model"
)

// CompetenceSeminars returns, for each of functions, up to limit published seminars that
// address it (by id, the catalogue's order), each with only its next upcoming public date
// (no Dates without one). The competence check shows nothing else of the catalogue, so it
// reads one bounded query per function and one for the next dates, however large the
// catalogue or its history of dates grows (issue 16).
func (q Reads) CompetenceSeminars(ctx context.Context, functions []string, now time.Time, limit int) (map[string][]model.Seminar, error) {
	out := map[string][]model.Seminar{}
	if limit <= 0 {
		return out, nil
	}
	byID := map[uint][]*model.Seminar{}
	var ids []uint
	for _, f := range functions {
		var seminars []model.Seminar
		// The list is comma separated; the commas around it let one LIKE match a whole key.
		err := q.db.WithContext(ctx).Where("published = ? AND (',' || function_list || ',') LIKE ? ESCAPE '\\'", true, "%,"+escapeLike(f)+",%").
			Order("id").Limit(limit).Find(&seminars).Error
		if err != nil {
			return nil, err
		}
		out[f] = seminars
	}
	for _, f := range functions {
		for i := range out[f] {
			s := &out[f][i]
			if _, seen := byID[s.ID]; !seen {
				ids = append(ids, s.ID)
			}
			byID[s.ID] = append(byID[s.ID], s)
		}
	}
	var next []model.SeminarDate
	err := inChunks(ids, func(part []uint) error {
		numbered := q.db.WithContext(ctx).Model(&model.SeminarDate{}).Scopes(upcomingDates(now)).
			Select("seminar_dates.*, ROW_NUMBER() OVER (PARTITION BY seminar_id ORDER BY starts_at, id) AS rn").
			Where("seminar_id IN ?", part)
		var dates []model.SeminarDate
		err := q.db.WithContext(ctx).Table("(?) AS t", numbered).Where("rn = 1").Order("id").Find(&dates).Error
		next = append(next, dates...)
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, d := range next {
		for _, s := range byID[d.SeminarID] {
			s.Dates = []model.SeminarDate{d}
		}
	}
	return out, nil
}
