package export

import (
	"time"

	"hoidong/model"
)

// Member and nominee ids of the fixture.
const (
	memChair, memVice, memMTTQ, memTuPhap, memVanHoa, memSecretary = 1, 2, 3, 4, 5, 6
	nomMotCua, nomThon, nomHa, nomKhai, nomTuan                    = 101, 102, 201, 202, 203
)

// ict is Vietnam time for building the fixture's clock times.
var ict = time.FixedZone("ICT", 7*3600)

// at returns 15/12/2023 hh:mm in Vietnam time, expressed in UTC so the
// export must convert it.
func at(hh, mm int) time.Time {
	return time.Date(2023, 12, 15, hh, mm, 0, 0, ict).UTC()
}

// fixturePlan is a small plan after the seed: Như Quỳnh, 2023.
func fixturePlan() model.Plan {
	members := []model.Member{
		{ID: memChair, Name: "Lê Văn Mẫu Tâm", Position: "Chủ tịch UBND thị trấn", Role: model.RoleChair, Votes: true},
		{ID: memVice, Name: "Nguyễn Văn Bình", Position: "Phó Chủ tịch UBND thị trấn", Role: model.RoleViceChair, Votes: true},
		{ID: memMTTQ, Name: "Trần Thị Cúc", Position: "Chủ tịch Ủy ban MTTQ Việt Nam thị trấn", Role: model.RoleMember, Votes: true},
		{ID: memTuPhap, Name: "Phạm Đức Dũng", Position: "Công chức Tư pháp - Hộ tịch", Role: model.RoleMember, Votes: true},
		{ID: memVanHoa, Name: "Hoàng Thị Duyên", Position: "Công chức Văn hóa - Xã hội", Role: model.RoleMember, Votes: true},
		{ID: memSecretary, Name: "Đỗ Thị Hằng", Position: "Công chức Văn phòng - Thống kê", Role: model.RoleSecretary, Votes: false},
	}
	return model.Plan{
		Org: model.Org{Name: "UBND thị trấn Như Quỳnh", Superior: "UBND huyện Văn Lâm", Place: "Như Quỳnh"},
		Ref: model.PlanRef{
			Number: "11/KH-UBND", Date: "2023-01-15", Year: 2023,
			Title: "Phát động phong trào thi đua cải cách hành chính năm 2023.",
		},
		Council: model.Council{Name: "Hội đồng Thi đua – Khen thưởng thị trấn Như Quỳnh", Members: members},
		Awards: []model.Award{
			{
				Code: "GK-TT", Name: "Giấy khen của Chủ tịch UBND thị trấn", Authority: "Chủ tịch UBND thị trấn",
				Recipients: model.ForBoth, Quota: &model.Quota{Count: 1}, TieBreak: model.TieRevote,
				Reason:           "xuất sắc trong phong trào thi đua cải cách hành chính năm 2023",
				RewardCollective: model.Fraction{Num: 6, Den: 10}, RewardIndividual: model.Fraction{Num: 3, Den: 10},
				Rule: model.Rule{BallotRequired: true, Threshold: model.Fraction{Num: 70, Den: 100}, Comparison: model.AtLeast, Base: model.BaseAllMembers},
			},
			{
				Code: "GK-H", Name: "Giấy khen của Chủ tịch UBND huyện", Authority: "Chủ tịch UBND huyện Văn Lâm", Superior: true,
				Recipients: model.ForBoth,
				Rule:       model.Rule{BallotRequired: true, Threshold: model.Fraction{Num: 50, Den: 100}, Comparison: model.MoreThan, Base: model.BasePresent},
				Documents: []model.Document{
					{Name: "Tờ trình đề nghị khen thưởng", Short: "Tờ trình", Produced: true},
					{Name: "Báo cáo thành tích của tập thể hoặc cá nhân được đề nghị khen thưởng", Short: "Báo cáo thành tích"},
					{Name: "Biên bản và kết quả bỏ phiếu của Hội đồng thi đua, khen thưởng", Short: "Biên bản, kết quả bỏ phiếu", Produced: true},
					{Name: "Danh sách trích ngang thành tích của tập thể, cá nhân đề nghị khen thưởng", Short: "Danh sách trích ngang", Produced: true},
				},
			},
		},
		Criteria: []model.CriteriaSet{
			{Kind: model.KindCollective, Criteria: []model.Criterion{
				{Text: "Kết quả đánh giá chỉ số cải cách hành chính năm 2023 xếp loại tốt; có chỉ số tăng điểm so với kết quả của năm trước liền kề."},
				{Text: "Hoàn thành xuất sắc nhiệm vụ được giao trong năm 2023", Required: true},
				{Text: "Có sáng kiến hoặc giải pháp trong công tác cải cách hành chính mang tính mới, có thể nhân rộng;"},
				{Text: "Thực hiện nghiêm kỷ luật, kỷ cương hành chính.", Required: true},
			}},
			{Kind: model.KindIndividual, Criteria: []model.Criterion{
				{Text: "Hoàn thành xuất sắc nhiệm vụ được giao năm 2023;", Required: true},
				{Text: "Chỉ đạo, tham mưu, triển khai, thực hiện tốt các nhiệm vụ được giao trong kế hoạch cải cách hành chính năm 2023 của thị trấn"},
				{Text: "Thực hiện nghiêm kỷ luật, kỷ cương hành chính (không vi phạm kỷ luật, kỷ cương hành chính).", Required: true},
			}},
		},
		Eligibility: []model.EligibilityCheck{
			{Code: "ky-luat", Text: "Đang bị kỷ luật", Effect: model.EffectExclude},
			{Code: "xem-xet", Text: "Đang xem xét kỷ luật, có đơn khiếu nại, tố cáo hợp lệ", Effect: model.EffectDefer},
		},
		Meeting: model.MeetingSettings{
			Number: "01/BB-HĐTĐKT", Date: "2023-12-15", Place: "Hội trường UBND thị trấn Như Quỳnh",
			Quorum: model.Fraction{Num: 2, Den: 3}, Tellers: 3,
		},
		Decision: model.DecisionSettings{
			Bases:      []string{"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"},
			Proposer:   "Văn phòng UBND thị trấn",
			Executors:  []string{"Văn phòng UBND thị trấn", "Bộ phận Tài chính – Kế toán"},
			BaseSalary: 1800000,
			Fund:       "Quỹ thi đua, khen thưởng của UBND thị trấn Như Quỳnh",
		},
	}
}

// checks returns the confirmed eligibility marks, with the given codes applying.
func checks(applying ...string) []model.CheckMark {
	out := []model.CheckMark{{Code: "ky-luat", Confirmed: true}, {Code: "xem-xet", Confirmed: true}}
	for i := range out {
		for _, c := range applying {
			if out[i].Code == c {
				out[i].Applies = true
			}
		}
	}
	return out
}

// met and notMet build criterion marks.
func met(note string) model.CriterionMark {
	return model.CriterionMark{Mark: model.MarkMet, Note: note}
}
func notMet(note string) model.CriterionMark {
	return model.CriterionMark{Mark: model.MarkNotMet, Note: note}
}

// fixture returns a closed meeting: 5 voting members (one absent) and a
// non-voting secretary, 2 awards, 2 collectives and 3 individuals (one
// excluded for discipline), an electronic round whose two leaders tie at
// the award's quota of one, a paper round, and the electronic re-vote that
// settles the tie; then a correction after the close, and the event log.
func fixture() *model.Record {
	plan := fixturePlan()
	var members []model.MemberRecord
	for _, m := range plan.Council.Members {
		mr := model.MemberRecord{Member: m, Attendance: model.AttendancePresent}
		switch m.ID {
		case memVanHoa:
			mr.Attendance, mr.AbsentReason = model.AttendanceAbsent, "Đi công tác tại huyện"
		case memMTTQ:
			mr.Teller, mr.TellerHead = true, true
		case memVice, memTuPhap:
			mr.Teller = true
		}
		members = append(members, mr)
	}
	nominees := []model.NomineeRecord{
		{
			Nominee: model.Nominee{
				ID: nomMotCua, Kind: model.KindCollective,
				Name:    "Bộ phận Tiếp nhận và trả kết quả giải quyết thủ tục hành chính",
				Unit:    "UBND thị trấn Như Quỳnh",
				Awards:  []string{"GK-H"},
				Summary: "Giải quyết 100% hồ sơ đúng hạn; triển khai dịch vụ công trực tuyến toàn trình.",
			},
			Checks: checks(),
			Candidacies: []model.Candidacy{{Award: "GK-H", Marks: []model.CriterionMark{
				met("Xếp loại tốt, tăng 4,5 điểm"), met(""), met("Sáng kiến số hóa hồ sơ một cửa"), met(""),
			}, Received: make([]bool, 4)}}, // the achievement report has not come
		},
		{
			Nominee: model.Nominee{
				ID: nomThon, Kind: model.KindCollective, Name: "Thôn Ngọc Quỳnh", Unit: "Thị trấn Như Quỳnh",
				Awards: []string{"GK-TT"},
			},
			Checks: checks(),
			Candidacies: []model.Candidacy{{Award: "GK-TT", Marks: []model.CriterionMark{
				met(""), met(""), notMet("Chưa có sáng kiến được công nhận"), met(""),
			}}},
		},
		{
			Nominee: model.Nominee{
				ID: nomHa, Kind: model.KindIndividual, Name: "Nguyễn Thị Thu Hà",
				Unit: "UBND thị trấn Như Quỳnh", Position: "Công chức Văn phòng - Thống kê",
				Awards: []string{"GK-TT", "GK-H"},
			},
			Checks: checks(),
			Candidacies: []model.Candidacy{
				{Award: "GK-TT", Marks: []model.CriterionMark{met(""), met(""), met("")}},
				{Award: "GK-H", Marks: []model.CriterionMark{met(""), met("Tham mưu 12 văn bản chỉ đạo"), met("")},
					Received: []bool{false, true, false, false}},
			},
			Remarks: []model.Remark{
				{ID: 1, Speaker: memChair, SpeakerName: "Lê Văn Mẫu Tâm", Text: "Đồng chí Hà tham mưu tốt công tác cải cách hành chính, đề nghị Hội đồng xem xét"},
			},
		},
		{
			Nominee: model.Nominee{
				ID: nomKhai, Kind: model.KindIndividual, Name: "Vũ Văn Khải",
				Unit: "UBND thị trấn Như Quỳnh", Position: "Công chức Địa chính - Xây dựng",
				Awards: []string{"GK-TT"},
			},
			Checks: checks(),
			Candidacies: []model.Candidacy{{Award: "GK-TT", Marks: []model.CriterionMark{
				met(""), notMet("Còn 02 hồ sơ đất đai trả lời chậm so với thời hạn"), met(""),
			}}},
			Note: "Đồng chí Phó Chủ tịch đề nghị đơn vị rút kinh nghiệm về tiến độ giải quyết hồ sơ đất đai.",
			Remarks: []model.Remark{
				{ID: 2, SpeakerName: "Đại diện Văn phòng Đăng ký đất đai", Text: "Hai hồ sơ chậm do chờ kết quả đo đạc."},
			},
		},
		{
			Nominee: model.Nominee{
				ID: nomTuan, Kind: model.KindIndividual, Name: "Lương Minh Tuấn",
				Unit: "UBND thị trấn Như Quỳnh", Position: "Chỉ huy trưởng Ban Chỉ huy Quân sự",
				Awards: []string{"GK-TT"}, Facts: []string{"ky-luat"},
			},
			Checks:      checks("ky-luat"),
			Candidacies: []model.Candidacy{{Award: "GK-TT", Marks: make([]model.CriterionMark, 3)}},
		},
	}

	r1 := model.Round{
		ID: 1, Award: "GK-TT", Seq: 1, Mode: model.RoundElectronic, Status: model.RoundClosed,
		OpenedAt: at(9, 40), ClosedAt: at(9, 55),
		Nominees: []int64{nomThon, nomHa, nomKhai}, Eligible: 4, AllMembers: 5,
		Voters: []int64{memChair, memVice, memMTTQ, memTuPhap},
		Issued: 4, Returned: 4, Valid: 4, Invalid: 0,
		CloseHead: "7d1e0c9b8a7f6e5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a2918070605a",
		Ballots: []model.Ballot{
			{ID: "1c9f0e5a7b3d42e8a6f1c2d3e4f5a6b7", Choices: map[int64]bool{nomThon: true, nomHa: true, nomKhai: false}},
			{ID: "5d2a8c4e6f1b4a3c9e7d2b1a0f8e6c4d", Choices: map[int64]bool{nomThon: true, nomHa: true, nomKhai: true}},
			{ID: "9e4b7a1c3d5f4e2a8b6c0d9e1f2a3b4c", Choices: map[int64]bool{nomThon: true, nomHa: true, nomKhai: false}},
			{ID: "e07f6d5c4b3a4291807f6e5d4c3b2a19", Choices: map[int64]bool{nomThon: true, nomHa: true, nomKhai: true}},
		},
	}
	r1.Results = []model.ResultLine{
		{NomineeID: nomThon, Agree: 4, Disagree: 0, Base: 5, Pass: true},
		{NomineeID: nomHa, Agree: 4, Disagree: 0, Base: 5, Pass: true},
		{NomineeID: nomKhai, Agree: 2, Disagree: 2, Base: 5, Pass: false},
	}
	r2 := model.Round{
		ID: 2, Award: "GK-H", Seq: 2, Mode: model.RoundPaper, Status: model.RoundClosed,
		OpenedAt: at(10, 5), ClosedAt: at(10, 20),
		Nominees: []int64{nomMotCua, nomHa}, Eligible: 4, AllMembers: 5,
		Issued: 4, Returned: 4, Valid: 3, Invalid: 1,
		CloseHead: "2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d",
	}
	r2.Results = []model.ResultLine{
		{NomineeID: nomMotCua, Agree: 3, Disagree: 0, Base: 4, Pass: true},
		{NomineeID: nomHa, Agree: 2, Disagree: 1, Base: 4, Pass: false},
	}
	r3 := model.Round{
		ID: 3, Award: "GK-TT", Seq: 3, Parent: 1, Mode: model.RoundElectronic, Status: model.RoundClosed,
		OpenedAt: at(10, 25), ClosedAt: at(10, 35),
		Nominees: []int64{nomThon, nomHa}, Eligible: 4, AllMembers: 5,
		Voters: []int64{memChair, memVice, memMTTQ, memTuPhap},
		Issued: 4, Returned: 4, Valid: 4, Invalid: 0,
		CloseHead: "e3c1a9f7d5b3e1c9a7f5d3b1e9c7a5f3d1b9e7c5a3f1d9b7e5c3a1f9d7b5e3c1",
		Ballots: []model.Ballot{
			{ID: "0b8e2f1a9c7d4e6b8a2c4e6f8a0b2c4d", Choices: map[int64]bool{nomThon: true, nomHa: false}},
			{ID: "3f5a7c9e1b2d4f6a8c0e2a4b6d8f0a1c", Choices: map[int64]bool{nomThon: true, nomHa: true}},
			{ID: "a2c4e6f8b0d24f6a8c0e2b4d6f8a0c2e", Choices: map[int64]bool{nomThon: true, nomHa: false}},
			{ID: "d4f6a8c0e2b44d6f8a0c2e4b6d8f0a2c", Choices: map[int64]bool{nomThon: true, nomHa: true}},
		},
	}
	r3.Results = []model.ResultLine{
		{NomineeID: nomThon, Agree: 4, Disagree: 0, Base: 5, Pass: true},
		{NomineeID: nomHa, Agree: 2, Disagree: 2, Base: 5, Pass: false},
	}
	events := []model.Event{
		{Seq: 1, At: at(8, 30), Kind: "meeting.started", Detail: "Bắt đầu phiên họp", Hash: "5f2c0d1e9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d"},
		{Seq: 2, At: at(10, 45), Kind: "meeting.closed", Detail: "Kết thúc phiên họp", Hash: "9a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"},
		{Seq: 3, At: at(11, 5), Kind: "correction", Detail: "Đính chính chức vụ", Hash: "c0ffee00a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c"},
	}
	return &model.Record{
		Plan: plan,
		Meeting: model.MeetingInfo{
			Status: model.MeetingClosed, StartedAt: at(8, 30), ClosedAt: at(10, 45),
			Discussion: "Các thành viên Hội đồng thống nhất đánh giá phong trào thi đua cải cách hành chính năm 2023 được triển khai sâu rộng, có nhiều mô hình hiệu quả.",
			Remarks: []model.Remark{
				{ID: 3, Speaker: memMTTQ, SpeakerName: "Trần Thị Cúc", Text: "Đề nghị tiếp tục nhân rộng mô hình số hóa hồ sơ tại Bộ phận một cửa."},
				{ID: 4, SpeakerName: "Đại diện Đoàn Thanh niên thị trấn", Text: "Đồng tình với các đề nghị khen thưởng của Hội đồng"},
			},
		},
		Members:  members,
		Nominees: nominees,
		Rounds:   []model.Round{r1, r2, r3},
		Corrections: []model.Correction{
			{At: at(11, 5), Text: "Sửa chức vụ của đồng chí Phạm Đức Dũng thành “Công chức Tư pháp - Hộ tịch”."},
		},
		Events: events,
		Head:   events[len(events)-1].Hash,
	}
}

// openPaperFixture returns the meeting while its paper round is open: the
// electronic round closed, the paper round for the district's award taking
// ballots, no re-vote yet.
func openPaperFixture() *model.Record {
	rec := fixture()
	rec.Meeting.Status, rec.Meeting.ClosedAt = model.MeetingOpen, time.Time{}
	rec.Corrections = nil
	rec.Events = rec.Events[:1]
	rec.Head = rec.Events[0].Hash
	r2 := rec.Rounds[1]
	r2.Status, r2.ClosedAt, r2.CloseHead = model.RoundOpen, time.Time{}, ""
	r2.Issued, r2.Returned, r2.Valid, r2.Invalid, r2.Results = 0, 0, 0, 0, nil
	rec.Rounds = []model.Round{rec.Rounds[0], r2}
	return rec
}
