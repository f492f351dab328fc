package web

import "seminars/internal/model"

// Data the back-office page templates receive in Page.Data.

type loginData struct {
	Email   string
	Problem string
}

type dashboardData struct {
	Dates        []model.SeminarDate
	OpenInvoices int64
}
