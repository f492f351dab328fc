package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// inputGuard applies the text rule (model.Line) to what every request carries before any handler
// sees it: a path parameter that breaks it names nothing that exists (404); a query parameter
// that breaks it is a bad request (400, naming the parameter). Form values are checked as they
// arrive: one that is not valid UTF-8 is refused (400) — no browser sends such a form, and
// PostgreSQL refuses such text — while control characters, line breaks and lengths are left to
// each form's own validation, which answers per field in the user's language.
func (s *Server) inputGuard() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			for i, name := range c.ParamNames() {
				if i < len(c.ParamValues()) {
					if _, err := model.Line(name, c.ParamValues()[i], model.MaxParamLen); err != nil {
						return fmt.Errorf("path parameter %w: %w", err, model.ErrNotFound)
					}
				}
			}
			for name, values := range c.QueryParams() {
				if err := checkValues("query", name, values, model.Line); err != nil {
					return err
				}
			}
			if isForm(c.Request()) && !isMachinePath(c.Request().URL.Path) {
				values, err := c.FormParams()
				if err != nil {
					return formReadError(err)
				}
				for name, vs := range values {
					if err := checkValues("form", name, vs, validUTF8); err != nil {
						return err
					}
				}
			}
			return next(c)
		}
	}
}

// checkValues applies rule to a parameter's name and each of its values.
func checkValues(where, name string, values []string, rule func(field, value string, max int) (string, error)) error {
	if _, err := model.Line(where, name, model.MaxParamLen); err != nil {
		return err
	}
	for _, v := range values {
		if _, err := rule(name, v, model.MaxParamLen); err != nil {
			return err
		}
	}
	return nil
}

func validUTF8(field, value string, _ int) (string, error) {
	if !utf8.ValidString(value) {
		return "", &model.FieldError{Field: field, Reason: model.ReasonInvalidUTF8}
	}
	return value, nil
}

// isMachinePath tells the JSON API and the webhooks, which take no forms (jsonBody answers a
// form sent there with 415; the webhook reads its raw body for the signature).
func isMachinePath(p string) bool {
	return strings.HasPrefix(p, "/api/") || strings.HasPrefix(p, "/webhooks/")
}

func isForm(r *http.Request) bool {
	if r.Method != http.MethodPost && r.Method != http.MethodPut && r.Method != http.MethodPatch {
		return false
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mt == "application/x-www-form-urlencoded" || mt == "multipart/form-data"
}

// formReadError tells a body over the limit (413) from one that cannot be read as a form (400).
func formReadError(err error) error {
	var tooLarge *echo.HTTPError
	if errors.As(err, &tooLarge) && tooLarge.Code == http.StatusRequestEntityTooLarge {
		return tooLarge
	}
	return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
}

// jsonBody guards the JSON endpoints: a request with a body must say Content-Type
// application/json (415 otherwise), so a cross-site HTML form — which can only send
// text/plain, urlencoded or multipart — cannot book from a visitor's browser; and the raw body
// must be valid UTF-8 (400 otherwise), checked before decoding because encoding/json silently
// turns broken bytes into U+FFFD.
func (s *Server) jsonBody() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			r := c.Request()
			if r.Method != http.MethodPost && r.Method != http.MethodPut && r.Method != http.MethodPatch {
				return next(c)
			}
			contentType := r.Header.Get("Content-Type")
			if contentType == "" && r.ContentLength == 0 {
				return next(c) // an action without a body (resend, cancel)
			}
			if !isJSON(contentType) {
				return echo.NewHTTPError(http.StatusUnsupportedMediaType)
			}
			raw, err := io.ReadAll(r.Body)
			if err != nil {
				return formReadError(err)
			}
			if !utf8.Valid(raw) {
				return &model.FieldError{Field: "body", Reason: model.ReasonInvalidUTF8}
			}
			r.Body = io.NopCloser(bytes.NewReader(raw))
			return next(c)
		}
	}
}

// isJSON accepts application/json, with no charset or UTF-8 (the only one JSON has, RFC 8259).
func isJSON(contentType string) bool {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "application/json" {
		return false
	}
	cs, ok := params["charset"]
	return !ok || strings.EqualFold(cs, "utf-8")
}
