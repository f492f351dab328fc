package backoffice

import (
	"context"
	"fmt"
	"strings"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// audit records a change in the transaction that makes it.
func (s *Service) audit(ctx context.Context, tx *store.Tx, actor, action, subject, detail string) error {
	if len(detail) > 4000 {
		detail = detail[:3997] + "…"
	}
	return tx.AddAudit(ctx, &model.AuditEntry{
		CreatedAt: s.now().UTC(), Actor: actor, Action: action, Subject: subject, Detail: detail,
	})
}

// changes lists "field: old → new" for the values that differ, in the order given.
type changes []string

func (c *changes) add(field string, old, new any) {
	if fmt.Sprint(old) != fmt.Sprint(new) {
		*c = append(*c, fmt.Sprintf("%s: %v → %v", field, old, new))
	}
}

func (c changes) String() string { return strings.Join(c, "; ") }

func dateChanges(old, new model.SeminarDate) changes {
	var c changes
	c.add("starts_at", stamp(old.StartsAt), stamp(new.StartsAt))
	c.add("ends_at", stamp(old.EndsAt), stamp(new.EndsAt))
	c.add("capacity", old.Capacity, new.Capacity)
	c.add("price_net_cents", old.PriceNetCents, new.PriceNetCents)
	c.add("early_bird_net_cents", old.EarlyBirdNetCents, new.EarlyBirdNetCents)
	c.add("early_bird_until", stampPtr(old.EarlyBirdUntil), stampPtr(new.EarlyBirdUntil))
	c.add("format", old.Format, new.Format)
	c.add("city", old.City, new.City)
	c.add("venue", old.Venue, new.Venue)
	c.add("address", old.Address, new.Address)
	c.add("online_url", old.OnlineURL, new.OnlineURL)
	c.add("status", old.Status, new.Status)
	c.add("min_participants", old.MinParticipants, new.MinParticipants)
	return c
}

func seminarChanges(old, new model.Seminar) changes {
	var c changes
	c.add("slug", old.Slug, new.Slug)
	c.add("title_de", old.TitleDE, new.TitleDE)
	c.add("title_en", old.TitleEN, new.TitleEN)
	c.add("functions", old.FunctionList, new.FunctionList)
	c.add("duration_minutes", old.DurationMinutes, new.DurationMinutes)
	c.add("default_price_cents", old.DefaultPriceCents, new.DefaultPriceCents)
	c.add("published", old.Published, new.Published)
	c.add("funding_approvals", old.FundingApprovals.String(), new.FundingApprovals.String())
	for _, text := range []struct{ name, old, new string }{
		{"teaser", old.TeaserDE + old.TeaserEN, new.TeaserDE + new.TeaserEN},
		{"description", old.DescriptionDE + old.DescriptionEN, new.DescriptionDE + new.DescriptionEN},
		{"prepare", old.PrepareDE + old.PrepareEN, new.PrepareDE + new.PrepareEN},
		{"certificate_text", old.CertificateTextDE + old.CertificateTextEN, new.CertificateTextDE + new.CertificateTextEN},
	} {
		if text.old != text.new {
			c = append(c, text.name+" changed")
		}
	}
	return c
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func stampPtr(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return stamp(*t)
}
