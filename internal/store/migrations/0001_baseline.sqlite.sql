-- 0001_baseline (SQLite): the schema as the service had it before its first release, folded into
-- one step. Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
-- Booleans are numeric 0/1, timestamps datetime, ids INTEGER PRIMARY KEY AUTOINCREMENT.

CREATE TABLE seminars (
    id integer PRIMARY KEY AUTOINCREMENT,
    slug text NOT NULL,
    title_de text NOT NULL,
    title_en text NOT NULL,
    teaser_de text,
    teaser_en text,
    description_de text,
    description_en text,
    prepare_de text,
    prepare_en text,
    function_list text NOT NULL DEFAULT '',
    duration_minutes integer NOT NULL,
    default_price_cents integer NOT NULL,
    published numeric NOT NULL DEFAULT true,
    created_at datetime,
    updated_at datetime
);
CREATE UNIQUE INDEX idx_seminars_slug ON seminars (slug);

CREATE TABLE seminar_dates (
    id integer PRIMARY KEY AUTOINCREMENT,
    seminar_id integer NOT NULL,
    starts_at datetime NOT NULL,
    ends_at datetime NOT NULL,
    capacity integer NOT NULL,
    seats_taken integer NOT NULL DEFAULT 0,
    price_net_cents integer NOT NULL,
    early_bird_net_cents integer NOT NULL DEFAULT 0,
    early_bird_until datetime,
    format text NOT NULL,
    city text,
    venue text,
    address text,
    online_url text,
    status text NOT NULL DEFAULT 'published',
    sequence integer NOT NULL DEFAULT 0,
    created_at datetime,
    updated_at datetime,
    CONSTRAINT fk_seminars_dates FOREIGN KEY (seminar_id) REFERENCES seminars(id)
);
CREATE INDEX idx_seminar_dates_seminar_id ON seminar_dates (seminar_id);
CREATE INDEX idx_seminar_dates_starts_at ON seminar_dates (starts_at);
CREATE INDEX idx_seminar_dates_status ON seminar_dates (status);

CREATE TABLE bookings (
    id integer PRIMARY KEY AUTOINCREMENT,
    reference text NOT NULL,
    manage_token_hash text NOT NULL,
    date_id integer NOT NULL,
    status text NOT NULL,
    payment_method text NOT NULL,
    payment_status text NOT NULL,
    billing_company text NOT NULL,
    billing_name text NOT NULL,
    billing_email text NOT NULL,
    billing_street text NOT NULL,
    billing_postal_code text NOT NULL,
    billing_city text NOT NULL,
    billing_country text NOT NULL,
    billing_vat_id text,
    billing_po_number text,
    billing_buyer_reference text,
    language text NOT NULL,
    seats integer NOT NULL,
    unit_net_cents integer NOT NULL,
    discount_cents integer NOT NULL DEFAULT 0,
    net_cents integer NOT NULL,
    vat_cents integer NOT NULL,
    gross_cents integer NOT NULL,
    vat_rate_bp integer NOT NULL,
    voucher_code text,
    hold_expires_at datetime,
    confirmed_at datetime,
    cancelled_at datetime,
    stripe_session_id text,
    stripe_checkout_url text,
    stripe_payment_intent text,
    stripe_async_pending numeric NOT NULL DEFAULT false,
    stripe_refunded_cents integer NOT NULL DEFAULT 0,
    needs_attention numeric NOT NULL DEFAULT false,
    attention_reason text,
    refund_due_cents integer NOT NULL DEFAULT 0,
    created_at datetime,
    updated_at datetime,
    CONSTRAINT fk_bookings_date FOREIGN KEY (date_id) REFERENCES seminar_dates(id)
);
CREATE INDEX idx_bookings_date_id ON bookings (date_id);
CREATE INDEX idx_bookings_email ON bookings (billing_email);
CREATE INDEX idx_bookings_hold_expires_at ON bookings (hold_expires_at);
CREATE INDEX idx_bookings_needs_attention ON bookings (needs_attention);
CREATE INDEX idx_bookings_payment_intent ON bookings (stripe_payment_intent);
CREATE UNIQUE INDEX idx_bookings_reference ON bookings (reference);
CREATE INDEX idx_bookings_session_id ON bookings (stripe_session_id);
CREATE INDEX idx_bookings_status ON bookings (status);

CREATE TABLE attendees (
    id integer PRIMARY KEY AUTOINCREMENT,
    booking_id integer NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    email text NOT NULL,
    checked_in_at datetime,
    created_at datetime,
    updated_at datetime,
    CONSTRAINT fk_bookings_attendees FOREIGN KEY (booking_id) REFERENCES bookings(id)
);
CREATE INDEX idx_attendees_booking_id ON attendees (booking_id);

CREATE TABLE outbox_items (
    id integer PRIMARY KEY AUTOINCREMENT,
    topic text NOT NULL,
    key text NOT NULL,
    payload text NOT NULL DEFAULT '{}',
    status text NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at datetime NOT NULL,
    last_error text,
    done_at datetime,
    created_at datetime,
    updated_at datetime
);
CREATE INDEX idx_outbox_due ON outbox_items (status, topic, next_attempt_at);
CREATE UNIQUE INDEX idx_outbox_items_key ON outbox_items (key);

CREATE TABLE vouchers (
    id integer PRIMARY KEY AUTOINCREMENT,
    code text NOT NULL,
    kind text NOT NULL,
    percent_bp integer NOT NULL DEFAULT 0,
    amount_cents integer NOT NULL DEFAULT 0,
    seminar_id integer,
    valid_from datetime,
    valid_until datetime,
    max_uses integer NOT NULL DEFAULT 0,
    uses integer NOT NULL DEFAULT 0,
    active numeric NOT NULL DEFAULT true,
    created_at datetime,
    updated_at datetime
);
CREATE UNIQUE INDEX idx_vouchers_code ON vouchers (code);

CREATE TABLE stripe_events (
    id text,
    type text NOT NULL,
    created_at datetime,
    PRIMARY KEY (id)
);

CREATE TABLE staff_users (
    id integer PRIMARY KEY AUTOINCREMENT,
    email text NOT NULL,
    role text NOT NULL,
    password_hash text NOT NULL,
    created_at datetime,
    updated_at datetime
);
CREATE UNIQUE INDEX idx_staff_users_email ON staff_users (email);

CREATE TABLE staff_sessions (
    id integer PRIMARY KEY AUTOINCREMENT,
    token_hash text NOT NULL,
    user_id integer NOT NULL,
    created_at datetime,
    last_seen_at datetime NOT NULL,
    expires_at datetime NOT NULL,
    CONSTRAINT fk_staff_sessions_user FOREIGN KEY (user_id) REFERENCES staff_users(id)
);
CREATE INDEX idx_staff_sessions_expires_at ON staff_sessions (expires_at);
CREATE UNIQUE INDEX idx_staff_sessions_token_hash ON staff_sessions (token_hash);
CREATE INDEX idx_staff_sessions_user_id ON staff_sessions (user_id);

CREATE TABLE login_failures (
    id integer PRIMARY KEY AUTOINCREMENT,
    subject text NOT NULL,
    created_at datetime NOT NULL
);
CREATE INDEX idx_login_failures_subject_at ON login_failures (subject, created_at);

CREATE TABLE api_tokens (
    id integer PRIMARY KEY AUTOINCREMENT,
    name text NOT NULL,
    token_hash text NOT NULL,
    created_at datetime,
    last_used_at datetime
);
CREATE UNIQUE INDEX idx_api_tokens_token_hash ON api_tokens (token_hash);

CREATE TABLE audit_entries (
    id integer PRIMARY KEY AUTOINCREMENT,
    created_at datetime NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    subject text NOT NULL,
    detail text
);
CREATE INDEX idx_audit_entries_action ON audit_entries (action);
CREATE INDEX idx_audit_entries_created_at ON audit_entries (created_at);
CREATE INDEX idx_audit_entries_subject ON audit_entries (subject);

CREATE TABLE inhouse_inquiries (
    id integer PRIMARY KEY AUTOINCREMENT,
    company text NOT NULL,
    name text NOT NULL,
    email text NOT NULL,
    phone text,
    topic text NOT NULL,
    participants integer NOT NULL,
    preferred_period text,
    message text,
    language text NOT NULL,
    status text NOT NULL,
    created_at datetime,
    updated_at datetime
);
CREATE INDEX idx_inhouse_inquiries_status ON inhouse_inquiries (status);

CREATE TABLE waitlist_entries (
    id integer PRIMARY KEY AUTOINCREMENT,
    date_id integer NOT NULL,
    name text NOT NULL,
    email text NOT NULL,
    company text,
    seats integer NOT NULL,
    language text NOT NULL,
    status text NOT NULL,
    offer_token_hash text,
    offered_at datetime,
    offer_expires_at datetime,
    booking_reference text,
    created_at datetime,
    updated_at datetime
);
CREATE INDEX idx_waitlist_entries_date_id ON waitlist_entries (date_id);
CREATE INDEX idx_waitlist_entries_offer_expires_at ON waitlist_entries (offer_expires_at);
CREATE INDEX idx_waitlist_entries_offer_token_hash ON waitlist_entries (offer_token_hash);
CREATE INDEX idx_waitlist_entries_status ON waitlist_entries (status);

CREATE TABLE invoices (
    id integer PRIMARY KEY AUTOINCREMENT,
    kind text NOT NULL,
    number text NOT NULL,
    year integer NOT NULL,
    sequence integer NOT NULL,
    booking_id integer NOT NULL,
    booking_reference text NOT NULL,
    original_id integer,
    original_number text,
    reason text,
    issued_at datetime,
    service_start datetime,
    service_end datetime,
    buyer text NOT NULL,
    seller text NOT NULL,
    lines text NOT NULL,
    net_cents integer NOT NULL,
    vat_cents integer NOT NULL,
    gross_cents integer NOT NULL,
    vat_rate_bp integer NOT NULL,
    currency text NOT NULL,
    language text NOT NULL,
    payment_method text NOT NULL,
    payment_status text NOT NULL,
    due_date datetime,
    po_number text,
    buyer_reference text,
    created_at datetime
);
CREATE INDEX idx_invoices_booking_id ON invoices (booking_id);
CREATE UNIQUE INDEX idx_invoices_number ON invoices (number);
CREATE INDEX idx_invoices_original_id ON invoices (original_id);

CREATE TABLE invoice_counters (
    kind text,
    year integer,
    last integer NOT NULL DEFAULT 0,
    PRIMARY KEY (kind,year)
);
