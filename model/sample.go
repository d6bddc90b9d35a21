package model

import _ "embed"

//go:embed sample.toml
var samplePlanFile []byte

// SamplePlanTOML returns a copy of the commented sample plan file.
func SamplePlanTOML() []byte {
	return append([]byte(nil), samplePlanFile...)
}

// SamplePlan returns the sample plan parsed from the embedded file.
func SamplePlan() Plan {
	p, err := ParsePlan(samplePlanFile)
	if err != nil {
		// The embedded file is part of the program; a test keeps it valid.
		panic("model: sample plan does not parse:\n" + err.Error())
	}
	return p
}
