package txt

import (
	"strings"
	"unicode/utf8"
)

// A budget system's export writes a form's rows as lines of
// "label：key=value；key=value…" (年度资金总额：年初预算数=1,260.00；全年预算数=…),
// an indicator's levels in brackets before its name ([产出指标/数量指标]
// 参保人数：年度指标值=…；分值=10). The keys are the form's column headers.
// Consecutive such lines are a table: a header row of the keys in the
// order first written, each line a row, its values under their keys. An
// indicator's levels make the first columns, headed by the form's names
// for them, so that a line without levels (总分：分值=100；得分=98) stands
// as the form's total row does.

// maxKVKey bounds a key's length in characters: the form's column headers
// are short, and a longer text before "=" is prose.
const maxKVKey = 12

// kvLine is one line of the export.
type kvLine struct {
	levels []string // the bracketed levels, if any
	label  string
	keys   []string
	values []string
}

// parseKVLine reads l as an export line: a label, "：", and two
// key=value pairs or more parted by "；" (or ";"). ok is false for any
// other line; a line without "=" is told without allocating.
func parseKVLine(l string) (kv kvLine, ok bool) {
	if strings.IndexByte(l, '=') < 0 {
		return kv, false
	}
	if strings.ContainsAny(l, "|\t") {
		return kv, false // a row of another layout
	}
	s := trim(l)
	eq := strings.IndexByte(s, '=')
	colon := strings.LastIndex(s[:eq], "：")
	if colon < 0 {
		return kv, false
	}
	head, body := trim(s[:colon]), s[colon+len("："):]
	if strings.HasPrefix(head, "[") {
		end := strings.IndexByte(head, ']')
		if end < 0 {
			return kv, false
		}
		kv.levels = strings.Split(head[1:end], "/")
		head = trim(head[end+1:])
	}
	kv.label = head
	body = strings.ReplaceAll(body, ";", "；")
	for _, pair := range strings.Split(strings.TrimSuffix(body, "；"), "；") {
		k, v, found := strings.Cut(pair, "=")
		k = trim(k)
		if !found || !isKVKey(k) {
			return kvLine{}, false
		}
		kv.keys = append(kv.keys, k)
		kv.values = append(kv.values, trim(v))
	}
	return kv, len(kv.keys) >= 2 && kv.label != ""
}

// levelHeads are the form's names for an indicator's levels, the last
// one the indicator's own.
var levelHeads = []string{"一级指标", "二级指标", "三级指标"}

// readKVTable reads the export lines that start at lines[i], or at the
// line after their caption there: two or more make a table.
func readKVTable(lines []string, i int) (t draftTable, next int, ok bool) {
	var kvs []kvLine
	caption := ""
	if !isKVRow(lines[i]) {
		caption = trim(lines[i])
	}
	k := i
	if caption != "" {
		k++
	}
	for ; k < len(lines); k++ {
		kv, isKV := parseKVLine(lines[k])
		if !isKV {
			break
		}
		kvs = append(kvs, kv)
	}
	if len(kvs) < 2 {
		return t, k, false
	}
	// The columns: the levels' and the name's, then the keys.
	levels := 0
	col := make(map[string]int)
	var keys []string
	for _, kv := range kvs {
		levels = max(levels, len(kv.levels))
		for _, key := range kv.keys {
			if _, seen := col[key]; !seen {
				col[key] = len(keys)
				keys = append(keys, key)
			}
		}
	}
	if levels > 0 {
		caption = "" // the levels' names head the first columns
	}
	if levels > 0 && levels < len(levelHeads) {
		levels = len(levelHeads) - 1
	}
	lead := levels + 1
	header := make([]draftCell, lead+len(keys))
	for c := range lead {
		text := caption
		if levels > 0 {
			text = levelHeads[len(levelHeads)-lead+c]
		}
		header[c] = draftCell{paras: []line{{text, i + 1}}}
	}
	for c, key := range keys {
		header[lead+c] = draftCell{paras: []line{{key, i + 1}}}
	}
	t.first, t.lastLine = i+1, k
	t.rows = append(t.rows, header)
	for j, kv := range kvs {
		no := k - len(kvs) + j + 1
		row := make([]draftCell, len(header))
		for c := range row {
			row[c] = draftCell{paras: []line{{"", no}}}
		}
		for c, lv := range kv.levels {
			if c < levels {
				row[c].paras[0].text = trim(lv)
			}
		}
		at := 0
		if kv.levels != nil {
			at = levels
		}
		row[at].paras[0].text = kv.label
		for n, key := range kv.keys {
			row[lead+col[key]].paras[0].text = kv.values[n]
		}
		t.rows = append(t.rows, row)
	}
	return t, k, true
}

// isKVStart tells an export line at lines[i], or the caption over one: a
// short label alone on its line (项目资金（万元）), which heads the
// labels' column.
func isKVStart(lines []string, i int) bool {
	if _, ok := parseKVLine(lines[i]); ok {
		return true
	}
	return i+1 < len(lines) && isKVRow(lines[i+1]) && isKVCaption(lines[i])
}

func isKVRow(l string) bool {
	_, ok := parseKVLine(l)
	return ok
}

func isKVCaption(l string) bool {
	s := trim(l)
	return s != "" && utf8.RuneCountInString(s) <= 16 && !strings.ContainsAny(s, "：:=。，")
}

// isKVKey tells a field's key, trimmed: a short label, not a piece of a
// sentence.
func isKVKey(k string) bool {
	return k != "" && utf8.RuneCountInString(k) <= maxKVKey && !strings.ContainsAny(k, " ，。=")
}
