package model

import "sort"

// Usage is how a business function uses social media today, as a company answers it in the
// social media competence check.
type Usage string

// The answers the check offers, from nothing to everyday work.
const (
	UsageNone       Usage = "none"       // not at all
	UsageOccasional Usage = "occasional" // now and then
	UsageJob        Usage = "job"        // as part of the job
)

// Usages are the answers in the order the check shows them.
var Usages = []Usage{UsageNone, UsageOccasional, UsageJob}

// ParseUsage reads an answer; ok is false for anything else.
func ParseUsage(s string) (u Usage, ok bool) {
	for _, known := range Usages {
		if string(known) == s {
			return known, true
		}
	}
	return "", false
}

// level places an answer on the way to the goal: 0 (not at all) to 2 (part of the job).
func (u Usage) level() int {
	switch u {
	case UsageOccasional:
		return 1
	case UsageJob:
		return 2
	}
	return 0
}

// MaxCompetenceGap is the largest gap: a function that does not use social media at all.
var MaxCompetenceGap = UsageJob.level()

// MinCompetenceFunctions is the seed's rule of thumb: a list of the functions of a company that
// can use social media for their work should have more than five entries.
const MinCompetenceFunctions = 6

// CompetenceAnswer is one ticked business function: how it uses social media today and how many
// people work in it (0 when not given).
type CompetenceAnswer struct {
	Function string
	Usage    Usage
	People   int
}

// CompetenceGap is an answer with its gap: how far the function is from using social media as
// part of the job, the goal for every function that can (social media is communication
// infrastructure, like the telephone: whoever's work it helps should use it).
type CompetenceGap struct {
	CompetenceAnswer
	Gap int
}

// RankCompetence orders the answers by the gap, largest first; on equal gaps the function with
// more people comes first (more people gain from a seminar), then the catalogue's order of
// BusinessFunctions, so the ranking never depends on the order the answers came in.
func RankCompetence(answers []CompetenceAnswer) []CompetenceGap {
	ranked := make([]CompetenceGap, 0, len(answers))
	for _, a := range answers {
		ranked = append(ranked, CompetenceGap{CompetenceAnswer: a, Gap: MaxCompetenceGap - a.Usage.level()})
	}
	sort.SliceStable(ranked, func(i, j int) bool {
		a, b := ranked[i], ranked[j]
		if a.Gap != b.Gap {
			return a.Gap > b.Gap
		}
		if a.People != b.People {
			return a.People > b.People
		}
		return functionIndex(a.Function) < functionIndex(b.Function)
	})
	return ranked
}

// MissingFunctions are the business functions not among the answers, in catalogue order: what
// the company's list may have forgotten.
func MissingFunctions(answers []CompetenceAnswer) []string {
	have := map[string]bool{}
	for _, a := range answers {
		have[a.Function] = true
	}
	var out []string
	for _, f := range BusinessFunctions {
		if !have[f] {
			out = append(out, f)
		}
	}
	return out
}

func functionIndex(f string) int {
	for i, known := range BusinessFunctions {
		if known == f {
			return i
		}
	}
	return len(BusinessFunctions)
}
