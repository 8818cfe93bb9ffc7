package txt

import (
	"strings"
	"unicode/utf8"
)

// A form exported as cards writes each row as a block of lines: the row's
// label on a line of its own, then one indented line a column,
// "key：value" (年度资金总额, then "    年初预算数：1,260.00",
// "    全年预算数：1,318.50" …; 指标1, then "    一级指标：产出指标" …). The
// keys are the form's column headers. Consecutive cards are a table, as
// the export lines of kv.go are: a header row of the keys in the order
// first written, under the caption over the cards (【项目资金（万元）】)
// for the labels' column, and a row a card.

// maxCardLabel bounds a card's label in characters: a row's name, not
// prose.
const maxCardLabel = 30

// indented tells a line lines[i] that starts with a space.
func indented(lines []string, i int) bool {
	return i < len(lines) && isIndented(lines[i])
}

// isIndented tells a line that starts with a space, ASCII or ideographic.
func isIndented(l string) bool {
	return l != "" && (l[0] == ' ' || strings.HasPrefix(l, "\u3000"))
}

// cardField reads l as a card's indented "key：value" line.
func cardField(l string) (key, value string, ok bool) {
	if !isIndented(l) {
		return "", "", false
	}
	s := trim(l)
	key, value, found := strings.Cut(s, "：")
	if !found {
		key, value, found = strings.Cut(s, ":")
	}
	key = trim(key)
	if !found || strings.Contains(value, "=") || !isKVKey(key) { // "=": an export line of kv.go
		return "", "", false
	}
	return key, trim(value), true
}

// isCardLabel tells a line that may head a card: short, not indented.
func isCardLabel(l string) bool {
	s := trim(l)
	return s != "" && s == strings.TrimRight(l, " \r") && utf8.RuneCountInString(s) <= maxCardLabel && !strings.ContainsAny(s, "。；;")
}

// isCard tells a card at lines[i]: its label, then two fields or more.
func isCard(lines []string, i int) bool {
	if i+2 >= len(lines) || !isCardLabel(lines[i]) {
		return false
	}
	_, _, one := cardField(lines[i+1])
	_, _, two := cardField(lines[i+2])
	return one && two
}

// isCardsStart tells the first of two cards or more at lines[i], or the
// caption over them.
func isCardsStart(lines []string, i int) bool {
	if !indented(lines, i+1) && !indented(lines, i+2) {
		return false // a quick no: a card's field stands on one of these
	}
	if isCard(lines, i) {
		return true
	}
	return isKVCaption(lines[i]) && isCard(lines, i+1)
}

// card is one card as read.
type card struct {
	label        string
	no           int // the label's line, from 1
	keys, values []string
}

// readCardTable reads the cards that start at lines[i], or at the line
// after their caption: two or more make a table.
func readCardTable(lines []string, i int) (t draftTable, next int, ok bool) {
	caption, k := "", i
	if !isCard(lines, i) {
		caption = strings.Trim(trim(lines[i]), "【】[]")
		k++
	}
	var cards []card
	for k < len(lines) && isCard(lines, k) {
		c := card{label: trim(lines[k]), no: k + 1}
		for k++; k < len(lines); k++ {
			key, value, ok := cardField(lines[k])
			if !ok {
				break
			}
			c.keys, c.values = append(c.keys, key), append(c.values, value)
		}
		cards = append(cards, c)
	}
	if len(cards) < 2 {
		return t, i + 1, false
	}
	col := make(map[string]int)
	var keys []string
	for _, c := range cards {
		for _, key := range c.keys {
			if _, seen := col[key]; !seen {
				col[key] = len(keys)
				keys = append(keys, key)
			}
		}
	}
	header := make([]draftCell, 1+len(keys))
	header[0] = draftCell{paras: []line{{caption, i + 1}}}
	for c, key := range keys {
		header[1+c] = draftCell{paras: []line{{key, i + 1}}}
	}
	t.first, t.lastLine = i+1, k
	t.rows = append(t.rows, header)
	for _, c := range cards {
		row := make([]draftCell, len(header))
		for n := range row {
			row[n] = draftCell{paras: []line{{"", c.no}}}
		}
		row[0].paras[0].text = c.label
		for n, key := range c.keys {
			row[1+col[key]].paras[0].text = c.values[n]
		}
		t.rows = append(t.rows, row)
	}
	return t, k, true
}
