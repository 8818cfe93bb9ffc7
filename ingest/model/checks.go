package model

// Check is a disagreement among the facts a report states: a stated rate
// that its amounts do not give, items that do not add up to their total,
// a rate over 100%, a report dated before the end of the period it
// reports, one quantity stated twice with different values.
type Check struct {
	Code     string // rate_stated, items_total, rate_over_100, date_before_period, stated_twice
	Expected string // what the other facts give
	Found    string // what the report states
	Block    int    // body block index, -1 when none
	TableNo  int    // Document.Tables number, 0 when in no table
	Row      int    // table row, -1 when none
	Detail   string // a sentence in Chinese saying what disagrees
}
