package invoice

import "runtime"

// pdfsAtOnce is how many PDFs a process draws at once: one per core. Drawing is CPU work, so
// more at once than cores only adds memory (each PDF allocates 6–12 MB). The render job draws
// as many at once (RenderQueue), so a backlog left by a booking storm drains on every core;
// while users are writing, the job gives way instead (worker.Backoff), so the cores are theirs.
func pdfsAtOnce() int { return max(1, runtime.GOMAXPROCS(0)) }

// drawPDF draws one PDF with render, guarded (guard), once one of the book's drawing slots is
// free. Every PDF of the process (invoices, offers, certificates, sheets, badges) shares the
// slots, since every renderer shares the font book.
func (r *Renderer) drawPDF(what string, render func() ([]byte, error)) ([]byte, error) {
	r.fonts.drawing <- struct{}{}
	defer func() { <-r.fonts.drawing }()
	return guard(what, render)
}
