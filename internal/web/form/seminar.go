package form

import (
	"net/url"
	"regexp"
	"strings"

	"seminars/internal/model"
)

// Seminar is the back office's seminar form and the body of POST /api/v1/admin/seminars.
type Seminar struct {
	Slug              string   `json:"slug"`
	TitleDE           string   `json:"title_de"`
	TitleEN           string   `json:"title_en"`
	TeaserDE          string   `json:"teaser_de"`
	TeaserEN          string   `json:"teaser_en"`
	DescriptionDE     string   `json:"description_de"`
	DescriptionEN     string   `json:"description_en"`
	PrepareDE         string   `json:"prepare_de"`
	PrepareEN         string   `json:"prepare_en"`
	Functions         []string `json:"functions"`
	DurationMinutes   int      `json:"duration_minutes"`
	DefaultPriceCents int64    `json:"default_price_cents"`
	Published         bool     `json:"published"`
	// FundingApprovals are the Bildungsurlaub/Bildungszeit approvals; on the HTML form they are
	// typed one a line (FundingText, kept to show again what was typed).
	FundingApprovals  []model.FundingApproval `json:"funding_approvals"`
	FundingText       string                  `json:"-"`
	CertificateTextDE string                  `json:"certificate_text_de"`
	CertificateTextEN string                  `json:"certificate_text_en"`
	// GroupPricing is "global" (the service's rule), "own" (GroupFromSeat, GroupPercentBP) or
	// "off"; see model.GroupRuleOf.
	GroupPricing   string `json:"group_pricing"`
	GroupFromSeat  int    `json:"group_from_seat"`
	GroupPercentBP int    `json:"group_percent_bp"`
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Validate checks the seminar; an empty slug is made from the German title first.
func (f *Seminar) Validate() Errors {
	errs := Errors{}
	titleOK := line(errs, "title_de", &f.TitleDE, model.MaxTitleLen, true)
	if strings.TrimSpace(f.Slug) == "" && titleOK {
		f.Slug = Slugify(f.TitleDE)
	}
	if !slugPattern.MatchString(f.Slug) || len(f.Slug) > model.MaxSlugLen {
		errs["slug"] = "admin.error.slug"
	}
	line(errs, "title_en", &f.TitleEN, model.MaxTitleLen, false)
	line(errs, "teaser_de", &f.TeaserDE, model.MaxTeaserLen, false)
	line(errs, "teaser_en", &f.TeaserEN, model.MaxTeaserLen, false)
	for field, v := range map[string]*string{"description_de": &f.DescriptionDE, "description_en": &f.DescriptionEN, "prepare_de": &f.PrepareDE, "prepare_en": &f.PrepareEN} {
		paragraphs(errs, field, v, model.MaxDescriptionLen)
	}
	for _, fn := range f.Functions {
		if !model.IsBusinessFunction(fn) {
			errs["functions"] = "admin.error.function"
		}
	}
	if f.DurationMinutes < 30 || f.DurationMinutes > 10*24*60 {
		errs["duration_minutes"] = "admin.error.duration"
	}
	if f.DefaultPriceCents < 0 || f.DefaultPriceCents > 100_000_000 {
		errs["default_price_cents"] = "admin.error.price"
	}
	f.validateFunding(errs)
	f.validateGroup(errs)
	return errs
}

// Apply copies a valid form onto a seminar.
func (f *Seminar) Apply(s *model.Seminar) {
	s.Slug = f.Slug
	s.TitleDE, s.TitleEN = strings.TrimSpace(f.TitleDE), strings.TrimSpace(f.TitleEN)
	s.TeaserDE, s.TeaserEN = strings.TrimSpace(f.TeaserDE), strings.TrimSpace(f.TeaserEN)
	s.DescriptionDE, s.DescriptionEN = strings.TrimSpace(f.DescriptionDE), strings.TrimSpace(f.DescriptionEN)
	s.PrepareDE, s.PrepareEN = strings.TrimSpace(f.PrepareDE), strings.TrimSpace(f.PrepareEN)
	var fns []string
	for _, fn := range model.BusinessFunctions { // keep the catalogue's order
		for _, chosen := range f.Functions {
			if chosen == fn {
				fns = append(fns, fn)
				break
			}
		}
	}
	s.FunctionList = strings.Join(fns, ",")
	s.DurationMinutes = f.DurationMinutes
	s.DefaultPriceCents = f.DefaultPriceCents
	s.Published = f.Published
	s.FundingApprovals = sortedApprovals(f.FundingApprovals)
	s.CertificateTextDE, s.CertificateTextEN = strings.TrimSpace(f.CertificateTextDE), strings.TrimSpace(f.CertificateTextEN)
	s.GroupPricing, s.GroupFromSeat, s.GroupPercentBP = f.GroupPricing, f.GroupFromSeat, f.GroupPercentBP
	if s.GroupPricing != model.GroupPricingOwn {
		s.GroupFromSeat, s.GroupPercentBP = 0, 0 // no own rule kept that nobody sees
	}
}

// validateGroup checks the group pricing: a known mode, and for an own rule one the model accepts.
func (f *Seminar) validateGroup(errs Errors) {
	if f.GroupPricing == "" {
		f.GroupPricing = model.GroupPricingGlobal
	}
	if !model.IsGroupPricingMode(f.GroupPricing) {
		errs["group_pricing"] = "admin.error.group_pricing"
		return
	}
	if f.GroupPricing != model.GroupPricingOwn {
		return
	}
	if f.GroupFromSeat < 2 || f.GroupFromSeat > 1000 {
		errs["group_from_seat"] = "admin.error.group_from_seat"
	}
	if f.GroupPercentBP < 1 || f.GroupPercentBP > 10000 {
		errs["group_percent_bp"] = "admin.error.group_percent"
	}
}

// GroupChanged tells whether the form changes the seminar's group pricing (owners only).
func (f Seminar) GroupChanged(s model.Seminar) bool {
	after := s
	f.Apply(&after)
	return after.GroupPricing != s.GroupPricing || after.GroupFromSeat != s.GroupFromSeat || after.GroupPercentBP != s.GroupPercentBP
}

// SeminarOf fills the form from a stored seminar, for editing.
func SeminarOf(s model.Seminar) Seminar {
	return Seminar{
		Slug: s.Slug, TitleDE: s.TitleDE, TitleEN: s.TitleEN, TeaserDE: s.TeaserDE, TeaserEN: s.TeaserEN,
		DescriptionDE: s.DescriptionDE, DescriptionEN: s.DescriptionEN, PrepareDE: s.PrepareDE, PrepareEN: s.PrepareEN,
		Functions: s.Functions(), DurationMinutes: s.DurationMinutes, DefaultPriceCents: s.DefaultPriceCents, Published: s.Published,
		FundingApprovals: append([]model.FundingApproval{}, s.FundingApprovals...), FundingText: FundingLines(s.FundingApprovals),
		CertificateTextDE: s.CertificateTextDE, CertificateTextEN: s.CertificateTextEN,
		GroupPricing: s.GroupPricing, GroupFromSeat: s.GroupFromSeat, GroupPercentBP: s.GroupPercentBP,
	}
}

// HasFunction tells whether the form has a business function ticked.
func (f Seminar) HasFunction(fn string) bool {
	for _, have := range f.Functions {
		if have == fn {
			return true
		}
	}
	return false
}

var slugReplacer = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "&", "und")

// Slugify makes a URL slug from a title: lower case, umlauts spelled out, words joined by "-".
func Slugify(title string) string {
	s := slugReplacer.Replace(strings.ToLower(strings.TrimSpace(title)))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if len(out) > 100 {
		out = strings.TrimSuffix(out[:100], "-")
	}
	return out
}

// SeminarFromValues reads the HTML seminar form; the default price is typed in euros.
func SeminarFromValues(v url.Values) (Seminar, string) {
	f := Seminar{
		Slug: strings.TrimSpace(v.Get("slug")), TitleDE: v.Get("title_de"), TitleEN: v.Get("title_en"),
		TeaserDE: v.Get("teaser_de"), TeaserEN: v.Get("teaser_en"),
		DescriptionDE: v.Get("description_de"), DescriptionEN: v.Get("description_en"),
		PrepareDE: v.Get("prepare_de"), PrepareEN: v.Get("prepare_en"),
		Functions: v["functions"], DurationMinutes: atoi(v.Get("duration_minutes")), Published: v.Get("published") != "",
		FundingText: v.Get("funding_approvals"), FundingApprovals: ParseFundingLines(v.Get("funding_approvals")),
		CertificateTextDE: v.Get("certificate_text_de"), CertificateTextEN: v.Get("certificate_text_en"),
	}
	f.GroupPricing, f.GroupFromSeat = strings.TrimSpace(v.Get("group_pricing")), atoi(v.Get("group_from_seat"))
	if f.GroupPricing == model.GroupPricingOwn {
		f.GroupPercentBP = -1 // reported by Validate unless it parses
		if bp, ok := ParsePercentBP(v.Get("group_percent")); ok {
			f.GroupPercentBP = bp
		}
	}
	priceText := v.Get("default_price")
	if cents, ok := ParseEuros(priceText); ok {
		f.DefaultPriceCents = cents
	} else {
		f.DefaultPriceCents = -1 // reported by Validate
	}
	return f, priceText
}
