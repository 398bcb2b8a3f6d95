package storage_test

import (
	"bufio"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The crash test re-runs this test binary as a child that autosaves edits in
// a loop, and kills it with SIGKILL at random moments. The child reports on
// stdout, before each Save, the revision and content hash it is about to
// write ("try"), and after Save returns, the same again ("ack").
// A line written to the pipe survives the writer's death, so the parent
// knows every edit the store acknowledged.
const (
	crashDBEnv    = "DARS_CRASH_CHILD_DB"
	crashIDEnv    = "DARS_CRASH_CHILD_ID"
	crashKillsEnv = "DARS_CRASH_KILLS" // how many kills; `make bench` sets 1000
)

func bodyHash(t testing.TB, a *forms.Application) string {
	b, err := forms.Encode(a)
	require.NoError(t, err)
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// TestCrashChild is the child process; it does nothing in a normal run.
func TestCrashChild(t *testing.T) {
	dbPath, id := os.Getenv(crashDBEnv), os.Getenv(crashIDEnv)
	if dbPath == "" {
		t.Skip("run as a child by TestCrashKeepsAcknowledgedEdits")
	}
	fail := func(err error) {
		fmt.Printf("error %v\n", err)
		os.Exit(3)
	}
	s, err := storage.Open(dbPath)
	if err != nil {
		fail(err)
	}
	a, err := s.Load(id)
	if err != nil {
		fail(err)
	}
	fmt.Println("ready")
	rng := rand.New(rand.NewPCG(uint64(os.Getpid()), uint64(time.Now().UnixNano())))
	words := strings.Fields(a.Purpose.ExpectedBenefits + " kidney cohort linkage survival ŵyr siân")
	// The parent kills long before this; the deadline only stops an orphan.
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); {
		edit(a, rng, words)
		next := a.Revision + 1
		a.Revision = next
		hash := bodyHash(t, a)
		a.Revision = next - 1
		fmt.Printf("try %d %s\n", next, hash)
		if err := s.Save(a); err != nil {
			fail(err)
		}
		if a.Revision != next {
			fail(fmt.Errorf("saved as revision %d, expected %d", a.Revision, next))
		}
		fmt.Printf("ack %d %s\n", next, hash)
	}
	os.Exit(0)
}

// edit makes the kind of change a user makes: text grows and shrinks, a
// product or an organisation comes and goes.
func edit(a *forms.Application, rng *rand.Rand, words []string) {
	text := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteByte(' ')
		}
		return b.String()
	}
	switch rng.IntN(4) {
	case 0:
		a.Purpose.Objective = text(50 + rng.IntN(3000))
	case 1:
		a.Overview.Summary = text(rng.IntN(200))
	case 2:
		p := &a.Data.Products[rng.IntN(len(a.Data.Products))]
		p.YearsReason = text(rng.IntN(400))
	case 3:
		if len(a.Organisations) > 5 && rng.IntN(2) == 0 {
			a.Organisations = a.Organisations[:len(a.Organisations)-1]
		} else {
			o := a.Organisations[0]
			o.ID = forms.NewID()
			o.Name = text(3)
			a.Organisations = append(a.Organisations, o)
		}
	}
}

type childRun struct {
	ready   chan struct{}
	acked   chan struct{} // closed at the child's first acknowledged edit
	mu      sync.Mutex
	lines   []string
	done    chan struct{}
	stderr  strings.Builder
	process *exec.Cmd
}

func startChild(t *testing.T, dbPath, id string) *childRun {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashDBEnv+"="+dbPath, crashIDEnv+"="+id)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	c := &childRun{ready: make(chan struct{}), acked: make(chan struct{}), done: make(chan struct{}), process: cmd}
	cmd.Stderr = &c.stderr
	require.NoError(t, cmd.Start())
	go func() {
		defer close(c.done)
		sc := bufio.NewScanner(out)
		var ready, acked sync.Once
		for sc.Scan() {
			line := sc.Text()
			if line == "ready" {
				ready.Do(func() { close(c.ready) })
			}
			if strings.HasPrefix(line, "ack ") {
				acked.Do(func() { close(c.acked) })
			}
			c.mu.Lock()
			c.lines = append(c.lines, line)
			c.mu.Unlock()
		}
	}()
	return c
}

// crashState is what the parent knows: the revision stored when it last
// looked, and every revision the child tried to write with its hash.
type crashState struct {
	stored int64
	acked  int64
	tries  map[int64]string
}

func (st *crashState) read(t *testing.T, lines []string) {
	for _, line := range lines {
		f := strings.Fields(line)
		switch {
		case len(f) == 3 && f[0] == "try":
			rev, err := strconv.ParseInt(f[1], 10, 64)
			require.NoError(t, err, line)
			st.tries[rev] = f[2]
		case len(f) == 3 && f[0] == "ack":
			rev, err := strconv.ParseInt(f[1], 10, 64)
			require.NoError(t, err, line)
			require.Greater(t, rev, st.acked, "acknowledged revisions only go up")
			require.Equal(t, st.tries[rev], f[2], "acknowledged what was tried")
			st.acked = rev
		case line == "ready" || line == "":
		case strings.HasPrefix(line, "error "):
			t.Fatalf("child failed: %s", line)
		default:
			// A line cut short by the kill is expected; anything else is not.
			require.True(t, strings.HasPrefix(line, "try") || strings.HasPrefix(line, "ack"), "unexpected child output %q", line)
		}
	}
}

func TestCrashKeepsAcknowledgedEdits(t *testing.T) {
	if os.Getenv(crashDBEnv) != "" {
		t.Skip("this is the child")
	}
	kills := 200
	if raceEnabled {
		// Under -race each child takes ~0.3 s to start, save and be checked;
		// the full run belongs to the plain `go test`, this one hunts races.
		kills = 50
	}
	if v := os.Getenv(crashKillsEnv); v != "" {
		n, err := strconv.Atoi(v)
		require.NoError(t, err, crashKillsEnv)
		kills = n
	}
	require.Positive(t, kills, crashKillsEnv)
	dbPath := filepath.Join(t.TempDir(), "crash.db")
	s, err := storage.Open(dbPath)
	require.NoError(t, err)
	a := bigDraft()
	require.NoError(t, s.Create(a))
	require.NoError(t, s.Close())
	st := &crashState{stored: 1, acked: 1, tries: map[int64]string{1: bodyHash(t, a)}}

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	var midSave, early int
	var firstAck, verify time.Duration
	start := time.Now()
	for i := range kills {
		t0 := time.Now()
		c := startChild(t, dbPath, a.ID)
		if rng.IntN(10) == 0 {
			// Sometimes strike while the child is still opening the database
			// (WAL recovery, migration check).
			early++
			time.Sleep(time.Duration(rng.IntN(40)) * time.Millisecond)
		} else {
			// Wait for one acknowledged edit so every such kill strikes a
			// child that is saving, however slow the machine is; then strike
			// at a random point of the following saves.
			select {
			case <-c.acked:
			case <-c.done:
			case <-time.After(30 * time.Second):
			}
			firstAck += time.Since(t0)
			time.Sleep(time.Duration(rng.IntN(30)) * time.Millisecond)
		}
		require.NoError(t, c.process.Process.Kill())
		<-c.done
		_ = c.process.Wait()
		st.read(t, c.lines)
		if t.Failed() {
			t.Fatalf("kill %d: child stderr:\n%s", i, c.stderr.String())
		}

		t1 := time.Now()
		rev, hash := checkAfterCrash(t, dbPath, a.ID, st)
		verify += time.Since(t1)
		if rev > st.acked {
			midSave++ // killed after the commit, before the acknowledgement
		}
		// Forget tries that never committed: the next child reuses their numbers.
		st.stored, st.acked, st.tries = rev, rev, map[int64]string{rev: hash}
		if t.Failed() {
			t.Fatalf("after kill %d", i)
		}
	}
	t.Logf("%d kills in %v: %d edits acknowledged, %d struck at a random time from start (maybe while opening), %d between commit and acknowledgement; mean start to first save %v, check %v",
		kills, time.Since(start).Round(time.Millisecond), st.stored-1, early, midSave,
		(firstAck / time.Duration(max(1, kills-early))).Round(time.Millisecond), (verify / time.Duration(kills)).Round(time.Millisecond))
	assert.GreaterOrEqual(t, st.stored-1, int64(kills-early), "every child that was not struck early saved edits")
}

// checkAfterCrash reopens the database as the app would after a crash and
// returns the stored revision and its hash, failing t if anything
// acknowledged is lost.
func checkAfterCrash(t *testing.T, dbPath, id string, st *crashState) (int64, string) {
	// Open first, as the app does after a crash: it meets the hot WAL.
	s, err := storage.Open(dbPath)
	require.NoError(t, err)
	defer s.Close()

	db, err := sql.Open("sqlite", dbPath)
	require.NoError(t, err)
	defer db.Close()
	var check []string
	rows, err := db.Query("PRAGMA integrity_check")
	require.NoError(t, err)
	for rows.Next() {
		var s string
		require.NoError(t, rows.Scan(&s))
		check = append(check, s)
	}
	require.NoError(t, rows.Err())
	require.Equal(t, []string{"ok"}, check, "integrity_check")

	got, err := s.Load(id)
	require.NoError(t, err)
	require.GreaterOrEqual(t, got.Revision, st.acked, "an acknowledged edit was lost")
	require.GreaterOrEqual(t, got.Revision, st.stored)
	want, ok := st.tries[got.Revision]
	require.True(t, ok, "stored revision %d was never written by the child", got.Revision)
	require.Equal(t, want, bodyHash(t, got), "revision %d holds other content than was written", got.Revision)
	list, err := s.List()
	require.NoError(t, err)
	require.Len(t, list, 1)
	require.Equal(t, got.Revision, list[0].Revision, "list columns in step with the body")
	return got.Revision, want
}
