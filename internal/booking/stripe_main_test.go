package booking_test

import (
	"os"
	"testing"

	"seminars/internal/payment/stripemock"
)

// stripeMockURL is the stripe-mock every payment test in this package talks to.
var stripeMockURL string

func TestMain(m *testing.M) {
	os.Exit(stripemock.RunTests(m, func(url string) { stripeMockURL = url }))
}
