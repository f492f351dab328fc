package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"seminars/internal/app"
	"seminars/internal/config"
	"seminars/internal/model"
)

const gdprUsage = "usage: seminars gdpr export --email E | seminars gdpr erase --email E | seminars gdpr hold --reference R [--off]"

// gdprCommand answers data-protection requests from the shell with the back office's use cases:
//
//	seminars gdpr export --email E   everything stored about E as JSON on stdout (Art. 15/20 GDPR)
//	seminars gdpr erase --email E    erase E (Art. 17 GDPR); issued invoices stay for their retention
//	seminars gdpr hold --reference R [--off]   keep (or stop keeping) a booking's documents past retention
//
// The erasure is audited by "cli", with counts and a hash, never the erased data.
func gdprCommand(ctx context.Context, cfg config.Config, args []string, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "hold" {
		return gdprHold(ctx, cfg, args[1:], stdout)
	}
	if len(args) == 0 || (args[0] != "export" && args[0] != "erase") {
		return errors.New(gdprUsage)
	}
	fs := flag.NewFlagSet("gdpr "+args[0], flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	email := fs.String("email", "", "the person's e-mail address")
	if err := fs.Parse(args[1:]); err != nil {
		return fmt.Errorf("gdpr %s: %w (%s)", args[0], err, gdprUsage)
	}
	if *email == "" || fs.NArg() > 0 {
		return errors.New(gdprUsage)
	}
	return withApp(ctx, cfg, func(a *app.App) error {
		if args[0] == "export" {
			export, err := a.Privacy.ExportPerson(ctx, *email)
			if err != nil {
				return describeGDPR(err)
			}
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(export)
		}
		e, err := a.Privacy.Erase(ctx, cliActor, *email)
		if err != nil {
			return describeGDPR(err)
		}
		fmt.Fprintf(stdout, "erased %s: %d records changed (bookings %d, attendees %d, waiting list %d, inquiries %d, mails dropped %d, mails rewritten %d, audit entries %d); issued invoices and credit notes are kept\n",
			e.Subject, e.Total(), e.Bookings, e.Attendees, e.WaitingList, e.Inquiries, e.MailsDropped, e.MailsRewritten, e.AuditEntries)
		return nil
	})
}

// describeGDPR says in English what was wrong with the address.
func describeGDPR(err error) error {
	var invalid *model.FieldError
	if errors.As(err, &invalid) {
		return fmt.Errorf("--email: not an e-mail address (%s)", invalid.Reason)
	}
	return err
}

// gdprHold sets or lifts a booking's legal hold (audited by "cli").
func gdprHold(ctx context.Context, cfg config.Config, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("gdpr hold", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	reference := fs.String("reference", "", "the booking's reference")
	off := fs.Bool("off", false, "lift the hold")
	if err := fs.Parse(args); err != nil || *reference == "" || fs.NArg() > 0 {
		return errors.New(gdprUsage)
	}
	return withApp(ctx, cfg, func(a *app.App) error {
		if err := a.Privacy.SetLegalHold(ctx, cliActor, *reference, !*off); err != nil {
			return err
		}
		if *off {
			fmt.Fprintf(stdout, "legal hold of %s lifted: its documents are purged when their retention ends\n", *reference)
		} else {
			fmt.Fprintf(stdout, "legal hold on %s: its documents are kept past their retention until the hold is lifted\n", *reference)
		}
		return nil
	})
}
