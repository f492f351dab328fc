package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"seminars/internal/config"
	"seminars/internal/model"
	"seminars/internal/store"
)

// voucherCommand creates and lists discount codes from the shell:
//
//	seminars voucher create --code SOMMER26 --percent 10 [--max-uses 20] [--until 2027-06-30] [--seminar SLUG]
//	seminars voucher create --code TREUE --amount 5000
//	seminars voucher list
func voucherCommand(ctx context.Context, cfg config.Config, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: seminars voucher create|list [flags]")
	}
	st, err := store.Open(ctx, cfg.Database)
	if err != nil {
		return err
	}
	defer st.Close()
	switch args[0] {
	case "create":
		return voucherCreate(ctx, cfg, st, args[1:], stdout)
	case "list":
		return voucherList(ctx, st, stdout)
	}
	return fmt.Errorf("unknown voucher command %q", args[0])
}

func voucherCreate(ctx context.Context, cfg config.Config, st *store.Store, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("voucher create", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	code := fs.String("code", "", "the code customers type")
	percent := fs.Float64("percent", 0, "percent off the net total, e.g. 10")
	amount := fs.Int64("amount", 0, "cents off the net total, e.g. 5000 for 50 €")
	maxUses := fs.Int("max-uses", 0, "how often it can be redeemed (0 = unlimited)")
	until := fs.String("until", "", "last day it is valid (YYYY-MM-DD, in the display time zone)")
	seminar := fs.String("seminar", "", "slug of the only seminar it applies to")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("voucher create: %w", err)
	}
	v := model.Voucher{Code: *code, MaxUses: *maxUses, Active: true}
	switch {
	case strings.TrimSpace(*code) == "":
		return errors.New("voucher create: --code is required")
	case (*percent > 0) == (*amount > 0):
		return errors.New("voucher create: give either --percent or --amount")
	case *percent > 100 || *percent < 0 || *amount < 0 || *maxUses < 0:
		return errors.New("voucher create: --percent must be 0–100, --amount and --max-uses not negative")
	case *percent > 0:
		v.Kind, v.PercentBP = model.VoucherPercent, int(*percent*100+0.5)
	default:
		v.Kind, v.AmountCents = model.VoucherFixed, *amount
	}
	if *until != "" {
		day, err := time.ParseInLocation("2006-01-02", *until, cfg.Location)
		if err != nil {
			return fmt.Errorf("voucher create: --until %q is not YYYY-MM-DD", *until)
		}
		end := day.AddDate(0, 0, 1).UTC() // valid through the whole last day
		v.ValidUntil = &end
	}
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		if *seminar != "" {
			s, err := tx.SeminarBySlug(ctx, *seminar, time.Now())
			if err != nil {
				return fmt.Errorf("seminar %q: %w", *seminar, err)
			}
			v.SeminarID = &s.ID
		}
		return tx.CreateVoucher(ctx, &v)
	})
	if store.IsUniqueViolation(err) {
		return fmt.Errorf("voucher create: code %s exists already", store.NormaliseVoucherCode(*code))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "voucher %s created\n", v.Code)
	return nil
}

func voucherList(ctx context.Context, st *store.Store, stdout io.Writer) error {
	vs, err := st.ListVouchers(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "CODE\tDISCOUNT\tUSES\tVALID UNTIL")
	for _, v := range vs {
		discount := fmt.Sprintf("%.2f %%", float64(v.PercentBP)/100)
		if v.Kind == model.VoucherFixed {
			discount = fmt.Sprintf("%.2f EUR", float64(v.AmountCents)/100)
		}
		limit, until := "∞", "–"
		if v.MaxUses > 0 {
			limit = fmt.Sprint(v.MaxUses)
		}
		if v.ValidUntil != nil {
			until = v.ValidUntil.Format(time.DateOnly)
		}
		fmt.Fprintf(w, "%s\t%s\t%d/%s\t%s\n", v.Code, discount, v.Uses, limit, until)
	}
	return w.Flush()
}
