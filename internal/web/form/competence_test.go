package form

import (
	"net/url"
	"reflect"
	"testing"

	"seminars/internal/model"
)

func TestCompetenceValidate(t *testing.T) {
	cases := []struct {
		name      string
		query     string
		wantSent  bool
		wantErrs  Errors
		wantFirst model.CompetenceAnswer
	}{
		{"nothing sent yet", "", false, Errors{"f": "competence.error.none_ticked"}, model.CompetenceAnswer{}},
		{"sent with nothing ticked", "check=1", true, Errors{"f": "competence.error.none_ticked"}, model.CompetenceAnswer{}},
		{"one function", "f=sales&use_sales=occasional&people_sales=12", true, nil, model.CompetenceAnswer{Function: "sales", Usage: model.UsageOccasional, People: 12}},
		{"head count optional", "f=hr&use_hr=none&people_hr=", true, nil, model.CompetenceAnswer{Function: "hr", Usage: model.UsageNone}},
		{"answers of an unticked function are ignored", "f=pr&use_pr=job&use_hr=kaputt&people_hr=viele", true, nil, model.CompetenceAnswer{Function: "pr", Usage: model.UsageJob}},
		{"ticked without usage", "f=sales", true, Errors{"use_sales": "competence.error.usage"}, model.CompetenceAnswer{}},
		{"unknown usage", "f=sales&use_sales=daily", true, Errors{"use_sales": "competence.error.usage"}, model.CompetenceAnswer{}},
		{"head count not a number", "f=sales&use_sales=job&people_sales=zwölf", true, Errors{"people_sales": "competence.error.people"}, model.CompetenceAnswer{}},
		{"head count zero", "f=sales&use_sales=job&people_sales=0", true, Errors{"people_sales": "competence.error.people"}, model.CompetenceAnswer{}},
		{"head count too large", "f=sales&use_sales=job&people_sales=1001", true, Errors{"people_sales": "competence.error.people"}, model.CompetenceAnswer{}},
		{"unknown function", "f=kantine&f=sales&use_sales=job", true, Errors{"f": "competence.error.unknown_function"}, model.CompetenceAnswer{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, err := url.ParseQuery(c.query)
			if err != nil {
				t.Fatal(err)
			}
			check := CompetenceFromValues(v)
			answers, errs := check.Validate()
			if check.Sent != c.wantSent {
				t.Errorf("Sent = %v, want %v", check.Sent, c.wantSent)
			}
			if !reflect.DeepEqual(errs, c.wantErrs) {
				t.Fatalf("errors %v, want %v", errs, c.wantErrs)
			}
			if c.wantErrs == nil && (len(answers) == 0 || answers[0] != c.wantFirst) {
				t.Fatalf("answers %+v, want first %+v", answers, c.wantFirst)
			}
		})
	}
}

// The result URL carries the answers: reading back its query gives the same answers.
func TestCompetenceQueryRoundTrip(t *testing.T) {
	answers := []model.CompetenceAnswer{
		{Function: "marketing", Usage: model.UsageJob, People: 3},
		{Function: "customer_service", Usage: model.UsageNone, People: 40},
		{Function: "it_privacy", Usage: model.UsageOccasional},
	}
	encoded := CompetenceQuery(answers).Encode()
	v, err := url.ParseQuery(encoded)
	if err != nil {
		t.Fatal(err)
	}
	got, errs := CompetenceFromValues(v).Validate()
	if errs != nil || !reflect.DeepEqual(got, answers) {
		t.Fatalf("%s read back as %+v (%v), want %+v", encoded, got, errs, answers)
	}
}
