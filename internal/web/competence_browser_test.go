package web_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"seminars/internal/store/storetest"
)

// TestBrowserCompetenceCheck fills in the competence check in a real browser with JavaScript
// turned off, reads the result, and prints it: the printout has the ranking and the shareable
// link, not the form or the buttons.
func TestBrowserCompetenceCheck(t *testing.T) {
	ctx := browser(t)
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{}) // a marketing and sales seminar
	ts := newServer(t, st)
	noScript := func(ctx context.Context, tab *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tab, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return chromedp.Void{}, err
	}
	if err := chromedp.Do(ctx,
		noScript,
		chromedp.Navigate(ts.URL+"/kompetenz-check"),
		chromedp.Click(`input[name="f"][value="customer_service"]`, chromedp.NodeVisible),
		chromedp.Click(`input[name="use_customer_service"][value="none"]`),
		chromedp.SendKeys(`input[name="people_customer_service"]`, "40"),
		chromedp.Click(`input[name="f"][value="marketing"]`),
		chromedp.Click(`input[name="use_marketing"][value="occasional"]`),
	); err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "competence-form")
	if err := chromedp.Do(ctx,
		chromedp.Click(`form.competence-form button[type="submit"]`),
		chromedp.WaitVisible(`.competence-result`),
	); err != nil {
		t.Fatal(err)
	}
	location, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	result, err := chromedp.Run(ctx, chromedp.Text(`.competence-result`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(location, "/kompetenz-check?") || !strings.Contains(location, "use_customer_service=none") {
		t.Fatalf("the result is not a GET URL with the answers: %s", location)
	}
	if ci, mk := strings.Index(result, "Kundenservice"), strings.Index(result, "Marketing"); ci < 0 || mk < ci || !strings.Contains(result, date.Seminar.TitleDE) {
		t.Fatalf("result:\n%s", result)
	}
	screenshot(t, ctx, "competence-check")

	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF())
	if err != nil {
		t.Fatal(err)
	}
	printed := pdfText(t, pdf)
	for _, want := range []string{"Ihre Auswertung", "Kundenservice", "40 Personen", date.Seminar.TitleDE, "/kompetenz-check?check=1&f=marketing"} { // the link wraps across lines
		if !strings.Contains(printed, want) {
			t.Errorf("the printout lacks %q:\n%s", want, printed)
		}
	}
	for _, unwanted := range []string{"Auswertung anzeigen", "Antworten ändern", "Inhouse-Seminar für diese Funktionen anfragen"} {
		if strings.Contains(printed, unwanted) {
			t.Errorf("the printout shows %q", unwanted)
		}
	}
}

// pdfText extracts a PDF's text with pdftotext (poppler-utils).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is required under CI (poppler-utils)")
		}
		t.Skip("pdftotext not installed")
	}
	in := filepath.Join(t.TempDir(), "print.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	var out, stderr bytes.Buffer
	cmd := exec.Command(bin, "-enc", "UTF-8", in, "-")
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftotext: %v: %s", err, stderr.String())
	}
	return out.String()
}
