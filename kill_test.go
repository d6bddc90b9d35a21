//go:build unix

package main

// Kill test: the real binary in a real terminal, killed
// with SIGKILL at random moments of a meeting, and restarted.
//
// The test holds a whole meeting of a small council (kill plan below) in
// tmux, as e2e_test.go does: roll call, the checklist of every nominee, a
// round cast in the secretary's own booth, a round cast in a separate
// `hoidong booth` process in a second terminal (a second private tmux
// server), closing both rounds, closing the meeting and exporting. At random
// moments it kills the hoidong process itself (kill -9 of its pid, never
// tmux) — between actions, with a dialog or a text field open, with a
// ballot half marked or under review, or while an action is in flight —
// then, with nothing running, reads the record back through the command
// line only (`hoidong verify` and the JSON of `hoidong export`), restarts
// the program and checks its screens.
//
// What must hold after every kill:
//   - the record equals the state after the last action the screen had
//     acknowledged (the status line's message, the booth's "Phiếu đã được
//     ghi nhận", the new screen an action leads to) — or, when an action was
//     in flight at the kill (its keys sent, its acknowledgement not yet
//     shown), that state plus this one action: its write may have committed
//     just before the kill. Nothing else is accepted;
//   - no ballot is lost or duplicated: every closed round has one ballot per
//     voter, and each voter's own ballot (the test gives every voter of a
//     round different choices) is there exactly once; the results agree;
//   - `hoidong verify` exits 0, both before the restart and after it;
//   - a round in progress resumes with the next voter who has not voted,
//     and the booth shows nobody's choice;
//   - once the program runs again, no closed round's ballots lie in the
//     database file or its WAL in the order they were cast (a kill between
//     a close and the VACUUM after it is repaired when the secretary's
//     program opens the file);
//   - an export killed half-way leaves only whole documents.
//
// The test is long, so it runs only with HOIDONG_KILL_TEST=1 (and not
// under -short, and only where tmux is installed). HOIDONG_KILL_POINTS sets
// how many kills to make (default 100, at least 44: every phase gets its
// share), HOIDONG_KILL_SEED replays a run: the seed is printed at the start.

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// killPlan is the meeting of the kill test: 7 voting members and a
// secretary, two awards put to a secret ballot, 4 individuals proposed for
// the first and 3 collectives for the second.
const killPlan = `[org]
name = "UBND xã Kiểm Thử"
superior = "UBND huyện Kiểm Thử"
place = "Kiểm Thử"

[plan]
number = "02/KH-UBND"
date = "2024-01-10"
title = "Kế hoạch thi đua năm 2024"
year = 2024

[meeting]
number = "01/BB-HĐTĐKT"
date = "2024-12-20"
place = "Hội trường UBND xã Kiểm Thử"
quorum = "2/3"
tellers = 3

[council]
name = "Hội đồng Thi đua – Khen thưởng xã Kiểm Thử"

[[council.members]]
name = "Lương Văn Thử An"
position = "Chủ tịch UBND xã"
role = "chair"

[[council.members]]
name = "Mai Thị Thử Bình"
position = "Phó Chủ tịch UBND xã"
role = "vice-chair"

[[council.members]]
name = "Tạ Văn Thử Chiến"
position = "Chủ tịch Ủy ban MTTQ xã"
role = "member"

[[council.members]]
name = "Kiều Thị Thử Duyên"
position = "Chủ tịch Hội Phụ nữ xã"
role = "member"

[[council.members]]
name = "Lò Văn Thử Giáp"
position = "Bí thư Đoàn xã"
role = "member"

[[council.members]]
name = "Ninh Thị Thử Hương"
position = "Công chức Tư pháp"
role = "member"

[[council.members]]
name = "Phùng Văn Thử Khải"
position = "Chủ tịch Hội Cựu chiến binh"
role = "member"

[[council.members]]
name = "Quách Thị Thử Liên"
position = "Công chức Văn phòng"
role = "secretary"
votes = false

[[awards]]
code = "GK_XA"
name = "Giấy khen của Chủ tịch UBND xã"
authority = "Chủ tịch UBND xã Kiểm Thử"
for = "both"
ballot = true
threshold = "50%"
comparison = ">"
base = "present"

[[awards]]
code = "GK_HUYEN"
name = "Giấy khen của Chủ tịch UBND huyện"
authority = "Chủ tịch UBND huyện Kiểm Thử"
superior = true
for = "both"
ballot = true
threshold = "70%"
comparison = ">="
base = "all-members"

[[criteria]]
for = "individual"
items = [
  { text = "Hoàn thành xuất sắc nhiệm vụ", required = true },
  { text = "Chấp hành tốt chủ trương", required = true },
  { text = "Có sáng kiến", required = false },
]

[[criteria]]
for = "collective"
items = [
  { text = "Tập thể hoàn thành xuất sắc nhiệm vụ", required = true },
  { text = "Nội bộ đoàn kết", required = true },
]

[[eligibility]]
code = "DANG_KY_LUAT"
text = "Đang bị kỷ luật"
effect = "exclude"

[[eligibility]]
code = "XEM_XET_KY_LUAT"
text = "Đang xem xét kỷ luật"
effect = "defer"

[[nominees]]
kind = "individual"
name = "Cao Văn Đề Một"
unit = "Văn phòng"
awards = ["GK_XA"]

[[nominees]]
kind = "individual"
name = "Tô Thị Đề Hai"
unit = "Địa chính"
awards = ["GK_XA"]

[[nominees]]
kind = "individual"
name = "Hà Văn Đề Ba"
unit = "Tư pháp"
awards = ["GK_XA"]

[[nominees]]
kind = "individual"
name = "Âu Thị Đề Bốn"
unit = "Văn hóa"
awards = ["GK_XA"]

[[nominees]]
kind = "collective"
name = "Thôn Đông Kiểm"
awards = ["GK_HUYEN"]

[[nominees]]
kind = "collective"
name = "Thôn Tây Kiểm"
awards = ["GK_HUYEN"]

[[nominees]]
kind = "collective"
name = "Văn phòng xã Kiểm"
awards = ["GK_HUYEN"]
`

// What the test knows of killPlan.
var (
	killMembers = []string{"Lương Văn Thử An", "Mai Thị Thử Bình", "Tạ Văn Thử Chiến", "Kiều Thị Thử Duyên",
		"Lò Văn Thử Giáp", "Ninh Thị Thử Hương", "Phùng Văn Thử Khải", "Quách Thị Thử Liên"}
	killVoting = killMembers[:7] // the secretary does not vote
	// Nominees in the order every list and ballot gives them: collectives as
	// the plan lists them, individuals by given name (Ba, Bốn, Hai, Một).
	killAwards = []killAward{
		{code: "GK_XA", name: "Giấy khen của Chủ tịch UBND xã",
			nominees: []string{"Hà Văn Đề Ba", "Âu Thị Đề Bốn", "Tô Thị Đề Hai", "Cao Văn Đề Một"},
			criteria: []string{"Hoàn thành xuất sắc nhiệm vụ", "Chấp hành tốt chủ trương", "Có sáng kiến"}},
		{code: "GK_HUYEN", name: "Giấy khen của Chủ tịch UBND huyện",
			nominees: []string{"Thôn Đông Kiểm", "Thôn Tây Kiểm", "Văn phòng xã Kiểm"},
			criteria: []string{"Tập thể hoàn thành xuất sắc nhiệm vụ", "Nội bộ đoàn kết"}},
	}
	killChecks = []struct{ code, text string }{{"DANG_KY_LUAT", "Đang bị kỷ luật"}, {"XEM_XET_KY_LUAT", "Đang xem xét kỷ luật"}}
)

// killKeys adds to e2eKeys the booth's key for "đồng ý".
var killKeys = map[string]string{"agree": "d"}

// killAward is one award of killPlan with its nominees and their criteria.
type killAward struct {
	code, name string
	nominees   []string
	criteria   []string
}

// disagrees says whether the voter at index v of killVoting disagrees with
// nominee j of a ballot: the bits of v, so that in a round every voter's
// ballot differs from every other's and can be told apart in the record.
func disagrees(v, j int) bool { return v>>j&1 == 1 }

// killState is what the test compares: the parts of the record that the
// meeting's actions change, as the JSON export shows them.
type killState struct {
	Meeting    string
	Attendance map[string]string // member -> "present", "absent: reason" or "unknown"
	Checks     map[string]bool   // "nominee / code" -> applies, for confirmed checks
	Marks      map[string]string // "nominee / award / criterion" -> mark, for marked criteria
	Rounds     []killRound
}

// killRound is one round of killState.
type killRound struct {
	Award   string
	Status  string
	Voters  []string       // in member order
	Ballots int            // ballots of a closed round in the record; -1 while open
	Agree   map[string]int // a closed round's result per nominee
}

func (s killState) clone() killState {
	c := s
	c.Attendance = cloneMap(s.Attendance)
	c.Checks = cloneMap(s.Checks)
	c.Marks = cloneMap(s.Marks)
	c.Rounds = nil
	for _, r := range s.Rounds {
		r.Voters = slices.Clone(r.Voters)
		r.Agree = cloneMap(r.Agree)
		c.Rounds = append(c.Rounds, r)
	}
	return c
}

func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return nil
	}
	c := make(map[K]V, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// diff describes how got differs from want, for failure messages.
func (s killState) diff(want killState) string {
	var out []string
	if s.Meeting != want.Meeting {
		out = append(out, fmt.Sprintf("meeting %q, want %q", s.Meeting, want.Meeting))
	}
	out = append(out, mapDiff("attendance", s.Attendance, want.Attendance)...)
	out = append(out, mapDiff("check", s.Checks, want.Checks)...)
	out = append(out, mapDiff("mark", s.Marks, want.Marks)...)
	if !reflect.DeepEqual(s.Rounds, want.Rounds) {
		out = append(out, fmt.Sprintf("rounds %+v, want %+v", s.Rounds, want.Rounds))
	}
	return strings.Join(out, "; ")
}

func mapDiff[V comparable](what string, got, want map[string]V) []string {
	var out []string
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			out = append(out, fmt.Sprintf("%s %s = %v (present %v), want %v", what, k, g, ok, v))
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok {
			out = append(out, fmt.Sprintf("%s %s = %v, want none", what, k, v))
		}
	}
	sort.Strings(out)
	return out
}

// killDoc is the part of ho-so-phien-hop.json that the test reads.
type killDoc struct {
	Meeting struct {
		Status string `json:"status"`
	} `json:"meeting"`
	Members []struct {
		ID           int64  `json:"id"`
		Name         string `json:"name"`
		Attendance   string `json:"attendance"`
		AbsentReason string `json:"absent_reason"`
	} `json:"members"`
	Nominees []struct {
		ID     int64  `json:"id"`
		Name   string `json:"name"`
		Checks []struct {
			Code      string `json:"code"`
			Confirmed bool   `json:"confirmed"`
			Applies   bool   `json:"applies"`
		} `json:"checks"`
		Candidacies []struct {
			Award string `json:"award"`
			Marks []struct {
				Mark string `json:"mark"`
			} `json:"marks"`
		} `json:"candidacies"`
	} `json:"nominees"`
	Rounds []struct {
		ID       int64   `json:"id"`
		Seq      int     `json:"seq"`
		Award    string  `json:"award"`
		Status   string  `json:"status"`
		Nominees []int64 `json:"nominees"`
		Voters   []int64 `json:"voters"`
		Valid    int     `json:"valid"`
		Ballots  []struct {
			ID       string  `json:"id"`
			Agree    []int64 `json:"agree"`
			Disagree []int64 `json:"disagree"`
		} `json:"ballots"`
		Results []struct {
			NomineeID int64 `json:"nominee_id"`
			Agree     int   `json:"agree"`
		} `json:"results"`
	} `json:"rounds"`
}

// killPhases are the moments of the meeting the kills are spread over, with
// the least number of kills each gets.
var killPhases = []struct {
	name string
	min  int
}{
	{"roll call", 6},
	{"checklist marking", 10},
	{"opening a round", 2},
	{"balloting, secretary's program", 8},
	{"balloting, separate booth", 8},
	{"closing a round", 4},
	{"closing the meeting", 2},
	{"exporting", 4},
}

// Kill modes: where in an action the process dies, and what the record may
// then hold.
const (
	modeIdle     = "idle"     // nothing under way: the record as it was
	modeTyping   = "typing"   // a text field open, half typed: as it was
	modeDialog   = "dialog"   // a confirmation open: as it was
	modeMarking  = "marking"  // a ballot marked, not yet reviewed: as it was
	modeReview   = "review"   // a ballot under review, not cast: as it was
	modeSecKill  = "sec-kill" // a ballot under review in the booth process; the secretary's program dies
	modePrompt   = "prompt"   // the export's folder typed, not confirmed: as it was
	modeInFlight = "inflight" // the action's last key sent, killed at once: as it was, or with the action
	modeJitter   = "jitter"   // the same, killed a random few milliseconds later
	modeAcked    = "acked"    // killed once the screen acknowledged the action: with the action
)

// killAction is one step of the meeting.
type killAction struct {
	phase string
	name  string
	modes []string // how it may be killed; none: it is never killed
	booth bool     // it happens in the separate booth process
	// jitter is the longest random delay of modeJitter.
	jitter time.Duration
	// prepare brings the program to where the action starts, from wherever
	// it is (a restart leaves it on the agenda).
	prepare func()
	// run performs the action up to the kill point of mode, or to its
	// acknowledgement when mode is "".
	run func(mode string)
	// apply changes the expected state as the action does.
	apply func(s *killState)
	// done, if set, is called once the action has taken effect.
	done func()
	// export is set for the export, whose folder is checked after a kill.
	export *string
}

// killRun is one run of the kill test.
type killRun struct {
	t        *testing.T
	rng      *rand.Rand
	bin, db  string
	work     string
	env      []string
	conf     string
	sec      *tmuxTerm // the secretary's program
	booth    *tmuxTerm // the separate booth, once started
	secCmd   string
	boothCmd string
	model    killState
	casts    map[int][]int // round index -> voters (index in killVoting) in casting order
	kills    int
	stats    map[string]map[string]int // phase -> "mode → outcome" -> count
	notes    []string                  // oddities seen, for the log
	reads    int
	lastDoc  killDoc         // the record as the last state() read it
	reported map[string]bool // leaks already reported, by round and file
	// keyHeld is set while the secretary's program holds the secretary's
	// key: from leaving its booth with the code until a restart or a close.
	keyHeld bool
}

// killSecretaryCode is the secretary code of the kill test's meeting.
const killSecretaryCode = "ma-thu-ky-2024"

func TestKill_MeetingSurvivesSIGKILL(t *testing.T) {
	if os.Getenv("HOIDONG_KILL_TEST") == "" {
		t.Skip("kill test skipped: set HOIDONG_KILL_TEST=1 to run it")
	}
	if testing.Short() {
		t.Skip("kill test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	started := time.Now()
	points := 100
	if s := os.Getenv("HOIDONG_KILL_POINTS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("HOIDONG_KILL_POINTS=%q: %v", s, err)
		}
		points = n
	}
	floor := 0
	for _, p := range killPhases {
		floor += p.min
	}
	points = max(points, floor)
	seed := rand.Uint64()
	if s := os.Getenv("HOIDONG_KILL_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("HOIDONG_KILL_SEED=%q: %v", s, err)
		}
		seed = v
	}
	t.Logf("kill test: seed %d (replay with HOIDONG_KILL_SEED=%d), %d kill points", seed, seed, points)

	k := &killRun{t: t, rng: rand.New(rand.NewPCG(seed, seed>>1|1)), stats: map[string]map[string]int{},
		casts: map[int][]int{}, reported: map[string]bool{}}
	k.setUp()
	actions := k.script()
	plan := k.plan(actions, points)
	for i, a := range actions {
		left := k.do(a, plan[i])
		// Kills left over by an action that took effect early go to the
		// next action of the same phase, or else kill the program at rest.
		for j := i + 1; left > 0 && j < len(actions); j++ {
			if actions[j].phase == a.phase && len(actions[j].modes) > 0 {
				plan[j] += left
				left = 0
			}
		}
		for ; left > 0; left-- {
			k.idleKill(a)
		}
	}
	k.finish()

	var phases []string
	for _, p := range killPhases {
		phases = append(phases, fmt.Sprintf("%s %d", p.name, sumCounts(k.stats[p.name])))
	}
	t.Logf("%d kill points in %s: %s", k.kills, time.Since(started).Round(time.Second), strings.Join(phases, ", "))
	for _, p := range killPhases {
		var lines []string
		for what, n := range k.stats[p.name] {
			lines = append(lines, fmt.Sprintf("%s ×%d", what, n))
		}
		sort.Strings(lines)
		t.Logf("  %-32s %s", p.name+":", strings.Join(lines, ", "))
	}
	for _, n := range k.notes {
		t.Log(n)
	}
	if k.kills < points {
		t.Errorf("%d kill points made, %d planned", k.kills, points)
	}
}

func sumCounts(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// setUp builds the binary, creates the meeting from killPlan and starts the
// secretary's program in a private tmux server.
func (k *killRun) setUp() {
	t := k.t
	k.work = t.TempDir()
	k.bin = filepath.Join(k.work, "hoidong")
	if out, err := exec.Command("go", "build", "-o", k.bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	plan := filepath.Join(k.work, "ke-hoach.toml")
	if err := os.WriteFile(plan, []byte(killPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	k.db = filepath.Join(k.work, "hop.db")
	if out, err := exec.Command(k.bin, "init", "--plan", plan, "--db", k.db).CombinedOutput(); err != nil {
		t.Fatalf("hoidong init: %v\n%s", err, out)
	}
	setCode := exec.Command(k.bin, "secretary-code", "--db", k.db)
	setCode.Stdin = strings.NewReader(killSecretaryCode + "\n" + killSecretaryCode + "\n")
	if out, err := setCode.CombinedOutput(); err != nil {
		t.Fatalf("hoidong secretary-code: %v\n%s", err, out)
	}
	k.conf = filepath.Join(k.work, "tmux.conf")
	if err := os.WriteFile(k.conf, []byte("set-option -g default-shell /bin/sh\nset-window-option -g remain-on-exit on\nset-option -g history-limit 2000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "TMUX=") && !strings.HasPrefix(e, "TMUX_PANE=") &&
			!strings.HasPrefix(e, "LANG=") && !strings.HasPrefix(e, "LC_ALL=") && !strings.HasPrefix(e, "LC_CTYPE=") {
			k.env = append(k.env, e)
		}
	}
	k.env = append(k.env, "LANG=C.UTF-8", "LC_ALL=C.UTF-8")
	// exec: the pane's process is hoidong itself, so that its pid is the
	// pane's and the kill reaches the program, not a shell.
	run := "exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen " + shellQuote(k.bin)
	k.secCmd = run + " --db " + shellQuote(k.db)
	k.boothCmd = run + " booth --db " + shellQuote(k.db)
	k.sec = k.newTerm("sec", k.secCmd)
	k.sec.waitFor("· Chương trình phiên họp")
	k.model = killState{Meeting: "open", Attendance: map[string]string{}, Checks: map[string]bool{}, Marks: map[string]string{}}
	for _, m := range killMembers {
		k.model.Attendance[m] = "unknown"
	}
	if got := k.state(); got.diff(k.model) != "" {
		t.Fatalf("the new meeting is not as the plan says: %s", got.diff(k.model))
	}
}

// newTerm starts command in its own private tmux server, 80×24.
func (k *killRun) newTerm(name, command string) *tmuxTerm {
	socket := []string{"-S", filepath.Join(k.work, name+".sock")}
	if len(socket[1]) > 100 {
		socket = []string{"-L", fmt.Sprintf("hoidong-kill-%s-%d-%d", name, os.Getpid(), time.Now().UnixNano())}
	}
	x := &tmuxTerm{t: k.t, socket: socket, env: k.env}
	k.t.Cleanup(func() { _, _ = x.tmux("kill-server") })
	if _, err := x.tmux("-f", k.conf, "new-session", "-d", "-s", "e2e", "-x", "80", "-y", "24", command); err != nil {
		k.t.Fatal(err)
	}
	return x
}

// plan spreads the kill points over the actions: each phase its minimum,
// the rest at random. An action may get several: the first kills it, and
// the next ones kill it again when it is retried.
func (k *killRun) plan(actions []killAction, points int) []int {
	plan := make([]int, len(actions))
	var killable []int
	byPhase := map[string][]int{}
	for i, a := range actions {
		if len(a.modes) > 0 {
			killable = append(killable, i)
			byPhase[a.phase] = append(byPhase[a.phase], i)
		}
	}
	left := points
	for _, p := range killPhases {
		in := byPhase[p.name]
		if len(in) == 0 {
			k.t.Fatalf("no action of phase %q can be killed", p.name)
		}
		for range p.min {
			plan[in[k.rng.IntN(len(in))]]++
			left--
		}
	}
	for ; left > 0; left-- {
		plan[killable[k.rng.IntN(len(killable))]]++
	}
	return plan
}

// do performs one action, killing it kills times first; it returns the
// kills left when the action took effect before they were all made.
func (k *killRun) do(a killAction, kills int) int {
	t := k.t
	t.Helper()
	for kills > 0 {
		kills--
		mode := a.modes[k.rng.IntN(len(a.modes))]
		a.prepare()
		before := k.model.clone()
		after := k.model.clone()
		a.apply(&after)
		changes := after.diff(before) != "" // an export changes nothing
		a.run(mode)
		victim, who := k.sec, "secretary"
		if a.booth && mode != modeSecKill {
			victim, who = k.booth, "booth"
		}
		var delay time.Duration
		if mode == modeJitter {
			// The sleep picks the moment of the kill inside the action; it
			// waits for nothing.
			delay = time.Duration(k.rng.Int64N(int64(a.jitter) + 1))
			time.Sleep(delay)
		}
		k.kill(victim, who)
		got := k.state()
		k.verify("after the kill, before the restart")
		var outcome string
		switch {
		case !changes && got.diff(before) == "":
			outcome = "unchanged"
		case got.diff(before) == "":
			outcome = "as before"
		case got.diff(after) == "":
			outcome = "with the action"
		default:
			t.Fatalf("kill %d (%s, %s, mode %s, %s): the record is neither as before the action nor as after it.\nagainst before: %s\nagainst after: %s",
				k.kills, a.phase, a.name, mode, who, got.diff(before), got.diff(after))
		}
		switch mode {
		case modeAcked:
			if outcome == "as before" {
				t.Fatalf("kill %d (%s, %s): the screen acknowledged the action, but the record lost it: %s", k.kills, a.phase, a.name, got.diff(after))
			}
		case modeInFlight, modeJitter:
		default:
			if outcome == "with the action" {
				t.Fatalf("kill %d (%s, %s, mode %s): the action was never confirmed, but the record holds it", k.kills, a.phase, a.name, mode)
			}
		}
		k.count(a.phase, mode, who, outcome, delay)
		committed := outcome == "with the action"
		if committed {
			k.model = after
			if a.done != nil {
				a.done()
			}
		}
		if a.export != nil {
			k.checkExportDir(*a.export, mode == modeAcked)
		}
		k.restart(victim, who)
		k.afterRestart(a)
		if committed {
			return kills
		}
	}
	a.prepare()
	before := k.model.clone()
	a.run("")
	a.apply(&k.model)
	if a.done != nil {
		a.done()
	}
	if a.export == nil && len(a.modes) > 0 && k.rng.IntN(4) == 0 {
		// Now and then, a check that the acknowledged state is the record's
		// even without a kill.
		if got := k.state(); got.diff(k.model) != "" {
			k.t.Fatalf("after %s (%s) the record is not as acknowledged: %s (before it: %s)", a.name, a.phase, got.diff(k.model), got.diff(before))
		}
	}
	return 0
}

// afterRestart checks a restarted program: verify passes with it running,
// the record is as the test expects (starting changes nothing), and the
// screens of the action's phase show it.
func (k *killRun) afterRestart(a killAction) {
	k.verify("after the restart")
	if got := k.state(); got.diff(k.model) != "" {
		k.t.Fatalf("kill %d: after the restart the record changed: %s", k.kills, got.diff(k.model))
	}
	k.scrubbed(k.readRaw(), a.name)
	k.resume(a)
}

// idleKill kills the program of the action's phase while it rests.
func (k *killRun) idleKill(a killAction) {
	victim, who := k.sec, "secretary"
	if a.booth {
		victim, who = k.booth, "booth"
	}
	k.kill(victim, who)
	got := k.state()
	k.verify("after the kill, before the restart")
	if d := got.diff(k.model); d != "" {
		k.t.Fatalf("kill %d (%s, at rest after %s): the record changed: %s", k.kills, a.phase, a.name, d)
	}
	k.count(a.phase, modeIdle, who, "as before", 0)
	k.restart(victim, who)
	k.afterRestart(a)
}

func (k *killRun) count(phase, mode, who, outcome string, delay time.Duration) {
	if k.stats[phase] == nil {
		k.stats[phase] = map[string]int{}
	}
	what := mode + " → " + outcome
	if who == "booth" {
		what = "booth " + what
	}
	k.stats[phase][what]++
	k.t.Logf("kill %2d: %-32s %-9s %-9s %s", k.kills, phase, who, mode, outcome)
}

// rawFiles is the database and its WAL as read at one moment.
type rawFiles struct{ db, wal []byte }

// kill sends SIGKILL to the hoidong process of a terminal and waits for it
// to be gone.
func (k *killRun) kill(x *tmuxTerm, who string) {
	t := k.t
	t.Helper()
	out, err := x.tmux("display-message", "-p", "-t", "e2e", "#{pane_pid} #{pane_dead}")
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Fields(out)
	if len(f) != 2 || f[1] != "0" {
		t.Fatalf("the %s's pane is not running a program: %q\n%s", who, out, frame(x.screen()))
	}
	pid, err := strconv.Atoi(f[0])
	if err != nil {
		t.Fatal(err)
	}
	if comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid)); err == nil && strings.TrimSpace(string(comm)) != "hoidong" {
		t.Fatalf("pid %d of the %s's pane is %q, not hoidong", pid, who, strings.TrimSpace(string(comm)))
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatalf("kill -9 %d: %v", pid, err)
	}
	k.kills++
	// Dead as soon as the kernel says so: tmux can take many seconds to
	// notice that a pane's process has gone (see quit).
	deadline := time.Now().Add(10 * time.Second)
	for {
		if gone, _, _ := procExited(pid); gone {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the %s's program (pid %d) did not die", who, pid)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// procExited reports whether process pid has exited, by /proc: it is gone,
// or a zombie whose exit status the kernel keeps (then known is set and
// code is its exit code, or 128 plus the signal that killed it).
func procExited(pid int) (exited bool, code int, known bool) {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true, 0, false
	}
	i := bytes.LastIndexByte(stat, ')')
	f := strings.Fields(string(stat[i+1:]))
	if len(f) == 0 || f[0] != "Z" || threadsLeft(pid) {
		return false, 0, false
	}
	if len(f) < 50 {
		return true, 0, false
	}
	status, err := strconv.Atoi(f[49]) // field 52, exit_code: a wait status
	if err != nil {
		return true, 0, false
	}
	if sig := status & 0x7f; sig != 0 {
		return true, 128 + sig, true
	}
	return true, status >> 8, true
}

// threadsLeft reports whether a thread of process pid other than its
// leader is still running. The leader of a killed Go program can be a
// zombie while another of its threads still finishes a write or an fsync
// it had begun in the kernel: the program is gone only when they are too.
func threadsLeft(pid int) bool {
	tasks, err := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
	if err != nil {
		return false
	}
	for _, t := range tasks {
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%s/stat", pid, t.Name()))
		if err != nil {
			continue
		}
		i := bytes.LastIndexByte(stat, ')')
		if f := strings.Fields(string(stat[i+1:])); len(f) > 0 && f[0] != "Z" && f[0] != "X" {
			return true
		}
	}
	return false
}

// readRaw reads the database file and its WAL as they are now.
func (k *killRun) readRaw() rawFiles {
	var raw rawFiles
	raw.db, _ = os.ReadFile(k.db)
	raw.wal, _ = os.ReadFile(k.db + "-wal")
	return raw
}

// restart starts the program of a terminal again and waits for its first
// screen.
func (k *killRun) restart(x *tmuxTerm, who string) {
	cmd, first := k.secCmd, "· Chương trình phiên họp"
	if who == "booth" {
		cmd, first = k.boothCmd, "PHÒNG BỎ PHIẾU KÍN"
	}
	if who != "booth" {
		k.keyHeld = false
	}
	// -k: tmux may not have noticed yet that the killed program is gone.
	if _, err := x.tmux("respawn-pane", "-k", "-t", "e2e", cmd); err != nil {
		k.t.Fatal(err)
	}
	x.waitFor(first)
}

// verify runs `hoidong verify`, which must exit 0.
func (k *killRun) verify(when string) {
	out, err := exec.Command(k.bin, "verify", "--db", k.db).CombinedOutput()
	if err != nil {
		k.t.Fatalf("kill %d, %s: hoidong verify: %v\n%s", k.kills, when, err, out)
	}
}

// exportJSON runs `hoidong export` for the record's JSON and reads it.
func (k *killRun) exportJSON() killDoc {
	k.reads++
	dir := filepath.Join(k.work, "state", strconv.Itoa(k.reads))
	out, err := exec.Command(k.bin, "export", "--db", k.db, "--out", dir, "--format", "json", "--doc", "ho-so").CombinedOutput()
	if err != nil {
		k.t.Fatalf("hoidong export: %v\n%s", err, out)
	}
	// The command prints the file it wrote; before the meeting closes its
	// name says it is a draft.
	written := strings.TrimSpace(string(out))
	if !strings.HasSuffix(written, ".json") || filepath.Dir(written) != dir {
		k.t.Fatalf("hoidong export printed %q, want the one JSON file it wrote in %s", written, dir)
	}
	b, err := os.ReadFile(written)
	if err != nil {
		k.t.Fatal(err)
	}
	var doc killDoc
	if err := json.Unmarshal(b, &doc); err != nil {
		k.t.Fatalf("ho-so-phien-hop.json: %v", err)
	}
	k.lastDoc = doc
	return doc
}

// state reads the record through the command line and checks that every
// closed round holds exactly one ballot per voter, each voter's own.
func (k *killRun) state() killState {
	t := k.t
	t.Helper()
	doc := k.exportJSON()
	s := killState{Meeting: doc.Meeting.Status, Attendance: map[string]string{}, Checks: map[string]bool{}, Marks: map[string]string{}}
	member := map[int64]string{}
	voterIndex := map[string]int{}
	for i, m := range killVoting {
		voterIndex[m] = i
	}
	for _, m := range doc.Members {
		member[m.ID] = m.Name
		a := m.Attendance
		if a == "absent" {
			a += ": " + m.AbsentReason
		}
		s.Attendance[m.Name] = a
	}
	nominee := map[int64]string{}
	for _, n := range doc.Nominees {
		nominee[n.ID] = n.Name
		for _, c := range n.Checks {
			if c.Confirmed {
				s.Checks[n.Name+" / "+c.Code] = c.Applies
			}
		}
		for _, cd := range n.Candidacies {
			for i, m := range cd.Marks {
				if m.Mark != "none" {
					s.Marks[fmt.Sprintf("%s / %s / %d", n.Name, cd.Award, i+1)] = m.Mark
				}
			}
		}
	}
	for _, r := range doc.Rounds {
		kr := killRound{Award: r.Award, Status: r.Status, Ballots: -1}
		for _, v := range r.Voters {
			kr.Voters = append(kr.Voters, member[v])
		}
		if r.Status == "closed" {
			kr.Ballots = len(r.Ballots)
			kr.Agree = map[string]int{}
			for _, l := range r.Results {
				kr.Agree[nominee[l.NomineeID]] = l.Agree
			}
			// One ballot per voter, and each voter's own: the pattern of
			// disagreements names the voter who cast it.
			if len(r.Ballots) != len(r.Voters) || r.Valid != len(r.Voters) {
				t.Fatalf("round %d: %d ballots, %d valid, %d voters", r.Seq, len(r.Ballots), r.Valid, len(r.Voters))
			}
			owners := map[string]bool{}
			ids := map[string]bool{}
			for _, b := range r.Ballots {
				if ids[b.ID] {
					t.Fatalf("round %d: ballot %s twice", r.Seq, b.ID)
				}
				ids[b.ID] = true
				v := ballotVoter(t, r.Nominees, b.Disagree)
				if v >= len(killVoting) || len(b.Agree)+len(b.Disagree) != len(r.Nominees) {
					t.Fatalf("round %d: ballot %s (agree %v, disagree %v) is no voter's", r.Seq, b.ID, b.Agree, b.Disagree)
				}
				owner := killVoting[v]
				if owners[owner] || !slices.Contains(kr.Voters, owner) {
					t.Fatalf("round %d: a second ballot of %s, or one of a member who did not vote (voters %v)", r.Seq, owner, kr.Voters)
				}
				owners[owner] = true
			}
		}
		s.Rounds = append(s.Rounds, kr)
	}
	return s
}

// ballotVoter is the index in killVoting of the voter whose ballot
// disagrees with exactly the nominees disagree (see disagrees).
func ballotVoter(t *testing.T, nominees, disagree []int64) int {
	v := 0
	for _, d := range disagree {
		j := slices.Index(nominees, d)
		if j < 0 {
			t.Fatalf("a ballot disagrees with nominee %d, who is not on it (%v)", d, nominees)
		}
		v |= 1 << j
	}
	return v
}

// ── Screens ──────────────────────────────────────────────────────────────

// leaveBooth takes the secretary's program out of its booth.
func (k *killRun) leaveBooth() {
	k.sec.press("secretary")
	k.sec.waitFor("Nhập mã thư ký để rời phòng bỏ phiếu")
	k.sec.typeText(killSecretaryCode)
	k.sec.press("enter")
	k.sec.waitFor("· Bỏ phiếu kín")
	k.keyHeld = true
}

// goStep brings the secretary's program to step n of the agenda.
func (k *killRun) goStep(n int, title string) string {
	x := k.sec
	s := x.screen()
	if strings.Contains(s, "PHÒNG BỎ PHIẾU KÍN") {
		k.leaveBooth()
		s = x.screen()
	}
	if strings.Contains(s, "· "+title) {
		return s
	}
	for i := 0; !strings.Contains(s, "· Chương trình phiên họp"); i++ {
		if i == 4 {
			k.t.Fatalf("cannot get back to the agenda:\n%s", frame(s))
		}
		x.press("back")
		s = x.waitUntil("the screen to change after esc", func(n string) bool { return n != s })
	}
	x.send(strconv.Itoa(n))
	return x.waitFor("· " + title)
}

// seek moves the cursor of a list, one row at a time, to the first row
// containing target.
func seek(x *tmuxTerm, target string) string {
	x.t.Helper()
	for range 60 {
		s := x.screen()
		cur, l := selected(s)
		if strings.Contains(l, target) {
			return s
		}
		want, _ := lineWith(s, target)
		if cur < 0 || want < 0 {
			x.t.Fatalf("seeking %q: no cursor or no such row:\n%s", target, frame(s))
		}
		dir := "down"
		if want < cur {
			dir = "up"
		}
		x.press(dir)
		x.waitUntil("the cursor to move", func(n string) bool {
			c, nl := selected(n)
			return c != cur || nl != l
		})
	}
	x.t.Fatalf("seeking %q: the cursor never got there:\n%s", target, frame(x.last))
	return ""
}

// attendanceText is how the roll call shows a member's attendance.
func attendanceText(a string) string {
	switch {
	case a == "present":
		return "Có mặt"
	case strings.HasPrefix(a, "absent: "):
		return "Vắng – " + strings.TrimPrefix(a, "absent: ")
	}
	return "Chưa điểm danh"
}

// checkRollCall compares the roll call screen with the model.
func (k *killRun) checkRollCall() {
	s := k.goStep(1, "Điểm danh")
	for _, m := range killMembers {
		_, l := lineWith(s, m)
		if want := attendanceText(k.model.Attendance[m]); !strings.HasSuffix(strings.TrimSpace(l), want) {
			k.t.Fatalf("after a restart the roll call shows %q for %s, want %q:\n%s", strings.TrimSpace(l), m, want, frame(s))
		}
	}
}

// goReview opens the review of a nominee and checks its rows against the
// model.
func (k *killRun) goReview(a killAward, nominee string) string {
	x := k.sec
	s := x.screen()
	if !strings.Contains(s, "· Xét đối tượng") || !strings.Contains(s, nominee+" · ") {
		if strings.Contains(s, "· Xét đối tượng") {
			x.press("back")
			x.waitFor("· Danh sách đối tượng đề nghị")
		}
		k.goStep(3, "Danh sách đối tượng đề nghị")
		seek(x, nominee)
		x.press("enter")
		s = x.waitFor("· Xét đối tượng", nominee+" · ")
	}
	for _, c := range killChecks {
		_, l := lineWith(s, "] "+c.text)
		want := "[   ?   ]"
		if applies, ok := k.model.Checks[nominee+" / "+c.code]; ok {
			want = map[bool]string{true: "[  Có   ]", false: "[ Không ]"}[applies]
		}
		if !strings.Contains(l, want) {
			k.t.Fatalf("review of %s shows %q for %s, want %s:\n%s", nominee, l, c.text, want, frame(s))
		}
	}
	for i, c := range a.criteria {
		_, l := lineWith(s, fmt.Sprintf("] %d. %s", i+1, c))
		want := map[string]string{"": "[   ?   ]", "met": "[  Đạt  ]", "not-met": "[K. đạt ]"}[k.model.Marks[fmt.Sprintf("%s / %s / %d", nominee, a.code, i+1)]]
		if !strings.Contains(l, want) {
			k.t.Fatalf("review of %s shows %q for criterion %d, want %s:\n%s", nominee, l, i+1, want, frame(s))
		}
	}
	return s
}

// openRound returns the model's open round and its index, if any.
func (k *killRun) openRound() (int, *killRound) {
	for i := range k.model.Rounds {
		if k.model.Rounds[i].Status == "open" {
			return i, &k.model.Rounds[i]
		}
	}
	return -1, nil
}

// nextVoter is the member the booth must call: the first present voting
// member, in plan order, who has not voted in the open round.
func (k *killRun) nextVoter() (int, string) {
	_, r := k.openRound()
	for i, m := range killVoting {
		if k.model.Attendance[m] == "present" && !slices.Contains(r.Voters, m) {
			return i, m
		}
	}
	return -1, ""
}

// presentVoters counts the voting members present.
func (k *killRun) presentVoters() int {
	n := 0
	for _, m := range killVoting {
		if k.model.Attendance[m] == "present" {
			n++
		}
	}
	return n
}

// checkProgress waits for the secretary's round screen to show the model's
// progress of the open round.
func (k *killRun) checkProgress() {
	_, r := k.openRound()
	k.goStep(4, "Bỏ phiếu kín")
	k.sec.waitFor(fmt.Sprintf("%d/%d đã bỏ phiếu", len(r.Voters), k.presentVoters()))
}

// callScreen makes sure a booth calls the model's next voter (or says that
// everyone present has voted) and shows nobody's choice, dropping a ballot
// left half marked.
func (k *killRun) callScreen(x *tmuxTerm) string {
	_, next := k.nextVoter()
	for range 3 {
		s := x.screen()
		if strings.Contains(s, "Xem lại phiếu trước khi bỏ") || strings.Contains(s, "Đã đánh dấu") {
			x.press("unmark") // esc: from the review back to the ballot, from the ballot to the call
			x.waitUntil("the booth to step back", func(n string) bool { return n != s })
			continue
		}
		break
	}
	if next == "" {
		return x.waitFor("Tất cả thành viên có mặt đã bỏ phiếu.")
	}
	s := x.waitFor("Nếu đúng là ông/bà " + next + ",")
	if strings.Contains(s, "[Đồng ý") || strings.Contains(s, "[Không đồng ý") || strings.Contains(s, "Đồng ý ") {
		k.t.Fatalf("the booth calling %s shows a choice:\n%s", next, frame(s))
	}
	return s
}

// ── The meeting ──────────────────────────────────────────────────────────

// script lists the actions of the meeting in order.
func (k *killRun) script() []killAction {
	var acts []killAction
	const reason = "Đi công tác"
	absentFirst := killVoting[6]
	rollCall := func(m string, absent bool) killAction {
		a := killAction{phase: "roll call", name: "present: " + m, modes: []string{modeInFlight, modeJitter, modeAcked}, jitter: 25 * time.Millisecond}
		if absent {
			a.name = "absent: " + m
			a.modes = append(a.modes, modeTyping)
		}
		a.prepare = func() {
			k.goStep(1, "Điểm danh")
			k.sec.moveTo(m)
		}
		a.run = func(mode string) {
			x := k.sec
			if absent {
				x.press("absent")
				x.waitFor("Lý do vắng mặt của " + m + ":")
				x.press("clearLine")
				x.typeText(reason)
				x.waitFor("› " + reason)
				if mode == modeTyping {
					return
				}
				x.press("enter")
			} else {
				x.press("present")
			}
			if mode != "" && mode != modeAcked {
				return
			}
			want, ack := "Có mặt", m+": có mặt."
			if absent {
				want, ack = "Vắng – "+reason, m+": vắng mặt."
			}
			x.waitUntil(m+" "+want, func(s string) bool {
				_, l := lineWith(s, m)
				return strings.HasSuffix(strings.TrimSpace(l), want) && strings.Contains(s, ack)
			})
		}
		a.apply = func(s *killState) {
			s.Attendance[m] = "present"
			if absent {
				s.Attendance[m] = "absent: " + reason
			}
		}
		return a
	}
	for _, m := range killMembers {
		acts = append(acts, rollCall(m, m == absentFirst))
	}
	acts = append(acts, rollCall(absentFirst, false)) // back from the trip

	// The checklist: both checks "không", every criterion "đạt".
	for _, aw := range killAwards {
		for _, n := range aw.nominees {
			for _, c := range killChecks {
				acts = append(acts, k.reviewAction(aw, n, "] "+c.text, "checkNo", "[ Không ]",
					fmt.Sprintf("%s: %s — không.", n, c.text),
					func(s *killState) { s.Checks[n+" / "+c.code] = false }))
			}
			for i, c := range aw.criteria {
				acts = append(acts, k.reviewAction(aw, n, fmt.Sprintf("] %d. %s", i+1, c), "met", "[  Đạt  ]",
					fmt.Sprintf("Tiêu chí %d: đạt.", i+1),
					func(s *killState) { s.Marks[fmt.Sprintf("%s / %s / %d", n, aw.code, i+1)] = "met" }))
			}
		}
	}

	// Round 1 in the secretary's own booth.
	acts = append(acts, k.openAction(0))
	for range len(killVoting) {
		acts = append(acts, k.ballotAction(0, false))
	}
	acts = append(acts, k.closeAction(0))

	// Round 2 in a separate booth process.
	acts = append(acts, k.openAction(1))
	acts = append(acts, killAction{phase: "balloting, separate booth", name: "start the booth",
		prepare: func() { k.goStep(4, "Bỏ phiếu kín") },
		run: func(string) {
			k.booth = k.newTerm("booth", k.boothCmd)
			k.booth.waitFor("PHÒNG BỎ PHIẾU KÍN")
			k.callScreen(k.booth)
		},
		apply: func(*killState) {}})
	for range len(killVoting) {
		acts = append(acts, k.ballotAction(1, true))
	}
	acts = append(acts, k.closeAction(1))

	// Close the meeting and export.
	acts = append(acts, killAction{phase: "closing the meeting", name: "close the meeting",
		modes: []string{modeDialog, modeInFlight, modeJitter, modeJitter, modeAcked}, jitter: 40 * time.Millisecond,
		prepare: func() { k.goStep(6, "Kết luận") },
		run: func(mode string) {
			x := k.sec
			x.press("closeMeeting")
			x.waitFor("Chủ tọa xác nhận danh sách")
			if mode == modeDialog {
				return
			}
			x.press("yes")
			if mode == "" || mode == modeAcked {
				x.waitFor("Phiên họp đã kết thúc. Nhấn x để xuất biên bản", "[đã kết thúc]")
			}
		},
		apply: func(s *killState) { s.Meeting = "closed" }})
	exportDir := new(string)
	exports := 0
	acts = append(acts, killAction{phase: "exporting", name: "export the documents",
		modes: []string{modePrompt, modeInFlight, modeJitter, modeJitter, modeJitter, modeAcked}, jitter: 60 * time.Millisecond,
		export:  exportDir,
		prepare: func() { k.goStep(6, "Kết luận") },
		run: func(mode string) {
			x := k.sec
			exports++
			*exportDir = filepath.Join(k.work, fmt.Sprintf("xuất %d", exports))
			x.press("export")
			x.waitFor("· Xem trước và xuất tài liệu", "BIÊN BẢN")
			x.press("write")
			x.waitFor("Thư mục ghi biên bản và kết quả:")
			x.press("clearLine")
			x.waitUntil("an empty folder field", func(s string) bool {
				_, l := lineWith(s, "› ")
				return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "›")) == ""
			})
			x.typeText(*exportDir)
			x.waitFor(filepath.Base(*exportDir))
			if mode == modePrompt {
				return
			}
			x.press("enter")
			x.waitFor("bản chính thức, vào thư mục")
			x.press("yes")
			if mode == "" || mode == modeAcked {
				x.waitFor("Đã xuất ")
			}
		},
		apply: func(*killState) {}})
	return acts
}

// reviewAction marks one row of a nominee's review with a key.
func (k *killRun) reviewAction(aw killAward, nominee, row, action, shows, ack string, apply func(*killState)) killAction {
	return killAction{phase: "checklist marking", name: nominee + " " + row,
		modes: []string{modeInFlight, modeJitter, modeAcked}, jitter: 25 * time.Millisecond,
		prepare: func() {
			k.goReview(aw, nominee)
			seek(k.sec, row)
		},
		run: func(mode string) {
			x := k.sec
			x.press(action)
			if mode != "" && mode != modeAcked {
				return
			}
			x.waitUntil(row+" "+shows, func(s string) bool {
				_, l := lineWith(s, row)
				return strings.Contains(l, shows) && strings.Contains(s, ack)
			})
		},
		apply: apply}
}

// openAction opens the round of award i.
func (k *killRun) openAction(i int) killAction {
	aw := killAwards[i]
	return killAction{phase: "opening a round", name: "open round " + strconv.Itoa(i+1),
		modes: []string{modeDialog, modeInFlight, modeJitter, modeAcked}, jitter: 40 * time.Millisecond,
		prepare: func() {
			k.goStep(4, "Bỏ phiếu kín")
			seek(k.sec, aw.name)
		},
		run: func(mode string) {
			x := k.sec
			x.press("openRound")
			x.waitFor("Mở vòng bỏ phiếu kín tại máy cho", "– "+aw.nominees[0])
			if mode == modeDialog {
				return
			}
			x.press("yes")
			if mode == "" || mode == modeAcked {
				x.waitFor("PHÒNG BỎ PHIẾU KÍN", fmt.Sprintf("Vòng %d — %s", i+1, aw.name))
			}
		},
		apply: func(s *killState) {
			s.Rounds = append(s.Rounds, killRound{Award: aw.code, Status: "open", Ballots: -1})
		}}
}

// ballotAction casts the next voter's ballot in round i, in the
// secretary's booth or in the separate one.
func (k *killRun) ballotAction(i int, separate bool) killAction {
	aw := killAwards[i]
	phase := "balloting, secretary's program"
	modes := []string{modeMarking, modeReview, modeInFlight, modeJitter, modeJitter, modeAcked}
	if separate {
		phase = "balloting, separate booth"
		modes = append(modes, modeSecKill)
	}
	booth := func() *tmuxTerm {
		if separate {
			return k.booth
		}
		return k.sec
	}
	var voter int // set by prepare: who the booth calls
	return killAction{phase: phase, name: "ballot in round " + strconv.Itoa(i+1), booth: separate, modes: modes,
		jitter: 40 * time.Millisecond,
		prepare: func() {
			if !separate && !strings.Contains(k.sec.screen(), "PHÒNG BỎ PHIẾU KÍN") {
				k.checkProgress()
				k.sec.press("enter")
				k.sec.waitFor("PHÒNG BỎ PHIẾU KÍN")
			}
			voter, _ = k.nextVoter()
			k.callScreen(booth())
		},
		run: func(mode string) {
			x := booth()
			name := killVoting[voter]
			x.press("confirmIdentity")
			s := x.waitFor(fmt.Sprintf("Đã đánh dấu 0/%d", len(aw.nominees)))
			if strings.Contains(s, "[Đồng ý") || strings.Contains(s, "[Không đồng ý") {
				k.t.Fatalf("the ballot of %s opens with choices marked:\n%s", name, frame(s))
			}
			for j := 1; j < len(aw.nominees); j++ {
				if strings.Index(s, aw.nominees[j-1]) > strings.Index(s, aw.nominees[j]) {
					k.t.Fatalf("the ballot lists %s after %s, not in the order of the lists:\n%s", aw.nominees[j-1], aw.nominees[j], frame(s))
				}
			}
			var keys []string
			disagree := 0
			for j := range aw.nominees {
				if disagrees(voter, j) {
					keys = append(keys, e2eKeys["disagree"])
					disagree++
				} else {
					keys = append(keys, killKeys["agree"])
				}
			}
			x.send(keys...)
			n := len(aw.nominees)
			x.waitFor(fmt.Sprintf("Đã đánh dấu %d/%d: đồng ý %d, không đồng ý %d", n, n, n-disagree, disagree))
			if mode == modeMarking {
				return
			}
			x.press("review")
			x.waitFor("Xem lại phiếu trước khi bỏ", fmt.Sprintf("Đồng ý %d · Không đồng ý %d", n-disagree, disagree))
			if mode == modeReview || mode == modeSecKill {
				return
			}
			x.press("cast")
			if mode != "" && mode != modeAcked {
				return
			}
			x.waitUntil("the ballot of "+name+" acknowledged", func(s string) bool {
				if !strings.Contains(s, "Phiếu đã được ghi nhận") {
					return false
				}
				return strings.Contains(s, "Tất cả thành viên có mặt đã bỏ phiếu") || strings.Contains(s, "Nếu đúng là ông/bà ")
			})
		},
		done: func() { k.casts[i] = append(k.casts[i], voter) },
		apply: func(s *killState) {
			for ri := range s.Rounds {
				r := &s.Rounds[ri]
				if r.Status != "open" {
					continue
				}
				var voters []string
				for _, m := range killVoting {
					if slices.Contains(r.Voters, m) || m == killVoting[voter] {
						voters = append(voters, m)
					}
				}
				r.Voters = voters
			}
		}}
}

// closeAction closes the round of award i.
func (k *killRun) closeAction(i int) killAction {
	aw := killAwards[i]
	return killAction{phase: "closing a round", name: "close round " + strconv.Itoa(i+1),
		modes: []string{modeDialog, modeInFlight, modeJitter, modeJitter, modeJitter, modeAcked}, jitter: 15 * time.Millisecond,
		prepare: func() { k.checkProgress() },
		run: func(mode string) {
			x := k.sec
			x.press("closeRound")
			x.waitFor(fmt.Sprintf("Đóng vòng %d và kiểm phiếu", i+1))
			if mode == modeDialog {
				return
			}
			x.press("yes")
			if !k.keyHeld {
				// The program did not just leave its booth with the code:
				// it asks for it to open the sealed ballots.
				x.waitFor("Mã thư ký (để mở các phiếu đã niêm phong")
				x.typeText(killSecretaryCode)
				x.press("enter")
			}
			if mode == "" || mode == modeAcked {
				x.waitFor("· Kết quả kiểm phiếu", fmt.Sprintf("Vòng %d — %s", i+1, aw.name), fmt.Sprintf("Đã đóng vòng %d và kiểm phiếu.", i+1))
			}
		},
		done: func() { k.keyHeld = false }, // the program forgets the key once the round is closed
		apply: func(s *killState) {
			r := &s.Rounds[i]
			r.Status = "closed"
			r.Ballots = len(r.Voters)
			r.Agree = map[string]int{}
			for j, n := range aw.nominees {
				for _, m := range r.Voters {
					if !disagrees(slices.Index(killVoting, m), j) {
						r.Agree[n]++
					}
				}
				if _, ok := r.Agree[n]; !ok {
					r.Agree[n] = 0
				}
			}
		}}
}

// resume checks the screens after a restart, as far as the action's phase
// shows something to check.
func (k *killRun) resume(a killAction) {
	switch a.phase {
	case "roll call":
		k.checkRollCall()
	case "checklist marking":
		a.prepare() // opens the nominee's review and checks its rows
	case "balloting, secretary's program", "balloting, separate booth", "opening a round":
		if _, r := k.openRound(); r != nil {
			// The round resumes with the next voter, showing nobody's
			// choice: in the secretary's booth after a restart of the
			// secretary's program, in the booth process after its own.
			k.checkProgress()
			if a.booth {
				k.callScreen(k.booth)
			} else {
				k.sec.press("enter")
				k.sec.waitFor("PHÒNG BỎ PHIẾU KÍN")
				k.callScreen(k.sec)
			}
		}
	}
}

// checkExportDir checks a folder an export was killed in: every document
// in it must be whole — the same bytes as a complete export of the record —
// and, when the screen had acknowledged the export, every document there.
func (k *killRun) checkExportDir(dir string, complete bool) {
	ref := filepath.Join(k.work, "export-ref")
	if _, err := os.Stat(ref); err != nil {
		if out, err := exec.Command(k.bin, "export", "--db", k.db, "--out", ref).CombinedOutput(); err != nil {
			k.t.Fatalf("hoidong export: %v\n%s", err, out)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return // the kill came before the folder was made
	}
	whole, temp := 0, 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			temp++
			continue
		}
		got, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			k.t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(ref, e.Name()))
		if err != nil {
			k.t.Fatalf("the killed export wrote %s, which a full export does not: %v", e.Name(), err)
		}
		if !bytes.Equal(got, want) {
			k.t.Fatalf("the killed export left %s incomplete or different (%d bytes, a full export writes %d)", e.Name(), len(got), len(want))
		}
		whole++
	}
	refs, err := os.ReadDir(ref)
	if err != nil {
		k.t.Fatal(err)
	}
	if complete && whole != len(refs) {
		k.t.Fatalf("the export acknowledged on screen left %d of the %d documents in %q", whole, len(refs), dir)
	}
	if temp > 0 {
		k.notes = append(k.notes, fmt.Sprintf("kill %d: the killed export left %d whole documents and %d hidden temporary files in %q (harmless, not cleaned up)", k.kills, whole, temp, filepath.Base(dir)))
	}
}

// scrubbed looks in the database files, once the program has restarted
// after a kill, for a closed round whose ballots still lie in the order
// they were cast. Closing a round rewrites the file (VACUUM) after the
// transaction that closes it; a kill between the two leaves the round's
// pages in arrival order until the secretary's program opens the file
// again and repeats the rewrite. Each round and file is reported once.
func (k *killRun) scrubbed(raw rawFiles, after string) {
	doc := k.lastDoc
	for ri, r := range doc.Rounds {
		if r.Status != "closed" || len(r.Ballots) < 5 {
			continue
		}
		// Casting order, by the voter each ballot's pattern names.
		castAt := map[string]int{}
		for pos, v := range k.casts[ri] {
			castAt[killVoting[v]] = pos
		}
		if len(castAt) != len(r.Ballots) || len(k.casts[ri]) != len(r.Ballots) {
			k.t.Fatalf("the test's casting order of round %d, %v, does not match its %d ballots", r.Seq, k.casts[ri], len(r.Ballots))
		}
		ids := map[[16]byte]int{}
		for _, b := range r.Ballots {
			id, err := hex.DecodeString(b.ID)
			if err != nil || len(id) != 16 {
				k.t.Fatalf("ballot id %q", b.ID)
			}
			ids[[16]byte(id)] = castAt[killVoting[ballotVoter(k.t, r.Nominees, b.Disagree)]]
		}
		for _, f := range []struct {
			name string
			data []byte
		}{{"database", raw.db}, {"WAL", raw.wal}} {
			live, stale := arrivalOrderedPages(f.data, ids)
			key := fmt.Sprintf("round %d, %s", r.Seq, f.name)
			if live+stale == 0 || k.reported[key] {
				continue
			}
			k.reported[key] = true
			where := fmt.Sprintf("%d page(s) of the %s file", live, f.name)
			if stale > 0 {
				where = fmt.Sprintf("%d current and %d stale frame(s) of the WAL (stale: left from before the WAL restarted)", live, stale)
			}
			k.t.Errorf("kill %d (%s), after the restart: round %d is closed, yet %s hold its %d ballots in exactly the reverse of the order they were cast",
				k.kills, after, r.Seq, where, len(r.Ballots))
		}
	}
}

// arrivalOrderedPages counts the pages of a database file, or the page
// images of a WAL (current frames, and stale ones left from before the WAL
// restarted), that hold every ballot of ids in exactly their casting order
// or its reverse; ids maps each ballot to its casting position. Once a
// round is closed and the file rewritten, a page lists its ballots by their
// random ids: for a round of 7 ballots, exactly (or reversely) in casting
// order with probability 2/7! ≈ 0.0004.
func arrivalOrderedPages(data []byte, ids map[[16]byte]int) (live, stale int) {
	pages, current := pagesOf(data)
	for i, page := range pages {
		var order []int
		for off := 0; off+16 <= len(page); off++ {
			if pos, ok := ids[[16]byte(page[off:off+16])]; ok {
				order = append(order, pos)
			}
		}
		if len(order) != len(ids) {
			continue
		}
		forward, reverse := true, true
		for i, p := range order {
			forward = forward && p == i
			reverse = reverse && p == len(order)-1-i
		}
		if forward || reverse {
			if current[i] {
				live++
			} else {
				stale++
			}
		}
	}
	return live, stale
}

// pagesOf splits a database file into its pages, or a WAL into the page
// images of its frames; current says, for a WAL, which frames carry the
// WAL's present salt (the others are stale bytes from before a restart).
func pagesOf(data []byte) (pages [][]byte, current []bool) {
	if len(data) >= 32 && (bytes.HasPrefix(data, []byte{0x37, 0x7f, 0x06, 0x82}) || bytes.HasPrefix(data, []byte{0x37, 0x7f, 0x06, 0x83})) {
		ps := int(data[8])<<24 | int(data[9])<<16 | int(data[10])<<8 | int(data[11])
		salt := data[16:24]
		for off := 32; ps > 0 && off+24+ps <= len(data); off += 24 + ps {
			pages = append(pages, data[off+24:off+24+ps])
			current = append(current, bytes.Equal(data[off+8:off+16], salt))
		}
		return pages, current
	}
	if len(data) < 100 {
		return nil, nil
	}
	ps := int(data[16])<<8 | int(data[17])
	if ps == 1 {
		ps = 65536
	}
	for off := 0; ps > 0 && off < len(data); off += ps {
		pages = append(pages, data[off:min(off+ps, len(data))])
		current = append(current, true)
	}
	return pages, current
}

// quit quits the secretary's program, which must exit with status 0. Its
// exit is read from /proc as well as from tmux: now and then tmux takes 20
// seconds or more to reap a pane's exited process (the zombie waits while
// the tmux server sleeps in poll), and the test need not wait for that.
// If the program itself does not exit, SIGQUIT makes the Go runtime print
// where it is stuck.
func (k *killRun) quit() {
	x := k.sec
	out, err := x.tmux("display-message", "-p", "-t", "e2e", "#{pane_pid}")
	if err != nil {
		k.t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(out))
	if err != nil {
		k.t.Fatalf("pane pid %q: %v", out, err)
	}
	// Everything the program writes from now on is kept, for the messages.
	tail := filepath.Join(k.work, "secretary.out")
	if _, err := x.tmux("pipe-pane", "-o", "-t", "e2e", "cat >> "+shellQuote(tail)); err != nil {
		k.t.Fatal(err)
	}
	x.press("quit")
	deadline := time.Now().Add(20 * time.Second)
	for {
		exited, code, known := procExited(pid)
		if exited && !known {
			// Reaped already: tmux has the status.
			out, err := x.tmux("display-message", "-p", "-t", "e2e", "#{pane_dead} #{pane_dead_status}")
			if err != nil {
				k.t.Fatal(err)
			}
			if f := strings.Fields(out); len(f) == 2 && f[0] == "1" {
				n, err := strconv.Atoi(f[1])
				code, known = n, err == nil
			}
		}
		if exited && known {
			if code != 0 {
				out, _ := os.ReadFile(tail)
				k.t.Fatalf("the secretary's program exited with status %d:\n%s", code, out)
			}
			return
		}
		if time.Now().After(deadline) {
			if !exited {
				_ = syscall.Kill(pid, syscall.SIGQUIT)
				for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
					if gone, _, _ := procExited(pid); gone {
						break
					}
				}
			}
			out, _ := os.ReadFile(tail)
			k.t.Fatalf("the secretary's program did not exit 20 s after q (exited %v); what it wrote:\n%s", exited, out)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// finish checks the end of the meeting: the record as acknowledged, a
// complete export, verify, and a clean exit.
func (k *killRun) finish() {
	t := k.t
	if got := k.state(); got.diff(k.model) != "" {
		t.Fatalf("at the end the record is not as acknowledged: %s", got.diff(k.model))
	}
	k.verify("at the end")
	k.quit()
	// The file as the meeting leaves it, after the program's own last
	// checkpoint: no closed round may lie in casting order.
	k.state()
	k.scrubbed(k.readRaw(), "the end of the meeting")
	if k.model.Meeting != "closed" || len(k.model.Rounds) != 2 {
		t.Fatalf("the meeting did not get to its end: %+v", k.model)
	}
	for i, r := range k.model.Rounds {
		if len(r.Voters) != k.presentVoters() {
			t.Errorf("round %d: %d voters, want every member present (%d)", i+1, len(r.Voters), k.presentVoters())
		}
	}
}
