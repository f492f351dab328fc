package web_test

import (
	"fmt"
	"os"
	"testing"

	"seminars/internal/payment/stripemock"
)

// stripeMockURL is the stripe-mock the payment scenarios of this package talk to.
var stripeMockURL string

func TestMain(m *testing.M) {
	srv, err := stripemock.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	stripeMockURL = srv.URL
	code := m.Run()
	srv.Stop()
	os.Exit(code)
}
