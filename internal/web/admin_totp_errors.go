package web

import (
	"errors"
	"net/http"

	"seminars/internal/model"
)

// codeProblem maps what can be wrong with a typed TOTP or recovery code to a status and the
// message key the form shows; ok is false for errors that are not the user's.
func codeProblem(err error) (status int, key string, ok bool) {
	switch {
	case errors.Is(err, model.ErrBadCode):
		return http.StatusUnprocessableEntity, "account.code.bad", true
	case errors.Is(err, model.ErrCodeReplayed):
		return http.StatusUnprocessableEntity, "account.code.replayed", true
	case errors.Is(err, model.ErrThrottled):
		return http.StatusTooManyRequests, "account.code.throttled", true
	case errors.Is(err, model.ErrTOTPState):
		return http.StatusConflict, "account.state", true
	}
	return 0, "", false
}
