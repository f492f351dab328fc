package invoice

import "runtime"

// pdfsAtOnce is how many PDFs a process draws at once: half its cores, at least one. Drawing
// is CPU work, so more at once than cores only adds memory (each PDF allocates 6–12 MB), and
// the other half of the cores is left to the requests being served meanwhile.
func pdfsAtOnce() int { return max(1, runtime.GOMAXPROCS(0)/2) }

// drawPDF draws one PDF with render, guarded (guard), once one of the book's drawing slots is
// free. Every PDF of the process (invoices, offers, certificates, sheets, badges) shares the
// slots, since every renderer shares the font book.
func (r *Renderer) drawPDF(what string, render func() ([]byte, error)) ([]byte, error) {
	r.fonts.drawing <- struct{}{}
	defer func() { <-r.fonts.drawing }()
	return guard(what, render)
}
