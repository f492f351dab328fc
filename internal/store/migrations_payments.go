package store

import (
	"gorm.io/gorm"

	"seminars/internal/model"
)

// paymentColumns are the booking columns the payments migration adds, in the order added.
var paymentColumns = []string{
	"stripe_session_id", "stripe_payment_intent", "stripe_async_pending", "stripe_refunded_cents",
	"needs_attention", "attention_reason",
}

// paymentIndexes are indexes on those columns, named as GORM names them (embedded fields lose
// their prefix in index names).
var paymentIndexes = []string{
	"idx_bookings_session_id", "idx_bookings_payment_intent", "idx_bookings_needs_attention",
}

// migratePayments links bookings to Stripe and records handled Stripe events (0101).
func migratePayments(tx *gorm.DB) error {
	m := tx.Migrator()
	for _, col := range paymentColumns {
		if !m.HasColumn(&model.Booking{}, col) {
			if err := m.AddColumn(&model.Booking{}, col); err != nil {
				return err
			}
		}
	}
	for _, idx := range paymentIndexes {
		if !m.HasIndex(&model.Booking{}, idx) {
			if err := m.CreateIndex(&model.Booking{}, idx); err != nil {
				return err
			}
		}
	}
	if m.HasTable(&model.StripeEvent{}) {
		return nil
	}
	return m.CreateTable(&model.StripeEvent{})
}

// migrateCheckoutURL keeps each open Checkout Session's URL, for the manage page's "pay now" (0102).
func migrateCheckoutURL(tx *gorm.DB) error {
	if tx.Migrator().HasColumn(&model.Booking{}, "stripe_checkout_url") {
		return nil
	}
	return tx.Migrator().AddColumn(&model.Booking{}, "stripe_checkout_url")
}

func rollbackCheckoutURL(tx *gorm.DB) error {
	if !tx.Migrator().HasColumn(&model.Booking{}, "stripe_checkout_url") {
		return nil
	}
	return tx.Migrator().DropColumn(&model.Booking{}, "stripe_checkout_url")
}

func rollbackPayments(tx *gorm.DB) error {
	m := tx.Migrator()
	if err := m.DropTable(&model.StripeEvent{}); err != nil {
		return err
	}
	for _, col := range paymentColumns {
		if m.HasColumn(&model.Booking{}, col) {
			if err := m.DropColumn(&model.Booking{}, col); err != nil {
				return err
			}
		}
	}
	return nil
}

// migrateRefundDue adds what the trainer still has to transfer back by hand (0103).
func migrateRefundDue(tx *gorm.DB) error {
	if tx.Migrator().HasColumn(&model.Booking{}, "refund_due_cents") {
		return nil
	}
	return tx.Migrator().AddColumn(&model.Booking{}, "refund_due_cents")
}

func rollbackRefundDue(tx *gorm.DB) error {
	if !tx.Migrator().HasColumn(&model.Booking{}, "refund_due_cents") {
		return nil
	}
	return tx.Migrator().DropColumn(&model.Booking{}, "refund_due_cents")
}
