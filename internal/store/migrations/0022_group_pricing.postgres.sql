-- 0022_group_pricing (PostgreSQL): discounts by the number of attendees in one booking. A
-- seminar uses the service's rule ('global'), its own (group_from_seat, group_percent_bp) or none
-- ('off'); a booking freezes the rule it was made under and stores its group discount beside the
-- voucher's. Rows before carry 'global', 0 and 0 (no discount).
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
ALTER TABLE seminars ADD COLUMN group_pricing varchar(10) NOT NULL DEFAULT 'global';
ALTER TABLE seminars ADD COLUMN group_from_seat bigint NOT NULL DEFAULT 0;
ALTER TABLE seminars ADD COLUMN group_percent_bp bigint NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN group_from_seat bigint NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN group_percent_bp bigint NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN group_discount_cents bigint NOT NULL DEFAULT 0;
