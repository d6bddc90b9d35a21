// Package model holds the domain of a council meeting: the plan that sets
// awards, rules and criteria, and the record of one meeting held under it.
// It imports nothing of hoidong's own.
package model

import "time"

// Kind says whether a nominee is a collective (a unit) or an individual.
type Kind int

// Nominee kinds.
const (
	KindCollective Kind = iota + 1
	KindIndividual
)

// String returns the plan-file spelling of the kind.
func (k Kind) String() string {
	switch k {
	case KindCollective:
		return "collective"
	case KindIndividual:
		return "individual"
	}
	return "unknown"
}

// Label returns the Vietnamese word for the kind.
func (k Kind) Label() string {
	switch k {
	case KindCollective:
		return "Tập thể"
	case KindIndividual:
		return "Cá nhân"
	}
	return "?"
}

// Recipients says which kinds of nominee an award can go to.
type Recipients int

// Award recipients.
const (
	ForCollective Recipients = iota + 1
	ForIndividual
	ForBoth
)

// Allows reports whether an award for r can go to a nominee of kind k.
func (r Recipients) Allows(k Kind) bool {
	return r == ForBoth || (r == ForCollective && k == KindCollective) || (r == ForIndividual && k == KindIndividual)
}

// String returns the plan-file spelling.
func (r Recipients) String() string {
	switch r {
	case ForCollective:
		return "collective"
	case ForIndividual:
		return "individual"
	case ForBoth:
		return "both"
	}
	return "unknown"
}

// Role is a member's role on the council.
type Role int

// Council roles.
const (
	RoleChair Role = iota + 1
	RoleViceChair
	RoleMember
	RoleSecretary
)

// String returns the plan-file spelling.
func (r Role) String() string {
	switch r {
	case RoleChair:
		return "chair"
	case RoleViceChair:
		return "vice-chair"
	case RoleMember:
		return "member"
	case RoleSecretary:
		return "secretary"
	}
	return "unknown"
}

// Label returns the Vietnamese title of the role.
func (r Role) Label() string {
	switch r {
	case RoleChair:
		return "Chủ tịch Hội đồng"
	case RoleViceChair:
		return "Phó Chủ tịch Hội đồng"
	case RoleMember:
		return "Ủy viên"
	case RoleSecretary:
		return "Thư ký"
	}
	return "?"
}

// Comparison is how a share is compared with a threshold.
type Comparison int

// Comparisons: "từ …% trở lên" and "trên …%".
const (
	AtLeast Comparison = iota + 1
	MoreThan
)

// Symbol returns "≥" or ">".
func (c Comparison) Symbol() string {
	if c == MoreThan {
		return ">"
	}
	return "≥"
}

// Base is what the agree count is a share of.
type Base int

// Bases of a share.
const (
	BaseAllMembers Base = iota + 1 // all voting members of the council
	BasePresent                    // voting members present
	BaseValid                      // valid ballots
)

// String returns the plan-file spelling.
func (b Base) String() string {
	switch b {
	case BaseAllMembers:
		return "all-members"
	case BasePresent:
		return "present"
	case BaseValid:
		return "valid-ballots"
	}
	return "unknown"
}

// Label returns the Vietnamese description of the base.
func (b Base) Label() string {
	switch b {
	case BaseAllMembers:
		return "tổng số thành viên Hội đồng"
	case BasePresent:
		return "số thành viên có mặt"
	case BaseValid:
		return "số phiếu hợp lệ"
	}
	return "?"
}

// Fraction is an exact threshold such as 2/3 or 70/100.
type Fraction struct {
	Num, Den int64
}

// Rule decides whether a nominee passes for an award.
type Rule struct {
	BallotRequired bool
	Threshold      Fraction
	Comparison     Comparison
	Base           Base
}

// Effect is what an eligibility check does when it applies.
type Effect int

// Eligibility effects.
const (
	EffectExclude Effect = iota + 1 // not awarded (đang bị kỷ luật)
	EffectDefer                     // not yet considered (chưa xét)
)

// String returns the plan-file spelling.
func (e Effect) String() string {
	if e == EffectDefer {
		return "defer"
	}
	return "exclude"
}

// Org is the organisation holding the movement.
type Org struct {
	Name     string // UBND thị trấn Như Quỳnh
	Superior string // UBND huyện Văn Lâm
	Place    string // Như Quỳnh: the place name used in dates
}

// PlanRef identifies the plan document.
type PlanRef struct {
	Number string // 11/KH-UBND
	Date   string // 2023-01-15
	Title  string
	Year   int
}

// Member is a council member.
type Member struct {
	ID       int64 // assigned by the store; 0 in a plan
	Name     string
	Position string
	Role     Role
	Votes    bool
}

// Council is the emulation and commendation council.
type Council struct {
	Name    string
	Members []Member
}

// Quota limits how many nominees may receive an award.
type Quota struct {
	Count   int      // a fixed number of places; 0 when ShareOf is set
	ShareOf string   // award code whose passing nominees the share is taken of
	Share   Fraction // share of ShareOf's winners, rounded down
}

// TieBreak is what a tie at the quota line leads to.
type TieBreak int

// Ways to settle a tie at the quota line.
const (
	TieRevote TieBreak = iota + 1 // a new round among exactly the tied nominees
	TieChair                      // the chair decides, and the decision is recorded
)

// String returns the plan-file spelling.
func (t TieBreak) String() string {
	if t == TieChair {
		return "chair"
	}
	return "revote"
}

// Award is an emulation title or a form of commendation.
type Award struct {
	Code       string
	Name       string
	Authority  string // who grants it
	Superior   bool   // granted by the superior level: the council proposes it
	Recipients Recipients
	Rule       Rule
	Quota      *Quota   // nil: no limit
	TieBreak   TieBreak // how a tie at the quota line is settled; default revote
	// Aliases are other names registration tables give the award's column,
	// such as "Giấy khen UBND huyện" for "Giấy khen của Chủ tịch UBND huyện".
	Aliases []string
	// Reason is what the award is given for, as the decision that grants
	// it says after "đã có thành tích": "xuất sắc trong phong trào thi đua
	// cải cách hành chính năm 2023". Empty: the decision leaves it to write.
	Reason string `json:",omitempty"`
	// RewardCollective and RewardIndividual are the cash that goes with the
	// award to each collective and each individual, as a multiple of the
	// base salary (mức lương cơ sở): 3/10 is 0,3 lần. Zero: not stated.
	RewardCollective Fraction `json:",omitzero"`
	RewardIndividual Fraction `json:",omitzero"`
	// Documents is the dossier a nominee proposed for the award needs
	// (see dossier.go); empty: the plan asks for none.
	Documents []Document `json:",omitempty"`
	// WrittenBallots overrides the meeting's written_ballots; see written.go.
	WrittenBallots *bool `json:",omitempty"`
}

// Criterion is one line of a criteria checklist.
type Criterion struct {
	Text     string
	Required bool
}

// CriteriaSet is an ordered checklist for one kind of nominee, optionally
// for one award only.
type CriteriaSet struct {
	Kind     Kind
	Award    string // award code; empty means every award for this kind
	Criteria []Criterion
}

// EligibilityCheck is a condition that keeps a nominee from the vote.
type EligibilityCheck struct {
	Code   string
	Text   string
	Effect Effect
}

// MeetingSettings are the meeting's own details and rules.
type MeetingSettings struct {
	Number  string   // number of the minutes, e.g. 01/BB-HĐTĐKT
	Date    string   // 2023-12-15
	Place   string   // Hội trường UBND thị trấn
	Quorum  Fraction // default 2/3 of all voting members, compared with ≥
	Tellers int      // size of the counting committee, default 3
	Secret  bool     // each member needs a personal code to cast a ballot
	// SignSecretary and SignPresiding are the titles over the signatures
	// of the minutes; empty means "THƯ KÝ" and "CHỦ TỌA" (a plan may say
	// "CHỦ TRÌ").
	SignSecretary string `json:",omitempty"`
	SignPresiding string `json:",omitempty"`
	// WrittenBallots and Nominated: see written.go.
	WrittenBallots bool            `json:",omitempty"`
	Nominated      NominatedPolicy `json:",omitempty"`
}

// Signature titles of the minutes when the plan names none.
const (
	DefaultSignSecretary = "THƯ KÝ"
	DefaultSignPresiding = "CHỦ TỌA"
)

// DecisionSettings shape the draft decision (quyết định) that grants the
// awards of the meeting's own level; every field may be left empty.
type DecisionSettings struct {
	Number     string   // "25/QĐ-UBND"; empty: left blank to number by hand
	Date       string   // 2023-12-20; empty: day and month left blank to date when signed
	Issuer     string   // the issuing body, "ỦY BAN NHÂN DÂN THỊ TRẤN NHƯ QUỲNH"; empty: from the organisation
	Signer     string   // who decides, "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ TRẤN NHƯ QUỲNH"; empty: from the issuer
	SignTitle  string   // the title over the signature, "CHỦ TỊCH" by default
	SignerName string   // the name under the signature; empty: left blank
	Bases      []string // legal bases ("Căn cứ Luật Thi đua, khen thưởng…"), before the plan and the minutes
	Proposer   string   // "Theo đề nghị của …" without those words; empty: no such line
	Executors  []string // who carries the decision out, before "và các tập thể, cá nhân có tên tại Điều 1"
	Recipients []string // "Nơi nhận" after "Như Điều 3"; empty: "Lưu: VT, HĐTĐKT"
	BaseSalary int64    // mức lương cơ sở in đồng, to write rewards in figures; 0: multiples only
	Fund       string   // where the reward money comes from, "Quỹ thi đua, khen thưởng của …"
}

// IsZero reports whether no setting is given.
func (d DecisionSettings) IsZero() bool {
	return d.Number == "" && d.Date == "" && d.Issuer == "" && d.Signer == "" && d.SignTitle == "" &&
		d.SignerName == "" && len(d.Bases) == 0 && d.Proposer == "" && len(d.Executors) == 0 &&
		len(d.Recipients) == 0 && d.BaseSalary == 0 && d.Fund == ""
}

// Nominee is a collective or an individual proposed for one or more awards.
type Nominee struct {
	ID       int64 // assigned by the store; 0 in a plan
	Kind     Kind
	Name     string
	Unit     string
	Position string
	Awards   []string // award codes proposed
	Summary  string   // achievement summary
	Facts    []string // eligibility check codes known to apply
	// Received lists the documents of the dossiers of its awards already
	// received when the nominee is registered (see dossier.go).
	Received []DossierDoc
	// CouncilMember is the plan's council_member: see written.go.
	CouncilMember string `json:",omitempty"`
}

// Plan is everything a meeting is held under.
type Plan struct {
	Org         Org
	Ref         PlanRef
	Council     Council
	Awards      []Award
	Criteria    []CriteriaSet
	Eligibility []EligibilityCheck
	Meeting     MeetingSettings
	Decision    DecisionSettings
	Nominees    []Nominee
}

// Award returns the award with the given code.
func (p *Plan) Award(code string) (Award, bool) {
	for _, a := range p.Awards {
		if a.Code == code {
			return a, true
		}
	}
	return Award{}, false
}

// CriteriaFor returns the checklist for a nominee of kind k proposed for
// award code: the set for that award if there is one, else the kind's set.
func (p *Plan) CriteriaFor(k Kind, award string) []Criterion {
	var general []Criterion
	for _, s := range p.Criteria {
		if s.Kind != k {
			continue
		}
		if s.Award == award {
			return s.Criteria
		}
		if s.Award == "" {
			general = s.Criteria
		}
	}
	return general
}

// Attendance is a member's presence at the meeting.
type Attendance int

// Attendance states.
const (
	AttendanceUnknown Attendance = iota
	AttendancePresent
	AttendanceAbsent
)

// Mark is the state of one criterion for one candidacy.
type Mark int

// Criterion marks.
const (
	MarkNone Mark = iota
	MarkMet
	MarkNotMet
)

// Eligibility is the council's decision on a nominee's eligibility.
type Eligibility int

// Eligibility decisions.
const (
	EligibilityPending  Eligibility = iota // checks not yet confirmed
	EligibilityEligible                    // no check applies
	EligibilityExcluded                    // an exclude check applies
	EligibilityDeferred                    // a defer check applies
)

// MeetingStatus is where the meeting stands.
type MeetingStatus int

// Meeting statuses.
const (
	MeetingOpen MeetingStatus = iota + 1
	MeetingClosed
)

// RoundMode is how a round's ballots are cast.
type RoundMode int

// Round modes.
const (
	RoundElectronic RoundMode = iota + 1
	RoundPaper
)

// RoundStatus is whether a round still takes ballots.
type RoundStatus int

// Round statuses.
const (
	RoundOpen RoundStatus = iota + 1
	RoundClosed
)

// MemberRecord is a member with their attendance.
type MemberRecord struct {
	Member
	Attendance   Attendance
	AbsentReason string
	Teller       bool
	TellerHead   bool
	HasSecret    bool // a personal voting code has been issued
	Locked       bool // locked after wrong codes until the secretary unlocks
	// WrittenBallot: absent, sends a written ballot (gửi phiếu bằng văn bản).
	WrittenBallot bool
}

// CheckMark records whether an eligibility check applies to a nominee.
type CheckMark struct {
	Code      string
	Confirmed bool // the council has looked at it
	Applies   bool
}

// CriterionMark is the council's mark on one criterion.
type CriterionMark struct {
	Mark Mark
	Note string
}

// Candidacy is a nominee proposed for one award, with its checklist.
type Candidacy struct {
	Award string
	Marks []CriterionMark // one per criterion of the plan's checklist, in order
	// Received says, per document of the award's dossier in the plan's
	// order, whether it was marked received (see dossier.go).
	Received []bool
}

// NomineeRecord is a nominee with the council's review.
type NomineeRecord struct {
	Nominee
	Checks      []CheckMark // one per eligibility check of the plan, in order
	Candidacies []Candidacy // one per proposed award, in the nominee's order
	Note        string      // discussion note typed as free text (kept for older records; see Remarks)
	Remarks     []Remark    // who said what about the nominee, in the order entered
}

// Ballot is one secret ballot: agree or not for each nominee of its round.
type Ballot struct {
	ID      string         // 32 hex digits of a random 128-bit id
	Choices map[int64]bool // nominee id -> agree
}

// ResultLine is one nominee's tally in a round.
type ResultLine struct {
	NomineeID int64
	Agree     int
	Disagree  int
	Base      int
	Pass      bool
}

// Round is one ballot round for one award.
type Round struct {
	ID         int64
	Award      string
	Seq        int   // 1, 2, … per meeting
	Parent     int64 // the round whose tie this round re-votes; 0 for none
	Mode       RoundMode
	Status     RoundStatus
	OpenedAt   time.Time
	ClosedAt   time.Time
	Nominees   []int64 // in ballot order
	Eligible   int     // voting members present when the round opened
	AllMembers int     // voting members of the council
	Voters     []int64 // member ids who have cast, sorted by id
	Written    []int64 // of them, or of a paper round's envelopes, those who sent a written ballot
	Recused    []Recusal
	Issued     int
	Returned   int
	Valid      int
	Invalid    int
	Ballots    []Ballot // closed rounds only, sorted by id
	Results    []ResultLine
	// CloseHead is the hash of the event that closed the round: the head
	// of the record at that moment, printed in the round's vote-count
	// record. Empty while the round is open.
	CloseHead string
}

// ChairDecision records the chair settling a tie at an award's quota line.
type ChairDecision struct {
	Award  string
	Round  int64   // the round whose tie is settled
	Tied   []int64 // the nominees tied at the line
	Chosen []int64 // those the chair chose, within the remaining places
	Chair  string  // the chair's name, as recorded
	At     time.Time
	Note   string
}

// Event is one entry of the append-only, hash-chained log of the record.
type Event struct {
	Seq    int64
	At     time.Time
	Kind   string
	Detail string
	Hash   string // hex SHA-256 over the previous hash and this event
}

// Correction is a change made after the meeting closed, shown as such.
type Correction struct {
	At   time.Time
	Text string
}

// MeetingInfo is the meeting's own state.
type MeetingInfo struct {
	Status     MeetingStatus
	StartedAt  time.Time
	ClosedAt   time.Time
	Discussion string   // discussion typed as free text (kept for older records; see Remarks)
	Remarks    []Remark // who said what about the meeting, in the order entered
	// SecretarySet reports whether the secretary has chosen the code that
	// leaves the in-program booth and opens a round's sealed ballots.
	SecretarySet bool
	// Presiding is the member the secretary recorded as presiding; 0 when
	// none was recorded. Record.Presiding says who presides.
	Presiding int64
	// MinutesDate is the date the secretary confirmed for the minutes and
	// the other documents, "2023-12-15"; empty when none was confirmed.
	// Record.DocumentDate says which date the documents carry.
	MinutesDate string
}

// Record is a read-only snapshot of one meeting: everything the documents
// and screens need.
type Record struct {
	Plan        Plan
	Meeting     MeetingInfo
	Members     []MemberRecord
	Nominees    []NomineeRecord
	Rounds      []Round
	Decisions   []ChairDecision
	Corrections []Correction
	Conflicts   []Conflict // voting members who are, or head, a nominee
	Events      []Event
	Head        string // hash of the last event: pins the record
}

// String returns the stored spelling: "present", "absent" or "unknown".
func (a Attendance) String() string {
	switch a {
	case AttendancePresent:
		return "present"
	case AttendanceAbsent:
		return "absent"
	}
	return "unknown"
}

// String returns the stored spelling: "met", "not-met" or "none".
func (m Mark) String() string {
	switch m {
	case MarkMet:
		return "met"
	case MarkNotMet:
		return "not-met"
	}
	return "none"
}

// Label returns the Vietnamese word for the mark.
func (m Mark) Label() string {
	switch m {
	case MarkMet:
		return "Đạt"
	case MarkNotMet:
		return "Không đạt"
	}
	return "Chưa đánh giá"
}

// String returns the stored spelling of the decision.
func (e Eligibility) String() string {
	switch e {
	case EligibilityEligible:
		return "eligible"
	case EligibilityExcluded:
		return "excluded"
	case EligibilityDeferred:
		return "deferred"
	}
	return "pending"
}

// Label returns the Vietnamese words for the decision.
func (e Eligibility) Label() string {
	switch e {
	case EligibilityEligible:
		return "Đủ điều kiện"
	case EligibilityExcluded:
		return "Không khen thưởng"
	case EligibilityDeferred:
		return "Chưa xét khen thưởng"
	}
	return "Chưa xác nhận"
}

// String returns "open" or "closed".
func (s MeetingStatus) String() string {
	if s == MeetingClosed {
		return "closed"
	}
	return "open"
}

// String returns "electronic" or "paper".
func (m RoundMode) String() string {
	if m == RoundPaper {
		return "paper"
	}
	return "electronic"
}

// Label returns the Vietnamese name of the mode.
func (m RoundMode) Label() string {
	if m == RoundPaper {
		return "phiếu giấy"
	}
	return "điện tử"
}

// String returns "open" or "closed".
func (s RoundStatus) String() string {
	if s == RoundClosed {
		return "closed"
	}
	return "open"
}

// String returns the plan-file spelling: "at-least" or "more-than".
func (c Comparison) String() string {
	if c == MoreThan {
		return "more-than"
	}
	return "at-least"
}
