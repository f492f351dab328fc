package web

import (
	"encoding/json"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// Fees of a cancellation through the admin API.
const (
	cancelFeePolicy = "policy" // the booker's cancellation policy: its fee is kept
	cancelFeeNone   = "none"   // no fee: everything paid goes back (owners only)
)

// cancelBookingRequest is the body of POST /api/v1/admin/bookings/{reference}/cancel.
type cancelBookingRequest struct {
	Fee string `json:"fee"`
}

// apiAdminBookingCancel is POST /api/v1/admin/bookings/{reference}/cancel with {"fee":"policy"}
// (the booker's rules, as if they had cancelled themselves) or {"fee":"none"} (everything paid
// refunded, backoffice.CancelBooking as in the back office). Both can refund money, so the route
// is for owner tokens only, like the back office's cancel. It answers the booking as cancelled.
func (s *Server) apiAdminBookingCancel(c echo.Context) error {
	ctx := c.Request().Context()
	b, err := s.store.BookingByReference(ctx, c.Param("reference"))
	if err != nil {
		return err
	}
	var req cancelBookingRequest
	if err := json.NewDecoder(c.Request().Body).Decode(&req); err != nil {
		return s.badJSON(c, err)
	}
	switch req.Fee {
	case cancelFeePolicy:
		_, err = s.office.CancelBookingUnderPolicy(ctx, actor(c), b.Reference)
	case cancelFeeNone:
		if !actsAsOwner(c) {
			return model.ErrForbiddenRole
		}
		_, err = s.office.CancelBooking(ctx, actor(c), b.Reference)
	default:
		return s.validationFailed(c, map[string]string{"fee": "admin.error.cancel_fee"})
	}
	if err != nil {
		return err // a booking that cannot be cancelled (any more, or under the policy) is 409
	}
	v, err := s.adminBookingDetail(ctx, b.Reference)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, v)
}
