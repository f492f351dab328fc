package web

import (
	"fmt"
	"time"

	"seminars/internal/model"
)

// The schema.org vocabulary of a seminar page, written as JSON-LD so search engines can show
// the dates, places and prices: a Course with one CourseInstance (an Event) per upcoming date.
type (
	jsonldCourse struct {
		Context     string           `json:"@context"`
		Type        string           `json:"@type"`
		Name        string           `json:"name"`
		Description string           `json:"description,omitempty"`
		URL         string           `json:"url"`
		InLanguage  string           `json:"inLanguage"`
		Provider    jsonldOrg        `json:"provider"`
		Instances   []jsonldInstance `json:"hasCourseInstance"`
	}
	jsonldOrg struct {
		Type string `json:"@type"`
		Name string `json:"name"`
		URL  string `json:"url,omitempty"`
	}
	jsonldInstance struct {
		Type           string      `json:"@type"`
		Name           string      `json:"name"`
		StartDate      string      `json:"startDate"`
		EndDate        string      `json:"endDate"`
		CourseMode     string      `json:"courseMode"`
		EventStatus    string      `json:"eventStatus"`
		AttendanceMode string      `json:"eventAttendanceMode"`
		Location       any         `json:"location"`
		Organizer      jsonldOrg   `json:"organizer"`
		Offers         jsonldOffer `json:"offers"`
		Capacity       int         `json:"maximumAttendeeCapacity"`
		Remaining      int         `json:"remainingAttendeeCapacity"`
		// Instructor names the date's trainers (schema.org CourseInstance.instructor).
		Instructor []jsonldPerson `json:"instructor,omitempty"`
	}
	jsonldPerson struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
	jsonldPlace struct {
		Type    string        `json:"@type"`
		Name    string        `json:"name,omitempty"`
		Address jsonldAddress `json:"address"`
	}
	jsonldAddress struct {
		Type     string `json:"@type"`
		Street   string `json:"streetAddress,omitempty"`
		Locality string `json:"addressLocality,omitempty"`
		Country  string `json:"addressCountry"`
	}
	// jsonldVirtual names the seminar page, never the joining link: that is for attendees only.
	jsonldVirtual struct {
		Type string `json:"@type"`
		URL  string `json:"url"`
	}
	jsonldOffer struct {
		Type          string             `json:"@type"`
		URL           string             `json:"url"`
		Price         string             `json:"price"`
		Currency      string             `json:"priceCurrency"`
		Availability  string             `json:"availability"`
		ValidFrom     string             `json:"validFrom,omitempty"`
		Specification jsonldPriceSpecNet `json:"priceSpecification"`
	}
	// jsonldPriceSpecNet says the price is net: companies are quoted without VAT.
	jsonldPriceSpecNet struct {
		Type        string `json:"@type"`
		Price       string `json:"price"`
		Currency    string `json:"priceCurrency"`
		VATIncluded bool   `json:"valueAddedTaxIncluded"`
	}
)

// seminarJSONLD describes a seminar and its upcoming dates, in lang, priced at now.
func (s *Server) seminarJSONLD(sem model.Seminar, lang string, now time.Time) jsonldCourse {
	pageURL := s.cfg.BaseURL + localized(lang, "/seminars/"+sem.Slug)
	seller := jsonldOrg{Type: "Organization", Name: s.seller.Name, URL: s.cfg.BaseURL + localized(lang, "/")}
	course := jsonldCourse{
		Context: "https://schema.org", Type: "Course", Name: sem.Title(lang), Description: sem.Teaser(lang),
		URL: pageURL, InLanguage: lang, Provider: seller, Instances: []jsonldInstance{},
	}
	for _, d := range sem.Dates {
		price := fmt.Sprintf("%d.%02d", d.UnitPriceNetCents(now)/100, d.UnitPriceNetCents(now)%100)
		availability := "https://schema.org/InStock"
		if d.SeatsLeft() == 0 {
			availability = "https://schema.org/SoldOut"
		}
		in := jsonldInstance{
			Type: "CourseInstance", Name: sem.Title(lang),
			StartDate: d.StartsAt.In(s.cfg.Location).Format(time.RFC3339), EndDate: d.EndsAt.In(s.cfg.Location).Format(time.RFC3339),
			CourseMode: "onsite", EventStatus: "https://schema.org/EventScheduled",
			AttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
			Location: jsonldPlace{Type: "Place", Name: d.Venue, Address: jsonldAddress{
				Type: "PostalAddress", Street: d.Address, Locality: d.City, Country: "DE",
			}},
			Organizer: seller,
			Offers: jsonldOffer{
				Type: "Offer", URL: s.cfg.BaseURL + localized(lang, fmt.Sprintf("/book/%d", d.ID)),
				Price: price, Currency: s.cfg.Currency, Availability: availability,
				Specification: jsonldPriceSpecNet{Type: "UnitPriceSpecification", Price: price, Currency: s.cfg.Currency},
			},
			Capacity: d.Capacity, Remaining: d.SeatsLeft(),
		}
		for _, tr := range d.Trainers {
			in.Instructor = append(in.Instructor, jsonldPerson{Type: "Person", Name: tr.Name})
		}
		if d.Format == model.FormatOnline {
			in.CourseMode, in.AttendanceMode = "online", "https://schema.org/OnlineEventAttendanceMode"
			in.Location = jsonldVirtual{Type: "VirtualLocation", URL: pageURL}
		}
		course.Instances = append(course.Instances, in)
	}
	return course
}
