package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"seminars/internal/model"
)

// Setting returns a settings row's value, or model.ErrNotFound.
func (q Reads) Setting(ctx context.Context, name string) (string, error) {
	var s model.Setting
	err := q.db.WithContext(ctx).Where("name = ?", name).Take(&s).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return "", fmt.Errorf("setting %s: %w", name, model.ErrNotFound)
	}
	return s.Value, err
}

// SettingOnce (in a write transaction) stores value under name unless the row exists, and returns what the row holds
// afterwards. The insert does nothing on conflict, so instances racing to store a generated value
// all read back the one that won.
func (tx *Tx) SettingOnce(ctx context.Context, name, value string) (string, error) {
	row := model.Setting{Name: name, Value: value, UpdatedAt: tx.stamp()}
	if err := tx.db.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
		return "", fmt.Errorf("setting %s: %w", name, err)
	}
	return tx.Setting(ctx, name)
}

// CounterSetting reads a counter kept in a settings row; a missing row counts 0.
func (q Reads) CounterSetting(ctx context.Context, name string) (int64, error) {
	v, err := q.Setting(ctx, name)
	if errors.Is(err, model.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("setting %s holds %q, not a counter: %w", name, v, err)
	}
	return n, nil
}

// IncrementCounterSetting adds one to a counter kept in a settings row and returns the new value.
// The row is created at 0 first, then raised by one UPDATE, so two renewals at once count twice
// and never lose one.
func (tx *Tx) IncrementCounterSetting(ctx context.Context, name string) (int64, error) {
	if _, err := tx.SettingOnce(ctx, name, "0"); err != nil {
		return 0, err
	}
	res := tx.db.WithContext(ctx).Exec(
		"UPDATE settings SET value = CAST(CAST(value AS bigint) + 1 AS text), updated_at = ? WHERE name = ?",
		tx.stamp(), name)
	if res.Error != nil {
		return 0, fmt.Errorf("setting %s: %w", name, res.Error)
	}
	return tx.CounterSetting(ctx, name)
}
