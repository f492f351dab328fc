# Seminars: build with cgo (the SQLite driver needs it), run on a slim Debian of the same release
# so the binary finds the C library it was linked against.
FROM golang:1.26-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -trimpath -ldflags="-s -w" -o /out/seminars ./cmd/seminars

FROM debian:trixie-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /data --create-home seminars
COPY --from=build /out/seminars /usr/local/bin/seminars
USER seminars
WORKDIR /data
ENV SEMINARS_ADDR=":8080" \
    SEMINARS_DATABASE="/data/seminars.db" \
    SEMINARS_DATA_DIR="/data"
EXPOSE 8080
VOLUME ["/data"]
ENTRYPOINT ["/usr/local/bin/seminars"]
CMD ["serve"]
