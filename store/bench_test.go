package store

import (
	"context"
	"fmt"
	"testing"

	"hoidong/model"
)

// benchPlan is a provincial-size plan: members voting members and nominees
// individuals proposed for one award voted by ≥ 90% of all members, with a
// three-line checklist and two eligibility checks.
func benchPlan(members, nominees int) model.Plan {
	p := testPlan()
	p.Awards = []model.Award{{Code: "CSTD", Name: "Chiến sĩ thi đua cơ sở", Recipients: model.ForIndividual,
		Rule: model.Rule{BallotRequired: true, Threshold: model.Fraction{Num: 90, Den: 100}, Comparison: model.AtLeast, Base: model.BaseAllMembers}}}
	p.Council.Members = make([]model.Member, members)
	for i := range p.Council.Members {
		p.Council.Members[i] = model.Member{Name: fmt.Sprintf("Thành viên %02d", i+1), Position: "Ủy viên", Role: model.RoleMember, Votes: true}
	}
	p.Nominees = make([]model.Nominee, nominees)
	for i := range p.Nominees {
		p.Nominees[i] = model.Nominee{Kind: model.KindIndividual, Name: fmt.Sprintf("Nguyễn Văn Mẫu %04d", i+1),
			Unit: "Sở Nội vụ", Position: "Chuyên viên", Awards: []string{"CSTD"},
			Summary: "Hoàn thành xuất sắc nhiệm vụ được giao; có sáng kiến được công nhận."}
	}
	return p
}

// benchMeeting creates a meeting under benchPlan with every member present
// and every nominee ready for a ballot. The checklist is filled with a few
// bulk statements: going through SetCheck and SetMark would be 25,000
// durable transactions of setup.
func benchMeeting(b testing.TB, members, nominees int) *Store {
	b.Helper()
	s := openTest(b)
	createMeeting(b, s, benchPlan(members, nominees))
	_, err := s.db.Exec(`UPDATE members SET attendance = 'present'`)
	must(b, err)
	_, err = s.db.Exec(`INSERT INTO checks (nominee_id, code, applies)
		SELECT id, 'discipline', 0 FROM nominees UNION ALL SELECT id, 'review', 0 FROM nominees`)
	must(b, err)
	_, err = s.db.Exec(`INSERT INTO marks (nominee_id, award, idx, mark, note)
		SELECT nominee_id, award, i.idx, 'met', '' FROM candidacies,
			(SELECT 0 AS idx UNION ALL SELECT 1 UNION ALL SELECT 2) AS i`)
	must(b, err)
	logBulk(b, s, row("members"), row("checks"), row("marks"))
	return s
}

// benchRound opens a round over nominees [first, first+size) and returns it
// with an all-agree ballot for it.
func benchRound(b testing.TB, s *Store, first, size int) (int64, map[int64]bool) {
	b.Helper()
	ids := make([]int64, size)
	choices := make(map[int64]bool, size)
	for i := range ids {
		ids[i] = int64(first + i + 1)
		choices[ids[i]] = i%7 != 0
	}
	id, err := s.OpenRound(context.Background(), "CSTD", ids)
	must(b, err)
	return id, choices
}

// BenchmarkCastBallot casts one ballot per iteration in a council of 31
// members with 5,000 nominees, in rounds of 50 and of 500 nominees: sealed,
// and in the clear as a round opened by an older version stores them.
func BenchmarkCastBallot(b *testing.B) {
	const members, nominees = 31, 5000
	for _, c := range []struct {
		size   int
		sealed bool
	}{{50, true}, {500, true}, {50, false}, {500, false}} {
		name := fmt.Sprintf("round=%d/sealed", c.size)
		if !c.sealed {
			name = fmt.Sprintf("round=%d/clear", c.size)
		}
		size := c.size
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			s := benchMeeting(b, members, nominees)
			first := 0
			newRound := func() (int64, map[int64]bool) {
				round, choices := benchRound(b, s, first, size)
				if !c.sealed {
					unkeyRound(b, s, round)
				}
				return round, choices
			}
			round, choices := newRound()
			member := int64(1)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if member > members {
					b.StopTimer()
					must(b, s.CloseRound(ctx, round, testKey(b, s)))
					first += size
					if first+size > nominees {
						s = benchMeeting(b, members, nominees)
						first = 0
					}
					round, choices = newRound()
					member = 1
					b.StartTimer()
				}
				if err := s.CastBallot(ctx, round, member, "", choices); err != nil {
					b.Fatal(err)
				}
				member++
			}
		})
	}
}

// BenchmarkUnlockSecretary checks the secretary code with the argon2id
// parameters a real meeting uses: the hash, then the key derivation that
// opens the secretary's private key.
func BenchmarkUnlockSecretary(b *testing.B) {
	ctx := context.Background()
	s := openTest(b)
	s.kdf = kdfParams{}
	must(b, s.CreateMeeting(ctx, testPlan()))
	must(b, s.SetSecretaryCode(ctx, testSecretaryCode))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k, err := s.UnlockSecretary(ctx, testSecretaryCode)
		if err != nil {
			b.Fatal(err)
		}
		k.Forget()
	}
}

// BenchmarkWrongSecretaryCode is a wrong secretary code with the real
// parameters: one hash and the count of the try. The count is reset after
// each try so that no wait starts.
func BenchmarkWrongSecretaryCode(b *testing.B) {
	ctx := context.Background()
	s := openTest(b)
	s.kdf = kdfParams{}
	must(b, s.CreateMeeting(ctx, testPlan()))
	must(b, s.SetSecretaryCode(ctx, testSecretaryCode))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.UnlockSecretary(ctx, "không phải mã"); model.ErrorCodeOf(err) != model.EInvalid {
			b.Fatal(err)
		}
		b.StopTimer()
		_, err := s.db.Exec(`UPDATE secretary SET failures = 0`)
		must(b, err)
		b.StartTimer()
	}
}

// benchRecordMeeting is a provincial sitting half way through: 5,000
// nominees reviewed, 31 members, and closed rounds of 500 with every
// member's ballot.
func benchRecordMeeting(b testing.TB, rounds int) *Store {
	b.Helper()
	ctx := context.Background()
	s := benchMeeting(b, 31, 5000)
	for r := 0; r < rounds; r++ {
		id, choices := benchRound(b, s, r*500, 500)
		for m := int64(1); m <= 31; m++ {
			must(b, s.CastBallot(ctx, id, m, "", choices))
		}
		must(b, s.CloseRound(ctx, id, testKey(b, s)))
	}
	return s
}

// BenchmarkRecord_5000 reads the whole record of a sitting with 5,000
// nominees and 31 members, after 4 closed rounds of 500 (62,000 ballot
// choices).
func BenchmarkRecord_5000(b *testing.B) {
	s := benchRecordMeeting(b, 4)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec, err := s.Record(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if len(rec.Nominees) != 5000 {
			b.Fatal(len(rec.Nominees))
		}
	}
}

// BenchmarkCloseRound_500 closes a round of 500 nominees and 31 ballots in a
// 5,000-nominee file: the tally, then VACUUM and the WAL checkpoint.
func BenchmarkCloseRound_500(b *testing.B) {
	ctx := context.Background()
	s := benchRecordMeeting(b, 2)
	next := 2
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if next*500+500 > 5000 {
			s = benchRecordMeeting(b, 2)
			next = 2
		}
		id, choices := benchRound(b, s, next*500, 500)
		next++
		for m := int64(1); m <= 31; m++ {
			must(b, s.CastBallot(ctx, id, m, "", choices))
		}
		b.StartTimer()
		must(b, s.CloseRound(ctx, id, testKey(b, s)))
	}
}

// BenchmarkSetMark_5000 records one criterion mark, the secretary's most
// frequent write, in a 5,000-nominee sitting with closed rounds.
func BenchmarkSetMark_5000(b *testing.B) {
	ctx := context.Background()
	s := benchRecordMeeting(b, 2)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		id := int64(1001 + i%4000)
		if err := s.SetMark(ctx, id, "CSTD", i%3, model.MarkMet, "ghi chú"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenRound_500 opens a round of 500 in a 5,000-nominee sitting:
// it reads the whole record (without ballots) to check the candidates.
func BenchmarkOpenRound_500(b *testing.B) {
	ctx := context.Background()
	s := benchRecordMeeting(b, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		id, choices := benchRound(b, s, 500+(i%9)*500, 500)
		b.StopTimer()
		// Close it with the fewest ballots a close takes so the next one
		// can open; its nominees stay frozen, so start over once every
		// slice has been used.
		for m := int64(1); m <= 2; m++ {
			must(b, s.CastBallot(ctx, id, m, "", choices))
		}
		must(b, s.CloseRound(ctx, id, testKey(b, s)))
		if i%9 == 8 {
			s = benchRecordMeeting(b, 1)
		}
		b.StartTimer()
	}
}

// BenchmarkNominee_5000 reads one nominee of a 5,000-nominee sitting, the
// cheap refresh after a mark.
func BenchmarkNominee_5000(b *testing.B) {
	ctx := context.Background()
	s := benchRecordMeeting(b, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Nominee(ctx, int64(1+i%5000)); err != nil {
			b.Fatal(err)
		}
	}
}
