package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/store"
)

// outboxPageData is the back office's view of the outbox.
type outboxPageData struct {
	Items  []outboxItemJSON
	Status string
	// Older links to the next page back (empty when every list ended on this page).
	Older string
}

// adminOutboxList shows what the service sent or is about to send — mail and Stripe calls —
// with status, attempts and the last error; ?status=failed narrows it to what needs a hand.
func (s *Server) adminOutboxList(c echo.Context) error {
	status := c.QueryParam("status")
	if status != model.OutboxPending && status != model.OutboxDone && status != model.OutboxFailed {
		status = ""
	}
	// mail.send and stripe.* are what leaves the house; mail.event and document.render items are
	// only steps towards it, shown when they were parked (they then need a hand too).
	// Each list is read newest first below ?before=; the next page starts below the oldest item
	// of a list that filled its page, so nothing is skipped (some items may show twice).
	var items []outboxItemJSON
	before := outboxCursor(c)
	var older uint
	for _, q := range outboxPageQueries(status) {
		q.BeforeID = before
		found, err := s.store.ListOutbox(c.Request().Context(), q)
		if err != nil {
			return err
		}
		for _, it := range found {
			items = append(items, outboxItemView(it))
		}
		if n := len(found); n == q.PageSize() && (older == 0 || found[n-1].ID > older) {
			older = found[n-1].ID
		}
	}
	data := outboxPageData{Items: items, Status: status}
	if older > 0 {
		q := url.Values{"before": {strconv.FormatUint(uint64(older), 10)}}
		if status != "" {
			q.Set("status", status)
		}
		data.Older = "/admin/outbox?" + q.Encode()
	}
	title := s.i18n.For(language(c)).T("outbox.title")
	return s.render(c, http.StatusOK, pageAdminOutbox, title, data, nil)
}

// outboxPageQueries are the lists the outbox page shows for a status filter.
func outboxPageQueries(status string) []store.OutboxFilter {
	qs := []store.OutboxFilter{{Status: status, Topic: model.TopicMailSend, Limit: 200}, {Status: status, Topic: model.TopicsStripe, Limit: 200}}
	if status == "" || status == model.OutboxFailed {
		for _, topic := range []model.Topic{model.TopicMailEvent, model.TopicDocumentRender} {
			qs = append(qs, store.OutboxFilter{Status: model.OutboxFailed, Topic: topic, Limit: 200})
		}
	}
	return qs
}
