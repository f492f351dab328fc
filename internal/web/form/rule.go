package form

import (
	"errors"

	"seminars/internal/model"
)

// The form side of the one text rule (model.Line and friends): each helper checks one field
// through a pointer to it, replaces a valid value by its normalised form (trimmed, NFC) — what is
// stored — and otherwise records the refusal's message key under the field's name and leaves the
// value as typed, so the form shows it again. Each reports whether the value is valid.

// line checks a single-line field.
func line(errs Errors, field string, value *string, max int, required bool) bool {
	check := model.Line
	if required {
		check = model.RequiredLine
	}
	clean, err := check(field, *value, max)
	return keep(errs, value, clean, err)
}

// paragraphs checks a multi-line field.
func paragraphs(errs Errors, field string, value *string, max int) bool {
	clean, err := model.Paragraphs(field, *value, max)
	return keep(errs, value, clean, err)
}

// email checks a required e-mail address.
func email(errs Errors, field string, value *string) bool {
	clean, err := model.Email(field, *value)
	return keep(errs, value, clean, err)
}

// name checks a required name that goes into mail headers.
func name(errs Errors, field string, value *string, max int) bool {
	clean, err := model.DisplayName(field, *value, max)
	return keep(errs, value, clean, err)
}

func keep(errs Errors, value *string, clean string, err error) bool {
	if err != nil {
		record(errs, err)
		return false
	}
	*value = clean
	return true
}

// record keeps a field's first refusal.
func record(errs Errors, err error) {
	var fe *model.FieldError
	if errors.As(err, &fe) {
		if _, seen := errs[fe.Field]; !seen {
			errs[fe.Field] = fe.MessageKey()
		}
	}
}

// add records a refusal unless the field already has one: the first (the text rule's, checked
// first) is the one the person can act on.
func (e Errors) add(field, key string) {
	if _, seen := e[field]; !seen {
		e[field] = key
	}
}
