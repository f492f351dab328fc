// Package qr draws QR codes: the attendee's check-in code, in the confirmation mail and on the
// attendee page. It wraps github.com/skip2/go-qrcode (pure Go, no cgo, stable since the QR
// standard is), so the rest of the code names no QR library.
package qr

import (
	"fmt"

	qrcode "github.com/skip2/go-qrcode"
)

// Size is the PNG's width and height in pixels: big enough for a phone camera to read off a
// screen or a printout, small enough for a mail (about 1 KB for a check-in code).
const Size = 320

// PNG returns the QR code of text as a PNG image, with medium error correction (a smudged
// printout or a cracked phone screen still scans).
func PNG(text string) ([]byte, error) {
	png, err := qrcode.Encode(text, qrcode.Medium, Size)
	if err != nil {
		return nil, fmt.Errorf("qr code: %w", err)
	}
	return png, nil
}
