// Command seminars runs the booking service for social media competence seminars.
//
//	seminars [serve]     run the web server (default)
//	seminars migrate     bring the database schema up to date and exit
//	seminars backup FILE write a consistent copy of the SQLite database to FILE
//	seminars voucher …   create and list discount codes
//	seminars user add    create a back-office user (password on stdin)
//	seminars user passwd replace a back-office user's password (stdin) and end their sessions
//	seminars user reset-2fa  take a back-office user's two-step sign-in away (lost phone)
//	seminars token create --name NAME   create an admin API token
//	seminars calendar url|renew         print or renew the trainer's calendar feed URL
//	seminars gdpr export|erase --email E export or erase what is stored about a person
//
// Settings come from config/seminars.yaml (embedded), SEMINARS_CONFIG and SEMINARS_* variables.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"seminars"
	"seminars/internal/config"
	"seminars/internal/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Environ(), os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process around it, so tests can call it.
func run(ctx context.Context, args, environ []string, stdout, stderr io.Writer) int {
	return runWithInput(ctx, args, environ, os.Stdin, stdout, stderr)
}

// runWithInput is run with standard input given, for the commands that read it (user add).
func runWithInput(ctx context.Context, args, environ []string, stdin io.Reader, stdout, stderr io.Writer) int {
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	defaults, err := seminars.Files.ReadFile("config/seminars.yaml")
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	cfg, err := config.Load(defaults, environ)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	command := "serve"
	if len(args) > 0 {
		command, args = args[0], args[1:]
	}
	switch command {
	case "serve":
		err = serve(ctx, cfg, log, stdout)
	case "migrate":
		err = migrate(ctx, cfg, stdout)
	case "backup":
		err = backup(ctx, cfg, args, stdout)
	case "voucher":
		err = voucherCommand(ctx, cfg, args, stdout)
	case "user":
		err = userCommand(ctx, cfg, args, stdin, stdout)
	case "token":
		err = tokenCommand(ctx, cfg, args, stdout)
	case "calendar":
		err = calendarCommand(ctx, cfg, args, stdout)
	case "gdpr":
		err = gdprCommand(ctx, cfg, args, stdout)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "unknown command %q\n\n%s\n", command, usage)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return 1
	}
	return 0
}

const usage = `usage: seminars [command]

commands:
  serve          run the web server (default)
  migrate        bring the database schema up to date
  backup FILE    write a consistent copy of the SQLite database to FILE
  voucher create --code CODE (--percent P | --amount CENTS) [--max-uses N] [--until YYYY-MM-DD] [--seminar SLUG]
  voucher list   list discount codes and how often they were used
  user add --email E [--role owner|assistant] < passwordfile
                 create a back-office user; the password is read from stdin
  user passwd --email E < passwordfile
                 replace a back-office user's password (read from stdin) and end that account's sessions
  user reset-2fa --email E
                 take a user's two-step sign-in (TOTP, recovery codes) away and end their sessions
  token create --name NAME
                 create an admin API token (printed once, as the last word)
  calendar url   print the URL of the trainer's calendar feed (as the last word)
  calendar renew give the calendar feed a new URL; the old one stops working
  gdpr export --email E
                 print everything stored about the address E as JSON (Art. 15/20 GDPR)
  gdpr erase --email E
                 erase the person E (Art. 17 GDPR): names, addresses and e-mails become markers,
                 except on issued invoices and credit notes, kept for their retention period
  gdpr hold --reference R [--off]
                 keep a booking's invoices and credit notes past their retention (a dispute, an audit)`

func migrate(ctx context.Context, cfg config.Config, stdout io.Writer) error {
	st, err := store.Open(ctx, cfg.Database, store.WithClock(time.Now))
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintln(stdout, "database is up to date")
	return nil
}

func backup(ctx context.Context, cfg config.Config, args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: seminars backup FILE")
	}
	st, err := store.Open(ctx, cfg.Database, store.WithClock(time.Now))
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, args[0]); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "backup written to", args[0])
	return nil
}
