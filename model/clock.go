package model

import "time"

// Vietnam returns the time zone every meeting time is shown in (UTC+7),
// whatever the machine's own zone, so documents read the same everywhere.
func Vietnam() *time.Location { return time.FixedZone("ICT", 7*3600) }
