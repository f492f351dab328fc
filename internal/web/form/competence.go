package form

import (
	"net/url"
	"strconv"

	"seminars/internal/model"
)

// MaxCompetencePeople is the largest head count per function the check takes (an in-house
// inquiry takes at most 1000 participants in all).
const MaxCompetencePeople = 1000

// Query parameters of the competence check. The answers live in the URL, so a result can be
// shared, bookmarked and printed, and nothing is stored.
const (
	competenceSent     = "check"   // the form was sent (also with nothing ticked)
	competenceFunction = "f"       // a ticked business function, repeated
	competenceUsage    = "use_"    // + function: how it uses social media today
	competencePeople   = "people_" // + function: how many people work in it (optional)
)

// Competence is the social media competence check as sent in the query string.
type Competence struct {
	Sent bool
	// Typed is what was sent per business function, to show the form again as it was.
	Typed map[string]CompetenceTyped
}

// CompetenceTyped is one function's answers as typed.
type CompetenceTyped struct {
	Ticked bool
	Usage  string
	People string
}

// CompetenceFromValues reads the check from a query string. Values of functions that are not
// ticked are kept for the form but not checked (a visitor may pick an answer and untick the box).
func CompetenceFromValues(v url.Values) Competence {
	c := Competence{Sent: v.Get(competenceSent) != "" || len(v[competenceFunction]) > 0, Typed: map[string]CompetenceTyped{}}
	for _, f := range v[competenceFunction] {
		c.Typed[f] = CompetenceTyped{Ticked: true}
	}
	for _, f := range model.BusinessFunctions {
		typed := c.Typed[f]
		typed.Usage, typed.People = v.Get(competenceUsage+f), v.Get(competencePeople+f)
		if typed.Ticked || typed.Usage != "" || typed.People != "" {
			c.Typed[f] = typed
		}
	}
	return c
}

// Validate returns the ticked functions' answers in catalogue order, or per-field message keys:
// a function the catalogue does not know, a ticked function without its usage, a head count that
// is not a number from 1 to MaxCompetencePeople, nothing ticked at all.
func (c Competence) Validate() ([]model.CompetenceAnswer, Errors) {
	errs := Errors{}
	for f, typed := range c.Typed {
		if typed.Ticked && !model.IsBusinessFunction(f) {
			errs[competenceFunction] = "competence.error.unknown_function"
		}
	}
	var answers []model.CompetenceAnswer
	for _, f := range model.BusinessFunctions {
		typed := c.Typed[f]
		if !typed.Ticked {
			continue
		}
		usage, ok := model.ParseUsage(typed.Usage)
		if !ok {
			errs[competenceUsage+f] = "competence.error.usage"
		}
		people := 0
		if typed.People != "" {
			n, err := model.ParseCount(competencePeople+f, typed.People, MaxCompetencePeople)
			if err != nil || n < 1 {
				errs[competencePeople+f] = "competence.error.people"
			}
			people = n
		}
		answers = append(answers, model.CompetenceAnswer{Function: f, Usage: usage, People: people})
	}
	if len(answers) == 0 && len(errs) == 0 {
		errs[competenceFunction] = "competence.error.none_ticked"
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return answers, nil
}

// CompetenceQuery is the canonical query string of a set of answers: the shareable result URL's
// and the pre-filled inquiry's. CompetenceFromValues reads it back to the same answers.
func CompetenceQuery(answers []model.CompetenceAnswer) url.Values {
	v := url.Values{competenceSent: {"1"}}
	for _, a := range answers {
		v.Add(competenceFunction, a.Function)
		v.Set(competenceUsage+a.Function, string(a.Usage))
		if a.People > 0 {
			v.Set(competencePeople+a.Function, strconv.Itoa(a.People))
		}
	}
	return v
}

// Usage is what was typed for a function's usage, for the form.
func (c Competence) Usage(f string) string { return c.Typed[f].Usage }

// People is what was typed for a function's head count, for the form.
func (c Competence) People(f string) string { return c.Typed[f].People }

// Ticked tells whether a function was ticked, for the form.
func (c Competence) Ticked(f string) bool { return c.Typed[f].Ticked }
