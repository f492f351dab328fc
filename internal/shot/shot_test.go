package shot

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestShots(t *testing.T) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.NoSandbox, chromedp.WindowSize(1200, 1400))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	base := "http://127.0.0.1:18391"
	shot := func(name string) {
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile("/tmp/adm/"+name+".png", buf, 0o644)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/admin"), chromedp.WaitVisible(`input[name=email]`)); err != nil {
		t.Fatal(err)
	}
	shot("login")
	if err := chromedp.Do(ctx, chromedp.SendKeys(`input[name=email]`, "trainer@example.com"),
		chromedp.SendKeys(`input[name=password]`, "sehr-geheim-123"), chromedp.Submit(`input[name=password]`),
		chromedp.WaitVisible(`.admin-nav`)); err != nil {
		t.Fatal(err)
	}
	shot("dashboard")
	for _, p := range []string{"/admin/seminars", "/admin/seminars/1", "/admin/dates/1", "/admin/bookings", "/admin/dates/1/attendees"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitVisible(`.admin-nav`)); err != nil {
			t.Fatal(err)
		}
		shot(map[string]string{"/admin/seminars": "seminars", "/admin/seminars/1": "seminar", "/admin/dates/1": "date", "/admin/bookings": "bookings", "/admin/dates/1/attendees": "attendees"}[p])
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/admin/dates/1/attendees"), chromedp.WaitVisible(`.admin-nav`)); err != nil {
		t.Fatal(err)
	}
	shot("phone")
}
