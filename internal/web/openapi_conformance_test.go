package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

// Roles of the tokens a conformance case sends.
const (
	asOwner     = "owner"
	asAssistant = "assistant"
	asNobody    = "" // no Authorization header
)

// apiCase is one real request against a documented operation of the admin API. The cases of a
// table run in order on one database, so later cases see what earlier ones changed.
type apiCase struct {
	op     string // the operationId the request must reach
	name   string
	method string
	path   string // below /api/v1
	as     string // asOwner, asAssistant or asNobody
	body   string
	// contentType is sent with a body; application/json unless set.
	contentType string
	want        int
	// specInvalid marks a request that breaks the spec on purpose (to see the 400/413/415/422):
	// the spec must reject it too, and only the answer is checked against it.
	specInvalid bool
	// sizeOnly marks a request that is wrong only by its size, which the spec cannot express:
	// it is not checked against the spec, only its answer is.
	sizeOnly bool
}

// untestedAnswers are documented answers no case here produces, each with where it is tested.
var untestedAnswers = map[string]string{
	"recordPayment 409": "needs a card hold waiting for Stripe (stripe-mock serves package web_test): TestAdminAPIRefusesMoneyOnACardHold",
}

// TestOpenAPIConformance loads the served spec, validates it, and runs every documented
// operation of the admin API against the real app on SQLite and PostgreSQL: each request and
// each answer is checked against the spec (kin-openapi), and the test fails when an operation
// has no successful case, when a documented answer is never seen (untestedAnswers aside), or
// when Echo has an /api/v1/admin route the spec does not document.
func TestOpenAPIConformance(t *testing.T) {
	registerBinaryDecoders()
	for _, db := range storetest.Databases {
		t.Run(db.Name, func(t *testing.T) {
			env := newLedgerEnv(t, db.Open(t))
			doc, router := loadServedSpec(t, env)
			checkRoutesDocumented(t, env, doc)
			cases := append(conformanceCases(t, env), materialConformanceCases(t, env)...)
			cases = append(generatedCases(doc, cases), cases...)
			checkCoverage(t, doc, cases)
			tokens := map[string]string{asOwner: env.tokenFor(model.RoleOwner), asAssistant: env.tokenFor(model.RoleAssistant)}
			for _, c := range cases {
				t.Run(c.op+"/"+c.name, func(t *testing.T) { runConformanceCase(t, env, router, tokens[c.as], c) })
			}
		})
	}
}

var binaryDecoders sync.Once

// registerBinaryDecoders teaches kin-openapi to read the file answers (it knows JSON and text).
func registerBinaryDecoders() {
	binaryDecoders.Do(func() {
		for _, ct := range []string{"application/pdf", "application/xml", "application/zip", "text/csv", "application/yaml"} {
			openapi3filter.RegisterBodyDecoder(ct, openapi3filter.FileBodyDecoder)
		}
	})
}

func (e *adminEnv) tokenFor(role string) string {
	e.t.Helper()
	token, err := e.srv.auth.CreateAPIToken(context.Background(), "conformance-"+role, role)
	if err != nil {
		e.t.Fatal(err)
	}
	return token
}

// loadServedSpec reads /api/v1/openapi.yaml as a client would and validates it as OpenAPI 3.
func loadServedSpec(t *testing.T, env *adminEnv) (*openapi3.T, routers.Router) {
	t.Helper()
	status, body := env.api(http.MethodGet, "/api/v1/openapi.yaml", "", "")
	if status != http.StatusOK {
		t.Fatalf("openapi.yaml: status %d", status)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(loader.Context); err != nil {
		t.Fatalf("the served spec is not valid OpenAPI: %v", err)
	}
	if len(doc.Servers) != 1 || doc.Servers[0].URL != "/api/v1" {
		t.Fatalf("servers %v, want the one relative /api/v1", doc.Servers)
	}
	closeAnswers(doc)
	// The router matches absolute URLs: the test server's, under the documented base.
	routed := *doc
	routed.Servers = openapi3.Servers{{URL: env.http.URL + "/api/v1"}}
	router, err := gorillamux.NewRouter(&routed)
	if err != nil {
		t.Fatal(err)
	}
	return doc, router
}

// closeAnswers makes every object schema of the answers refuse properties it does not list, so
// a field the server sends but the spec does not document fails the test. Request schemas stay
// open; maps (additionalProperties given) stay as documented.
func closeAnswers(doc *openapi3.T) {
	seen := map[*openapi3.Schema]bool{}
	var closeSchema func(ref *openapi3.SchemaRef)
	closeSchema = func(ref *openapi3.SchemaRef) {
		if ref == nil || ref.Value == nil || seen[ref.Value] {
			return
		}
		sc := ref.Value
		seen[sc] = true
		if len(sc.Properties) > 0 && sc.AdditionalProperties.Has == nil && sc.AdditionalProperties.Schema == nil {
			no := false
			sc.AdditionalProperties.Has = &no
		}
		for _, p := range sc.Properties {
			closeSchema(p)
		}
		closeSchema(sc.Items)
		closeSchema(sc.AdditionalProperties.Schema)
	}
	for _, op := range operations(doc) {
		for _, res := range op.operation.Responses.Map() {
			for _, media := range res.Value.Content {
				closeSchema(media.Schema)
			}
		}
	}
}

// checkRoutesDocumented fails for every /api/v1/admin route of the server the spec lacks.
func checkRoutesDocumented(t *testing.T, env *adminEnv, doc *openapi3.T) {
	t.Helper()
	for _, r := range env.srv.echo.Routes() {
		if !strings.HasPrefix(r.Path, "/api/v1/admin/") || strings.HasSuffix(r.Path, "*") || r.Method == echoRouteNotFound {
			continue
		}
		path := strings.TrimPrefix(r.Path, "/api/v1")
		parts := strings.Split(path, "/")
		for i, part := range parts {
			if strings.HasPrefix(part, ":") {
				parts[i] = "{" + part[1:] + "}"
			}
		}
		path = strings.Join(parts, "/")
		item := doc.Paths.Value(path)
		if item == nil || item.GetOperation(r.Method) == nil {
			t.Errorf("%s %s is registered but not documented in openapi.yaml (as %s %s)", r.Method, r.Path, r.Method, path)
		}
	}
}

// echoRouteNotFound is the method Echo lists RouteNotFound handlers under.
const echoRouteNotFound = "echo_route_not_found"

// generatedCases adds, for every operation, the answers every operation gives the same way: no
// token (401), and for those that document them a body too large (413), not JSON (415) and
// malformed JSON (400). They go to the path of the operation's first successful case and run
// before the table, as they change nothing.
func generatedCases(doc *openapi3.T, table []apiCase) []apiCase {
	var out []apiCase
	for _, op := range operations(doc) {
		i := slices.IndexFunc(table, func(c apiCase) bool { return c.op == op.id && c.want < 300 })
		if i < 0 {
			continue // checkCoverage reports it
		}
		ok := table[i]
		out = append(out, apiCase{op: op.id, name: "no token", method: ok.method, path: ok.path, as: asNobody, body: ok.body,
			want: http.StatusUnauthorized, specInvalid: true})
		if op.documents(http.StatusRequestEntityTooLarge) {
			huge := `{"note":"` + strings.Repeat("x", 70<<10) + `"}`
			out = append(out, apiCase{op: op.id, name: "body too large", method: ok.method, path: ok.path, as: asOwner, body: huge,
				want: http.StatusRequestEntityTooLarge, sizeOnly: true})
		}
		if op.operation.RequestBody == nil {
			continue
		}
		if op.documents(http.StatusUnsupportedMediaType) {
			out = append(out, apiCase{op: op.id, name: "not JSON", method: ok.method, path: ok.path, as: asOwner, body: "capacity=12",
				contentType: "text/plain", want: http.StatusUnsupportedMediaType, specInvalid: true})
		}
		if op.documents(http.StatusBadRequest) {
			out = append(out, apiCase{op: op.id, name: "malformed JSON", method: ok.method, path: ok.path, as: asOwner, body: `{"capacity":`,
				want: http.StatusBadRequest, specInvalid: true})
		}
	}
	return out
}

// specOperation is one documented operation.
type specOperation struct {
	id, method, path string
	operation        *openapi3.Operation
}

func (o specOperation) documents(status int) bool { return o.operation.Responses.Status(status) != nil }

func operations(doc *openapi3.T) []specOperation {
	var out []specOperation
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			out = append(out, specOperation{id: op.OperationID, method: method, path: path, operation: op})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

// checkCoverage fails for an operation without a successful case and for a documented answer
// no case produces (but those in untestedAnswers).
func checkCoverage(t *testing.T, doc *openapi3.T, cases []apiCase) {
	t.Helper()
	seen := map[string]bool{}
	for _, c := range cases {
		seen[fmt.Sprintf("%s %d", c.op, c.want)] = true
		if c.want < 300 {
			seen[c.op+" ok"] = true
		}
	}
	for _, op := range operations(doc) {
		if op.id == "" {
			t.Errorf("%s %s has no operationId", op.method, op.path)
			continue
		}
		if !seen[op.id+" ok"] {
			t.Errorf("%s (%s %s) has no successful case in conformanceCases", op.id, op.method, op.path)
		}
		for code := range op.operation.Responses.Map() {
			key := op.id + " " + code
			if _, exempt := untestedAnswers[key]; !seen[key] && !exempt {
				t.Errorf("%s documents %s but no case produces it", op.id, code)
			}
		}
	}
}

// runConformanceCase sends one case and checks request, status and answer against the spec.
func runConformanceCase(t *testing.T, env *adminEnv, router routers.Router, token string, c apiCase) {
	newRequest := func() *http.Request {
		req, err := http.NewRequest(c.method, env.http.URL+"/api/v1"+c.path, strings.NewReader(c.body))
		if err != nil {
			t.Fatal(err)
		}
		if c.body != "" {
			req.Header.Set("Content-Type", cmp(c.contentType, "application/json"))
		}
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		return req
	}
	req := newRequest()
	route, params, err := router.FindRoute(req)
	if err != nil {
		t.Fatalf("%s %s is no documented operation: %v", c.method, c.path, err)
	}
	if route.Operation.OperationID != c.op {
		t.Fatalf("%s %s is %s, the case says %s", c.method, c.path, route.Operation.OperationID, c.op)
	}
	opts := &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true, AuthenticationFunc: bearerPresent,
		RejectWhenRequestBodyNotSpecified: true}
	input := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}
	reqErr := openapi3filter.ValidateRequest(context.Background(), input)
	switch {
	case c.sizeOnly:
	case reqErr != nil && !c.specInvalid:
		t.Fatalf("the request breaks the spec: %v", reqErr)
	case reqErr == nil && c.specInvalid:
		t.Fatalf("the request is marked as breaking the spec, but the spec takes it")
	}
	res, err := http.DefaultClient.Do(newRequest())
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != c.want {
		t.Fatalf("status %d, want %d: %.400s", res.StatusCode, c.want, body)
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: input, Status: res.StatusCode, Header: res.Header, Options: opts}
	out.SetBodyBytes(body)
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		t.Fatalf("the answer breaks the spec: %v\n%.600s", err, body)
	}
}

// bearerPresent is the spec's security check: a bearer token is sent (the server checks it).
func bearerPresent(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	if scheme, token, ok := strings.Cut(in.RequestValidationInput.Request.Header.Get("Authorization"), " "); !ok || scheme != "Bearer" || token == "" {
		return errors.New("no bearer token")
	}
	return nil
}

func cmp(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// conformanceFixture is what the cases act on, stored before they run.
type conformanceFixture struct {
	seminarID                                        uint
	date, target, full, doomed, otherSeminar         model.SeminarDate
	mover, policy, noFee, unpaid, payer, onDoomed    model.Booking
	invoiceNumber, failedItem, pendingItem, usedCode string
	freeCode                                         string
	// today is a date on the fixture clock's day (check-in works only then); present is booked
	// on it, absent was and cancelled.
	today           model.SeminarDate
	present, absent model.Booking
	// group has two attendees and free seats (add and cancel one); onFull has the full date's
	// one seat; settled was cancelled free of charge, so its booker owes nothing and holds no
	// seat (they may be erased).
	group, onFull, settled model.Booking
}

func newConformanceFixture(t *testing.T, env *adminEnv) conformanceFixture {
	t.Helper()
	ctx := context.Background()
	var f conformanceFixture
	f.date = storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 20})
	f.seminarID = f.date.SeminarID
	addDate := func(capacity int, days int) model.SeminarDate {
		start := f.date.StartsAt.AddDate(0, 0, days)
		d := model.SeminarDate{StartsAt: start, EndsAt: start.Add(8 * time.Hour), Capacity: capacity, Format: model.FormatOnline,
			OnlineURL: "https://meet.example.com/x", Status: model.DatePublished}
		if err := env.srv.office.CreateDate(ctx, "test", f.seminarID, &d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	f.target, f.full, f.doomed = addDate(10, 7), addDate(1, 14), addDate(10, 21)
	f.otherSeminar = storetest.SeedDate(t, env.st, storetest.DateOptions{})
	f.mover = env.book(f.date.ID, "Umzug GmbH", "Anna Schmidt", "Berta Meier")
	f.policy = env.book(f.date.ID, "Policy AG", "Carla Neu")
	f.noFee = env.book(f.date.ID, "Kulanz KG", "Dora Alt")
	f.unpaid = env.book(f.date.ID, "Bezahlt GmbH", "Emil Eins")
	f.payer = env.book(f.date.ID, "Teilzahler GmbH", "Fritz Zwei")
	f.onFull = env.book(f.full.ID, "Voll GmbH", "Gina Drei")
	f.onDoomed = env.book(f.doomed.ID, "Abgesagt GmbH", "Hans Vier")
	invoices, err := env.st.InvoicesForBooking(ctx, f.mover.ID)
	if err != nil || len(invoices) == 0 {
		t.Fatalf("invoices of %s: %v %v", f.mover.Reference, invoices, err)
	}
	f.invoiceNumber = invoices[0].Number
	f.group = env.book(f.date.ID, "Gruppe AG", "Jana Meier", "Karl Meier")
	f.settled = env.book(f.target.ID, "Erledigt GmbH", "Nora Neun")
	f.today = storetest.SeedDate(t, env.st, storetest.DateOptions{StartsIn: 4 * time.Hour})
	f.present = env.book(f.today.ID, "Heute GmbH", "Lena Sieben")
	f.absent = env.book(f.today.ID, "Storno GmbH", "Max Acht")
	for _, b := range []model.Booking{f.settled, f.absent} {
		if _, err := env.srv.bookings.Cancel(ctx, b.Reference, 0); err != nil {
			t.Fatal(err)
		}
	}
	f.failedItem, f.pendingItem = seedOutbox(t, env.st)
	f.usedCode, f.freeCode = "USED5", "SPRING10"
	for _, code := range []string{f.usedCode, f.freeCode} {
		v := model.Voucher{Code: code, Kind: model.VoucherPercent, PercentBP: 500, Active: true}
		if err := env.srv.office.CreateVoucher(ctx, "test", &v, ""); err != nil {
			t.Fatal(err)
		}
	}
	req := booking.Request{DateID: f.date.ID, PaymentMethod: model.PaymentInvoice, Language: "de", Voucher: f.usedCode,
		Billing: model.Billing{Company: "Rabatt GmbH", Name: "Ida Fünf", Email: "ida@rabatt.example", Street: "Weg 1",
			PostalCode: "10115", City: "Berlin", Country: "DE"},
		Attendees: []booking.AttendeeInput{{FirstName: "Ida", LastName: "Fünf", Email: "ida@rabatt.example"}}}
	if _, err := env.srv.bookings.Reserve(ctx, req); err != nil {
		t.Fatal(err)
	}
	return f
}

// conformanceCases is the scenario table of every documented operation: success, unknown id,
// wrong role, bad input, conflicts. A new operation in the spec needs its cases here, or
// TestOpenAPIConformance fails.
func conformanceCases(t *testing.T, env *adminEnv) []apiCase {
	f := newConformanceFixture(t, env)
	seedAnsweredFeedback(t, env.st, f.mover, "Sehr praxisnah.", "Anna S., Vertrieb")
	get, post, patch, del := http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodDelete
	seminar := fmt.Sprintf("/admin/seminars/%d", f.seminarID)
	dates := seminar + "/dates"
	date := func(d model.SeminarDate, suffix string) string { return fmt.Sprintf("/admin/dates/%d%s", d.ID, suffix) }
	bookingPath := func(b model.Booking, suffix string) string { return "/admin/bookings/" + b.Reference + suffix }
	newDate := `{"starts_at":"2027-03-10T09:00:00+01:00","ends_at":"2027-03-10T17:00:00+01:00","capacity":12,
		"price_net_cents":49000,"format":"in_person","city":"Hamburg","venue":"Speicher 7","online_url":""}`
	payment := `{"amount_cents":10000,"paid_on":"2026-11-27","method":"bank_transfer"}`
	move := func(to model.SeminarDate, attendee uint) string {
		return fmt.Sprintf(`{"date_id":%d,"attendee_id":%d}`, to.ID, attendee)
	}
	period := "?from=2026-11-01&to=2026-11-30"
	checkIn := func(d model.SeminarDate, b model.Booking) string {
		return fmt.Sprintf("/admin/dates/%d/attendees/%d/check-in", d.ID, b.Attendees[0].ID)
	}
	attendee := func(b model.Booking, a uint, query string) string {
		return fmt.Sprintf("/admin/bookings/%s/attendees/%d%s", b.Reference, a, query)
	}
	newAttendee := `{"first_name":"Olga","last_name":"Zehn","email":"olga@gruppe.example"}`
	email := func(b model.Booking) string { return b.Billing.Email }
	cases := append(venueConformanceCases(t, env, f), []apiCase{
		{op: "listSeminars", name: "every seminar", method: get, path: "/admin/seminars", as: asAssistant, want: 200},

		{op: "createSeminar", name: "owner", method: post, path: "/admin/seminars", as: asOwner,
			body: `{"title_de":"Social Media für Führungskräfte","functions":["management"],"duration_minutes":480,"default_price_cents":59000}`, want: 201},
		{op: "createSeminar", name: "with questions", method: post, path: "/admin/seminars", as: asOwner,
			body: `{"title_de":"Social Media im Recruiting","duration_minutes":480,"questions":[{"kind":"text","label_de":"Funktion","required":true},` +
				`{"kind":"choice","label_de":"Ernährung","options_de":["vegetarisch","vegan"],"sensitive":true}]}`, want: 201},
		{op: "createSeminar", name: "a choice without options", method: post, path: "/admin/seminars", as: asOwner,
			body: `{"title_de":"Noch ein Seminar","duration_minutes":480,"questions":[{"kind":"choice","label_de":"Welche?"}]}`, want: 422},
		{op: "createSeminar", name: "assistant sets a price", method: post, path: "/admin/seminars", as: asAssistant,
			body: `{"title_de":"Noch eins","duration_minutes":480}`, want: 403},
		{op: "createSeminar", name: "taken slug", method: post, path: "/admin/seminars", as: asOwner,
			body: `{"title_de":"Social Media für Führungskräfte","duration_minutes":480}`, want: 422},
		{op: "createSeminar", name: "too short", method: post, path: "/admin/seminars", as: asOwner,
			body: `{"title_de":"Kurz","duration_minutes":5}`, want: 422, specInvalid: true},

		{op: "getSeminar", name: "found", method: get, path: seminar, as: asAssistant, want: 200},
		{op: "getSeminar", name: "unknown", method: get, path: "/admin/seminars/99999", as: asAssistant, want: 404},

		{op: "updateSeminar", name: "assistant changes a text", method: patch, path: seminar, as: asAssistant, body: `{"teaser_de":"Kompakt"}`, want: 200},
		{op: "updateSeminar", name: "assistant changes the price", method: patch, path: seminar, as: asAssistant, body: `{"default_price_cents":1}`, want: 403},
		{op: "updateSeminar", name: "owner changes the price", method: patch, path: seminar, as: asOwner, body: `{"default_price_cents":52000}`, want: 200},
		{op: "updateSeminar", name: "questions replaced", method: patch, path: seminar, as: asAssistant,
			body: `{"questions":[{"kind":"yes_no","label_de":"Erste Erfahrungen mit LinkedIn?","label_en":"Used LinkedIn before?"}]}`, want: 200},
		{op: "updateSeminar", name: "unknown kind of question", method: patch, path: seminar, as: asOwner,
			body: `{"questions":[{"kind":"essay","label_de":"x"}]}`, want: 422, specInvalid: true},
		{op: "updateSeminar", name: "funding notes", method: patch, path: seminar, as: asAssistant,
			body: `{"funding_approvals":[{"state":"NW","number":"SB-2026-0815"},{"state":"HE","number":"BU 44/2026"}],"certificate_text_de":"Anerkannt nach dem AWbG NRW.","certificate_text_en":"Approved under the AWbG NRW."}`, want: 200},
		{op: "updateSeminar", name: "funding in an unknown state", method: patch, path: seminar, as: asOwner,
			body: `{"funding_approvals":[{"state":"XX","number":"1"}]}`, want: 422, specInvalid: true},
		{op: "updateSeminar", name: "funding without a number", method: patch, path: seminar, as: asOwner,
			body: `{"funding_approvals":[{"state":"BE","number":" "}]}`, want: 422},
		{op: "updateSeminar", name: "own group pricing without a rule", method: patch, path: seminar, as: asOwner, body: `{"group_pricing":"own"}`, want: 422},
		{op: "updateSeminar", name: "owner sets group pricing", method: patch, path: seminar, as: asOwner, body: `{"group_pricing":"own","group_from_seat":3,"group_percent_bp":1000}`, want: 200},
		{op: "updateSeminar", name: "assistant changes group pricing", method: patch, path: seminar, as: asAssistant, body: `{"group_pricing":"off"}`, want: 403},
		{op: "updateSeminar", name: "bad slug", method: patch, path: seminar, as: asOwner, body: `{"slug":"Nicht gültig!"}`, want: 422},
		{op: "updateSeminar", name: "unknown", method: patch, path: "/admin/seminars/99999", as: asOwner, body: `{"teaser_de":"x"}`, want: 404},

		{op: "listDates", name: "of a seminar", method: get, path: dates, as: asAssistant, want: 200},
		{op: "listDates", name: "unknown seminar", method: get, path: "/admin/seminars/99999/dates", as: asAssistant, want: 404},

		{op: "createDate", name: "owner", method: post, path: dates, as: asOwner, body: newDate, want: 201},
		{op: "createDate", name: "assistant", method: post, path: dates, as: asAssistant, body: newDate, want: 403},
		{op: "createDate", name: "unknown seminar", method: post, path: "/admin/seminars/99999/dates", as: asOwner, body: newDate, want: 404},
		{op: "createDate", name: "invalid", method: post, path: dates, as: asOwner, body: `{"starts_at":"soon","capacity":0,"format":"online"}`,
			want: 422, specInvalid: true},

		{op: "getDate", name: "found", method: get, path: date(f.date, ""), as: asAssistant, want: 200},
		{op: "getDate", name: "unknown", method: get, path: "/admin/dates/99999", as: asAssistant, want: 404},

		{op: "updateDate", name: "assistant moves the venue", method: patch, path: date(f.target, ""), as: asAssistant, body: `{"format":"in_person","city":"Köln","venue":"Saal 2"}`, want: 200},
		{op: "updateDate", name: "assistant changes the price", method: patch, path: date(f.target, ""), as: asAssistant, body: `{"price_net_cents":100}`, want: 403},
		{op: "updateDate", name: "below the seats taken", method: patch, path: date(f.date, ""), as: asOwner, body: `{"capacity":1}`, want: 422},
		{op: "updateDate", name: "unknown", method: patch, path: "/admin/dates/99999", as: asOwner, body: `{"capacity":5}`, want: 404},

		{op: "listAttendees", name: "of a date", method: get, path: date(f.date, "/attendees"), as: asAssistant, want: 200},
		{op: "listAttendees", name: "a page", method: get, path: date(f.date, "/attendees?page=1&per_page=1"), as: asAssistant, want: 200},
		{op: "listAttendees", name: "unknown date", method: get, path: "/admin/dates/99999/attendees", as: asAssistant, want: 404},
		{op: "listAttendees", name: "page past the end", method: get, path: date(f.date, "/attendees?page=50&per_page=1000"), as: asAssistant, want: 200},
		{op: "listAttendees", name: "page not a number", method: get, path: date(f.date, "/attendees?page=zwei"), as: asAssistant, want: 422, specInvalid: true},
		{op: "listAttendees", name: "too many per page", method: get, path: date(f.date, "/attendees?per_page=1001"), as: asAssistant, want: 422, specInvalid: true},

		{op: "confirmDate", name: "assistant confirms", method: post, path: date(f.target, "/confirm"), as: asAssistant, want: 200},
		{op: "confirmDate", name: "confirmed already", method: post, path: date(f.target, "/confirm"), as: asAssistant, want: 409},
		{op: "confirmDate", name: "unknown", method: post, path: "/admin/dates/99999/confirm", as: asAssistant, want: 404},
		{op: "confirmDate", name: "control character in the query", method: post, path: date(f.full, "/confirm?note=%00"), as: asAssistant, want: 400},

		{op: "previewDateCancel", name: "owner", method: get, path: date(f.doomed, "/cancel"), as: asOwner, want: 200},
		{op: "previewDateCancel", name: "assistant", method: get, path: date(f.doomed, "/cancel"), as: asAssistant, want: 403},
		{op: "previewDateCancel", name: "unknown", method: get, path: "/admin/dates/99999/cancel", as: asOwner, want: 404},
		{op: "cancelDate", name: "assistant", method: post, path: date(f.doomed, "/cancel"), as: asAssistant, want: 403},
		{op: "cancelDate", name: "unknown", method: post, path: "/admin/dates/99999/cancel", as: asOwner, want: 404},
		{op: "cancelDate", name: "owner", method: post, path: date(f.doomed, "/cancel"), as: asOwner, want: 200},
		{op: "cancelDate", name: "again", method: post, path: date(f.doomed, "/cancel"), as: asOwner, want: 409},
		{op: "updateDate", name: "a cancelled date", method: patch, path: date(f.doomed, ""), as: asOwner, body: `{"capacity":5}`, want: 409},

		{op: "listBookings", name: "searched", method: get, path: "/admin/bookings?q=Umzug", as: asAssistant, want: 200},
		{op: "getBooking", name: "found", method: get, path: bookingPath(f.mover, ""), as: asAssistant, want: 200},
		{op: "getBooking", name: "unknown", method: get, path: "/admin/bookings/SEM-NOPE00", as: asAssistant, want: 404},

		{op: "moveBooking", name: "to a full date", method: post, path: bookingPath(f.mover, "/move"), as: asAssistant, body: move(f.full, 0), want: 409},
		{op: "moveBooking", name: "to another seminar", method: post, path: bookingPath(f.mover, "/move"), as: asAssistant, body: move(f.otherSeminar, 0), want: 422},
		{op: "moveBooking", name: "no date", method: post, path: bookingPath(f.mover, "/move"), as: asAssistant, body: `{}`, want: 422, specInvalid: true},
		{op: "moveBooking", name: "unknown attendee", method: post, path: bookingPath(f.mover, "/move"), as: asAssistant, body: move(f.target, 99999), want: 422},
		{op: "moveBooking", name: "unknown booking", method: post, path: "/admin/bookings/SEM-NOPE00/move", as: asAssistant, body: move(f.target, 0), want: 404},
		{op: "moveBooking", name: "one attendee", method: post, path: bookingPath(f.mover, "/move"), as: asAssistant, body: move(f.target, f.mover.Attendees[1].ID), want: 200},
		{op: "moveBooking", name: "the rest", method: post, path: bookingPath(f.mover, "/move"), as: asAssistant, body: move(f.target, 0), want: 200},

		{op: "cancelBooking", name: "assistant without fee", method: post, path: bookingPath(f.noFee, "/cancel"), as: asAssistant, body: `{"fee":"none"}`, want: 403},
		{op: "cancelBooking", name: "unknown fee", method: post, path: bookingPath(f.noFee, "/cancel"), as: asOwner, body: `{"fee":"some"}`, want: 422, specInvalid: true},
		{op: "cancelBooking", name: "unknown booking", method: post, path: "/admin/bookings/SEM-NOPE00/cancel", as: asOwner, body: `{"fee":"none"}`, want: 404},
		{op: "cancelBooking", name: "owner without fee", method: post, path: bookingPath(f.noFee, "/cancel"), as: asOwner, body: `{"fee":"none"}`, want: 200},
		{op: "cancelBooking", name: "assistant under the policy", method: post, path: bookingPath(f.policy, "/cancel"), as: asAssistant, body: `{"fee":"policy"}`, want: 403},
		{op: "cancelBooking", name: "owner under the policy", method: post, path: bookingPath(f.policy, "/cancel"), as: asOwner, body: `{"fee":"policy"}`, want: 200},
		{op: "cancelBooking", name: "cancelled already", method: post, path: bookingPath(f.policy, "/cancel"), as: asOwner, body: `{"fee":"policy"}`, want: 409},

		{op: "markBookingPaid", name: "assistant", method: post, path: bookingPath(f.unpaid, "/mark-paid"), as: asAssistant, want: 403},
		{op: "markBookingPaid", name: "unknown", method: post, path: "/admin/bookings/SEM-NOPE00/mark-paid", as: asOwner, want: 404},
		{op: "markBookingPaid", name: "owner", method: post, path: bookingPath(f.unpaid, "/mark-paid"), as: asOwner, want: 200},
		{op: "markBookingPaid", name: "owes nothing", method: post, path: bookingPath(f.unpaid, "/mark-paid"), as: asOwner, want: 409},

		{op: "setLegalHold", name: "owner sets it", method: http.MethodPut, path: bookingPath(f.settled, "/legal-hold"), as: asOwner, body: `{"legal_hold":true}`, want: 200},
		{op: "setLegalHold", name: "owner lifts it", method: http.MethodPut, path: bookingPath(f.settled, "/legal-hold"), as: asOwner, body: `{"legal_hold":false}`, want: 200},
		{op: "setLegalHold", name: "assistant", method: http.MethodPut, path: bookingPath(f.settled, "/legal-hold"), as: asAssistant, body: `{"legal_hold":true}`, want: 403},
		{op: "setLegalHold", name: "unknown", method: http.MethodPut, path: "/admin/bookings/SEM-NOPE00/legal-hold", as: asOwner, body: `{"legal_hold":true}`, want: 404},
		{op: "setLegalHold", name: "without the field", method: http.MethodPut, path: bookingPath(f.settled, "/legal-hold"), as: asOwner, body: `{}`, want: 422, specInvalid: true},
		{op: "recordPayment", name: "owner", method: post, path: bookingPath(f.payer, "/payments"), as: asOwner, body: payment, want: 201},
		{op: "recordPayment", name: "assistant", method: post, path: bookingPath(f.payer, "/payments"), as: asAssistant, body: payment, want: 403},
		{op: "recordPayment", name: "unknown", method: post, path: "/admin/bookings/SEM-NOPE00/payments", as: asOwner, body: payment, want: 404},
		{op: "recordPayment", name: "in the future", method: post, path: bookingPath(f.payer, "/payments"), as: asOwner,
			body: `{"amount_cents":100,"paid_on":"2030-01-01","method":"cash"}`, want: 422},

		{op: "addAttendee", name: "assistant with a free seat", method: post, path: bookingPath(f.group, "/attendees"), as: asAssistant, body: newAttendee, want: 201},
		{op: "addAttendee", name: "booked already", method: post, path: bookingPath(f.group, "/attendees"), as: asOwner, body: newAttendee, want: 422},
		{op: "addAttendee", name: "to a full date", method: post, path: bookingPath(f.onFull, "/attendees"), as: asOwner, body: newAttendee, want: 409},
		{op: "addAttendee", name: "unknown booking", method: post, path: "/admin/bookings/SEM-NOPE00/attendees", as: asOwner, body: newAttendee, want: 404},
		{op: "addAttendee", name: "no name", method: post, path: bookingPath(f.group, "/attendees"), as: asOwner,
			body: `{"first_name":"","last_name":"","email":"paul@gruppe.example"}`, want: 422},

		{op: "cancelAttendee", name: "assistant without fee", method: del, path: attendee(f.group, f.group.Attendees[1].ID, "?without_fee=true"), as: asAssistant, want: 403},
		{op: "cancelAttendee", name: "unknown booking", method: del, path: attendee(model.Booking{Reference: "SEM-NOPE00"}, 1, ""), as: asOwner, want: 404},
		{op: "cancelAttendee", name: "the last attendee", method: del, path: attendee(f.onFull, f.onFull.Attendees[0].ID, ""), as: asOwner, want: 422},
		{op: "cancelAttendee", name: "control character in the query", method: del, path: attendee(f.group, f.group.Attendees[1].ID, "?note=%00"), as: asOwner, want: 400},
		{op: "cancelAttendee", name: "assistant under the policy", method: del, path: attendee(f.group, f.group.Attendees[1].ID, ""), as: asAssistant, want: 200},

		{op: "undoCheckIn", name: "not checked in", method: del, path: checkIn(f.today, f.present), as: asAssistant, want: 409},
		{op: "checkInAttendee", name: "assistant on the day", method: post, path: checkIn(f.today, f.present), as: asAssistant, want: 200},
		{op: "checkInAttendee", name: "again", method: post, path: checkIn(f.today, f.present), as: asOwner, want: 200},
		{op: "checkInAttendee", name: "not the date's day", method: post, path: checkIn(f.date, f.unpaid), as: asAssistant, want: 409},
		{op: "checkInAttendee", name: "cancelled booking", method: post, path: checkIn(f.today, f.absent), as: asAssistant, want: 409},
		{op: "checkInAttendee", name: "attendee of another date", method: post, path: checkIn(f.date, f.present), as: asAssistant, want: 404},
		{op: "checkInAttendee", name: "control character in the query", method: post, path: checkIn(f.today, f.present) + "?note=%00", as: asAssistant, want: 400},
		{op: "undoCheckIn", name: "not a day", method: del, path: checkIn(f.today, f.present) + "?day=yesterday", as: asAssistant, want: 400, specInvalid: true},
		{op: "undoCheckIn", name: "unknown attendee", method: del, path: fmt.Sprintf("/admin/dates/%d/attendees/99999/check-in", f.today.ID), as: asAssistant, want: 404},
		{op: "undoCheckIn", name: "today's", method: del, path: checkIn(f.today, f.present) + "?day=2026-11-28", as: asAssistant, want: 200},

		{op: "listVouchers", name: "owner", method: get, path: "/admin/vouchers", as: asOwner, want: 200},
		{op: "listVouchers", name: "a page", method: get, path: "/admin/vouchers?page=1&per_page=1", as: asOwner, want: 200},
		{op: "listVouchers", name: "page zero", method: get, path: "/admin/vouchers?page=0", as: asOwner, want: 422, specInvalid: true},
		{op: "listVouchers", name: "assistant", method: get, path: "/admin/vouchers", as: asAssistant, want: 403},
		{op: "createVoucher", name: "owner", method: post, path: "/admin/vouchers", as: asOwner,
			body: `{"code":"neu20","amount_cents":2000,"valid_until":"2027-04-30","max_uses":20}`, want: 201},
		{op: "createVoucher", name: "assistant", method: post, path: "/admin/vouchers", as: asAssistant, body: `{"code":"X1","percent":10}`, want: 403},
		{op: "createVoucher", name: "taken code", method: post, path: "/admin/vouchers", as: asOwner, body: `{"code":"SPRING10","percent":10}`, want: 422},
		{op: "createVoucher", name: "above 100 %", method: post, path: "/admin/vouchers", as: asOwner, body: `{"code":"ZUVIEL","percent":150}`, want: 422, specInvalid: true},
		{op: "getVoucher", name: "any case", method: get, path: "/admin/vouchers/spring10", as: asOwner, want: 200},
		{op: "getVoucher", name: "assistant", method: get, path: "/admin/vouchers/SPRING10", as: asAssistant, want: 403},
		{op: "getVoucher", name: "unknown", method: get, path: "/admin/vouchers/NOPE", as: asOwner, want: 404},
		{op: "updateVoucher", name: "switch off", method: patch, path: "/admin/vouchers/" + f.freeCode, as: asOwner, body: `{"active":false}`, want: 200},
		{op: "updateVoucher", name: "assistant", method: patch, path: "/admin/vouchers/" + f.freeCode, as: asAssistant, body: `{"active":true}`, want: 403},
		{op: "updateVoucher", name: "unknown", method: patch, path: "/admin/vouchers/NOPE", as: asOwner, body: `{"active":true}`, want: 404},
		{op: "updateVoucher", name: "unknown seminar", method: patch, path: "/admin/vouchers/" + f.freeCode, as: asOwner, body: `{"seminar":"gibt-es-nicht"}`, want: 422},
		{op: "deleteVoucher", name: "assistant", method: del, path: "/admin/vouchers/NEU20", as: asAssistant, want: 403},
		{op: "deleteVoucher", name: "used", method: del, path: "/admin/vouchers/" + f.usedCode, as: asOwner, want: 409},
		{op: "deleteVoucher", name: "unknown", method: del, path: "/admin/vouchers/NOPE", as: asOwner, want: 404},
		{op: "deleteVoucher", name: "never used", method: del, path: "/admin/vouchers/NEU20", as: asOwner, want: 204},

		{op: "listOutbox", name: "failed", method: get, path: "/admin/outbox?status=failed", as: asAssistant, want: 200},
		{op: "listOutbox", name: "an older page", method: get, path: "/admin/outbox?limit=1&before=1000000", as: asAssistant, want: 200},
		{op: "listOutbox", name: "unknown status", method: get, path: "/admin/outbox?status=lost", as: asAssistant, want: 422, specInvalid: true},
		{op: "resendOutboxItem", name: "failed", method: post, path: "/admin/outbox/" + f.failedItem + "/resend", as: asOwner, want: 200},
		{op: "resendOutboxItem", name: "pending", method: post, path: "/admin/outbox/" + f.pendingItem + "/resend", as: asOwner, want: 409},
		{op: "resendOutboxItem", name: "unknown", method: post, path: "/admin/outbox/99999/resend", as: asOwner, want: 404},

		{op: "listInvoices", name: "of November", method: get, path: "/admin/invoices" + period, as: asAssistant, want: 200},
		{op: "listInvoices", name: "no period", method: get, path: "/admin/invoices?from=2026-11-31&to=2026-11-30", as: asAssistant, want: 400, specInvalid: true},
		{op: "getInvoiceFile", name: "pdf", method: get, path: "/admin/invoices/" + f.invoiceNumber + "/pdf", as: asAssistant, want: 200},
		{op: "getInvoiceFile", name: "unknown", method: get, path: "/admin/invoices/RE-1999-99999/xml", as: asAssistant, want: 404},

		{op: "exportDATEV", name: "owner", method: get, path: "/admin/exports/datev" + period, as: asOwner, want: 200},
		{op: "exportDATEV", name: "assistant", method: get, path: "/admin/exports/datev" + period, as: asAssistant, want: 403},
		{op: "exportDATEV", name: "across a fiscal year", method: get, path: "/admin/exports/datev?from=2026-12-01&to=2027-01-31", as: asOwner, want: 400},
		{op: "exportDocuments", name: "owner", method: get, path: "/admin/exports/documents.zip" + period, as: asOwner, want: 200},
		{op: "exportDocuments", name: "assistant", method: get, path: "/admin/exports/documents.zip" + period, as: asAssistant, want: 403},
		{op: "exportDocuments", name: "end before start", method: get, path: "/admin/exports/documents.zip?from=2026-11-30&to=2026-11-01", as: asOwner, want: 400},
		{op: "exportZM", name: "owner", method: get, path: "/admin/exports/zm?quarter=2026-Q4", as: asOwner, want: 200},
		{op: "exportZM", name: "assistant", method: get, path: "/admin/exports/zm?quarter=2026-Q4", as: asAssistant, want: 403},
		{op: "exportZM", name: "no quarter", method: get, path: "/admin/exports/zm?quarter=soon", as: asOwner, want: 400, specInvalid: true},

		{op: "exportPersonalData", name: "owner", method: get, path: "/admin/gdpr/export?email=" + strings.ToUpper(email(f.group)), as: asOwner, want: 200},
		{op: "exportPersonalData", name: "assistant", method: get, path: "/admin/gdpr/export?email=" + email(f.group), as: asAssistant, want: 403},
		{op: "exportPersonalData", name: "not an address", method: get, path: "/admin/gdpr/export?email=kein", as: asOwner, want: 400},
		{op: "erasePerson", name: "assistant", method: post, path: "/admin/gdpr/erase", as: asAssistant, body: `{"email":"` + email(f.settled) + `"}`, want: 403},
		{op: "erasePerson", name: "upcoming booking", method: post, path: "/admin/gdpr/erase", as: asOwner, body: `{"email":"` + email(f.group) + `"}`, want: 409},
		{op: "erasePerson", name: "not an address", method: post, path: "/admin/gdpr/erase", as: asOwner, body: `{"email":"kein"}`, want: 422},
		{op: "erasePerson", name: "settled", method: post, path: "/admin/gdpr/erase", as: asOwner, body: `{"email":"` + email(f.settled) + `"}`, want: 200},

		{op: "listFeedback", name: "every seminar", method: get, path: "/admin/feedback", as: asAssistant, want: 200},
		{op: "listFeedback", name: "one seminar", method: get, path: fmt.Sprintf("/admin/feedback?seminar_id=%d", f.seminarID), as: asOwner, want: 200},
		{op: "listFeedback", name: "not a number", method: get, path: "/admin/feedback?seminar_id=drei", as: asOwner, want: 400, specInvalid: true},
		{op: "listFeedback", name: "unknown seminar", method: get, path: "/admin/feedback?seminar_id=99999", as: asOwner, want: 404},
		{op: "listFeedback", name: "a page of quotes", method: get, path: fmt.Sprintf("/admin/feedback?seminar_id=%d&page=2&per_page=1", f.seminarID), as: asOwner, want: 200},
		{op: "listFeedback", name: "per_page not a number", method: get, path: "/admin/feedback?per_page=viele", as: asOwner, want: 422, specInvalid: true},
	}...)
	return append(cases, offerConformanceCases(t, env, f.seminarID)...)
}
