package model

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Lengths of a venue's and a trainer's texts (the columns of 0023_trainers_venues).
const (
	MaxRoomLen     = 200
	MaxVenueText   = 2000 // directions, accessibility notes, a trainer's bio
	MaxMapURLLen   = 500
	MaxTrainerName = 200
	MaxPhotoURLLen = 500
	// MaxDateTrainers is how many trainers one date can name.
	MaxDateTrainers = 10
)

// Venue is a place where in-person dates take place, picked when a date is created or edited.
// A date that names a venue mirrors its Name, City and Address into its own venue, city and
// address strings: those strings are what the APIs promise and what issued documents, mails and
// the calendar feed read, and a date without a venue keeps its free text in them.
type Venue struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:200;not null"`
	City string `gorm:"size:100;not null"`
	// Address is the postal address as printed (street, postal code and city).
	Address string `gorm:"size:300;not null;default:''"`
	// Room is where in the building: "Raum 2.14, 2. OG".
	Room          string `gorm:"size:200;not null;default:''"`
	Directions    string `gorm:"size:2000;not null;default:''"`
	Accessibility string `gorm:"size:2000;not null;default:''"`
	MapURL        string `gorm:"size:500;not null;default:''"`
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Location is the venue as one line for a calendar's LOCATION and an invoice's service location:
// name, room and address, each once.
func (v Venue) Location() string {
	return joinPlace(v.Name, v.Room, v.Address, v.City)
}

// Place is where a date takes place as one line: its venue's name, room and address, or for a
// date without a venue record its free text. Online dates have no place ("").
func (d SeminarDate) Place() string {
	if d.Format == FormatOnline {
		return ""
	}
	if d.VenueRecord != nil {
		return d.VenueRecord.Location()
	}
	return joinPlace(d.Venue, d.Address, d.City)
}

// UseVenue points the date at v and copies the strings the APIs and documents read.
func (d *SeminarDate) UseVenue(v Venue) {
	id := v.ID
	d.VenueID, d.VenueRecord = &id, &v
	d.Venue, d.City, d.Address = v.Name, v.City, v.Address
}

// joinPlace joins the non-empty parts with ", ", leaving out a part another already contains
// (an address usually ends with its city).
func joinPlace(parts ...string) string {
	var kept []string
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		inOther := false
		for j, q := range parts {
			if j != i && len(q) > len(p) && strings.Contains(q, p) {
				inOther = true
			}
		}
		if !inOther {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, ", ")
}

// Trainer is a person who runs dates; one or several are assigned to a date.
type Trainer struct {
	ID    uint   `gorm:"primaryKey"`
	Name  string `gorm:"size:200;not null"`
	BioDE string `gorm:"size:2000;not null;default:''"`
	BioEN string `gorm:"size:2000;not null;default:''"`
	// PhotoVersion counts uploaded photos (0 = none uploaded); the photo's URL carries it, so a
	// new upload is never served from a cache.
	PhotoVersion int `gorm:"not null;default:0"`
	// PhotoURL is a path the app serves (/static/img/…), used when no photo was uploaded.
	PhotoURL  string `gorm:"size:500;not null;default:''"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Bio is the trainer's short biography in lang, German when there is no English one.
func (t Trainer) Bio(lang string) string {
	if lang == "en" && t.BioEN != "" {
		return t.BioEN
	}
	return t.BioDE
}

// Photo is the URL the pages show the trainer's photo from: the uploaded one, else PhotoURL
// ("" for none).
func (t Trainer) Photo() string {
	if t.PhotoVersion > 0 {
		return fmt.Sprintf("/trainers/%d/photo?v=%d", t.ID, t.PhotoVersion)
	}
	return t.PhotoURL
}

// MaxTrainerPhotoBytes is the largest photo upload (2 MiB): a portrait for a web page.
const MaxTrainerPhotoBytes = 2 << 20

// TrainerPhoto holds the bytes of a trainer's uploaded photo, one row per trainer, apart from
// the trainer so lists never load them.
type TrainerPhoto struct {
	TrainerID   uint   `gorm:"primaryKey;autoIncrement:false"`
	ContentType string `gorm:"size:50;not null"`
	Data        []byte `gorm:"not null"`
}

// PhotoType is the type of an uploaded photo by its content — JPEG, PNG or WebP — or "" for
// anything else (SVG is refused: it can carry script).
func PhotoType(data []byte) string {
	switch {
	case len(data) > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF:
		return "image/jpeg"
	case len(data) > 8 && string(data[:8]) == "\x89PNG\r\n\x1a\n":
		return "image/png"
	case len(data) > 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "image/webp"
	}
	return ""
}

// DateTrainer assigns a trainer to a date; Position orders a date's trainers.
type DateTrainer struct {
	DateID    uint `gorm:"primaryKey;autoIncrement:false"`
	TrainerID uint `gorm:"primaryKey;autoIncrement:false"`
	Position  int  `gorm:"not null;default:0"`
}

// ErrInUse says a venue or trainer cannot be deleted because dates still name it.
var ErrInUse = errors.New("still in use by dates")

// Audit actions of the venue and trainer records.
const (
	AuditVenueCreated   = "venue.created"
	AuditVenueUpdated   = "venue.updated"
	AuditVenueDeleted   = "venue.deleted"
	AuditTrainerCreated = "trainer.created"
	AuditTrainerUpdated = "trainer.updated"
	AuditTrainerDeleted = "trainer.deleted"
)

// TrainerIDs are the ids of trainers, in order.
func TrainerIDs(trainers []Trainer) []uint {
	ids := make([]uint, len(trainers))
	for i, t := range trainers {
		ids[i] = t.ID
	}
	return ids
}
