package demo

import "seminars/internal/model"

// questionsSlug is the demo seminar whose booking form asks its attendees questions: the
// overview day, where the trainer groups people by function and caters for a full day.
const questionsSlug = "social-media-kompetenz-fuer-alle-unternehmensbereiche"

// questionsFor returns the demo questions of a seminar: a required job title and a yes/no
// (asked of the booker), and dietary and accessibility needs, which are sensitive (Art. 9
// GDPR) and so answered by each attendee on their own page with consent.
func questionsFor(slug string) []model.SeminarQuestion {
	if slug != questionsSlug {
		return nil
	}
	return []model.SeminarQuestion{
		{Position: 0, Kind: model.QuestionText, LabelDE: "Funktion im Unternehmen", LabelEN: "Job title", Required: true},
		{Position: 1, Kind: model.QuestionChoice, LabelDE: "Bereich", LabelEN: "Business function", Required: true,
			OptionsDE: "Marketing\nVertrieb\nKundenservice\nPersonal\nPresse und Öffentlichkeitsarbeit\nGeschäftsführung\nIT und Datenschutz",
			OptionsEN: "Marketing\nSales\nCustomer service\nHR\nPR\nManagement\nIT and data protection"},
		{Position: 2, Kind: model.QuestionYesNo, LabelDE: "Betreuen Sie schon einen Unternehmenskanal?", LabelEN: "Do you already run a company channel?"},
		{Position: 3, Kind: model.QuestionChoice, LabelDE: "Ernährung beim Mittagessen", LabelEN: "Diet at lunch", Sensitive: true,
			OptionsDE: "ohne Einschränkung\nvegetarisch\nvegan\nglutenfrei", OptionsEN: "no restrictions\nvegetarian\nvegan\ngluten-free"},
		{Position: 4, Kind: model.QuestionText, LabelDE: "Brauchen Sie Unterstützung zur Barrierefreiheit?", LabelEN: "Do you need any accessibility support?", Sensitive: true},
	}
}
