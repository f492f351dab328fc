package worker_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"

	"seminars/internal/invoice"
	"seminars/internal/mail"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
	"seminars/internal/worker"
)

// t0 is the fixed time the tests start at; every round is given its time explicitly.
var t0 = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)

const testTopic = "test.job"

// enqueue stores n due items of topic with payload and returns them.
func enqueue(t *testing.T, st *store.Store, topic, payload string, n int) []model.OutboxItem {
	t.Helper()
	ctx := context.Background()
	items := make([]model.OutboxItem, n)
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		for i := range items {
			items[i] = model.OutboxItem{Topic: model.Topic(topic), Key: fmt.Sprintf("%s:%d", topic, i), Payload: payload, NextAttemptAt: t0}
			if err := tx.Enqueue(ctx, &items[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func reload(t *testing.T, st *store.Store, id uint) model.OutboxItem {
	t.Helper()
	item, err := st.OutboxItemByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return item
}

// doneHandler marks its item done, the way real handlers do in the transaction of their effect.
func doneHandler(st *store.Store) worker.Handler {
	return func(ctx context.Context, item model.OutboxItem, now time.Time) error {
		return st.WithTx(ctx, func(tx *store.Tx) error { return tx.MarkOutboxDone(ctx, item.ID, now) })
	}
}

// TestFailingItems: how each kind of failure is recorded, round after round, until the item is
// parked or — for a passing failure — for ever retried.
func TestFailingItems(t *testing.T) {
	cases := []struct {
		name       string
		payload    string
		handle     func(ctx context.Context, item model.OutboxItem, now time.Time) error
		rounds     int
		wantStatus string
		wantError  string
	}{
		{"panic is recorded and parked after N", `{}`, func(_ context.Context, item model.OutboxItem, _ time.Time) error {
			glyphs := make([]int, 0)
			glyphs[len(item.Key)]++ // a real runtime panic, like fpdf's font map on an emoji
			return nil
		}, 3, model.OutboxFailed, "panic: runtime error: index out of range [10] with length 0"},
		{"permanent error parked after N", `{}`, func(context.Context, model.OutboxItem, time.Time) error {
			return worker.Permanent(errors.New("no header can carry this name"))
		}, 3, model.OutboxFailed, "no header can carry this name"},
		{"malformed payload parked after N", `{"invoice_id":`, func(_ context.Context, item model.OutboxItem, _ time.Time) error {
			var p model.DocumentRenderPayload
			return worker.Decode(item, &p)
		}, 3, model.OutboxFailed, "test.job payload"},
		{"mail.ErrPermanent parked after N", `{}`, func(context.Context, model.OutboxItem, time.Time) error {
			return fmt.Errorf("%w: sender %q", mail.ErrPermanent, "x")
		}, 3, model.OutboxFailed, "message cannot be sent"},
		{"transient error never parked", `{}`, func(context.Context, model.OutboxItem, time.Time) error {
			return errors.New("dial tcp 127.0.0.1:25: connection refused")
		}, 10, model.OutboxPending, "connection refused"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, st *store.Store) {
				ctx := context.Background()
				jobs := worker.New(st, worker.Settings{MaxAttempts: 3})
				item := enqueue(t, st, testTopic, tc.payload, 1)[0]
				q := worker.Queue{Topic: testTopic, Batch: 10, Handle: tc.handle}
				now := t0
				for round := range tc.rounds {
					if n, err := jobs.Drain(ctx, q, now); err != nil || n != 1 {
						t.Fatalf("round %d: took %d, %v", round+1, n, err)
					}
					got := reload(t, st, item.ID)
					if got.Attempts != round+1 || !strings.Contains(got.LastError, tc.wantError) {
						t.Fatalf("round %d: attempts %d, error %q", round+1, got.Attempts, got.LastError)
					}
					if got.Status == model.OutboxFailed {
						break
					}
					now = got.NextAttemptAt // the next round when it is due again
				}
				got := reload(t, st, item.ID)
				if got.Status != tc.wantStatus {
					t.Fatalf("status %s after %d attempts, want %s", got.Status, got.Attempts, tc.wantStatus)
				}
				if n, err := jobs.Drain(ctx, q, now.Add(48*time.Hour)); err != nil || (n == 1) != (tc.wantStatus == model.OutboxPending) {
					t.Fatalf("a later round took %d items (%v); a parked item is never taken again", n, err)
				}
			})
		})
	}
}

// TestBackoffIsCapped: the wait between attempts doubles from 30 s and stops at an hour.
func TestBackoffIsCapped(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	jobs := worker.New(st, worker.Settings{})
	item := enqueue(t, st, testTopic, `{}`, 1)[0]
	q := worker.Queue{Topic: testTopic, Batch: 1, Handle: func(context.Context, model.OutboxItem, time.Time) error {
		return errors.New("451 try again later")
	}}
	want := []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute,
		16 * time.Minute, 32 * time.Minute, time.Hour, time.Hour, time.Hour}
	now := t0
	for i, wait := range want {
		if _, err := jobs.Drain(ctx, q, now); err != nil {
			t.Fatal(err)
		}
		got := reload(t, st, item.ID)
		if gotWait := got.NextAttemptAt.Sub(now); gotWait != wait {
			t.Errorf("after attempt %d the wait is %s, want %s", i+1, gotWait, wait)
		}
		now = got.NextAttemptAt
	}
}

// TestParkedItemTellsTheOwnersOnce: parking enqueues one notice; a notice that is parked itself
// enqueues none, so a broken owner address cannot start a loop.
func TestParkedItemTellsTheOwnersOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		jobs := worker.New(st, worker.Settings{MaxAttempts: 1})
		poison := enqueue(t, st, testTopic, `{}`, 1)[0]
		fail := func(context.Context, model.OutboxItem, time.Time) error {
			return worker.Permanent(errors.New("poison"))
		}
		if _, err := jobs.Drain(ctx, worker.Queue{Topic: testTopic, Batch: 10, Handle: fail}, t0); err != nil {
			t.Fatal(err)
		}
		notices, err := st.ListOutbox(ctx, store.OutboxFilter{Topic: model.TopicMailEvent})
		if err != nil || len(notices) != 1 {
			t.Fatalf("notices %+v, %v", notices, err)
		}
		notice := notices[0]
		if want := fmt.Sprintf("mail.event:item_parked:outbox:%d", poison.ID); notice.Key != want ||
			!strings.Contains(notice.Payload, `"event":"item_parked"`) || !strings.Contains(notice.Payload, "poison") {
			t.Fatalf("notice %s %s", notice.Key, notice.Payload)
		}
		// The notice and its messages fail for good too: parked, and nothing new is enqueued.
		if _, err := jobs.Drain(ctx, worker.Queue{Topic: model.TopicMailEvent, Batch: 10, Handle: fail}, t0); err != nil {
			t.Fatal(err)
		}
		after, err := st.ListOutbox(ctx, store.OutboxFilter{Topic: model.TopicMailEvent})
		if err != nil || len(after) != 1 || after[0].Status != model.OutboxFailed {
			t.Fatalf("after the notice failed: %+v, %v", after, err)
		}
	})
}

// TestBatches: a round takes one batch; a full batch asks for the next round at once.
func TestBatches(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	jobs := worker.New(st, worker.Settings{Now: func() time.Time { return t0 }})
	enqueue(t, st, testTopic, `{}`, 5)
	job := jobs.QueueJob(worker.Queue{Topic: testTopic, Batch: 2, Handle: doneHandler(st)}, time.Minute)
	for i, wantMore := range []bool{true, true, false, false} {
		more, err := job.Round(ctx, t0)
		if err != nil || more != wantMore {
			t.Fatalf("round %d: more %v (%v), want %v", i+1, more, err, wantMore)
		}
	}
	left, err := st.DueOutboxItems(ctx, testTopic, t0.Add(time.Hour), 10)
	if err != nil || len(left) != 0 {
		t.Fatalf("%d items left, %v", len(left), err)
	}
}

// TestPoisonDoesNotBlockTheRest: a panicking item in the middle of a batch leaves the items
// after it to be done in the same round.
func TestPoisonDoesNotBlockTheRest(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	jobs := worker.New(st, worker.Settings{})
	items := enqueue(t, st, testTopic, `{}`, 3)
	handle := func(ctx context.Context, item model.OutboxItem, now time.Time) error {
		if item.ID == items[1].ID {
			panic("poison")
		}
		return doneHandler(st)(ctx, item, now)
	}
	if n, err := jobs.Drain(ctx, worker.Queue{Topic: testTopic, Batch: 10, Handle: handle}, t0); err != nil || n != 3 {
		t.Fatalf("took %d, %v", n, err)
	}
	for i, want := range []string{model.OutboxDone, model.OutboxPending, model.OutboxDone} {
		if got := reload(t, st, items[i].ID); got.Status != want {
			t.Errorf("item %d is %s, want %s", i, got.Status, want)
		}
	}
}

// TestFailedHook: the queue's hook runs in the failure's transaction and learns when the
// attempts reached the limit, for passing failures too.
func TestFailedHook(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	jobs := worker.New(st, worker.Settings{MaxAttempts: 2})
	enqueue(t, st, testTopic, `{}`, 1)
	var seen []worker.Failure
	q := worker.Queue{Topic: testTopic, Batch: 1,
		Handle: func(context.Context, model.OutboxItem, time.Time) error { return errors.New("stripe unavailable") },
		Failed: func(_ context.Context, _ *store.Tx, f worker.Failure) error { seen = append(seen, f); return nil }}
	for _, at := range []time.Time{t0, t0.Add(time.Hour), t0.Add(3 * time.Hour)} {
		if _, err := jobs.Drain(ctx, q, at); err != nil {
			t.Fatal(err)
		}
	}
	if len(seen) != 3 || seen[0].LimitReached || !seen[1].LimitReached || seen[2].LimitReached || seen[1].Parked {
		t.Fatalf("failures seen: %+v", seen)
	}
}

// TestShutdownIsNoFailure: a handler cut short by shutdown leaves its item untouched but leased.
func TestShutdownIsNoFailure(t *testing.T) {
	st := storetest.SQLite(t)
	ctx, cancel := context.WithCancel(context.Background())
	jobs := worker.New(st, worker.Settings{})
	item := enqueue(t, st, testTopic, `{}`, 1)[0]
	handle := func(ctx context.Context, _ model.OutboxItem, _ time.Time) error { cancel(); return ctx.Err() }
	if _, err := jobs.Drain(ctx, worker.Queue{Topic: testTopic, Batch: 1, Handle: handle}, t0); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if got := reload(t, st, item.ID); got.Attempts != 0 || got.Status != model.OutboxPending || got.LastError != "" {
		t.Fatalf("item after shutdown: %+v", got)
	}
}

// TestIsPermanent names what parks an item and what is retried for ever.
func TestIsPermanent(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"marked", worker.Permanent(errors.New("x")), true},
		{"marked and wrapped", fmt.Errorf("deliver: %w", worker.Permanent(errors.New("x"))), true},
		{"mail permanent", fmt.Errorf("%w: bad name", mail.ErrPermanent), true},
		{"renderer failed", fmt.Errorf("render RE-1.pdf: %w", invoice.ErrRender), true},
		{"panic", fmt.Errorf("%w: boom", worker.ErrPanic), true},
		{"outage", errors.New("dial tcp: connection refused"), false},
		{"nil", nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := worker.IsPermanent(tc.err); got != tc.want {
				t.Errorf("IsPermanent(%v) = %v, want %v", tc.err, got, tc.want)
			}
		})
	}
	if !errors.Is(fmt.Errorf("x: %w", mail.ErrPermanent), mail.ErrPermanent) {
		t.Error("errors.Is no longer finds mail.ErrPermanent")
	}
}

// TestRoundDelay: failed rounds wait longer and longer, up to five minutes.
func TestRoundDelay(t *testing.T) {
	cases := []struct {
		name     string
		every    time.Duration
		failures int
		want     time.Duration
	}{
		{"no failure", 5 * time.Second, 0, 5 * time.Second},
		{"one failure", 5 * time.Second, 1, 10 * time.Second},
		{"four failures", 5 * time.Second, 4, 80 * time.Second},
		{"capped", 5 * time.Second, 30, 5 * time.Minute},
		{"interval above the cap", time.Hour, 3, time.Hour},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := worker.RoundDelay(tc.every, tc.failures); got != tc.want {
				t.Errorf("RoundDelay(%s, %d) = %s, want %s", tc.every, tc.failures, got, tc.want)
			}
		})
	}
}

// TestRunSurvivesPanickingRounds: a job whose round panics goes on with its next round, and
// the failures are counted.
func TestRunSurvivesPanickingRounds(t *testing.T) {
	st := storetest.SQLite(t)
	m := worker.NewMetrics(st)
	jobs := worker.New(st, worker.Settings{Now: func() time.Time { return t0 }, Metrics: m})
	ctx, cancel := context.WithCancel(context.Background())
	rounds := 0
	jobs.Run(ctx, worker.Job{Name: "sweeper", Every: time.Millisecond, Round: func(context.Context, time.Time) (bool, error) {
		rounds++
		if rounds == 3 {
			cancel()
			return false, nil
		}
		panic("round panics")
	}})
	if rounds != 3 {
		t.Fatalf("%d rounds, want 3", rounds)
	}
	if got := metricValue(t, m, "seminars_worker_failed_total", "sweeper"); got != 2 {
		t.Fatalf("failed rounds counted: %v", got)
	}
}

// TestMetrics: processed, failed and parked are counted per topic, and the gauge reads the
// parked items from the database.
func TestMetrics(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	m := worker.NewMetrics(st)
	jobs := worker.New(st, worker.Settings{MaxAttempts: 1, Metrics: m})
	items := enqueue(t, st, testTopic, `{}`, 3)
	handle := func(ctx context.Context, item model.OutboxItem, now time.Time) error {
		if item.ID == items[0].ID {
			return worker.Permanent(errors.New("poison"))
		}
		return doneHandler(st)(ctx, item, now)
	}
	if _, err := jobs.Drain(ctx, worker.Queue{Topic: testTopic, Batch: 10, Handle: handle}, t0); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		want float64
	}{
		{"seminars_worker_processed_total", 2},
		{"seminars_worker_failed_total", 1},
		{"seminars_worker_parked_total", 1},
		{"seminars_worker_parked_items", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := metricValue(t, m, tc.name, testTopic); got != tc.want {
				t.Errorf("%s{topic=%q} = %v, want %v", tc.name, testTopic, got, tc.want)
			}
		})
	}
}

// metricValue gathers m and returns the value of name{topic=topic} (counter or gauge).
func metricValue(t *testing.T, m *worker.Metrics, name, topic string) float64 {
	t.Helper()
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(m)
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, metric := range f.GetMetric() {
			for _, l := range metric.GetLabel() {
				if l.GetName() == "topic" && l.GetValue() == topic {
					if metric.GetCounter() != nil {
						return metric.GetCounter().GetValue()
					}
					return metric.GetGauge().GetValue()
				}
			}
		}
	}
	t.Fatalf("no %s{topic=%q}", name, topic)
	return 0
}

// TestAnyErrorTextIsRecorded: an error with NUL bytes, invalid UTF-8 and thousands of
// multi-byte characters is stored cut to the column, as valid text, on both databases.
func TestAnyErrorTextIsRecorded(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		jobs := worker.New(st, worker.Settings{})
		item := enqueue(t, st, testTopic, `{}`, 1)[0]
		cause := "bad\x00byte \xff\xfe " + strings.Repeat("😀", 1000)
		q := worker.Queue{Topic: testTopic, Batch: 1, Handle: func(context.Context, model.OutboxItem, time.Time) error { return errors.New(cause) }}
		if _, err := jobs.Drain(ctx, q, t0); err != nil {
			t.Fatal(err)
		}
		got := reload(t, st, item.ID)
		if len(got.LastError) > 1000 || !utf8.ValidString(got.LastError) || strings.ContainsRune(got.LastError, 0) ||
			!strings.HasPrefix(got.LastError, "badbyte \uFFFD") {
			t.Fatalf("last error (%d bytes) %q…", len(got.LastError), got.LastError[:min(40, len(got.LastError))])
		}
	})
}
