//go:build unix

package main

import (
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mkfifo(t *testing.T, path string) {
	t.Helper()
	require.NoError(t, syscall.Mkfifo(path, 0o644))
}

func TestFIFOsNeverHang(t *testing.T) {
	dir := tree(t, map[string]string{
		"walk/ok.flywheel.yaml":     template(t, "flywheel.yaml"),
		"companion/d.decision.yaml": template(t, "decision.yaml"),
		"deck/w.deck.yaml":          template(t, "deck.yaml"),
	})
	mkfifo(t, filepath.Join(dir, "walk", "pipe.decision.yaml"))
	mkfifo(t, filepath.Join(dir, "companion", "policy.yaml"))
	mkfifo(t, filepath.Join(dir, "deck", "w.deck-data.csv"))
	mkfifo(t, filepath.Join(dir, "pipe.csv"))
	mkfifo(t, filepath.Join(dir, "pipe.yaml"))

	code, out, _ := runBounded(t, filepath.Join(dir, "walk"))
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "pipe.decision.yaml: skipped (not a regular file)")

	code, _, errs := runBounded(t, filepath.Join(dir, "walk", "pipe.decision.yaml"))
	assert.Equal(t, 2, code, "a FIFO named as an argument")
	assert.Contains(t, errs, "named pipe")

	code, out, _ = runBounded(t, filepath.Join(dir, "companion", "d.decision.yaml"))
	assert.Equal(t, 1, code, "a FIFO as the policy beside a decision")
	assert.Contains(t, out, "policy.yaml")
	assert.Contains(t, out, "named pipe")

	code, out, _ = runBounded(t, filepath.Join(dir, "deck", "w.deck.yaml"))
	assert.Equal(t, 1, code, "a FIFO as a deck's data")
	assert.Contains(t, out, "w.deck-data.csv")

	code, _, errs = runBounded(t, "-data", filepath.Join(dir, "pipe.csv"))
	assert.Equal(t, 2, code, "-data names a FIFO")
	assert.Contains(t, errs, "named pipe")
	code, _, _ = runBounded(t, "-policy", filepath.Join(dir, "pipe.yaml"))
	assert.Equal(t, 2, code, "-policy names a FIFO")

	mkfifo(t, filepath.Join(dir, "walk", configName))
	code, _, errs = runBounded(t, filepath.Join(dir, "walk"))
	assert.Equal(t, 2, code, "a FIFO as the configuration file")
	assert.Contains(t, errs, configName)
}

func TestDevicesAreNotRead(t *testing.T) {
	code, _, errs := runBounded(t, "-data", "/dev/zero")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "device")
	code, _, _ = runBounded(t, "-kind", "decision", "/dev/zero")
	assert.Equal(t, 2, code)
}
