package web

import (
	"strconv"
	"strings"

	"seminars/internal/i18n"
	"seminars/internal/model"
	"seminars/internal/web/form"
)

// competenceInquiry fills the in-house inquiry from the competence check's answers: the
// functions as the topic (largest gap first), the head counts added up as the participants, and
// one line per function in the message. The company still reads, completes and sends the form;
// nothing is stored before.
func competenceInquiry(t *i18n.Translator, answers []model.CompetenceAnswer) form.Inquiry {
	ranked := model.RankCompetence(answers)
	names := make([]string, 0, len(ranked))
	lines := []string{t.T("competence.inquiry.from")}
	people := 0
	for _, g := range ranked {
		name := t.T("function." + g.Function)
		names = append(names, name)
		usage := t.T("competence.usage." + string(g.Usage))
		if g.People > 0 {
			people += g.People
			lines = append(lines, "– "+t.T("competence.inquiry.line", "Function", name, "Usage", usage,
				"People", t.T("competence.inquiry.people", "Count", g.People)))
		} else {
			lines = append(lines, "– "+t.T("competence.inquiry.line_no_people", "Function", name, "Usage", usage))
		}
	}
	f := form.Inquiry{
		Topic:   truncateRunes(t.T("competence.inquiry.topic", "Functions", strings.Join(names, ", ")), model.MaxTopicLen),
		Message: strings.Join(lines, "\n"),
	}
	if people > 0 {
		f.Participants = strconv.Itoa(min(people, form.MaxCompetencePeople))
	}
	return f
}

// truncateRunes cuts s to at most n characters, so a pre-filled field never starts out too long.
func truncateRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
