package wbr

import (
	"bytes"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

//go:generate go test -run ^TestSampleData$ -update

// sampleEnd is the last day of the sample data: a Saturday, the week the
// template deck is reviewed for.
var sampleEnd = Date{Year: 2026, Month: time.November, Day: 21}

// sampleData makes three years of daily data for the template deck: growth,
// a weekly rhythm, holiday peaks and noise, from a fixed seed so the file is
// the same on every run. The last three weeks carry a drop in the in-stock
// rate and slower delivery, so the report has signals to call out.
func sampleData() []byte {
	rng := rand.New(rand.NewPCG(2026, 1121))
	noise := func(sd float64) float64 { return 1 + rng.NormFloat64()*sd }
	var b bytes.Buffer
	b.WriteString("date,metric,value\n")
	start := sampleEnd.Time().AddDate(-3, 0, 1)
	for t := start; !t.After(sampleEnd.Time()); t = t.AddDate(0, 0, 1) {
		years := t.Sub(start).Hours() / 24 / 365.25
		yday := float64(t.YearDay())
		season := 1 + 0.12*math.Exp(-math.Pow((yday-350)/10, 2)) // December peak
		if m, d := t.Month(), t.Day(); m == time.November && d >= 24 && d <= 30 {
			season += 0.25 // Black Friday week
		}
		if t.Month() == time.July && t.Day() >= 8 && t.Day() <= 9 {
			season += 0.4 // a two-day summer event
		}
		weekly := 1.0
		switch t.Weekday() {
		case time.Saturday, time.Sunday:
			weekly = 1.1
		case time.Monday:
			weekly = 1.04
		}
		recent := sampleEnd.Time().Sub(t).Hours()/24 < 21
		sessions := math.Round(118000 * math.Pow(1.12, years) * season * weekly * noise(0.025))
		pageViews := math.Round(sessions * 4.1 * noise(0.01))
		inStock := 0.955 + 0.008*years/3 + rng.NormFloat64()*0.002
		if recent {
			inStock -= 0.012
		}
		inStockViews := math.Round(pageViews * inStock)
		conversion := 0.041 * (1 + 0.6*(inStock-0.96)) * noise(0.02)
		orders := math.Round(sessions * conversion)
		priceIndex := 100.4 - 0.5*years + rng.NormFloat64()*0.15
		aov := 37.5 * (1 + 0.03*years) * (1 - (priceIndex-100)/100) * noise(0.015)
		revenue := math.Round(orders*aov*100) / 100
		delivery := 2.45 - 0.1*years + 0.25*(season-1) + rng.NormFloat64()*0.05
		if recent {
			delivery += 0.18
		}
		selection := math.Round(1_200_000 * math.Pow(1.09, years) * noise(0.001))
		contacts := math.Round(orders * 0.021 * noise(0.05))
		newCustomers := math.Round(sessions * 0.0021 * noise(0.04))
		day := t.Format(time.DateOnly)
		for _, row := range []struct {
			id   string
			v    float64
			prec int
		}{
			{"sessions", sessions, 0}, {"page_views", pageViews, 0}, {"in_stock_views", inStockViews, 0},
			{"orders", orders, 0}, {"revenue", revenue, 2}, {"new_customers", newCustomers, 0},
			{"selection", selection, 0}, {"delivery_days", delivery, 3}, {"price_index", priceIndex, 2},
			{"contacts", contacts, 0},
		} {
			b.WriteString(day)
			b.WriteByte(',')
			b.WriteString(row.id)
			b.WriteByte(',')
			b.WriteString(strconv.FormatFloat(row.v, 'f', row.prec, 64))
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

func TestSampleData(t *testing.T) {
	got := sampleData()
	if *update {
		require.NoError(t, os.WriteFile(samplePath, got, 0o644))
	}
	onDisk, err := os.ReadFile(samplePath)
	require.NoError(t, err)
	assert.Less(t, len(onDisk), 1_500_000, "the sample should stay small enough to commit")
	if runtime.GOARCH != "amd64" {
		// Other architectures may fuse multiply-adds in math.Pow and friends,
		// moving a last digit; the committed file is generated on amd64.
		t.Skip("byte-for-byte comparison runs on amd64")
	}
	assert.Equal(t, len(got), len(onDisk), "%s is stale: run go generate ./wbr", samplePath)
	assert.True(t, bytes.Equal(got, onDisk), "%s is stale: run go generate ./wbr", samplePath)
}
