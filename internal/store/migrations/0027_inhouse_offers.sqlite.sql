-- 0027_inhouse_offers (SQLite): in-house seminars end to end. An offer ("Angebot") answers an
-- inquiry, numbered in its own series (invoice_counters kind "offer"), its PDF stored as bytes;
-- accepting it makes an unlisted date (booked through a private link only) at a flat price or
-- a price per person. An offer outlives its inquiry (the retention job deletes old inquiries), so
-- inquiry_id has no foreign key.
-- Frozen: never edit this file; add a new step (see migrationSteps in migrations.go).
ALTER TABLE seminar_dates ADD COLUMN unlisted numeric NOT NULL DEFAULT false;
ALTER TABLE seminar_dates ADD COLUMN flat_price_net_cents integer NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN flat_price numeric NOT NULL DEFAULT false;
CREATE TABLE offers (
    id integer PRIMARY KEY AUTOINCREMENT,
    number text NOT NULL,
    year integer NOT NULL,
    sequence integer NOT NULL,
    inquiry_id integer NOT NULL,
    seminar_id integer NOT NULL,
    seminar_title text NOT NULL,
    buyer text NOT NULL,
    seller text NOT NULL,
    proposed_dates text NOT NULL,
    persons integer NOT NULL,
    pricing text NOT NULL,
    price_net_cents integer NOT NULL,
    vat_rate_bp integer NOT NULL,
    format text NOT NULL,
    city text,
    venue text,
    address text,
    text text,
    language text NOT NULL,
    issued_at datetime,
    valid_until datetime NOT NULL,
    status text NOT NULL,
    date_id integer,
    accepted_at datetime,
    accepted_by text,
    demo numeric NOT NULL DEFAULT false,
    created_at datetime,
    updated_at datetime,
    CONSTRAINT fk_offers_seminar FOREIGN KEY (seminar_id) REFERENCES seminars(id),
    CONSTRAINT fk_offers_date FOREIGN KEY (date_id) REFERENCES seminar_dates(id)
);
CREATE UNIQUE INDEX idx_offers_number ON offers (number);
CREATE INDEX idx_offers_inquiry_id ON offers (inquiry_id);
CREATE INDEX idx_offers_seminar_id ON offers (seminar_id);
CREATE INDEX idx_offers_status ON offers (status);
CREATE TABLE offer_documents (
    id integer PRIMARY KEY AUTOINCREMENT,
    offer_id integer NOT NULL,
    content_type text NOT NULL,
    data blob NOT NULL,
    sha256 text NOT NULL,
    size integer NOT NULL,
    rendered_at datetime NOT NULL,
    CONSTRAINT fk_offer_documents_offer FOREIGN KEY (offer_id) REFERENCES offers(id)
);
CREATE UNIQUE INDEX idx_offer_documents_offer_id ON offer_documents (offer_id);
