package worker

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode"

	"seminars/internal/model"
	"seminars/internal/store"
)

// parkedNoticeKey starts the outbox key of the owners' notice about a parked item (as a
// mail.event) and of its messages (as mail.send; the mail worker derives their keys from it).
const parkedNoticeKey = "item_parked:outbox:"

// park sets item aside as failed and, in the same transaction, asks the mail worker to tell the
// owners — once per item, as the notice's key names the item. A notice that itself cannot be
// sent is parked without a notice of its own, so a broken owner address cannot loop.
func park(ctx context.Context, tx *store.Tx, item model.OutboxItem, cause error, now time.Time) error {
	if err := tx.ParkOutboxItem(ctx, item, cause, now); err != nil {
		return err
	}
	if isParkedNotice(item.Key) {
		return nil
	}
	notice := model.EventPayload{Event: model.EventItemParked, Extra: model.EventExtra{
		OutboxID: item.ID, Topic: item.Topic, Key: item.Key, Error: noticeText(cause),
	}}
	key := model.TopicMailEvent.Key(parkedNoticeKey + strconv.FormatUint(uint64(item.ID), 10))
	return store.EnqueueJSONAt(ctx, tx, model.TopicMailEvent, key, notice, now)
}

// isParkedNotice tells whether key is the owners' notice about a parked item or one of its messages.
func isParkedNotice(key string) bool {
	_, rest, _ := strings.Cut(key, ":")
	return strings.HasPrefix(rest, parkedNoticeKey)
}

// noticeText is an error as the owners read it: one line of valid text, at most 500 characters.
func noticeText(cause error) string {
	text := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(cause.Error(), "\uFFFD"))
	if runes := []rune(text); len(runes) > 500 {
		text = string(runes[:500]) + "…"
	}
	return text
}
