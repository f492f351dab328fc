package main

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestSettle(t *testing.T) {
	boom := errors.New("database gone")
	tests := []struct {
		name      string
		answers   []bool // what Backlog says on each question; the last one repeats
		err       error
		noBacklog bool
		wantAsked int
		wantErr   string
	}{
		{name: "a server named by -url is not asked", noBacklog: true, wantAsked: 0},
		{name: "idle at once", answers: []bool{false}, wantAsked: 1},
		{name: "busy, then idle", answers: []bool{true, true, false}, wantAsked: 3},
		{name: "never idle stops at the limit", answers: []bool{true}, wantErr: "still busy"},
		{name: "an unreadable outbox is an error", err: boom, wantAsked: 1, wantErr: "database gone"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			asked := 0
			srv := &server{}
			if !tc.noBacklog {
				srv.Backlog = func(context.Context) (bool, error) {
					asked++
					if tc.err != nil {
						return false, tc.err
					}
					return tc.answers[min(asked, len(tc.answers))-1], nil
				}
			}
			_, err := settle(context.Background(), srv, 20*time.Millisecond, time.Millisecond)
			if tc.wantErr == "" && err != nil {
				t.Fatalf("settle: %v", err)
			}
			if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("settle: %v, want an error with %q", err, tc.wantErr)
			}
			if tc.wantAsked > 0 && asked != tc.wantAsked || tc.noBacklog && asked != 0 {
				t.Fatalf("asked %d times, want %d", asked, tc.wantAsked)
			}
		})
	}
}
