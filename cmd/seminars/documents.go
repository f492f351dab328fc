package main

import (
	"context"
	"log/slog"
	"time"

	"seminars/internal/config"
	"seminars/internal/i18n"
	"seminars/internal/invoice"
	"seminars/internal/store"
)

// documentRenderInterval is how long the document renderer waits when nothing was issued.
const documentRenderInterval = 2 * time.Second

// startDocumentRenderer renders and stores the PDF and XML of every invoice and credit note soon
// after it was issued (the document.render outbox items). The returned stop waits for a render
// in progress, so the database is closed only after it.
func startDocumentRenderer(ctx context.Context, cfg config.Config, st *store.Store, log *slog.Logger) (stop func(), err error) {
	catalog, err := i18n.New()
	if err != nil {
		return nil, err
	}
	docs := invoice.NewDocuments(st, invoice.NewRenderer(catalog, cfg.Location), time.Now)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); docs.Run(ctx, documentRenderInterval, log) }()
	return func() { cancel(); <-done }, nil
}
