package web

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/store"
)

// outboxItemJSON is one outbox item as the back office sees it. The payload itself is not shown:
// until delivery a message may hold a booker's manage link.
type outboxItemJSON struct {
	ID            uint        `json:"id"`
	Topic         model.Topic `json:"topic"`
	Key           string      `json:"key"`
	Status        string      `json:"status"`
	Attempts      int         `json:"attempts"`
	LastError     string      `json:"last_error"`
	NextAttemptAt time.Time   `json:"next_attempt_at"`
	DoneAt        *time.Time  `json:"done_at"`
	CreatedAt     time.Time   `json:"created_at"`
	To            string      `json:"to,omitempty"`
	Subject       string      `json:"subject,omitempty"`
	Event         string      `json:"event,omitempty"`
}

// outboxList is GET /api/v1/admin/outbox?status=failed&topic=mail.send&limit=100: the outbox,
// newest first, with status, attempts and last error.
func (s *Server) outboxList(c echo.Context) error {
	status := c.QueryParam("status")
	switch status {
	case "", model.OutboxPending, model.OutboxDone, model.OutboxFailed:
	default:
		return s.validationFailed(c, map[string]string{"status": "error.outbox_status"})
	}
	limit, _ := strconv.Atoi(c.QueryParam("limit"))
	f := store.OutboxFilter{Status: status, Topic: model.Topic(c.QueryParam("topic")), Limit: limit, BeforeID: outboxCursor(c)}
	items, err := s.store.ListOutbox(c.Request().Context(), f)
	if err != nil {
		return err
	}
	out := make([]outboxItemJSON, 0, len(items))
	for _, it := range items {
		out = append(out, outboxItemView(it))
	}
	body := map[string]any{"items": out}
	if len(items) > 0 && len(items) == f.PageSize() {
		body["next_before"] = items[len(items)-1].ID
	}
	return c.JSON(http.StatusOK, body)
}

// outboxItemView shows an item with who a message goes to and what it is about, read from the
// payload's public fields.
func outboxItemView(it model.OutboxItem) outboxItemJSON {
	var p struct {
		Event   string `json:"event"`
		Subject string `json:"subject"`
		To      struct {
			Email string `json:"email"`
		} `json:"to"`
	}
	_ = json.Unmarshal([]byte(it.Payload), &p) // a payload of another shape just shows less
	return outboxItemJSON{
		ID: it.ID, Topic: it.Topic, Key: it.Key, Status: it.Status, Attempts: it.Attempts, LastError: it.LastError,
		NextAttemptAt: it.NextAttemptAt, DoneAt: it.DoneAt, CreatedAt: it.CreatedAt,
		To: p.To.Email, Subject: p.Subject, Event: p.Event,
	}
}

// outboxCursor reads ?before= (an outbox id: the page starts below it); anything else is the
// first page.
func outboxCursor(c echo.Context) uint {
	before, err := strconv.ParseUint(c.QueryParam("before"), 10, 32)
	if err != nil {
		return 0
	}
	return uint(before)
}
