-- 0027_inhouse_offers (PostgreSQL): in-house seminars end to end. An offer ("Angebot") answers an
-- inquiry, numbered in its own series (invoice_counters kind "offer"), its PDF stored as bytes;
-- accepting it makes an unlisted date (booked through a private link only) at a flat price or
-- a price per person. An offer outlives its inquiry (the retention job deletes old inquiries), so
-- inquiry_id has no foreign key.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
ALTER TABLE seminar_dates ADD COLUMN unlisted boolean NOT NULL DEFAULT false;
ALTER TABLE seminar_dates ADD COLUMN flat_price_net_cents bigint NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN flat_price boolean NOT NULL DEFAULT false;
CREATE TABLE offers (
    id bigserial PRIMARY KEY,
    number varchar(30) NOT NULL,
    year bigint NOT NULL,
    sequence bigint NOT NULL,
    inquiry_id bigint NOT NULL,
    seminar_id bigint NOT NULL,
    seminar_title varchar(200) NOT NULL,
    buyer text NOT NULL,
    seller text NOT NULL,
    proposed_dates text NOT NULL,
    persons bigint NOT NULL,
    pricing varchar(20) NOT NULL,
    price_net_cents bigint NOT NULL,
    vat_rate_bp bigint NOT NULL,
    format varchar(20) NOT NULL,
    city varchar(100),
    venue varchar(200),
    address varchar(300),
    text varchar(4000),
    language varchar(5) NOT NULL,
    issued_at timestamptz,
    valid_until timestamptz NOT NULL,
    status varchar(20) NOT NULL,
    date_id bigint,
    accepted_at timestamptz,
    accepted_by varchar(300),
    demo boolean NOT NULL DEFAULT false,
    created_at timestamptz,
    updated_at timestamptz,
    CONSTRAINT fk_offers_seminar FOREIGN KEY (seminar_id) REFERENCES seminars(id),
    CONSTRAINT fk_offers_date FOREIGN KEY (date_id) REFERENCES seminar_dates(id)
);
CREATE UNIQUE INDEX idx_offers_number ON offers (number);
CREATE INDEX idx_offers_inquiry_id ON offers (inquiry_id);
CREATE INDEX idx_offers_seminar_id ON offers (seminar_id);
CREATE INDEX idx_offers_status ON offers (status);
CREATE TABLE offer_documents (
    id bigserial PRIMARY KEY,
    offer_id bigint NOT NULL,
    content_type varchar(100) NOT NULL,
    data bytea NOT NULL,
    sha256 varchar(64) NOT NULL,
    size bigint NOT NULL,
    rendered_at timestamptz NOT NULL,
    CONSTRAINT fk_offer_documents_offer FOREIGN KEY (offer_id) REFERENCES offers(id)
);
CREATE UNIQUE INDEX idx_offer_documents_offer_id ON offer_documents (offer_id);
