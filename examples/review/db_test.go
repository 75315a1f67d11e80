package main

import (
	"bufio"
	"database/sql"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// loadDaily loads a long CSV of daily data into a fresh table daily.
func loadDaily(t *testing.T, dsn, csv string) {
	t.Helper()
	db, err := sql.Open(sqlDriver, dsn)
	require.NoError(t, err)
	defer db.Close()
	_, err = db.Exec("DROP TABLE IF EXISTS daily; CREATE TABLE daily (date date, metric text, value double precision)")
	require.NoError(t, err)
	tx, err := db.Begin()
	require.NoError(t, err)
	stmt, err := tx.Prepare("INSERT INTO daily VALUES ($1, $2, $3)")
	require.NoError(t, err)
	sc := bufio.NewScanner(strings.NewReader(csv))
	sc.Scan() // the header
	for sc.Scan() {
		f := strings.Split(sc.Text(), ",")
		if len(f) != 3 {
			continue
		}
		_, err := stmt.Exec(f[0], f[1], f[2])
		require.NoError(t, err)
	}
	require.NoError(t, tx.Commit())
}
