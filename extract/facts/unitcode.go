package facts

import (
	"regexp"
	"unicode"
	"unicode/utf8"
)

// budgetCode is a budget unit's code before its name, as budget systems
// print it on forms: 106003-某某中心, [106003]某某中心, 【106003】某某中心,
// 106003 某某中心.
var budgetCode = regexp.MustCompile(`^\s*(?:[\[［【(（]\s*[0-9０-９]{3,15}\s*[\]］】)）]|[0-9０-９]{3,15}(?:\s*[-－—–_:：]|\s))\s*`)

// CutBudgetCode cuts a budget unit's code from before a unit's name (a
// cover field's value): the code identifies the unit in the budget system
// and is no part of its name. Digits that a name does not follow (a
// period, 2020-2022年) are kept.
func CutBudgetCode(name string) string {
	loc := budgetCode.FindStringIndex(name)
	if loc == nil {
		return name
	}
	if r, _ := utf8.DecodeRuneInString(name[loc[1]:]); !unicode.Is(unicode.Han, r) {
		return name
	}
	return name[loc[1]:]
}
