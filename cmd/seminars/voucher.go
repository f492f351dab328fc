package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"seminars/internal/app"
	"seminars/internal/config"
	"seminars/internal/i18n"
	"seminars/internal/model"
	"seminars/internal/web/form"
)

// voucherCommand creates and lists discount codes from the shell:
//
//	seminars voucher create --code SOMMER26 --percent 10 [--max-uses 20] [--until 2027-06-30] [--seminar SLUG]
//	seminars voucher create --code TREUE --amount 5000
//	seminars voucher list
//
// Creating uses the back office's form and use case (same rules, audit entry by "cli").
func voucherCommand(ctx context.Context, cfg config.Config, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: seminars voucher create|list [flags]")
	}
	switch args[0] {
	case "create":
		return withApp(ctx, cfg, func(a *app.App) error { return voucherCreate(ctx, cfg, a, args[1:], stdout) })
	case "list":
		return withApp(ctx, cfg, func(a *app.App) error { return voucherList(ctx, cfg, a.Store, stdout) })
	}
	return fmt.Errorf("unknown voucher command %q", args[0])
}

func voucherCreate(ctx context.Context, cfg config.Config, a *app.App, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("voucher create", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	code := fs.String("code", "", "the code customers type")
	percent := fs.String("percent", "", "percent off the net total, e.g. 10")
	amount := fs.Int64("amount", 0, "cents off the net total, e.g. 5000 for 50 €")
	maxUses := fs.Int("max-uses", 0, "how often it can be redeemed (0 = unlimited)")
	until := fs.String("until", "", "last day it is valid (YYYY-MM-DD, in the display time zone)")
	seminar := fs.String("seminar", "", "slug of the only seminar it applies to")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("voucher create: %w", err)
	}
	// The same form and rules as the back office's voucher page; only the units of --amount
	// (cents) differ from the page's euros.
	f := form.Voucher{Code: *code, Percent: *percent, Seminar: *seminar, ValidUntil: *until, MaxUses: fmt.Sprint(*maxUses)}
	if *amount != 0 {
		f.Amount = centsAsEuros(*amount)
	}
	v, errs := f.Validate(cfg.Location)
	if len(errs) == 0 {
		var invalid *model.ValidationError
		err := a.Office.CreateVoucher(ctx, cliActor, &v, f.Seminar)
		if !errors.As(err, &invalid) {
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "voucher %s created\n", v.Code)
			return nil
		}
		errs = invalid.Fields
	}
	return voucherErrors(errs)
}

// centsAsEuros writes --amount for the form; a negative amount stays unreadable, so the form
// refuses it.
func centsAsEuros(cents int64) string {
	if cents < 0 {
		return fmt.Sprint(cents)
	}
	return fmt.Sprintf("%d.%02d", cents/100, cents%100)
}

// voucherFlags names the flag behind each field of the voucher form.
var voucherFlags = map[string]string{"code": "--code", "percent": "--percent", "amount": "--amount",
	"valid_until": "--until", "max_uses": "--max-uses", "seminar": "--seminar"}

// voucherErrors turns the form's message keys into one English error naming the flags.
func voucherErrors(errs map[string]string) error {
	catalog, err := i18n.New()
	if err != nil {
		return err
	}
	t := catalog.For("en")
	var lines []string
	for field, key := range errs {
		lines = append(lines, fmt.Sprintf("%s: %s", voucherFlags[field], t.T(key)))
	}
	sort.Strings(lines)
	return errors.New("voucher create: " + strings.Join(lines, "; "))
}
