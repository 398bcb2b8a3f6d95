package instance_test

import (
	"bufio"
	"os"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/app/instance"
)

// TestHoldTheLock is the other process of TestASecondProcessIsToldAndMayStartOnceTheFirstEnds:
// it takes the lock, says so, and holds it until its input closes.
func TestHoldTheLock(t *testing.T) {
	dir := os.Getenv("INSTANCE_HOLD_DIR")
	if dir == "" {
		t.Skip("run by the two-process test")
	}
	l, err := instance.Claim(dir)
	require.NoError(t, err)
	os.Stdout.WriteString("held\n")
	bufio.NewReader(os.Stdin).ReadString('\n')
	l.Release()
}

func TestASecondProcessIsToldAndMayStartOnceTheFirstEnds(t *testing.T) {
	dir := t.TempDir()
	first := exec.Command(os.Args[0], "-test.run=^TestHoldTheLock$", "-test.count=1")
	first.Env = append(os.Environ(), "INSTANCE_HOLD_DIR="+dir)
	in, err := first.StdinPipe()
	require.NoError(t, err)
	out, err := first.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, first.Start())
	line, err := bufio.NewReader(out).ReadString('\n')
	require.NoError(t, err)
	require.Equal(t, "held\n", line)

	_, err = instance.Claim(dir)
	assert.ErrorIs(t, err, instance.ErrRunning)
	assert.Contains(t, err.Error(), "process")

	// Killed rather than let go: the lock dies with its process.
	require.NoError(t, first.Process.Kill())
	first.Wait()
	in.Close()
	l, err := instance.Claim(dir)
	require.NoError(t, err, "a copy that ended leaves no stale lock")
	l.Release()
}

func TestClaimInOneProcessTwiceIsRefusedToo(t *testing.T) {
	dir := t.TempDir()
	l, err := instance.Claim(dir)
	require.NoError(t, err)
	_, err = instance.Claim(dir)
	assert.ErrorIs(t, err, instance.ErrRunning, "flock locks are per open file")
	l.Release()
	l, err = instance.Claim(dir)
	require.NoError(t, err)
	l.Release()
}
