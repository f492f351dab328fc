-- 0001_baseline (PostgreSQL): the schema as the service had it before its first release, folded
-- into one step. Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
-- Ids are bigserial (sequence <table>_id_seq), timestamps timestamptz, strings varchar(n) as the
-- SQLite twin has text.

CREATE TABLE seminars (
    id bigserial PRIMARY KEY,
    slug varchar(120) NOT NULL,
    title_de varchar(200) NOT NULL,
    title_en varchar(200) NOT NULL,
    teaser_de varchar(500),
    teaser_en varchar(500),
    description_de text,
    description_en text,
    prepare_de text,
    prepare_en text,
    function_list varchar(300) NOT NULL DEFAULT '',
    duration_minutes bigint NOT NULL,
    default_price_cents bigint NOT NULL,
    published boolean NOT NULL DEFAULT true,
    created_at timestamptz,
    updated_at timestamptz
);
CREATE UNIQUE INDEX idx_seminars_slug ON seminars (slug);

CREATE TABLE seminar_dates (
    id bigserial PRIMARY KEY,
    seminar_id bigint NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    capacity bigint NOT NULL,
    seats_taken bigint NOT NULL DEFAULT 0,
    price_net_cents bigint NOT NULL,
    early_bird_net_cents bigint NOT NULL DEFAULT 0,
    early_bird_until timestamptz,
    format varchar(20) NOT NULL,
    city varchar(100),
    venue varchar(200),
    address varchar(300),
    online_url varchar(500),
    status varchar(20) NOT NULL DEFAULT 'published',
    sequence bigint NOT NULL DEFAULT 0,
    created_at timestamptz,
    updated_at timestamptz,
    CONSTRAINT fk_seminars_dates FOREIGN KEY (seminar_id) REFERENCES seminars (id)
);
CREATE INDEX idx_seminar_dates_seminar_id ON seminar_dates (seminar_id);
CREATE INDEX idx_seminar_dates_starts_at ON seminar_dates (starts_at);
CREATE INDEX idx_seminar_dates_status ON seminar_dates (status);

CREATE TABLE bookings (
    id bigserial PRIMARY KEY,
    reference varchar(20) NOT NULL,
    manage_token_hash varchar(64) NOT NULL,
    date_id bigint NOT NULL,
    status varchar(20) NOT NULL,
    payment_method varchar(20) NOT NULL,
    payment_status varchar(20) NOT NULL,
    billing_company varchar(200) NOT NULL,
    billing_name varchar(200) NOT NULL,
    billing_email varchar(254) NOT NULL,
    billing_street varchar(200) NOT NULL,
    billing_postal_code varchar(20) NOT NULL,
    billing_city varchar(100) NOT NULL,
    billing_country varchar(2) NOT NULL,
    billing_vat_id varchar(30),
    billing_po_number varchar(100),
    billing_buyer_reference varchar(100),
    language varchar(5) NOT NULL,
    seats bigint NOT NULL,
    unit_net_cents bigint NOT NULL,
    discount_cents bigint NOT NULL DEFAULT 0,
    net_cents bigint NOT NULL,
    vat_cents bigint NOT NULL,
    gross_cents bigint NOT NULL,
    vat_rate_bp bigint NOT NULL,
    voucher_code varchar(50),
    hold_expires_at timestamptz,
    confirmed_at timestamptz,
    cancelled_at timestamptz,
    stripe_session_id varchar(100),
    stripe_checkout_url varchar(2000),
    stripe_payment_intent varchar(100),
    stripe_async_pending boolean NOT NULL DEFAULT false,
    stripe_refunded_cents bigint NOT NULL DEFAULT 0,
    needs_attention boolean NOT NULL DEFAULT false,
    attention_reason varchar(100),
    refund_due_cents bigint NOT NULL DEFAULT 0,
    created_at timestamptz,
    updated_at timestamptz,
    CONSTRAINT fk_bookings_date FOREIGN KEY (date_id) REFERENCES seminar_dates (id)
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
    id bigserial PRIMARY KEY,
    booking_id bigint NOT NULL,
    first_name varchar(100) NOT NULL,
    last_name varchar(100) NOT NULL,
    email varchar(254) NOT NULL,
    checked_in_at timestamptz,
    created_at timestamptz,
    updated_at timestamptz,
    CONSTRAINT fk_bookings_attendees FOREIGN KEY (booking_id) REFERENCES bookings (id)
);
CREATE INDEX idx_attendees_booking_id ON attendees (booking_id);

CREATE TABLE outbox_items (
    id bigserial PRIMARY KEY,
    topic varchar(60) NOT NULL,
    key varchar(200) NOT NULL,
    payload text NOT NULL DEFAULT '{}',
    status varchar(20) NOT NULL,
    attempts bigint NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error varchar(1000),
    done_at timestamptz,
    created_at timestamptz,
    updated_at timestamptz
);
CREATE INDEX idx_outbox_due ON outbox_items (status, topic, next_attempt_at);
CREATE UNIQUE INDEX idx_outbox_items_key ON outbox_items (key);

CREATE TABLE vouchers (
    id bigserial PRIMARY KEY,
    code varchar(50) NOT NULL,
    kind varchar(10) NOT NULL,
    percent_bp bigint NOT NULL DEFAULT 0,
    amount_cents bigint NOT NULL DEFAULT 0,
    seminar_id bigint,
    valid_from timestamptz,
    valid_until timestamptz,
    max_uses bigint NOT NULL DEFAULT 0,
    uses bigint NOT NULL DEFAULT 0,
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz,
    updated_at timestamptz
);
CREATE UNIQUE INDEX idx_vouchers_code ON vouchers (code);

CREATE TABLE stripe_events (
    id varchar(100) NOT NULL,
    type varchar(100) NOT NULL,
    created_at timestamptz,
    PRIMARY KEY (id)
);

CREATE TABLE staff_users (
    id bigserial PRIMARY KEY,
    email varchar(254) NOT NULL,
    role varchar(20) NOT NULL,
    password_hash varchar(200) NOT NULL,
    created_at timestamptz,
    updated_at timestamptz
);
CREATE UNIQUE INDEX idx_staff_users_email ON staff_users (email);

CREATE TABLE staff_sessions (
    id bigserial PRIMARY KEY,
    token_hash varchar(64) NOT NULL,
    user_id bigint NOT NULL,
    created_at timestamptz,
    last_seen_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    CONSTRAINT fk_staff_sessions_user FOREIGN KEY (user_id) REFERENCES staff_users (id)
);
CREATE INDEX idx_staff_sessions_expires_at ON staff_sessions (expires_at);
CREATE UNIQUE INDEX idx_staff_sessions_token_hash ON staff_sessions (token_hash);
CREATE INDEX idx_staff_sessions_user_id ON staff_sessions (user_id);

CREATE TABLE login_failures (
    id bigserial PRIMARY KEY,
    subject varchar(300) NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX idx_login_failures_subject_at ON login_failures (subject, created_at);

CREATE TABLE api_tokens (
    id bigserial PRIMARY KEY,
    name varchar(100) NOT NULL,
    token_hash varchar(64) NOT NULL,
    created_at timestamptz,
    last_used_at timestamptz
);
CREATE UNIQUE INDEX idx_api_tokens_token_hash ON api_tokens (token_hash);

CREATE TABLE audit_entries (
    id bigserial PRIMARY KEY,
    created_at timestamptz NOT NULL,
    actor varchar(300) NOT NULL,
    action varchar(50) NOT NULL,
    subject varchar(100) NOT NULL,
    detail varchar(4000)
);
CREATE INDEX idx_audit_entries_action ON audit_entries (action);
CREATE INDEX idx_audit_entries_created_at ON audit_entries (created_at);
CREATE INDEX idx_audit_entries_subject ON audit_entries (subject);

CREATE TABLE inhouse_inquiries (
    id bigserial PRIMARY KEY,
    company varchar(200) NOT NULL,
    name varchar(200) NOT NULL,
    email varchar(254) NOT NULL,
    phone varchar(50),
    topic varchar(300) NOT NULL,
    participants bigint NOT NULL,
    preferred_period varchar(200),
    message varchar(4000),
    language varchar(5) NOT NULL,
    status varchar(20) NOT NULL,
    created_at timestamptz,
    updated_at timestamptz
);
CREATE INDEX idx_inhouse_inquiries_status ON inhouse_inquiries (status);

CREATE TABLE waitlist_entries (
    id bigserial PRIMARY KEY,
    date_id bigint NOT NULL,
    name varchar(200) NOT NULL,
    email varchar(254) NOT NULL,
    company varchar(200),
    seats bigint NOT NULL,
    language varchar(5) NOT NULL,
    status varchar(20) NOT NULL,
    offer_token_hash varchar(64),
    offered_at timestamptz,
    offer_expires_at timestamptz,
    booking_reference varchar(20),
    created_at timestamptz,
    updated_at timestamptz
);
CREATE INDEX idx_waitlist_entries_date_id ON waitlist_entries (date_id);
CREATE INDEX idx_waitlist_entries_offer_expires_at ON waitlist_entries (offer_expires_at);
CREATE INDEX idx_waitlist_entries_offer_token_hash ON waitlist_entries (offer_token_hash);
CREATE INDEX idx_waitlist_entries_status ON waitlist_entries (status);

CREATE TABLE invoices (
    id bigserial PRIMARY KEY,
    kind varchar(20) NOT NULL,
    number varchar(30) NOT NULL,
    year bigint NOT NULL,
    sequence bigint NOT NULL,
    booking_id bigint NOT NULL,
    booking_reference varchar(20) NOT NULL,
    original_id bigint,
    original_number varchar(30),
    reason varchar(500),
    issued_at timestamptz,
    service_start timestamptz,
    service_end timestamptz,
    buyer text NOT NULL,
    seller text NOT NULL,
    lines text NOT NULL,
    net_cents bigint NOT NULL,
    vat_cents bigint NOT NULL,
    gross_cents bigint NOT NULL,
    vat_rate_bp bigint NOT NULL,
    currency varchar(3) NOT NULL,
    language varchar(5) NOT NULL,
    payment_method varchar(20) NOT NULL,
    payment_status varchar(20) NOT NULL,
    due_date timestamptz,
    po_number varchar(100),
    buyer_reference varchar(100),
    created_at timestamptz
);
CREATE INDEX idx_invoices_booking_id ON invoices (booking_id);
CREATE UNIQUE INDEX idx_invoices_number ON invoices (number);
CREATE INDEX idx_invoices_original_id ON invoices (original_id);

CREATE TABLE invoice_counters (
    kind varchar(20) NOT NULL,
    year bigint NOT NULL,
    last bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, year)
);
