package form

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"seminars/internal/model"
)

// Question is one of a seminar's questions in the seminar form and in the admin API's seminar
// body. ID names a stored question to keep (with its answers); a question without one is new.
type Question struct {
	ID        uint     `json:"id,omitempty"`
	Kind      string   `json:"kind"`
	LabelDE   string   `json:"label_de"`
	LabelEN   string   `json:"label_en"`
	OptionsDE []string `json:"options_de,omitempty"`
	OptionsEN []string `json:"options_en,omitempty"`
	Required  bool     `json:"required"`
	Sensitive bool     `json:"sensitive"`
}

// BlankQuestionRows is how many empty question rows the seminar form offers below the stored ones.
const BlankQuestionRows = 2

// validateQuestions checks the questions; message keys land on questions[i].<field>.
func validateQuestions(errs Errors, qs []Question) {
	if len(qs) > model.MaxQuestionsPerSeminar {
		errs["questions"] = "admin.error.questions_max"
	}
	for i := range qs {
		q := &qs[i]
		prefix := fmt.Sprintf("questions[%d].", i)
		if !model.QuestionKind(q.Kind).Valid() {
			errs[prefix+"kind"] = "admin.error.question_kind"
		}
		line(errs, prefix+"label_de", &q.LabelDE, model.MaxQuestionLabel, true)
		line(errs, prefix+"label_en", &q.LabelEN, model.MaxQuestionLabel, false)
		q.OptionsDE, q.OptionsEN = cleanOptions(q.OptionsDE), cleanOptions(q.OptionsEN)
		if model.QuestionKind(q.Kind) != model.QuestionChoice {
			q.OptionsDE, q.OptionsEN = nil, nil
			continue
		}
		switch {
		case len(q.OptionsDE) < 2:
			errs[prefix+"options_de"] = "admin.error.question_options"
		case len(q.OptionsDE) > model.MaxQuestionOptions:
			errs[prefix+"options_de"] = "admin.error.question_options_max"
		case len(q.OptionsEN) > 0 && len(q.OptionsEN) != len(q.OptionsDE):
			errs[prefix+"options_en"] = "admin.error.question_options_en"
		}
		seen := map[string]bool{}
		for _, o := range q.OptionsDE {
			if len([]rune(o)) > model.MaxQuestionLabel || seen[o] {
				errs[prefix+"options_de"] = "admin.error.question_option"
			}
			seen[o] = true
		}
	}
}

// cleanOptions trims the options and drops the empty ones.
func cleanOptions(in []string) []string {
	var out []string
	for _, o := range in {
		if o = strings.TrimSpace(o); o != "" {
			out = append(out, o)
		}
	}
	return out
}

// questionModels turns valid questions into the seminar's.
func questionModels(qs []Question) []model.SeminarQuestion {
	out := make([]model.SeminarQuestion, 0, len(qs))
	for i, q := range qs {
		out = append(out, model.SeminarQuestion{
			ID: q.ID, Position: i, Kind: model.QuestionKind(q.Kind), LabelDE: q.LabelDE, LabelEN: q.LabelEN,
			OptionsDE: strings.Join(q.OptionsDE, "\n"), OptionsEN: strings.Join(q.OptionsEN, "\n"),
			Required: q.Required, Sensitive: q.Sensitive,
		})
	}
	return out
}

// questionsOf fills the form's questions from a seminar's.
func questionsOf(qs []model.SeminarQuestion) []Question {
	out := make([]Question, 0, len(qs))
	for _, q := range qs {
		out = append(out, Question{
			ID: q.ID, Kind: string(q.Kind), LabelDE: q.LabelDE, LabelEN: q.LabelEN,
			OptionsDE: q.Options(), OptionsEN: cleanOptions(strings.Split(q.OptionsEN, "\n")),
			Required: q.Required, Sensitive: q.Sensitive,
		})
	}
	return out
}

// questionsFromValues reads the seminar form's question rows (questions[i].label_de etc., options
// one a line); a row whose German question is empty is left out, which deletes a stored one.
func questionsFromValues(v url.Values) []Question {
	count, _ := strconv.Atoi(v.Get("question_count"))
	count = min(max(count, 0), model.MaxQuestionsPerSeminar+BlankQuestionRows)
	var out []Question
	for i := range count {
		prefix := fmt.Sprintf("questions[%d].", i)
		q := Question{
			Kind: v.Get(prefix + "kind"), LabelDE: v.Get(prefix + "label_de"), LabelEN: v.Get(prefix + "label_en"),
			OptionsDE: strings.Split(v.Get(prefix+"options_de"), "\n"), OptionsEN: strings.Split(v.Get(prefix+"options_en"), "\n"),
			Required: v.Get(prefix+"required") != "", Sensitive: v.Get(prefix+"sensitive") != "",
		}
		if id, err := strconv.ParseUint(v.Get(prefix+"id"), 10, 32); err == nil {
			q.ID = uint(id)
		}
		if strings.TrimSpace(q.LabelDE) == "" {
			continue
		}
		out = append(out, q)
	}
	return out
}

// OptionLines joins options for a textarea, one a line.
func (q Question) OptionLines(lang string) string {
	if lang == "en" {
		return strings.Join(q.OptionsEN, "\n")
	}
	return strings.Join(q.OptionsDE, "\n")
}
