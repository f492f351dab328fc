package form

import (
	"encoding/json"
	"unicode/utf8"

	"seminars/internal/model"
)

// DecodeBooking reads the body of POST /api/v1/bookings. A body that is not valid UTF-8 is
// refused before decoding — encoding/json would silently turn its broken bytes into U+FFFD, and
// the booking would be stored with text nobody typed. Anything after the JSON object makes the
// body malformed. Validate checks the fields.
func DecodeBooking(raw []byte) (Booking, error) {
	if !utf8.Valid(raw) {
		return Booking{}, &model.FieldError{Field: "body", Reason: model.ReasonInvalidUTF8}
	}
	var b Booking
	err := json.Unmarshal(raw, &b)
	return b, err
}
