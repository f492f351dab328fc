package invoice

import (
	"sync"
	"testing"
	"testing/synctest"
)

// TestPDFsDrawnAtOnceAreBounded: however many PDFs are asked for at once, no more than the
// book's slots are drawn at the same time, and a draw that panics gives its slot back.
func TestPDFsDrawnAtOnceAreBounded(t *testing.T) {
	t.Run("many at once", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			r := &Renderer{fonts: newFontBook(coverage)}
			slots := cap(r.fonts.drawing)
			if slots != pdfsAtOnce() || slots < 1 {
				t.Fatalf("slots = %d, want pdfsAtOnce() = %d (at least 1)", slots, pdfsAtOnce())
			}
			var mu sync.Mutex
			drawing, most := 0, 0
			release := make(chan struct{})
			var wg sync.WaitGroup
			for range slots + 3 {
				wg.Go(func() {
					_, err := r.drawPDF("test", func() ([]byte, error) {
						mu.Lock()
						drawing++
						most = max(most, drawing)
						mu.Unlock()
						<-release
						mu.Lock()
						drawing--
						mu.Unlock()
						return nil, nil
					})
					if err != nil {
						t.Error(err)
					}
				})
			}
			synctest.Wait() // every goroutine draws or waits for a slot
			mu.Lock()
			if drawing != slots {
				t.Errorf("%d drawn at once while all wait, want %d", drawing, slots)
			}
			mu.Unlock()
			close(release)
			wg.Wait()
			if most != slots {
				t.Errorf("at most %d drawn at once, want %d", most, slots)
			}
		})
	})
	t.Run("a panic gives the slot back", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			r := &Renderer{fonts: newFontBook(coverage)}
			for range cap(r.fonts.drawing) + 1 {
				if _, err := r.drawPDF("test", func() ([]byte, error) { panic("broken") }); err == nil {
					t.Fatal("a panicking draw returned no error")
				}
			}
			if out, err := r.drawPDF("test", func() ([]byte, error) { return []byte("%PDF"), nil }); err != nil || string(out) != "%PDF" {
				t.Fatalf("draw after panics = %q, %v", out, err)
			}
		})
	})
}
