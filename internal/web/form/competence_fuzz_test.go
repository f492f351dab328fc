package form

import (
	"reflect"
	"testing"
)

// FuzzCompetenceQuery feeds arbitrary query strings to the competence check. Nothing panics, and
// answers that validate come back unchanged from their canonical query string: the shared
// result URL always shows the result it was made from.
func FuzzCompetenceQuery(f *testing.F) {
	f.Fuzz(func(t *testing.T, query string) {
		answers, errs := CompetenceFromValues(parse(query)).Validate()
		if len(errs) > 0 {
			return
		}
		again, errs := CompetenceFromValues(parse(CompetenceQuery(answers).Encode())).Validate()
		if len(errs) > 0 || !reflect.DeepEqual(again, answers) {
			t.Fatalf("%q gave %+v, its canonical query %+v (%v)", query, answers, again, errs)
		}
		for _, a := range answers {
			if a.People < 0 || a.People > MaxCompetencePeople {
				t.Fatalf("head count %d passed", a.People)
			}
		}
	})
}
