package mail

import (
	"context"
	"strconv"
)

// itemParked tells every owner that a background item was parked, with its error and a link to
// the outbox page where it can be sent again. The message keys name the owner by id (never by a
// long address), so they keep the parked-notice prefix the worker recognises: a notice that
// cannot be sent is parked without another notice.
func (x expander) itemParked(ctx context.Context) ([]outgoing, error) {
	users, err := x.q.StaffUsers(ctx)
	if err != nil {
		return nil, err
	}
	var out []outgoing
	for _, u := range users {
		if !u.IsOwner() {
			continue
		}
		o, err := x.c.build(letter{
			kind: "owner_item_parked", lang: x.ev.Lang, to: Address{Email: u.Email}, now: x.now,
			action: x.c.s.BaseURL + "/admin/outbox?status=failed",
			extra:  map[string]string{"Topic": string(x.ev.Extra.Topic), "Key": x.ev.Extra.Key, "Error": x.ev.Extra.Error},
			key:    sendKey(x.key, "owner", strconv.FormatUint(uint64(u.ID), 10)),
		})
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}
