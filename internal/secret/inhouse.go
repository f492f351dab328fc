package secret

import "strconv"

// Derivation purposes of the in-house links: the offer's page where the company accepts it, and
// the booking page of the unlisted date its acceptance made.
const (
	offerPurpose       = "offer"
	inhouseDatePurpose = "inhouse-date"
)

// OfferToken is the secret of an offer's page (/angebot/{id}/{token}): 256 bits derived from
// the offer's id, so the link can be mailed again and always reads the same.
func (k *Keyring) OfferToken(offerID uint) string {
	return k.Derive(offerPurpose, strconv.FormatUint(uint64(offerID), 10), 0)
}

// MatchesOfferToken tells whether presented is the offer's token, in constant time.
func (k *Keyring) MatchesOfferToken(presented string, offerID uint) bool {
	return k.Matches(presented, offerPurpose, strconv.FormatUint(uint64(offerID), 10), 0)
}

// InhouseDateToken is the key of an unlisted date's booking page (/book/{id}?k={token}): only
// the company that accepted the offer gets it.
func (k *Keyring) InhouseDateToken(dateID uint) string {
	return k.Derive(inhouseDatePurpose, strconv.FormatUint(uint64(dateID), 10), 0)
}

// MatchesInhouseDateToken tells whether presented is the unlisted date's key, in constant time.
func (k *Keyring) MatchesInhouseDateToken(presented string, dateID uint) bool {
	return k.Matches(presented, inhouseDatePurpose, strconv.FormatUint(uint64(dateID), 10), 0)
}
