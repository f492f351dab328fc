# Seminars: build with cgo (the SQLite driver needs it), run on a slim Debian of the same release
# so the binary finds the C library it was linked against. The Go version is go.mod's `go` line
# (compose_test.go checks it).
FROM golang:1.26.8-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -trimpath -ldflags="-s -w" -o /out/seminars ./cmd/seminars

FROM debian:trixie-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /data --create-home seminars
COPY --from=build /out/seminars /usr/local/bin/seminars
USER seminars
WORKDIR /data
ENV SEMINARS_ADDR=":8080" \
    SEMINARS_DATABASE="/data/seminars.db" \
    SEMINARS_DATA_DIR="/data"
EXPOSE 8080
# The database (SQLite), the secret key, mail written as files: everything that must survive.
VOLUME ["/data"]
# /healthz answers 200 while the database answers (curl is the one extra package for this).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["/usr/local/bin/seminars"]
CMD ["serve"]
