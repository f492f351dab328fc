// Package seminars embeds the files the binary serves and reads: templates, static assets and the
// default configuration. It lives at the root because go:embed cannot reach parent folders.
package seminars

import "embed"

// Files holds templates/, static/ and config/ exactly as they are in the repository.
//
//go:embed templates static config
var Files embed.FS
