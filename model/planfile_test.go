package model

import "testing"

func TestSamplePlanParses(t *testing.T) {
	p, err := ParsePlan(SamplePlanTOML())
	if err != nil {
		t.Fatalf("sample plan: %v", err)
	}
	if ps := ValidatePlan(&p); len(ps) > 0 {
		t.Fatalf("sample plan does not validate: %v", ps)
	}
}
