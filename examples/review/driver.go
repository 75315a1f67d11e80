//go:build !nopgx

package main

// The PostgreSQL driver for decks whose data source is a query. It only
// registers itself: nothing connects until a deck's query runs, so the tool
// works with no database. Build with -tags nopgx to leave it out.
import _ "github.com/jackc/pgx/v5/stdlib"

// sqlDriver is the database/sql driver name queries run with.
const sqlDriver = "pgx"
