package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// apiError is the one mapping from errors to what a client sees: status, a stable machine code
// and a message key for people. Domain code returns sentinel or typed errors; only this decides
// what HTTP makes of them.
type apiError struct {
	Status    int
	Code      string
	Message   string // i18n key
	SeatsLeft *int
	Field     string // the parameter or field that broke the text rule, if that is what went wrong
}

func classify(err error) apiError {
	var soldOut *model.SoldOutError
	var httpErr *echo.HTTPError
	var fieldErr *model.FieldError
	switch {
	case errors.As(err, &soldOut):
		left := soldOut.SeatsLeft
		return apiError{http.StatusConflict, "sold_out", "error.sold_out", &left, ""}
	case errors.Is(err, model.ErrNotFound):
		return apiError{Status: http.StatusNotFound, Code: "not_found", Message: "error.not_found"}
	case errors.Is(err, model.ErrNotBookable):
		return apiError{Status: http.StatusConflict, Code: "not_bookable", Message: "error.not_bookable"}
	case errors.Is(err, model.ErrPaymentUnavailable):
		return apiError{Status: http.StatusServiceUnavailable, Code: "payment_unavailable", Message: "error.payment_unavailable"}
	case errors.Is(err, model.ErrFlatDateBooked):
		return apiError{Status: http.StatusConflict, Code: "inhouse_booked", Message: "error.inhouse_booked"}
	case errors.Is(err, model.ErrNotConfirmed):
		return apiError{Status: http.StatusConflict, Code: "not_confirmed", Message: "admin.error.not_confirmed"}
	case errors.Is(err, model.ErrNotCheckInDay):
		return apiError{Status: http.StatusConflict, Code: "not_check_in_day", Message: "admin.error.not_check_in_day"}
	case errors.Is(err, model.ErrNoCheckIn):
		return apiError{Status: http.StatusConflict, Code: "not_checked_in", Message: "admin.error.not_checked_in"}
	case errors.Is(err, model.ErrInUse):
		return apiError{Status: http.StatusConflict, Code: "in_use", Message: "admin.error.in_use"}
	case errors.Is(err, model.ErrInvalidTransition):
		return apiError{Status: http.StatusConflict, Code: "invalid_transition", Message: "error.invalid_transition"}
	case errors.Is(err, model.ErrThrottled):
		return apiError{Status: http.StatusTooManyRequests, Code: "rate_limited", Message: "error.rate_limited"}
	case errors.Is(err, model.ErrSignInBusy):
		return apiError{Status: http.StatusServiceUnavailable, Code: "busy", Message: "admin.login.busy"}
	case errors.Is(err, model.ErrForbiddenRole):
		return apiError{Status: http.StatusForbidden, Code: "forbidden", Message: "admin.error.forbidden_role"}
	case errors.Is(err, model.ErrUnauthenticated), errors.Is(err, model.ErrBadCredentials):
		return apiError{Status: http.StatusUnauthorized, Code: "unauthorized", Message: "error.unauthorized"}
	case errors.As(err, &fieldErr): // after ErrNotFound: a path parameter that breaks the rule names nothing
		return apiError{Status: http.StatusBadRequest, Code: "invalid_input", Message: fieldErr.MessageKey(), Field: fieldErr.Field}
	case errors.As(err, &httpErr):
		return classifyHTTP(httpErr)
	}
	return apiError{Status: http.StatusInternalServerError, Code: "internal", Message: "error.internal"}
}

func classifyHTTP(e *echo.HTTPError) apiError {
	switch e.Code {
	case http.StatusNotFound:
		return apiError{Status: e.Code, Code: "not_found", Message: "error.not_found"}
	case http.StatusRequestEntityTooLarge:
		return apiError{Status: e.Code, Code: "body_too_large", Message: "error.body_too_large"}
	case http.StatusTooManyRequests:
		return apiError{Status: e.Code, Code: "rate_limited", Message: "error.rate_limited"}
	case http.StatusForbidden:
		return apiError{Status: e.Code, Code: "forbidden", Message: "error.forbidden"}
	case http.StatusBadRequest:
		return apiError{Status: e.Code, Code: "bad_request", Message: "error.bad_request"}
	case http.StatusUnsupportedMediaType:
		return apiError{Status: e.Code, Code: "unsupported_media_type", Message: "error.unsupported_media_type"}
	case http.StatusMethodNotAllowed:
		return apiError{Status: e.Code, Code: "method_not_allowed", Message: "error.method_not_allowed"}
	case http.StatusUnauthorized:
		return apiError{Status: e.Code, Code: "unauthorized", Message: "error.unauthorized"}
	}
	if e.Code >= 500 {
		return apiError{Status: e.Code, Code: "internal", Message: "error.internal"}
	}
	return apiError{Status: e.Code, Code: strings.ToLower(strings.ReplaceAll(http.StatusText(e.Code), " ", "_")), Message: "error.bad_request"}
}

// statusClientClosedRequest is nginx's 499: the client hung up before the answer was ready. It
// is what the request log and the metrics record for such a request, so a client going away is
// neither logged as an error nor counted as a 500.
const statusClientClosedRequest = 499

// clientGone tells whether a request failed because its client hung up (its context was
// canceled) rather than because of anything on our side.
func clientGone(c echo.Context, err error) bool {
	return err != nil && (errors.Is(err, context.Canceled) || errors.Is(c.Request().Context().Err(), context.Canceled))
}

// wantsJSON tells whether the client of this request reads JSON rather than pages.
func wantsJSON(c echo.Context) bool {
	p := c.Request().URL.Path
	return strings.HasPrefix(p, "/api/") || strings.HasPrefix(p, "/webhooks/") || p == "/healthz" ||
		strings.Contains(c.Request().Header.Get("Accept"), "application/json")
}

// handleError is Echo's error handler: it logs what went wrong on our side and answers in the
// client's format and language, never with internals.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	if clientGone(c, err) {
		// Nobody reads the answer; the status is for the request log.
		s.log.DebugContext(c.Request().Context(), "client disconnected", "path", loggedPath(c), "error", err)
		c.Response().WriteHeader(statusClientClosedRequest)
		return
	}
	ae := classify(err)
	if ae.Status >= 500 {
		s.log.ErrorContext(c.Request().Context(), "request failed", "path", loggedPath(c), "error", err)
	}
	t := s.i18n.For(language(c))
	message := t.T(ae.Message)
	if ae.Field != "" {
		message = t.T("error.in_field", "Field", ae.Field, "Message", message)
	}
	var respErr error
	switch {
	case c.Request().Method == http.MethodHead:
		respErr = c.NoContent(ae.Status)
	case wantsJSON(c):
		body := map[string]any{"error": ae.Code, "message": message}
		if ae.SeatsLeft != nil {
			body["seats_left"] = *ae.SeatsLeft
		}
		if ae.Field != "" {
			body["errors"] = map[string]string{ae.Field: t.T(ae.Message)}
		}
		respErr = c.JSON(ae.Status, body)
	default:
		respErr = s.render(c, ae.Status, pageError, message, ae, nil)
	}
	if respErr != nil {
		s.log.Error("writing error response", "error", respErr)
	}
}

// validationFailed answers 422 with translated per-field messages.
func (s *Server) validationFailed(c echo.Context, keys map[string]string) error {
	return c.JSON(http.StatusUnprocessableEntity, map[string]any{"errors": s.translate(c, keys)})
}
