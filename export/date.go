package export

import (
	"fmt"
	"time"

	"hoidong/model"
)

// DateLine writes the place and date line of an administrative document,
// e.g. "Như Quỳnh, ngày 05 tháng 02 năm 2024", using d's calendar date as given.
func DateLine(place string, d time.Time) string {
	s := dateWords(d)
	if place == "" {
		return "N" + s[1:]
	}
	return place + ", " + s
}

// dateWords writes "ngày 15 tháng 3 năm 2024": a day below 10 and the months
// January and February take a leading zero, as Decree 30/2020 asks.
func dateWords(d time.Time) string {
	month := fmt.Sprintf("%d", int(d.Month()))
	if d.Month() <= time.February {
		month = "0" + month
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", d.Day(), month, d.Year())
}

// clockWords writes the time of day as "08 giờ 30 phút" in Vietnam time.
func clockWords(t time.Time) string {
	t = t.In(model.Vietnam())
	return fmt.Sprintf("%02d giờ %02d phút", t.Hour(), t.Minute())
}

// rfc3339 writes t in Vietnam time, or "" for the zero time.
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(model.Vietnam()).Format(time.RFC3339)
}

// shortDate writes a plan-file date "2023-01-15" as "15/01/2023", or returns
// it unchanged when it does not parse.
func shortDate(s string) string {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return d.Format("02/01/2006")
}
