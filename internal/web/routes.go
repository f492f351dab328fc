package web

import (
	"io/fs"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/legal"
	"seminars/internal/model"
)

// routes is the one table of every route, grouped by audience; each group sets its middleware.
func (s *Server) routes() {
	e := s.echo
	e.Pre(s.recoverPanics())
	e.Use(s.requestLog(), s.metrics.middleware(), s.securityHeaders(), s.bodyLimit(), s.language(), s.methodAllowed(), s.inputGuard())

	// Operations.
	e.GET("/healthz", s.healthShow)
	e.GET("/metrics", s.metrics.handler())
	static, _ := fs.Sub(s.files, "static")
	e.StaticFS("/static", static)

	// One limiter for the booking form and the booking API: the limit is per client IP, however
	// the client books. Forms on German and English pages share the limiters.
	limits := publicLimits{booking: s.bookingRateLimit(), inquiry: s.bookingRateLimit(),
		waitlist: s.bookingRateLimit(), offer: s.bookingRateLimit()}
	bookingLimit := limits.booking

	// Public pages (CSRF-protected forms), German at the plain paths and English under /en/.
	s.publicPages(e.Group("", s.csrf()), limits)
	s.publicPages(e.Group(englishPrefix, s.csrf()), limits)
	e.GET(englishPrefix, func(c echo.Context) error { return c.Redirect(http.StatusMovedPermanently, englishPrefix+"/") })
	e.GET("/lang/:lang", s.languageSet)
	e.GET("/sitemap.xml", s.sitemapShow)
	e.GET("/trainers/:id/photo", s.trainerPhotoShow) // an uploaded trainer photo (?v= its version), for both languages
	e.GET("/robots.txt", s.robotsShow)

	// Public JSON API.
	api := e.Group("/api/v1", s.jsonBody())
	api.GET("/seminars", s.apiSeminarList)
	api.POST("/bookings", s.apiBookingCreate, bookingLimit)
	api.GET("/bookings/:reference", s.apiBookingShow)

	// The trainer's calendar feed: the secret in the path is the proof, as for a webhook's signature.
	e.GET("/calendar/:file", s.calendarFeedShow) // /calendar/{secret}.ics

	// Webhooks: no CSRF (the signature is the proof), raw body read by the handler.
	e.POST("/webhooks/stripe", s.webhookStripe)

	// Back office: sign-in is public, every other page needs a session; CSRF on every form.
	admin := e.Group("/admin", s.csrf())
	admin.GET("/login", s.adminLoginShow)
	admin.POST("/login", s.adminLoginCreate)
	admin.POST("/logout", s.adminLogout) // whatever stage the sign-in reached
	admin.GET("/password-reset", s.adminPasswordForgotShow)
	admin.POST("/password-reset", s.adminPasswordForgotCreate)
	admin.GET("/reset", s.adminPasswordResetShow) // /admin/reset?t={secret}: the mailed link
	admin.POST("/reset", s.adminPasswordResetUpdate)
	// The second step of sign-in, and the setup of TOTP the owner may require first: these take
	// half-signed-in sessions, which open nothing else.
	needsCode := admin.Group("", s.requireStage(model.SessionNeedsCode))
	needsCode.GET("/login/code", s.adminLoginCodeShow)
	needsCode.POST("/login/code", s.adminLoginCodeCreate)
	setup := admin.Group("", s.requireStage(model.SessionSignedIn, model.SessionNeedsTOTP))
	setup.GET("/account/totp", s.adminTOTPSetupShow)
	setup.POST("/account/totp/begin", s.adminTOTPSetupBegin)
	setup.POST("/account/totp", s.adminTOTPSetupConfirm)
	own := admin.Group("", s.requireStage(model.SessionSignedIn))
	own.GET("/account", s.adminAccountShow)
	own.POST("/account/totp/disable", s.adminTOTPDisable)
	staff := admin.Group("", s.requireStaff())
	staff.GET("", s.adminDashboard)
	staff.GET("/seminars", s.adminSeminarList)
	staff.GET("/seminars/new", s.adminSeminarNew, s.requireOwner()) // a new seminar sets its default price
	staff.POST("/seminars", s.adminSeminarCreate, s.requireOwner())
	staff.GET("/seminars/:id", s.adminSeminarEdit)
	staff.POST("/seminars/:id", s.adminSeminarUpdate)
	staff.GET("/seminars/:id/dates/new", s.adminDateNew, s.requireOwner()) // a new date sets its price
	staff.POST("/seminars/:id/dates", s.adminDateCreate, s.requireOwner())
	staff.GET("/dates/:id", s.adminDateEdit)
	staff.POST("/dates/:id", s.adminDateUpdate)
	staff.GET("/dates/:id/attendees", s.adminAttendeeList)
	staff.GET("/dates/:id/attendees.csv", s.adminAttendeeExport)
	staff.GET("/dates/:id/sign-in-sheet.pdf", s.adminDateSignInSheetShow)
	staff.GET("/dates/:id/badges.pdf", s.adminDateBadgesShow)
	staff.POST("/dates/:id/attendees/:attendee/check-in", s.adminAttendeeCheckIn)
	staff.POST("/dates/:id/attendees/:attendee/check-in/undo", s.adminAttendeeCheckInUndo)
	staff.GET("/check-in", s.adminCheckInShow) // the phone page: scan the QR code or type the code
	staff.GET("/bookings", s.adminBookingList)
	staff.GET("/bookings/:reference", s.adminBookingShow)                             // the booking detail page
	staff.POST("/bookings/:reference/confirmation", s.adminBookingConfirmationResend) // rotates the manage link
	staff.POST("/bookings/:reference/documents/:number/send", s.adminBookingDocumentSend)
	staff.GET("/bookings/:reference/certificates/:attendee", s.adminBookingCertificateShow)
	staff.POST("/bookings/:reference/certificates/:attendee/send", s.adminBookingCertificateSend)
	staff.POST("/bookings/:reference/paid", s.adminBookingMarkPaid, s.requireOwner()) // money: owners only
	staff.POST("/bookings/:reference/payments", s.adminBookingPaymentCreate, s.requireOwner())
	staff.POST("/bookings/:reference/attention", s.adminBookingAttentionHandled, s.requireOwner())
	staff.POST("/bookings/:reference/legal-hold", s.adminBookingLegalHold, s.requireOwner()) // retention: owners only
	staff.GET("/audit", s.adminAuditList, s.requireOwner())
	staff.GET("/bookings/:reference/attendees/:attendee/substitute", s.adminAttendeeSubstituteEdit)
	staff.POST("/bookings/:reference/attendees/:attendee/substitute", s.adminAttendeeSubstituteUpdate)
	staff.GET("/bookings/:reference/attendees/new", s.adminAttendeeNew)
	staff.POST("/bookings/:reference/attendees", s.adminAttendeeAdd)
	staff.GET("/bookings/:reference/attendees/:attendee/cancel", s.adminAttendeeCancelConfirm)
	staff.POST("/bookings/:reference/attendees/:attendee/cancel", s.adminAttendeeCancel) // without_fee: owners only
	staff.GET("/outbox", s.adminOutboxList)
	staff.POST("/outbox/:id/resend", s.adminOutboxResend)
	staff.GET("/inquiries", s.adminInquiryList)
	staff.POST("/inquiries/:id", s.adminInquiryMark)
	staff.GET("/inquiries/:id/offers/new", s.adminOfferNew, s.requireOwner()) // an offer sets a price: owners only
	staff.POST("/inquiries/:id/offers", s.adminOfferCreate, s.requireOwner())
	staff.GET("/offers", s.adminOfferList)
	staff.GET("/offers/:id", s.adminOfferShow)
	staff.GET("/offers/:id/pdf", s.adminOfferFile)
	staff.POST("/offers/:id/accept", s.adminOfferAccept)                                    // the company said yes by phone or mail
	staff.GET("/bookings/:reference/cancel", s.adminBookingCancelConfirm, s.requireOwner()) // refunds: owners only
	staff.POST("/bookings/:reference/cancel", s.adminBookingCancel, s.requireOwner())
	staff.GET("/dates/:id/cancel", s.adminDateCancelConfirm, s.requireOwner())
	staff.POST("/dates/:id/cancel", s.adminDateCancel, s.requireOwner())
	staff.POST("/dates/:id/confirm", s.adminDateConfirm) // the run decision: the date takes place
	staff.GET("/venues", s.adminVenueList)               // venues and trainers: owners and assistants
	staff.GET("/venues/new", s.adminVenueNew)
	staff.POST("/venues", s.adminVenueCreate)
	staff.GET("/venues/:id", s.adminVenueEdit)
	staff.POST("/venues/:id", s.adminVenueUpdate)
	staff.POST("/venues/:id/delete", s.adminVenueDelete)
	staff.GET("/trainers", s.adminTrainerList)
	staff.GET("/trainers/new", s.adminTrainerNew)
	staff.POST("/trainers", s.adminTrainerCreate)
	staff.GET("/trainers/:id", s.adminTrainerEdit)
	staff.POST("/trainers/:id", s.adminTrainerUpdate)
	staff.POST("/trainers/:id/delete", s.adminTrainerDelete)
	staff.POST("/trainers/:id/photo", s.adminTrainerPhotoUpdate) // multipart; own body limit (uploadLimits)
	staff.POST("/trainers/:id/photo/delete", s.adminTrainerPhotoDelete)
	staff.GET("/bookings/:reference/move", s.adminBookingMoveShow)
	staff.POST("/bookings/:reference/move", s.adminBookingMove)
	staff.GET("/bookings/:reference/billing", s.adminBookingBillingEdit) // a change of price is owners' (EditBilling)
	staff.POST("/bookings/:reference/billing", s.adminBookingBillingUpdate)
	staff.GET("/access", s.adminAccessShow, s.requireOwner())
	staff.GET("/vouchers", s.adminVoucherList, s.requireOwner()) // discounts are money: owners only
	staff.POST("/vouchers", s.adminVoucherCreate, s.requireOwner())
	staff.GET("/vouchers/:id", s.adminVoucherEdit, s.requireOwner())
	staff.POST("/vouchers/:id", s.adminVoucherUpdate, s.requireOwner())
	staff.POST("/vouchers/:id/active", s.adminVoucherSwitch, s.requireOwner()) // switch off (or on again)
	staff.POST("/access/users", s.adminUserCreate, s.requireOwner())
	staff.POST("/access/users/:id/totp-reset", s.adminUserTOTPReset, s.requireOwner())
	staff.POST("/access/tokens", s.adminTokenCreate, s.requireOwner())
	staff.POST("/access/tokens/:id/revoke", s.adminTokenRevoke, s.requireOwner())
	staff.GET("/exports", s.adminExportShow, s.requireOwner()) // the accountant's export: owners only
	staff.GET("/exports/datev.csv", s.exportDATEV, s.requireOwner())
	staff.GET("/exports/documents.zip", s.exportDocuments, s.requireOwner())
	staff.GET("/exports/zm.csv", s.exportZM, s.requireOwner())
	staff.GET("/invoices/:number/:kind", s.apiAdminInvoiceFile) // "send me the invoice again"
	staff.GET("/calendar", s.adminCalendarShow)
	staff.POST("/calendar/renew", s.adminCalendarRenew, s.requireOwner()) // kills the old feed URL
	staff.GET("/privacy", s.adminPrivacyShow, s.requireOwner())           // access and erasure requests: owners only
	staff.GET("/privacy/export.json", s.adminPrivacyExport, s.requireOwner())
	staff.GET("/privacy/erase", s.adminPrivacyEraseConfirm, s.requireOwner())
	staff.POST("/privacy/erase", s.adminPrivacyErase, s.requireOwner())
	// Materials for attendees; the upload routes have their own body limit (uploadLimits).
	staff.GET("/seminars/:id/materials", s.adminSeminarMaterialList)
	staff.POST("/seminars/:id/materials", s.adminSeminarMaterialCreate) // a file or a link, for every date
	staff.GET("/dates/:id/materials", s.adminDateMaterialList)
	staff.POST("/dates/:id/materials", s.adminDateMaterialCreate) // for this date only
	staff.GET("/materials/:id/file", s.adminMaterialFile)
	staff.POST("/materials/:id/delete", s.adminMaterialDelete)
	staff.GET("/feedback", s.adminFeedbackList) // survey results per seminar and date
	staff.POST("/feedback/:id/quote", s.adminFeedbackQuote)

	// Admin JSON API (bearer API tokens); documented in /api/v1/openapi.yaml.
	api.GET("/openapi.yaml", s.apiOpenAPIShow)
	adminAPI := api.Group("/admin", s.adminAPIAuth())
	adminAPI.GET("/seminars", s.apiAdminSeminarList)
	adminAPI.POST("/seminars", s.apiAdminSeminarCreate, s.requireOwner()) // prices: owners' tokens only
	adminAPI.GET("/seminars/:id/dates", s.apiAdminDateList)
	adminAPI.GET("/seminars/:id", s.apiAdminSeminarShow)
	adminAPI.PATCH("/seminars/:id", s.apiAdminSeminarUpdate) // a new default price is owners' (checked inside)
	adminAPI.POST("/seminars/:id/dates", s.apiAdminDateCreate, s.requireOwner())
	adminAPI.GET("/dates/:id", s.apiAdminDateShow)
	adminAPI.PATCH("/dates/:id", s.apiAdminDateUpdate)                               // a price change is owners' (checked inside)
	adminAPI.GET("/dates/:id/cancel", s.apiAdminDateCancelPreview, s.requireOwner()) // refunds: owners only
	adminAPI.POST("/dates/:id/cancel", s.apiAdminDateCancel, s.requireOwner())
	adminAPI.GET("/bookings", s.apiAdminBookingList)
	adminAPI.GET("/bookings/:reference", s.apiAdminBookingShow)
	adminAPI.POST("/bookings/:reference/move", s.apiAdminBookingMove)
	adminAPI.POST("/bookings/:reference/cancel", s.apiAdminBookingCancel, s.requireOwner()) // refunds: owners only, as in the back office
	adminAPI.POST("/bookings/:reference/mark-paid", s.apiAdminBookingMarkPaid, s.requireOwner())
	adminAPI.POST("/bookings/:reference/payments", s.apiAdminBookingPaymentCreate, s.requireOwner()) // money: owners' tokens only
	adminAPI.PUT("/bookings/:reference/legal-hold", s.apiAdminBookingLegalHold, s.requireOwner())    // retention: owners' tokens only
	adminAPI.GET("/dates/:id/attendees", s.apiAdminAttendeeList)
	adminAPI.GET("/vouchers", s.apiAdminVoucherList, s.requireOwner()) // discounts are money: owners only
	adminAPI.POST("/vouchers", s.apiAdminVoucherCreate, s.requireOwner())
	adminAPI.GET("/vouchers/:code", s.apiAdminVoucherShow, s.requireOwner())
	adminAPI.PATCH("/vouchers/:code", s.apiAdminVoucherUpdate, s.requireOwner())
	adminAPI.DELETE("/vouchers/:code", s.apiAdminVoucherDelete, s.requireOwner())
	adminAPI.POST("/dates/:id/confirm", s.apiAdminDateConfirm)
	adminAPI.GET("/venues", s.apiAdminVenueList) // venues and trainers: owners and assistants
	adminAPI.POST("/venues", s.apiAdminVenueCreate)
	adminAPI.GET("/venues/:id", s.apiAdminVenueShow)
	adminAPI.PATCH("/venues/:id", s.apiAdminVenueUpdate)
	adminAPI.DELETE("/venues/:id", s.apiAdminVenueDelete)
	adminAPI.GET("/trainers", s.apiAdminTrainerList)
	adminAPI.POST("/trainers", s.apiAdminTrainerCreate)
	adminAPI.GET("/trainers/:id", s.apiAdminTrainerShow)
	adminAPI.PATCH("/trainers/:id", s.apiAdminTrainerUpdate)
	adminAPI.DELETE("/trainers/:id", s.apiAdminTrainerDelete)
	adminAPI.POST("/dates/:id/attendees/:attendee/check-in", s.apiAdminAttendeeCheckIn)
	adminAPI.DELETE("/dates/:id/attendees/:attendee/check-in", s.apiAdminAttendeeCheckInUndo)
	adminAPI.POST("/bookings/:reference/attendees", s.apiAdminAttendeeAdd)
	adminAPI.DELETE("/bookings/:reference/attendees/:attendee", s.apiAdminAttendeeCancel) // ?without_fee=true: owners only
	adminAPI.GET("/outbox", s.outboxList)
	adminAPI.POST("/outbox/:id/resend", s.outboxResend)
	adminAPI.GET("/invoices", s.apiAdminInvoiceList)
	adminAPI.GET("/invoices/:number/:kind", s.apiAdminInvoiceFile)
	adminAPI.GET("/exports/datev", s.exportDATEV, s.requireOwner()) // exports: owners' tokens only
	adminAPI.GET("/exports/documents.zip", s.exportDocuments, s.requireOwner())
	adminAPI.GET("/exports/zm", s.exportZM, s.requireOwner())
	adminAPI.POST("/inquiries/:id/offers", s.apiAdminOfferCreate, s.requireOwner()) // an offer sets a price
	adminAPI.GET("/offers", s.apiAdminOfferList)
	adminAPI.GET("/offers/:id", s.apiAdminOfferShow)
	adminAPI.GET("/offers/:id/pdf", s.adminOfferFile)
	adminAPI.POST("/offers/:id/accept", s.apiAdminOfferAccept)
	adminAPI.GET("/gdpr/export", s.apiAdminGDPRExport, s.requireOwner()) // personal data: owners' tokens only
	adminAPI.POST("/gdpr/erase", s.apiAdminGDPRErase, s.requireOwner())
	adminAPI.GET("/seminars/:id/materials", s.apiAdminMaterialList)
	adminAPI.GET("/dates/:id/materials", s.apiAdminDateMaterialList)   // with when each is released for the date
	adminAPI.POST("/seminars/:id/materials", s.apiAdminMaterialCreate) // base64 file or link; own body limit
	adminAPI.DELETE("/materials/:id", s.apiAdminMaterialDelete)
	adminAPI.GET("/feedback", s.apiAdminFeedbackList)

	e.RouteNotFound("/*", func(c echo.Context) error { return echo.ErrNotFound })
	s.known = newKnownRoutes(e)
}

// publicLimits are the rate limiters of the public forms, one each however many prefixes route
// to them.
type publicLimits struct{ booking, inquiry, waitlist, offer echo.MiddlewareFunc }

// publicPages registers every public page on g; routes calls it for the German paths and again
// under /en/. A new public page goes here, so it has its English twin.
func (s *Server) publicPages(g *echo.Group, limits publicLimits) {
	g.GET("/", s.catalogueShow)
	g.GET("/seminars/:slug", s.seminarShow)
	g.GET("/inhouse", s.inquiryNew) // in-house inquiries land in the admin inbox
	g.POST("/inhouse", s.inquiryCreate, limits.inquiry)
	g.GET("/impressum", s.legalShow(legal.Imprint))
	g.GET("/datenschutz", s.legalShow(legal.Privacy))
	g.GET("/teilnahmebedingungen", s.legalShow(legal.Terms))

	// The social media competence check (a GET form: the result's URL carries the answers and
	// nothing is stored).
	g.GET("/kompetenz-check", s.competenceCheckShow)

	// Booking pages.
	g.GET("/book/:date", s.bookingNew)
	g.POST("/book/:date", s.bookingCreate, limits.booking)
	g.POST("/book/:date/total", s.bookingTotal) // the form's total alone, for htmx; stores nothing
	g.GET("/b/:reference", s.bookingShow)
	g.GET("/b/:reference/return", s.bookingReturn)
	g.GET("/b/:reference/cancel", s.bookingCancelConfirm)
	g.POST("/b/:reference/cancel", s.bookingCancel)
	g.GET("/b/:reference/documents/:file", s.documentShow)
	g.GET("/b/:reference/export", s.bookingExport) // everything stored about the booking (Art. 15/20 GDPR)
	g.POST("/b/:reference/attendees", s.attendeeSubstitute)
	g.POST("/b/:reference/attendees/add", s.attendeeAdd)
	g.POST("/b/:reference/attendees/cancel", s.attendeeCancel)
	g.POST("/b/:reference/move", s.bookingMove)

	// The attendee's own page behind their secret link, with its QR code, calendar entry and
	// certificate.
	g.GET("/a/:token", s.attendeePageShow)
	g.GET("/a/:token/qr.png", s.attendeeQRShow)
	g.GET("/a/:token/invite.ics", s.attendeeCalendarShow)
	g.GET("/a/:token/certificate.pdf", s.attendeeCertificateShow)
	g.POST("/a/:token/answers", s.attendeeAnswersSave)       // sensitive answers, with the attendee's consent
	g.GET("/a/:token/materials/:id", s.attendeeMaterialShow) // a released file of the seminar
	g.GET("/a/:token/feedback", s.attendeeFeedbackShow)      // the survey after the date
	g.POST("/a/:token/feedback", s.attendeeFeedbackSave)
	g.POST("/a/:token/feedback/consent", s.attendeeFeedbackConsent) // may we ask by mail?

	// Waiting list of a full date, and the offer link mailed when seats free up.
	g.GET("/waitlist/:date", s.waitlistNew)
	g.POST("/waitlist/:date", s.waitlistCreate, limits.waitlist)
	g.GET("/waitlist/offer/:token", s.waitlistOfferShow)
	g.POST("/waitlist/offer/:token", s.waitlistOfferAccept, limits.offer)
	g.GET("/waitlist/leave/:entry/:token", s.waitlistLeaveShow) // the link in the confirmation
	g.POST("/waitlist/leave/:entry/:token", s.waitlistLeave, limits.offer)

	// An in-house offer behind its private link: read it, download its PDF, accept it.
	g.GET("/angebot/:id/:token", s.offerShow)
	g.POST("/angebot/:id/:token", s.offerAccept, limits.offer)
	g.GET("/angebot/:id/:token/pdf", s.offerFile)
}
