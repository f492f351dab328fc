package web

import "strings"

// Back-office pages (and the public in-house inquiry and waiting-list pages), registered in render.go's pageNames.
const (
	pageAdminLogin          = "admin/login.html"
	pageAdminDashboard      = "admin/dashboard.html"
	pageAdminSeminars       = "admin/seminars.html"
	pageAdminSeminarForm    = "admin/seminar_form.html"
	pageAdminDateForm       = "admin/date_form.html"
	pageAdminBookings       = "admin/bookings.html"
	pageAdminAttendees      = "admin/attendees.html"
	pageAdminAudit          = "admin/audit.html"
	pageAdminInquiries      = "admin/inquiries.html"
	pageInquiry             = "pages/inquiry.html"
	pageWaitlistJoin        = "pages/waitlist_join.html"
	pageWaitlistOffer       = "pages/waitlist_offer.html"
	pageWaitlistLeave       = "pages/waitlist_leave.html"
	pageAdminBookingCancel  = "admin/booking_cancel.html"
	pageAdminDateCancel     = "admin/date_cancel.html"
	pageAdminBookingMove    = "admin/booking_move.html"
	pageAdminAccess         = "admin/access.html"
	pageAdminOutbox         = "admin/outbox.html"
	pageAdminSubstitute     = "admin/attendee_substitute.html"
	pageAdminVouchers       = "admin/vouchers.html"
	pageAdminExports        = "admin/exports.html"
	pageAdminCalendar       = "admin/calendar.html"
	pageAdminBookingBilling = "admin/booking_billing.html"
	pageAdminCheckIn        = "admin/check_in.html"
	pageAdminBooking        = "admin/booking.html"
	pageAdminVoucherForm    = "admin/voucher_form.html"
	pageAdminPrivacy        = "admin/privacy.html"
	pageAdminAttendeeChange = "admin/attendee_change.html"
	pageAdminVenues         = "admin/venues.html"
	pageAdminVenueForm      = "admin/venue_form.html"
	pageAdminTrainers       = "admin/trainers.html"
	pageAdminTrainerForm    = "admin/trainer_form.html"
	pageAdminMaterials      = "admin/materials.html"
	pageAdminFeedback       = "admin/feedback.html"
)

var adminPageNames = []string{
	pageAdminLogin, pageAdminDashboard, pageAdminSeminars, pageAdminSeminarForm, pageAdminDateForm,
	pageAdminBookings, pageAdminAttendees, pageAdminAudit, pageAdminInquiries, pageInquiry,
	pageWaitlistJoin, pageWaitlistOffer, pageWaitlistLeave, pageAdminBookingCancel, pageAdminDateCancel,
	pageAdminBookingMove, pageAdminAccess, pageAdminOutbox, pageAdminSubstitute, pageAdminVouchers,
	pageAdminExports, pageAdminCalendar, pageAdminBookingBilling, pageAdminBooking, pageAdminCheckIn,
	pageAdminVoucherForm,
	pageAdminPasswordForgot, pageAdminPasswordReset, pageAdminLoginCode, pageAdminAccount, pageAdminTOTPSetup,
	pageAdminPrivacy,
	pageAdminAttendeeChange,
	pageAdminVenues, pageAdminVenueForm, pageAdminTrainers, pageAdminTrainerForm,
	pageAdminMaterials,
	pageAdminFeedback,
}

// adminSection names the part of the back office a path belongs to, for the nav's current item.
func adminSection(path string) string {
	rest := strings.TrimPrefix(strings.TrimPrefix(path, "/admin"), "/")
	section, _, _ := strings.Cut(rest, "/")
	if section == "" {
		return "dashboard"
	}
	return section
}
