package mail

import "testing"

func TestLinksInTheReadersLanguage(t *testing.T) {
	s := Settings{BaseURL: "https://seminare.example"}
	cases := []struct{ name, link, lang, want string }{
		{"German stays", "https://seminare.example/waitlist/offer/abc", "de", "https://seminare.example/waitlist/offer/abc"},
		{"English gets /en", "https://seminare.example/waitlist/offer/abc", "en", "https://seminare.example/en/waitlist/offer/abc"},
		{"already English", "https://seminare.example/en/book/3", "en", "https://seminare.example/en/book/3"},
		{"another site is left alone", "https://checkout.stripe.com/c/pay", "en", "https://checkout.stripe.com/c/pay"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := s.inLanguage(tc.link, tc.lang); got != tc.want {
				t.Errorf("%s in %s: %s, want %s", tc.link, tc.lang, got, tc.want)
			}
		})
	}
}
