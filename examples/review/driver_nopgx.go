//go:build nopgx

package main

// sqlDriver is the database/sql driver name queries run with; built with
// -tags nopgx the tool has none, and a deck's query fails with sql.Open's
// error naming it.
const sqlDriver = "pgx"
