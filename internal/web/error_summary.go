package web

import (
	"sort"
	"strconv"
	"strings"
)

// FieldProblem is one line of a form's error summary: the message and the id of the field it
// links to.
type FieldProblem struct {
	Field, ID, Label, Message string
}

// fieldID is the HTML id of a form field, from its name: "attendees[1].email" becomes
// "f-attendees-1-email", so the error summary can link to it with a plain URL fragment.
func fieldID(name string) string {
	return "f-" + strings.NewReplacer("[", "-", "]", "", ".", "-", "_", "-").Replace(name)
}

// formOrder is the order in which the forms ask for their fields; the error summary lists its
// problems in the same order. Unknown fields come last, by name.
var formOrder = []string{"attendees", "first_name", "last_name", "email", "billing.company", "billing.name", "billing.email",
	"billing.street", "billing.postal_code", "billing.city", "billing.country", "billing.vat_id", "billing.po_number",
	"billing.buyer_reference", "payment_method", "voucher", "confirm_business", "accept_terms"}

// errorOrder is where a field comes in its form: the attendee row first, then formOrder.
func errorOrder(field string) (row, pos int) {
	row = -1
	if rest, ok := strings.CutPrefix(field, "attendees["); ok {
		if n, name, ok := strings.Cut(rest, "]."); ok {
			row, _ = strconv.Atoi(n)
			field = name
		}
	}
	for i, f := range formOrder {
		if f == field {
			return row, i
		}
	}
	return row, len(formOrder)
}

// ErrorList is the page's field errors in the order the form asks for them, for the error
// summary at the top of a form.
func (p Page) ErrorList() []FieldProblem {
	list := make([]FieldProblem, 0, len(p.Errors))
	for field, msg := range p.Errors {
		id := fieldID(field)
		if field == "attendees" { // the whole group (too few or too many rows): its fieldset
			id = "attendees"
		}
		list = append(list, FieldProblem{Field: field, ID: id, Label: p.fieldLabel(field), Message: msg})
	}
	key := func(field string) [3]int {
		row, pos := errorOrder(field)
		group := 2
		switch {
		case field == "attendees":
			group = 0
		case row >= 0:
			group = 1
		}
		return [3]int{group, row, pos}
	}
	sort.Slice(list, func(i, j int) bool {
		ki, kj := key(list[i].Field), key(list[j].Field)
		if ki != kj {
			return ki[0] < kj[0] || ki[0] == kj[0] && (ki[1] < kj[1] || ki[1] == kj[1] && ki[2] < kj[2])
		}
		return list[i].Field < list[j].Field
	})
	return list
}

// fieldLabel is the label a form shows for field, so that the summary's "Bitte ausfüllen." says
// which field: "Person 2, E-Mail". Fields whose message names them (the checkboxes) get none.
func (p Page) fieldLabel(field string) string {
	row := ""
	if rest, ok := strings.CutPrefix(field, "attendees["); ok {
		if n, name, ok := strings.Cut(rest, "]."); ok {
			i, _ := strconv.Atoi(n)
			row, field = p.T.T("booking.attendee_n", "N", i+1)+", ", name
		}
	}
	keys := map[string]string{"billing.name": "field.contact_name", "billing.email": "field.billing_email",
		"payment_method": "booking.payment", "confirm_business": "", "accept_terms": "", "attendees": ""}
	key, known := keys[field]
	if !known {
		name := strings.TrimPrefix(field, "billing.")
		for _, k := range []string{"field." + name, "inquiry." + name, "waitlist." + name} {
			if p.T.T(k) != k {
				key = k
				break
			}
		}
	}
	if key == "" {
		return strings.TrimSuffix(row, ", ")
	}
	return row + p.T.T(key)
}
