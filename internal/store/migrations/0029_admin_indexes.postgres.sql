-- 0029_admin_indexes (PostgreSQL): indexes that keep the back office's pages from growing with history.
-- idx_bookings_created serves the bookings list (newest first, ORDER BY created_at DESC, id DESC
-- with LIMIT reads only the page) and covers the dashboard's monthly sums (status, seats,
-- net_cents read from the index alone). idx_bookings_date_seats covers the seats held per date
-- (dashboard fill chart, attendee lists) without visiting the table.
-- idx_outbox_topic_id serves the outbox page's per-topic lists, newest first, page by page.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
CREATE INDEX idx_bookings_created ON bookings (created_at, id, status, seats, net_cents);
CREATE INDEX idx_bookings_date_seats ON bookings (date_id, status, seats);
CREATE INDEX idx_outbox_topic_id ON outbox_items (topic, id);
