package web

import (
	"encoding/json"
	"fmt"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestVoucherListPages pages the discount codes in the back office (500 a page) and the admin
// API (1,000 a page), newest first: links to the neighbours, a page past the end redirected to
// the last (the API: empty), unreadable paging parameters redirected away (the API: 422).
func TestVoucherListPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newAdminEnvAt(t, st, storetest.NewClock(t))
		for i := 1; i <= 5; i++ {
			v := model.Voucher{Code: fmt.Sprintf("CODE%d", i), Kind: model.VoucherPercent, PercentBP: 1000, Active: true}
			if err := st.WithTx(t.Context(), func(tx *store.Tx) error { return tx.CreateVoucher(t.Context(), &v) }); err != nil {
				t.Fatal(err)
			}
		}
		owner, token := env.signedIn("owner@example.com"), env.token(model.RoleOwner)
		checkPagedPages(t, owner, "/admin/vouchers", []pagedPageCase{
			{name: "first page", query: "?per_page=2", want: []string{"CODE5", "CODE4", `rel="next"`, "Seite 1 von 3 (5 insgesamt)", `name="code"`},
				notWant: []string{"CODE3", `rel="prev"`}},
			{name: "last page", query: "?per_page=2&page=3", want: []string{"CODE1", `rel="prev"`, `href="/admin/vouchers?page=2&amp;per_page=2"`},
				notWant: []string{"CODE2", `rel="next"`}},
			{name: "page past the end: the last page", query: "?per_page=2&page=4", location: "/admin/vouchers?page=3&per_page=2",
				want: []string{"CODE1"}, notWant: []string{"CODE2"}},
			{name: "a notice is not carried to the next page", query: "?per_page=2&done=created", want: []string{`href="/admin/vouchers?page=2&amp;per_page=2"`}},
			{name: "unreadable parameters: the list without them", query: "?page=erste&per_page=2x&done=created", location: "/admin/vouchers?done=created",
				want: []string{"CODE5", "CODE1"}, notWant: []string{`rel="next"`}},
		})
		codes := func(t *testing.T, raw []byte) string {
			var out struct {
				Vouchers []struct{ Code string } `json:"vouchers"`
			}
			if err := json.Unmarshal(raw, &out); err != nil {
				t.Fatal(err)
			}
			list := []string{}
			for _, v := range out.Vouchers {
				list = append(list, v.Code)
			}
			return fmt.Sprint(list)
		}
		checkPagedAPI(t, env, "/api/v1/admin/vouchers", token, codes, []pagedAPICase{
			{name: "all on one page", status: 200, rows: "[CODE5 CODE4 CODE3 CODE2 CODE1]", total: 5},
			{name: "first of three", query: "?per_page=2", status: 200, rows: "[CODE5 CODE4]", total: 5, next: 2},
			{name: "last of three", query: "?per_page=2&page=3", status: 200, rows: "[CODE1]", total: 5},
			{name: "past the end: empty", query: "?per_page=2&page=4", status: 200, rows: "[]", total: 5},
			{name: "page not a number", query: "?page=1.5", status: 422, invalid: []string{"page"}},
			{name: "nothing per page", query: "?per_page=0", status: 422, invalid: []string{"per_page"}},
		})
	})
}
