package store

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"seminars/internal/model"
)

// fixedClockTime is the store's clock in these tests.
var fixedClockTime = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

func openFixedTestStore(t *testing.T, dsn string, opts ...Option) *Store {
	t.Helper()
	st, err := Open(context.Background(), dsn, append([]Option{WithClock(func() time.Time { return fixedClockTime })}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// TestFixedReadColumnsMatchTheModel holds the column lists of the fixed reads to the GORM models
// and to the migrated tables on each dialect (TestFixedInsertColumns does it for the fixed
// inserts, bookings and attendees among them): a field added to a model (and its migration
// step) without its column here fails, instead of being silently left unread.
func TestFixedReadColumnsMatchTheModel(t *testing.T) {
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st := openFixedTestStore(t, db.dsn(t))
			cases := []struct {
				name  string
				model any
				fixed []string
			}{
				{"date read", &model.SeminarDate{}, readColumnNames(dateColumns)},
				{"seminar read", &model.Seminar{}, readColumnNames(seminarColumns)},
				{"venue read", &model.Venue{}, readColumnNames(venueColumns)},
			}
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					table, fields := modelColumns(t, st.write, c.model)
					fixed := slices.Sorted(slices.Values(c.fixed))
					if got := slices.Compact(slices.Clone(fixed)); len(got) != len(fixed) {
						t.Errorf("fixed columns name one column twice: %v", fixed)
					}
					if want := slices.Sorted(slices.Values(fields)); !slices.Equal(fixed, want) {
						t.Errorf("fixed columns of %s\n got %v\nwant %v (the model's)", table, fixed, want)
					}
					if want := sortedKeys(tableColumns(t, st.write, table)); !slices.Equal(fixed, want) {
						t.Errorf("fixed columns of %s\n got %v\nwant %v (the table's)", table, fixed, want)
					}
				})
			}
		})
	}
}

// gormCreateBooking is CreateBooking as it was written with GORM before the fixed statements:
// the reference the fixed path must match.
func gormCreateBooking(db *gorm.DB, b *model.Booking) error {
	if err := db.Omit(clause.Associations).Create(b).Error; err != nil {
		return err
	}
	if len(b.Attendees) == 0 {
		return nil
	}
	for i := range b.Attendees {
		b.Attendees[i].BookingID = b.ID
	}
	return db.Omit(clause.Associations).Create(&b.Attendees).Error
}

// fillDistinct sets every column field of the struct v points to (embedded structs included;
// ids, relations and non-column fields left alone) to a value no other field gets, so a column
// written from the wrong field shows.
func fillDistinct(t *testing.T, v any, next *int) {
	t.Helper()
	rv := reflect.ValueOf(v).Elem()
	rt := rv.Type()
	for i := range rt.NumField() {
		f, fv := rt.Field(i), rv.Field(i)
		if f.Name == "ID" || f.Name == "BookingID" || f.Name == "DateID" || f.Name == "SeminarID" || f.Name == "VenueID" || f.Tag.Get("gorm") == "-" {
			continue
		}
		*next++
		n := *next
		switch {
		case f.Type == reflect.TypeOf(time.Time{}):
			fv.Set(reflect.ValueOf(fixedClockTime.Add(time.Duration(n) * time.Hour)))
		case f.Type == reflect.TypeOf(&time.Time{}):
			at := fixedClockTime.Add(time.Duration(n) * time.Minute)
			fv.Set(reflect.ValueOf(&at))
		case f.Type.Kind() == reflect.Struct:
			fillDistinct(t, fv.Addr().Interface(), next)
		case f.Type.Kind() == reflect.String:
			fv.SetString(strconv.FormatInt(int64(n), 36)) // short: billing_country holds two characters
		case f.Type.Kind() == reflect.Int || f.Type.Kind() == reflect.Int64:
			fv.SetInt(int64(n))
		case f.Type.Kind() == reflect.Bool:
			fv.SetBool(true)
		case f.Type.Kind() == reflect.Slice || f.Type.Kind() == reflect.Pointer:
			// relations (Attendees, Date) and FundingApprovals: set by the caller
		default:
			t.Fatalf("fillDistinct: %s has type %s: teach the test to fill it", f.Name, f.Type)
		}
	}
}

// storedRow reads a row back as column → value, without its id and the given columns, with
// times as text so that rows read in two queries compare.
func storedRow(t *testing.T, db *gorm.DB, table string, id uint, skip ...string) map[string]any {
	t.Helper()
	row := map[string]any{}
	if err := db.Table(table).Where("id = ?", id).Take(&row).Error; err != nil {
		t.Fatalf("read %s %d: %v", table, id, err)
	}
	for _, c := range append(skip, "id") {
		delete(row, c)
	}
	for k, v := range row {
		if at, ok := v.(time.Time); ok {
			row[k] = at.UTC().Format(time.RFC3339Nano)
		}
	}
	return row
}

// withoutIDs is b as a value to compare: its ids, the reference and the attendees' booking id
// differ between two inserts by nature.
func withoutIDs(b model.Booking) model.Booking {
	b.ID, b.Reference = 0, ""
	b.Attendees = slices.Clone(b.Attendees)
	for i := range b.Attendees {
		b.Attendees[i].ID, b.Attendees[i].BookingID = 0, 0
	}
	return b
}

func seedFixedTestDate(t *testing.T, st *Store) model.SeminarDate {
	t.Helper()
	s := model.Seminar{Slug: "fixed-sql", TitleDE: "Fest", TitleEN: "Fixed", DurationMinutes: 60, DefaultPriceCents: 100,
		Dates: []model.SeminarDate{{StartsAt: fixedClockTime.AddDate(0, 1, 0), EndsAt: fixedClockTime.AddDate(0, 1, 0).Add(time.Hour),
			Capacity: 100, PriceNetCents: 100, Format: model.FormatOnline}}}
	if err := st.WithTx(context.Background(), func(tx *Tx) error { return tx.CreateSeminar(context.Background(), &s) }); err != nil {
		t.Fatal(err)
	}
	return s.Dates[0]
}

// TestCreateBookingWritesWhatGORMWrote stores the same booking through CreateBooking and through
// the GORM Create it replaces, and finds the same rows and the same model afterwards: every
// column from its own field, the columns' defaults where a field is zero, created_at and
// updated_at from the store's clock where zero, and every id filled back.
func TestCreateBookingWritesWhatGORMWrote(t *testing.T) {
	full := func(t *testing.T) model.Booking {
		n := 0
		var b model.Booking
		fillDistinct(t, &b, &n)
		b.Attendees = make([]model.Attendee, 3)
		for i := range b.Attendees {
			fillDistinct(t, &b.Attendees[i], &n)
		}
		return b
	}
	cases := []struct {
		name    string
		booking func(t *testing.T) model.Booking
	}{
		{"zero fields, no attendees", func(*testing.T) model.Booking { return model.Booking{} }},
		{"zero fields, one attendee", func(*testing.T) model.Booking {
			return model.Booking{Attendees: []model.Attendee{{FirstName: "Ada"}}}
		}},
		{"every field set, three attendees", full},
		{"more attendees than one statement carries", func(*testing.T) model.Booking {
			b := model.Booking{Attendees: make([]model.Attendee, 2*fixedRowsPerInsert+1)}
			for i := range b.Attendees {
				b.Attendees[i].FirstName = "A" + strconv.Itoa(i)
			}
			return b
		}},
	}
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st := openFixedTestStore(t, db.dsn(t))
			date := seedFixedTestDate(t, st)
			ctx := context.Background()
			for i, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					viaGORM, viaFixed := c.booking(t), c.booking(t)
					viaGORM.Reference, viaFixed.Reference = "G"+strconv.Itoa(i), "F"+strconv.Itoa(i)
					viaGORM.DateID, viaFixed.DateID = date.ID, date.ID
					err := st.WithTx(ctx, func(tx *Tx) error {
						if err := gormCreateBooking(tx.db, &viaGORM); err != nil {
							return err
						}
						return tx.CreateBooking(ctx, &viaFixed)
					})
					if err != nil {
						t.Fatal(err)
					}
					if viaFixed.ID == 0 || viaFixed.ID == viaGORM.ID {
						t.Fatalf("booking id = %d (GORM's %d)", viaFixed.ID, viaGORM.ID)
					}
					if got, want := withoutIDs(viaFixed), withoutIDs(viaGORM); !reflect.DeepEqual(got, want) {
						t.Errorf("model after CreateBooking\n got %+v\nwant %+v", got, want)
					}
					if got, want := storedRow(t, st.write, "bookings", viaFixed.ID, "reference"), storedRow(t, st.write, "bookings", viaGORM.ID, "reference"); !reflect.DeepEqual(got, want) {
						t.Errorf("stored booking\n got %v\nwant %v", got, want)
					}
					stored, err := st.BookingByReference(ctx, viaFixed.Reference)
					if err != nil {
						t.Fatal(err)
					}
					if len(stored.Attendees) != len(viaFixed.Attendees) {
						t.Fatalf("%d attendees stored, want %d", len(stored.Attendees), len(viaFixed.Attendees))
					}
					for j, a := range viaFixed.Attendees {
						if a.ID == 0 || a.ID != stored.Attendees[j].ID || a.BookingID != viaFixed.ID {
							t.Errorf("attendee %d: id %d booking %d, stored id %d", j, a.ID, a.BookingID, stored.Attendees[j].ID)
						}
						if got, want := storedRow(t, st.write, "attendees", a.ID, "booking_id"), storedRow(t, st.write, "attendees", viaGORM.Attendees[j].ID, "booking_id"); !reflect.DeepEqual(got, want) {
							t.Errorf("stored attendee %d\n got %v\nwant %v", j, got, want)
						}
					}
				})
			}
		})
	}
}

// TestCreateBookingErrors checks that the fixed path fails as GORM's did: a reference that is
// already taken is a unique violation, an injected insert fault fails the insert, and an id set
// by the caller is refused; none of them stores anything.
func TestCreateBookingErrors(t *testing.T) {
	errBroken := errors.New("attendees broken on purpose")
	fault := func(table string) error {
		if table == "attendees" {
			return errBroken
		}
		return nil
	}
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st := openFixedTestStore(t, db.dsn(t), WithInsertFault(fault))
			date := seedFixedTestDate(t, st)
			ctx := context.Background()
			create := func(b model.Booking) error {
				return st.WithTx(ctx, func(tx *Tx) error { return tx.CreateBooking(ctx, &b) })
			}
			if err := create(model.Booking{Reference: "TAKEN", DateID: date.ID}); err != nil {
				t.Fatal(err)
			}
			cases := []struct {
				name    string
				booking model.Booking
				check   func(error) bool
			}{
				{"reference taken", model.Booking{Reference: "TAKEN", DateID: date.ID}, IsUniqueViolation},
				{"insert fault", model.Booking{Reference: "FAULT", DateID: date.ID, Attendees: []model.Attendee{{FirstName: "Ada"}}},
					func(err error) bool { return errors.Is(err, errBroken) }},
				{"booking id preset", model.Booking{ID: 999, Reference: "PRESET", DateID: date.ID},
					func(err error) bool { return errors.Is(err, errPresetID) }},
				{"attendee id preset", model.Booking{Reference: "PRESET2", DateID: date.ID, Attendees: []model.Attendee{{ID: 999}}},
					func(err error) bool { return errors.Is(err, errPresetID) }},
			}
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					if err := create(c.booking); !c.check(err) {
						t.Fatalf("err = %v", err)
					}
					var n int64
					if err := st.write.Model(&model.Booking{}).Count(&n).Error; err != nil || n != 1 {
						t.Errorf("%d bookings stored (%v), want only the first", n, err)
					}
				})
			}
		})
	}
}

// TestCreateBookingMovesTheDataVersion: a new booking changes seats left on public pages, so its
// commit must move the data version although its statements bypass GORM's callbacks.
func TestCreateBookingMovesTheDataVersion(t *testing.T) {
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st := openFixedTestStore(t, db.dsn(t))
			date := seedFixedTestDate(t, st)
			ctx := context.Background()
			before := st.version.local.Load()
			err := st.WithTx(ctx, func(tx *Tx) error {
				return tx.CreateBooking(ctx, &model.Booking{Reference: "V1", DateID: date.ID})
			})
			if err != nil {
				t.Fatal(err)
			}
			if after := st.version.local.Load(); after == before {
				t.Errorf("data version stayed at %d after a booking", after)
			}
		})
	}
}

// gormDateToBook is DateToBook as it was written with GORM (the reference for the fixed read).
func gormDateToBook(db *gorm.DB, id uint) (model.SeminarDate, error) {
	var d model.SeminarDate
	err := db.Preload("Seminar").Preload("VenueRecord").First(&d, id).Error
	return d, err
}

// TestDateToBookReadsWhatGORMRead compares the fixed read with the preloads it replaces for a
// date with every field set and a venue, one without a venue, and one whose nullable columns
// hold NULL (rows older than a migration that added them).
func TestDateToBookReadsWhatGORMRead(t *testing.T) {
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st := openFixedTestStore(t, db.dsn(t))
			ctx := context.Background()
			n := 0
			var venue model.Venue
			var seminar model.Seminar
			var withVenue, withoutVenue model.SeminarDate
			for _, v := range []any{&venue, &seminar, &withVenue, &withoutVenue} {
				fillDistinct(t, v, &n)
			}
			seminar.FundingApprovals = model.FundingApprovals{{State: "NW", Number: "SB-1"}}
			err := st.WithTx(ctx, func(tx *Tx) error {
				if err := tx.db.Create(&venue).Error; err != nil {
					return err
				}
				if err := tx.db.Omit(clause.Associations).Create(&seminar).Error; err != nil {
					return err
				}
				withVenue.SeminarID, withVenue.VenueID = seminar.ID, &venue.ID
				withoutVenue.SeminarID = seminar.ID
				return tx.db.Omit(clause.Associations).Create(&[]*model.SeminarDate{&withVenue, &withoutVenue}).Error
			})
			if err != nil {
				t.Fatal(err)
			}
			cases := []struct {
				name  string
				id    uint
				nulls []string // statements that make the nullable columns NULL first
			}{
				{"every field and a venue", withVenue.ID, nil},
				{"no venue", withoutVenue.ID, nil},
				{"nullable columns NULL", withVenue.ID, []string{
					"UPDATE seminar_dates SET early_bird_until = NULL, city = NULL, venue = NULL, address = NULL, online_url = NULL, run_confirmed_at = NULL, created_at = NULL, updated_at = NULL",
					"UPDATE seminars SET teaser_de = NULL, teaser_en = NULL, description_de = NULL, description_en = NULL, prepare_de = NULL, prepare_en = NULL, created_at = NULL, updated_at = NULL",
					"UPDATE venues SET created_at = NULL, updated_at = NULL",
				}},
			}
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					for _, stmt := range c.nulls {
						if err := st.write.Exec(stmt).Error; err != nil {
							t.Fatal(err)
						}
					}
					want, err := gormDateToBook(st.read, c.id)
					if err != nil {
						t.Fatal(err)
					}
					got, err := st.DateToBook(ctx, c.id)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(got, want) {
						t.Errorf("DateToBook\n got %+v\n     %+v\n     %+v\nwant %+v\n     %+v\n     %+v", got, got.Seminar, got.VenueRecord, want, want.Seminar, want.VenueRecord)
					}
				})
			}
			t.Run("missing date", func(t *testing.T) {
				if _, err := st.DateToBook(ctx, 99999); !errors.Is(err, model.ErrNotFound) {
					t.Errorf("err = %v, want model.ErrNotFound", err)
				}
			})
		})
	}
}
