package figures

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxLabel bounds a label in runes; a longer run keeps its end, nearest the
// number.
const maxLabel = 12

var (
	// labelTail are words between a noun and its number: 税收达51.78亿元.
	labelTail = []string{"必须", "应当", "不得", "须", "需", "应", "达到", "已达", "高达", "多达", "共计", "共有", "合计", "总计", "累计", "约为", "分别为", "分别", "为", "是", "达", "共", "约", "有", "的", "了", "在", "到", "至", "仅", "已", "占"}
	// labelHead are words before the noun: 其中行政编制, 总共楼宇纳税企业.
	// Only words that never begin a noun themselves.
	labelHead = []string{"其中", "总共", "共有", "共计", "累计", "合计", "我区", "我市", "我县", "我省", "本区", "本市"}
	// labelSplit are verbs inside a run, and 的; the label is what follows
	// the last: 服务业发展局共有预算单位 → 预算单位, 正面的概率 → 概率.
	labelSplit = []string{"共有", "共计", "包括", "其中", "达到", "实现", "完成", "已有", "现有", "拥有", "中有", "以上", "以下", "的"}
	// labelStop ends a label read after the number: 5000㎡以上商务楼宇达78栋.
	labelStop = "达为是有共的和及与等中在获，,。；;、"
)

func isHan(r rune) bool { return r >= 0x3400 && unicode.Is(unicode.Han, r) }

// labelFor names the figure rs[start:end]: the column header when there is
// one, else the noun phrase before the number, or after it when the words
// before only name a place. The label is cut from the original text.
func (s *scanner) labelFor(start, end int) string {
	if s.hdr.label != "" {
		return s.hdr.label
	}
	to := start
	// Spaces copied from a PDF or a form stand between a label and its
	// number: 预算安排 2,000 万元.
	for to > s.lastEnd && to-1 >= 0 && (s.rs[to-1] == ' ' || s.rs[to-1] == '\u3000') {
		to--
	}
	// A label before a colon: 金额：5万元.
	if k := to; k > s.lastEnd && k-1 >= 0 && (s.rs[k-1] == '：' || s.rs[k-1] == ':') {
		to = k - 1
	}
	j := to
	for j > s.lastEnd && j > to-2*maxLabel && (isHan(s.rs[j-1]) || isASCIILetter(s.rs[j-1])) {
		j--
	}
	a, b := cleanLabel(s.rs[j:to])
	if b-a < 2 || isPlace(s.rs[j+a:j+b]) {
		k := end
		for k < len(s.rs) && k < end+maxLabel && isHan(s.rs[k]) && !strings.ContainsRune(labelStop, s.rs[k]) {
			k++
		}
		if k-end >= 2 {
			return string(s.orig[end:k])
		}
	}
	return string(s.orig[j+a : j+b])
}

// cleanLabel trims the words around a noun phrase and returns its rune
// range within rs.
func cleanLabel(rs []rune) (from, to int) {
	l := string(rs)
	lo, hi := 0, len(l) // byte range of the label within l
	cur := func() string { return l[lo:hi] }
	for changed := true; changed; {
		changed = false
		for _, w := range labelTail {
			if strings.HasSuffix(cur(), w) {
				hi -= len(w)
				changed = true
			}
		}
	}
	for _, w := range labelSplit {
		if k := strings.LastIndex(cur(), w); k >= 0 && hi-lo-k-len(w) >= len("单位") {
			lo += k + len(w)
		}
	}
	// 占 before a share: 占全区税收的51.19%, but not 占地面积.
	if c := cur(); strings.HasPrefix(c, "占") && !strings.HasPrefix(c, "占地") && !strings.HasPrefix(c, "占用") && !strings.HasPrefix(c, "占比") && utf8.RuneCountInString(c) > 2 {
		lo += len("占")
	}
	for changed := true; changed; {
		changed = false
		for _, w := range labelHead {
			if c := cur(); strings.HasPrefix(c, w) && len(c) > len(w) {
				lo += len(w)
				changed = true
			}
		}
	}
	from = utf8.RuneCountInString(l[:lo])
	to = from + utf8.RuneCountInString(cur())
	// A place name before the noun: 西湖区区楼宇税收 → 楼宇税收.
	r := rs[from:to]
	for p := 2; p < len(r)-2; p++ {
		if isPlaceEnd(r[p]) && !strings.ContainsRune("级内外域属直委政", r[p+1]) {
			q := p + 1
			for q < len(r) && r[q] == r[p] {
				q++
			}
			if len(r)-q >= 2 {
				from += q
			}
			break
		}
	}
	if to-from > maxLabel {
		from = to - maxLabel
	}
	return from, to
}

func isPlaceEnd(r rune) bool { return r == '区' || r == '市' || r == '县' || r == '省' }

func isPlace(r []rune) bool {
	if len(r) > 5 || len(r) < 2 {
		return false
	}
	last := r[len(r)-1]
	return isPlaceEnd(last) || last == '镇' || last == '道' && r[len(r)-2] == '街'
}
