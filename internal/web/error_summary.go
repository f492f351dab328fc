package web

import (
	"sort"
	"strings"
)

// FieldProblem is one line of a form's error summary: the message and the id of the field it
// links to.
type FieldProblem struct {
	Field, ID, Message string
}

// fieldID is the HTML id of a form field, from its name: "attendees[1].email" becomes
// "f-attendees-1-email", so the error summary can link to it with a plain URL fragment.
func fieldID(name string) string {
	return "f-" + strings.NewReplacer("[", "-", "]", "", ".", "-", "_", "-").Replace(name)
}

// ErrorList is the page's field errors in the order the forms ask for them (attendees, then
// billing, then the rest), for the error summary at the top of a form.
func (p Page) ErrorList() []FieldProblem {
	list := make([]FieldProblem, 0, len(p.Errors))
	for field, msg := range p.Errors {
		id := fieldID(field)
		if field == "attendees" { // the whole group (too few or too many rows): its fieldset
			id = "attendees"
		}
		list = append(list, FieldProblem{Field: field, ID: id, Message: msg})
	}
	rank := func(field string) int {
		switch {
		case strings.HasPrefix(field, "attendees"):
			return 0
		case strings.HasPrefix(field, "billing."):
			return 1
		}
		return 2
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i].Field, list[j].Field
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		return a < b
	})
	return list
}
