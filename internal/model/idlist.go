package model

import (
	"strconv"
	"strings"
)

// IDList is a list of record ids written as one comma-separated string ("3,9"), so an event's
// extra object keeps string values only (and an EventPayload stays comparable).
type IDList string

// NewIDList lists ids in the order given.
func NewIDList(ids ...uint) IDList {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatUint(uint64(id), 10)
	}
	return IDList(strings.Join(parts, ","))
}

// IDs returns the ids of the list; a part that is not a number is skipped (the list is only
// ever written by NewIDList).
func (l IDList) IDs() []uint {
	var out []uint
	for _, part := range strings.Split(string(l), ",") {
		if id, err := strconv.ParseUint(part, 10, 64); err == nil {
			out = append(out, uint(id))
		}
	}
	return out
}
