package web

import "seminars/internal/booking"

// Bookings returns the booking service the server was built with, so that main can run the
// background work (hold sweeper, Stripe worker) on the same service.
func (s *Server) Bookings() *booking.Service { return s.bookings }
