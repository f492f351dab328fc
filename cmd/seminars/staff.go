package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"
	"time"

	"seminars/internal/app"
	"seminars/internal/auth"
	"seminars/internal/config"
	"seminars/internal/i18n"
	"seminars/internal/model"
	"seminars/internal/store"
)

const userUsage = "usage: seminars user add --email E [--role owner|assistant] [--password-stdin] < password\n" +
	"       seminars user passwd --email E < password\n" +
	"       seminars user reset-2fa --email E"

// userCommand runs "seminars user add --email E --role owner|assistant" and "seminars user
// passwd --email E": the password is read from stdin (one line), never from the command line
// where ps and shell history would keep it.
func userCommand(ctx context.Context, cfg config.Config, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "passwd" {
		return userPasswd(ctx, cfg, args[1:], stdin, stdout)
	}
	if len(args) > 0 && args[0] == "reset-2fa" {
		return userResetTOTP(ctx, cfg, args[1:], stdout)
	}
	if len(args) == 0 || args[0] != "add" {
		return errors.New(userUsage)
	}
	flags := flag.NewFlagSet("user add", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	email := flags.String("email", "", "e-mail address to sign in with")
	role := flags.String("role", model.RoleOwner, "owner or assistant")
	flags.Bool("password-stdin", true, "read the password from standard input (always on)")
	if err := flags.Parse(args[1:]); err != nil {
		return fmt.Errorf("user add: %w", err)
	}
	password, err := readPassword(stdin)
	if err != nil {
		return err
	}
	return withApp(ctx, cfg, func(a *app.App) error {
		u, err := a.Office.AddStaffUser(ctx, cliActor, *email, *role, password)
		var invalid *model.ValidationError
		if errors.As(err, &invalid) {
			return fmt.Errorf("user add: %s", describe(invalid))
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "created %s %s; sign in at %s/admin/login\n", u.Role, u.Email, cfg.BaseURL)
		return nil
	})
}

// userPasswd sets a new password for a staff user (e.g. an owner who forgot theirs) and ends
// all of that user's sessions.
func userPasswd(ctx context.Context, cfg config.Config, args []string, stdin io.Reader, stdout io.Writer) error {
	flags := flag.NewFlagSet("user passwd", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	email := flags.String("email", "", "e-mail address of the account")
	flags.Bool("password-stdin", true, "read the password from standard input (always on)")
	if err := flags.Parse(args); err != nil || *email == "" {
		return errors.New(userUsage)
	}
	password, err := readPassword(stdin)
	if err != nil {
		return err
	}
	return withApp(ctx, cfg, func(a *app.App) error {
		err := a.Auth.SetPassword(ctx, *email, password)
		var invalid *model.ValidationError
		if errors.As(err, &invalid) {
			return fmt.Errorf("user passwd: %s", describe(invalid))
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "new password set for %s; their sessions are ended\n", *email)
		return nil
	})
}

// userResetTOTP takes two-step sign-in (TOTP and recovery codes) away from a staff user who lost
// both, and ends their sessions; audited as done by "cli". Whoever runs commands on the server
// can do anything an owner can.
func userResetTOTP(ctx context.Context, cfg config.Config, args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("user reset-2fa", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	email := flags.String("email", "", "e-mail address of the account")
	if err := flags.Parse(args); err != nil || *email == "" {
		return errors.New(userUsage)
	}
	return withApp(ctx, cfg, func(a *app.App) error {
		err := a.Auth.ResetTOTP(ctx, cliActor, *email)
		switch {
		case errors.Is(err, model.ErrNotFound):
			return fmt.Errorf("user reset-2fa: no account %s", *email)
		case errors.Is(err, model.ErrTOTPState):
			fmt.Fprintf(stdout, "%s has no two-step sign-in; nothing to reset\n", *email)
			return nil
		case err != nil:
			return err
		}
		fmt.Fprintf(stdout, "two-step sign-in of %s reset; their sessions are ended\n", *email)
		return nil
	})
}

// tokenCommand runs "seminars token create --name NAME [--role owner|assistant]" and prints the
// new admin API token as the last word of its output; only its hash is stored. A token is the
// owner's unless --role assistant says otherwise (an assistant's token sets no prices).
func tokenCommand(ctx context.Context, cfg config.Config, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: seminars token create --name NAME")
	}
	flags := flag.NewFlagSet("token create", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	name := flags.String("name", "", "what the token is for")
	role := flags.String("role", model.RoleOwner, "owner or assistant")
	if err := flags.Parse(args[1:]); err != nil {
		return fmt.Errorf("token create: %w", err)
	}
	if strings.TrimSpace(*name) == "" {
		return errors.New("usage: seminars token create --name NAME [--role owner|assistant]")
	}
	return withApp(ctx, cfg, func(a *app.App) error {
		token, err := a.Office.CreateAPIToken(ctx, cliActor, *name, *role)
		var invalid *model.ValidationError
		if errors.As(err, &invalid) {
			return fmt.Errorf("token create: %s", describe(invalid))
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "API token %q created; it is shown only once:\n%s\n", *name, token)
		return nil
	})
}

// cliActor names the command line in the audit log: a user or token created there is audited
// like one created in the back office.
const cliActor = "cli"

// withApp opens the database and builds the app through the one wiring serve uses, so a command
// runs the same use cases (and audit entries) as the back office. Commands print their own
// result; the services' start-up log lines are not shown.
func withApp(ctx context.Context, cfg config.Config, fn func(*app.App) error) error {
	st, err := store.Open(ctx, cfg.Database, store.WithClock(time.Now))
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := app.New(cfg, st, time.Now, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	return fn(a)
}

func readPassword(stdin io.Reader) (string, error) {
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	password := strings.TrimRight(line, "\r\n")
	if password == "" {
		return "", errors.New("user add: give the password on standard input, e.g. seminars user add --email E < passwordfile")
	}
	return password, nil
}

// describe says in English what was wrong with which argument.
func describe(v *model.ValidationError) string {
	var t *i18n.Translator
	if catalog, err := i18n.New(); err == nil {
		t = catalog.For("en")
	}
	var parts []string
	for field, key := range v.Fields {
		message := key
		if t != nil {
			message = t.T(key)
		}
		parts = append(parts, "--"+field+": "+message)
	}
	sort.Strings(parts)
	return strings.Join(parts, "; ")
}

// ensureAdmin creates the admin named by admin_email/admin_password if missing and says how to
// sign in.
func ensureAdmin(ctx context.Context, cfg config.Config, a *auth.Service, st *store.Store) (string, error) {
	if cfg.AdminEmail != "" {
		if _, err := a.EnsureOwner(ctx, cfg.AdminEmail, cfg.AdminPassword); err != nil {
			return "", fmt.Errorf("admin %s: %w", cfg.AdminEmail, err)
		}
		return fmt.Sprintf("Sign in at %s/admin/login as %s", cfg.BaseURL, cfg.AdminEmail), nil
	}
	n, err := st.CountStaffUsers(ctx)
	if err != nil {
		return "", err
	}
	if n == 0 {
		return "No admin yet: create one with: seminars user add --email you@example.com --role owner < passwordfile" +
			" (or set SEMINARS_ADMIN_EMAIL and SEMINARS_ADMIN_PASSWORD)", nil
	}
	return fmt.Sprintf("Sign in at %s/admin/login", cfg.BaseURL), nil
}
