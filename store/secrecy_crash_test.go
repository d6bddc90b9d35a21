package store_test

// Secrecy across a crash: while a round is open its ballots are sealed, in
// rows that lie in the file in the order they were cast. Closing the round
// opens them, stores them under fresh ids, deletes the sealed rows, commits,
// then rewrites the file (VACUUM and a truncating checkpoint) so that
// nothing of the sealed rows or of the order of casting is left. This test
// kills a process that is closing a round, at random moments of the close,
// then opens the file as the secretary's program would after the crash,
// closes the round with the secretary code if it is still open, closes the
// file, and looks at the raw bytes for the sealed ballots: the secretary's
// program must repeat the rewrite when it opens a file with closed rounds.
// It runs with the kill test (HOIDONG_KILL_TEST=1): it starts and kills
// processes. HOIDONG_SECRECY_KILLS sets the number of kills (default 40);
// HOIDONG_KILL_SEED replays a run.

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"hoidong/model"
	"hoidong/store"
	"hoidong/voting"
)

// crashVoters is the size of the round: with 12 ballots, a page that lists
// them in exactly the casting order or its reverse by chance has
// probability 2/12! ≈ 4·10⁻⁹.
const crashVoters = 12

// TestSecrecyCrashChild is the process that gets killed: it holds a round
// of crashVoters ballots, prints the ids of their sealed rows in casting
// order, and closes the round when told to. It runs only when the parent
// test starts it.
func TestSecrecyCrashChild(t *testing.T) {
	path := os.Getenv("HOIDONG_SECRECY_CHILD_DB")
	if path == "" {
		t.Skip("started only by TestSecrecy_KillDuringClose")
	}
	ctx := context.Background()
	seed, _ := strconv.ParseUint(os.Getenv("HOIDONG_SECRECY_CHILD_SEED"), 10, 64)
	rng := rand.New(rand.NewPCG(seed, 7))
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.CreateMeeting(ctx, secrecyPlan(secrecyScenario{voters: crashVoters, rounds: 1, nominees: 3})))
	key := store.UseTestSecretary(t, st)
	rec, err := st.Record(ctx)
	must(err)
	var electors []int64
	for _, m := range rec.Members {
		must(st.SetAttendance(ctx, m.ID, model.AttendancePresent, ""))
		if m.Votes {
			electors = append(electors, m.ID)
		}
	}
	for _, n := range rec.Nominees {
		must(st.SetCheck(ctx, n.ID, "discipline", false))
		must(st.SetMark(ctx, n.ID, n.Awards[0], 0, model.MarkMet, ""))
	}
	rec, err = st.Record(ctx)
	must(err)
	nominees := voting.Candidates(&rec, "DH1")
	roundID, err := st.OpenRound(ctx, "DH1", nominees)
	must(err)
	reader, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(5000)")
	must(err)
	known := map[string]bool{}
	var ids []string
	for _, i := range rng.Perm(len(electors)) {
		choices := map[int64]bool{}
		for _, n := range nominees {
			choices[n] = rng.IntN(2) == 0
		}
		must(st.CastBallot(ctx, roundID, electors[i], "", choices))
		ids = append(ids, hex.EncodeToString(newSealedID(t, reader, roundID, known)))
	}
	must(reader.Close())
	fmt.Printf("READY %d %s\n", roundID, strings.Join(ids, ","))
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	err = st.CloseRound(ctx, roundID, key)
	fmt.Printf("CLOSED %v\n", err)
	_, _ = io.Copy(io.Discard, os.Stdin) // wait for the kill
}

// newSealedID returns the one sealed ballot of the round that known lacks,
// and adds it.
func newSealedID(t *testing.T, db *sql.DB, roundID int64, known map[string]bool) []byte {
	t.Helper()
	rows, err := db.Query(`SELECT id FROM sealed_ballots WHERE round_id = ?`, roundID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var fresh [][]byte
	for rows.Next() {
		var id []byte
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		if !known[string(id)] {
			fresh = append(fresh, id)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(fresh) != 1 || len(fresh[0]) != 16 {
		t.Fatalf("after a cast, round %d has %d new sealed ballots, want one 16-byte id", roundID, len(fresh))
	}
	known[string(fresh[0])] = true
	return fresh[0]
}

// crashChild is one running child.
type crashChild struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	out   *bufio.Reader
	round int64
	ids   [][]byte // of the sealed ballots, in casting order
}

func startCrashChild(t *testing.T, db string, seed uint64) *crashChild {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecrecyCrashChild$")
	cmd.Env = append(os.Environ(), "HOIDONG_SECRECY_CHILD_DB="+db, fmt.Sprintf("HOIDONG_SECRECY_CHILD_SEED=%d", seed))
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &crashChild{cmd: cmd, stdin: stdin, out: bufio.NewReader(stdout)}
	for {
		line, err := c.out.ReadString('\n')
		if err != nil {
			_ = cmd.Wait()
			t.Fatalf("the child stopped before its round was ready: %v", err)
		}
		if f := strings.Fields(line); len(f) == 3 && f[0] == "READY" {
			c.round, _ = strconv.ParseInt(f[1], 10, 64)
			for _, h := range strings.Split(f[2], ",") {
				id, err := hex.DecodeString(h)
				if err != nil || len(id) != 16 {
					t.Fatalf("child: ballot id %q", h)
				}
				c.ids = append(c.ids, id)
			}
			return c
		}
	}
}

func TestSecrecy_KillDuringClose(t *testing.T) {
	kills, rng := killSetup(t, "HOIDONG_SECRECY_KILLS", 40)
	ctx := context.Background()

	// How long a close takes here, from the word to its return: the kills
	// fall at random inside that span.
	c := startCrashChild(t, filepath.Join(t.TempDir(), "hop.db"), rng.Uint64())
	start := time.Now()
	fmt.Fprintln(c.stdin, "close")
	if line, err := c.out.ReadString('\n'); err != nil || !strings.HasPrefix(line, "CLOSED <nil>") {
		t.Fatalf("child: %q, %v", line, err)
	}
	span := time.Since(start)
	_ = c.cmd.Process.Kill()
	_ = c.cmd.Wait()
	t.Logf("a close takes %s here", span.Round(time.Microsecond))

	open, closed, leaks := 0, 0, 0
	for i := range kills {
		db := filepath.Join(t.TempDir(), "hop.db")
		c := startCrashChild(t, db, rng.Uint64())
		delay := time.Duration(rng.Int64N(int64(span) + 1))
		fmt.Fprintln(c.stdin, "close")
		// The sleep picks the moment of the kill; it waits for nothing.
		time.Sleep(delay)
		if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = c.cmd.Wait()

		// The secretary's program starts again after the crash, and the
		// meeting goes on to its end: the file is opened, the round closed
		// with the secretary code if the crash left it open, and the file
		// closed.
		st, err := store.Open(db)
		if err != nil {
			t.Fatalf("kill %d: reopen: %v", i+1, err)
		}
		rep, err := st.Verify(ctx)
		if err != nil || !rep.OK() {
			t.Fatalf("kill %d: verify after the crash: %+v, %v", i+1, rep, err)
		}
		rec, err := st.Record(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(rec.Rounds) != 1 || len(rec.Rounds[0].Voters) != crashVoters {
			t.Fatalf("kill %d: after the crash the record has %d rounds, %d voters", i+1, len(rec.Rounds), len(rec.Rounds[0].Voters))
		}
		if rec.Rounds[0].Status == model.RoundClosed {
			closed++
		} else {
			open++
			key, err := st.UnlockSecretary(ctx, store.TestSecretaryCode)
			if err != nil {
				t.Fatalf("kill %d: unlock after the crash: %v", i+1, err)
			}
			if err := st.CloseRound(ctx, c.round, key); err != nil {
				t.Fatalf("kill %d: close the round after the crash: %v", i+1, err)
			}
			key.Forget()
			if rep, err := st.Verify(ctx); err != nil || !rep.OK() {
				t.Fatalf("kill %d: verify after closing again: %+v, %v", i+1, rep, err)
			}
			if rec, err = st.Record(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
		if r := rec.Rounds[0]; r.Status != model.RoundClosed || len(r.Ballots) != crashVoters {
			t.Fatalf("kill %d: the round is %v with %d ballots, want closed with %d", i+1, r.Status, len(r.Ballots), crashVoters)
		}
		pos := map[[16]byte]int{}
		for p, id := range c.ids {
			pos[[16]byte(id)] = p
		}
		var ordered, left []string
		for _, f := range []string{"", "-wal", "-shm"} {
			data := readFile(t, db+f)
			for _, page := range crashPages(data) {
				if castOrdered(page, pos) {
					ordered = append(ordered, "db"+f)
				}
			}
			if n := sealedIDsIn(data, pos); n > 0 {
				left = append(left, fmt.Sprintf("%d in db%s", n, f))
			}
		}
		if len(ordered) > 0 || len(left) > 0 {
			leaks++
			t.Logf("kill %d, %s into the close: the round is closed, yet %d pages (%s) list its %d sealed ballots in casting order, and the files hold sealed ballot ids: %s",
				i+1, delay.Round(time.Microsecond), len(ordered), strings.Join(slicesCompact(ordered), ", "), crashVoters, strings.Join(left, ", "))
		}
	}
	t.Logf("%d kills during a close: %d left the round open, %d closed it; %d left sealed ballots in the file after the secretary's program went on", kills, open, closed, leaks)
	if leaks > 0 {
		t.Errorf("%d of %d kills during a close left sealed ballots in the file, after the secretary's program opened it again and closed the round", leaks, kills)
	}
}

// sealedIDsIn counts the sealed ballot ids that occur in data.
func sealedIDsIn(data []byte, pos map[[16]byte]int) int {
	seen := map[[16]byte]bool{}
	for off := 0; off+16 <= len(data); off++ {
		if _, ok := pos[[16]byte(data[off:off+16])]; ok {
			seen[[16]byte(data[off:off+16])] = true
		}
	}
	return len(seen)
}

// crashPages splits a database file into pages, or a WAL into the page
// images of its frames.
func crashPages(data []byte) [][]byte {
	if len(data) < 32 {
		return nil
	}
	var out [][]byte
	if magic := data[:4]; string(magic) == "\x37\x7f\x06\x82" || string(magic) == "\x37\x7f\x06\x83" {
		ps := int(data[8])<<24 | int(data[9])<<16 | int(data[10])<<8 | int(data[11])
		for off := 32; ps > 0 && off+24+ps <= len(data); off += 24 + ps {
			out = append(out, data[off+24:off+24+ps])
		}
		return out
	}
	ps := int(data[16])<<8 | int(data[17])
	if ps == 1 {
		ps = 65536
	}
	for off := 0; off < len(data); off += ps {
		out = append(out, data[off:min(off+ps, len(data))])
	}
	return out
}

// castOrdered reports whether page holds every ballot of pos in exactly
// their casting order or its reverse.
func castOrdered(page []byte, pos map[[16]byte]int) bool {
	var order []int
	for off := 0; off+16 <= len(page); off++ {
		if p, ok := pos[[16]byte(page[off:off+16])]; ok {
			order = append(order, p)
		}
	}
	if len(order) != len(pos) {
		return false
	}
	forward, reverse := true, true
	for i, p := range order {
		forward = forward && p == i
		reverse = reverse && p == len(order)-1-i
	}
	return forward || reverse
}

// slicesCompact drops repeated neighbours.
func slicesCompact(s []string) []string {
	var out []string
	for _, v := range s {
		if len(out) == 0 || out[len(out)-1] != v {
			out = append(out, v)
		}
	}
	return out
}

// killSetup skips a kill test unless HOIDONG_KILL_TEST is set (or in
// -short mode), and returns how many kills to make — countVar's value, or
// def — and the random source of the run, seeded from HOIDONG_KILL_SEED
// when set, so that a run can be replayed.
func killSetup(t *testing.T, countVar string, def int) (int, *rand.Rand) {
	t.Helper()
	if os.Getenv("HOIDONG_KILL_TEST") == "" {
		t.Skip("kill test skipped: set HOIDONG_KILL_TEST=1 to run it")
	}
	if testing.Short() {
		t.Skip("kill test skipped in -short mode")
	}
	kills := def
	if s := os.Getenv(countVar); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("%s=%q: %v", countVar, s, err)
		}
		kills = n
	}
	seed := rand.Uint64()
	if s := os.Getenv("HOIDONG_KILL_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("HOIDONG_KILL_SEED=%q: %v", s, err)
		}
		seed = v
	}
	t.Logf("seed %d (replay with HOIDONG_KILL_SEED=%d), %d kills", seed, seed, kills)
	return kills, rand.New(rand.NewPCG(seed, 11))
}
