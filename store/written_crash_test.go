package store_test

// Written ballots across a crash: a child process enters the written
// ballots of absent members one after another and is killed with SIGKILL
// at a random moment. Afterwards each written ballot is there whole — its
// participation row, marked written, and its sealed ballot — or not at
// all; every ballot the child reported is there; the file verifies; and
// the round still closes and recounts. It runs with the kill test
// (HOIDONG_KILL_TEST=1); HOIDONG_KILL_POINTS sets the number of kills
// (default 20), HOIDONG_KILL_SEED replays a run.

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
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

// writtenCrash sizes the child's meeting: 20 members present, 10 absent
// who send written ballots.
const (
	writtenCrashPresent = 20
	writtenCrashAbsent  = 10
)

// TestWrittenCrashChild is the process that gets killed: it holds an open
// round and, when told to, enters the absent members' written ballots,
// printing "CAST n" after each. It runs only when the parent starts it.
func TestWrittenCrashChild(t *testing.T) {
	path := os.Getenv("HOIDONG_WRITTEN_CHILD_DB")
	if path == "" {
		t.Skip("started only by TestWritten_KillDuringCast")
	}
	ctx := context.Background()
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
	p := secrecyPlan(secrecyScenario{voters: writtenCrashPresent + writtenCrashAbsent, rounds: 1, nominees: 3})
	p.Meeting.WrittenBallots = true
	must(st.CreateMeeting(ctx, p))
	store.UseTestSecretary(t, st)
	rec, err := st.Record(ctx)
	must(err)
	var absent []int64
	for i, m := range rec.Members {
		if m.Votes && i >= writtenCrashPresent {
			must(st.SetAttendance(ctx, m.ID, model.AttendanceAbsent, ""))
			must(st.SetWrittenBallot(ctx, m.ID, true))
			absent = append(absent, m.ID)
			continue
		}
		must(st.SetAttendance(ctx, m.ID, model.AttendancePresent, ""))
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
	fmt.Printf("READY %d\n", roundID)
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	for i, m := range absent {
		choices := map[int64]bool{}
		for j, n := range nominees {
			choices[n] = (i+j)%2 == 0
		}
		must(st.CastWrittenBallot(ctx, roundID, m, choices))
		fmt.Printf("CAST %d\n", i+1)
	}
	fmt.Println("DONE")
	select {} // wait for the kill
}

func TestWritten_KillDuringCast(t *testing.T) {
	kills, rng := killSetup(t, "HOIDONG_KILL_POINTS", 20)
	partial := 0
	for k := range kills {
		db := filepath.Join(t.TempDir(), fmt.Sprintf("hop-%d.db", k))
		reported, round := killWrittenChild(t, db, time.Duration(rng.IntN(8_000))*time.Microsecond)
		if reported > 0 && reported < writtenCrashAbsent {
			partial++
		}
		checkAfterWrittenKill(t, db, round, reported)
	}
	t.Logf("%d kills, %d in the middle of the written ballots", kills, partial)
}

// killWrittenChild starts a child on db, lets it cast for delay, kills it
// and returns how many written ballots it reported and its round.
func killWrittenChild(t *testing.T, db string, delay time.Duration) (int, int64) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestWrittenCrashChild$")
	cmd.Env = append(os.Environ(), "HOIDONG_WRITTEN_CHILD_DB="+db)
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
	out := bufio.NewReader(stdout)
	var round int64
	for round == 0 {
		line, err := out.ReadString('\n')
		if err != nil {
			_ = cmd.Wait()
			t.Fatalf("the child stopped before its round was ready: %v", err)
		}
		if f := strings.Fields(line); len(f) == 2 && f[0] == "READY" {
			round, _ = strconv.ParseInt(f[1], 10, 64)
		}
	}
	if _, err := fmt.Fprintln(stdin, "go"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(delay)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	reported := 0
	for {
		line, err := out.ReadString('\n')
		if f := strings.Fields(line); len(f) == 2 && f[0] == "CAST" {
			reported, _ = strconv.Atoi(f[1])
		}
		if err != nil {
			break
		}
	}
	_ = cmd.Wait() // after reading: Wait closes the pipe
	return reported, round
}

// checkAfterWrittenKill opens the file as the secretary's program would
// after the crash and checks the written ballots, the record and the close.
func checkAfterWrittenKill(t *testing.T, db string, round int64, reported int) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	raw, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var written, sealed int
	if err := raw.QueryRow(`SELECT (SELECT COUNT(*) FROM participation WHERE round_id = ?1 AND written = 1),
		(SELECT COUNT(*) FROM sealed_ballots WHERE round_id = ?1)`, round).Scan(&written, &sealed); err != nil {
		t.Fatal(err)
	}
	_ = raw.Close()
	if written != sealed || written < reported || written > writtenCrashAbsent {
		t.Fatalf("after the kill: %d written participations, %d sealed ballots, %d reported", written, sealed, reported)
	}
	rep, err := st.Verify(ctx)
	if err != nil || !rep.OK() {
		t.Fatalf("verify after the kill: %v %s", err, rep.Problem)
	}
	rec, err := st.Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := rec.OpenRound()
	if len(rec.PendingWritten(r)) != writtenCrashAbsent-written {
		t.Fatalf("%d written ballots pending, want %d", len(rec.PendingWritten(r)), writtenCrashAbsent-written)
	}
	for _, m := range rec.PendingVoters(r)[:2] {
		choices := map[int64]bool{}
		for _, n := range r.Nominees {
			choices[n] = true
		}
		if err := st.CastBallot(ctx, round, m.ID, "", choices); err != nil {
			t.Fatal(err)
		}
	}
	store.CheapSecretaryKDF(st)
	key, err := st.UnlockSecretary(ctx, store.TestSecretaryCode)
	if err != nil {
		t.Fatal(err)
	}
	defer key.Forget()
	if err := st.CloseRound(ctx, round, key); err != nil {
		t.Fatal(err)
	}
	rep, err = st.Verify(ctx)
	if err != nil || !rep.OK() {
		t.Fatalf("verify after closing: %v %s", err, rep.Problem)
	}
	rec, err = st.Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r := rec.Rounds[0]; len(r.Written) != written || len(r.Ballots) != written+2 {
		t.Fatalf("closed round: %d written, %d ballots", len(r.Written), len(r.Ballots))
	}
}
