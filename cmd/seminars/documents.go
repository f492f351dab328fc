package main

import (
	"time"

	"seminars/internal/config"
	"seminars/internal/i18n"
	"seminars/internal/invoice"
	"seminars/internal/store"
	"seminars/internal/worker"
)

// documentRenderInterval is how long the document renderer waits when nothing was issued.
const documentRenderInterval = 2 * time.Second

// documentJob renders and stores the PDF and XML of every invoice and credit note soon after it
// was issued (the document.render outbox items).
func documentJob(cfg config.Config, st *store.Store, jobs *worker.Runner) (worker.Job, error) {
	catalog, err := i18n.New()
	if err != nil {
		return worker.Job{}, err
	}
	docs := invoice.NewDocuments(st, invoice.NewRenderer(catalog, cfg.Location), time.Now)
	return jobs.QueueJob(docs.RenderQueue(), documentRenderInterval), nil
}
