package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// voucherListData is the voucher page: a page of the codes (newest first) with what each gives
// and how often it was used, and the form for a new one.
type voucherListData struct {
	Vouchers []voucherRow
	Pager    pager
	Seminars []model.Seminar // for the form's seminar choice
	Form     form.Voucher
	Notice   string
}

// voucherRow is one voucher as the page shows it.
type voucherRow struct {
	ID       uint
	Code     string
	Active   bool
	Discount string // "10 %" or "50,00 €"
	Uses     int
	MaxUses  int        // 0 = unlimited
	From     *time.Time // first day, in the display time zone
	LastDay  *time.Time // last valid day, in the display time zone
	Seminar  string     // title; "" = every seminar
}

// adminVoucherList lists the discount codes, 500 a page (?page=&per_page=), with a form for a
// new one (owners only: money).
func (s *Server) adminVoucherList(c echo.Context) error {
	return s.renderVouchers(c, http.StatusOK, form.Voucher{}, nil)
}

// renderVouchers draws the voucher page with the form f and its errors, on the page of codes the
// query asks for (a re-rendered form's POST has none: the first page).
func (s *Server) renderVouchers(c echo.Context, status int, f form.Voucher, errs map[string]string) error {
	ctx := c.Request().Context()
	r := readPage(c, adminPerPage, adminPerPage)
	if r.Invalid != nil {
		return pageRedirect(c, r)
	}
	vouchers, total, err := s.store.VouchersPage(ctx, r.offset(), r.PerPage)
	if err != nil {
		return err
	}
	pg := newPager(c.Request().URL.Path, c.QueryParams(), r, total)
	if pg.pastEnd() {
		return redirect(c, pg.Prev) // the last page
	}
	seminars, err := s.store.AdminSeminars(ctx)
	if err != nil {
		return err
	}
	t := s.i18n.For(language(c))
	titles := map[uint]string{}
	for _, sem := range seminars {
		titles[sem.ID] = sem.Title(t.Lang)
	}
	rows := make([]voucherRow, 0, len(vouchers))
	for _, v := range vouchers {
		rows = append(rows, s.voucherRow(v, titles, t.Lang, t.Money))
	}
	return s.render(c, status, pageAdminVouchers, t.T("admin.vouchers.title"), voucherListData{
		Vouchers: rows, Pager: pg, Seminars: seminars, Form: f, Notice: c.QueryParam("done"),
	}, errs)
}

func (s *Server) voucherRow(v model.Voucher, titles map[uint]string, lang string, money func(int64) string) voucherRow {
	r := voucherRow{ID: v.ID, Code: v.Code, Active: v.Active, Uses: v.Uses, MaxUses: v.MaxUses, Discount: money(v.AmountCents)}
	if v.Kind == model.VoucherPercent {
		p := strconv.FormatFloat(float64(v.PercentBP)/100, 'f', -1, 64)
		if lang == "de" {
			p = strings.Replace(p, ".", ",", 1)
		}
		r.Discount = p + " %"
	}
	if v.SeminarID != nil {
		r.Seminar = titles[*v.SeminarID]
	}
	if v.ValidFrom != nil {
		from := v.ValidFrom.In(s.cfg.Location)
		r.From = &from
	}
	if v.ValidUntil != nil {
		last := v.ValidUntil.Add(-time.Second).In(s.cfg.Location) // ValidUntil is the end of the last day
		r.LastDay = &last
	}
	return r
}
