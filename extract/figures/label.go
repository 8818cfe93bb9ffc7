package figures

import (
	"strings"
	"unicode"
)

// maxLabel bounds a label in runes; a longer run keeps its end, nearest the
// number.
const maxLabel = 12

var (
	// labelTail are words between a noun and its number: 税收达51.78亿元.
	labelTail = []string{"必须", "应当", "不得", "须", "需", "应", "要", "达到", "已达", "高达", "多达", "共计", "共有", "合计", "总计", "累计", "约为", "分别为", "分别", "为", "是", "达", "共", "约", "有", "计", "的", "了", "在", "到", "至", "仅", "已", "占"}
	// labelHead are words before the noun: 其中行政编制, 总共楼宇纳税企业.
	// Only words that never begin a noun themselves.
	labelHead = []string{"其中", "总共", "共有", "共计", "累计", "合计", "我区", "我市", "我县", "我省", "本区", "本市"}
	// labelSplit are verbs inside a run; the label is what follows the last:
	// 服务业发展局共有预算单位 → 预算单位.
	labelSplit = []string{"共有", "共计", "包括", "其中", "达到", "实现", "完成", "已有", "现有", "拥有"}
	// labelStop ends a label read after the number: 5000㎡以上商务楼宇达78栋.
	labelStop = "达为是有共的和及与等中在获，,。；;、"
)

func isHan(r rune) bool { return r >= 0x3400 && unicode.Is(unicode.Han, r) }

// labelFor names the figure rs[start:end]: the column header when there is
// one, else the noun phrase before the number, or after it when the words
// before only name a place.
func (s *scanner) labelFor(start, end int) string {
	if s.hdr.label != "" {
		return s.hdr.label
	}
	to := start
	// A label before a colon: 金额：5万元.
	if k := start; k > s.lastEnd && k-1 >= 0 && (s.rs[k-1] == '：' || s.rs[k-1] == ':') {
		to = k - 1
	}
	j := to
	for j > s.lastEnd && j > to-2*maxLabel && (isHan(s.rs[j-1]) || isASCIILetter(s.rs[j-1])) {
		j--
	}
	l := cleanLabel(s.rs[j:to])
	if len([]rune(l)) < 2 || isPlace(l) {
		k := end
		for k < len(s.rs) && k < end+maxLabel && isHan(s.rs[k]) && !strings.ContainsRune(labelStop, s.rs[k]) {
			k++
		}
		if k-end >= 2 {
			return string(s.rs[end:k])
		}
	}
	return l
}

func cleanLabel(rs []rune) string {
	l := string(rs)
	for changed := true; changed; {
		changed = false
		for _, w := range labelTail {
			if strings.HasSuffix(l, w) && len(l) > 0 {
				l = strings.TrimSuffix(l, w)
				changed = true
			}
		}
	}
	for _, w := range labelSplit {
		if k := strings.LastIndex(l, w); k >= 0 && len(l)-k-len(w) >= len("单位") {
			l = l[k+len(w):]
		}
	}
	// 占 before a share: 占全区税收的51.19%, but not 占地面积.
	if strings.HasPrefix(l, "占") && !strings.HasPrefix(l, "占地") && !strings.HasPrefix(l, "占用") && !strings.HasPrefix(l, "占比") && len([]rune(l)) > 2 {
		l = strings.TrimPrefix(l, "占")
	}
	for changed := true; changed; {
		changed = false
		for _, w := range labelHead {
			if strings.HasPrefix(l, w) && len(l) > len(w) {
				l = strings.TrimPrefix(l, w)
				changed = true
			}
		}
	}
	// A place name before the noun: 西湖区区楼宇税收 → 楼宇税收.
	r := []rune(l)
	for p := 2; p < len(r)-2; p++ {
		if isPlaceEnd(r[p]) && !strings.ContainsRune("级内外域属直委政", r[p+1]) {
			q := p + 1
			for q < len(r) && r[q] == r[p] {
				q++
			}
			if len(r)-q >= 2 {
				r = r[q:]
			}
			break
		}
	}
	if len(r) > maxLabel {
		r = r[len(r)-maxLabel:]
	}
	return string(r)
}

func isPlaceEnd(r rune) bool { return r == '区' || r == '市' || r == '县' || r == '省' }

func isPlace(l string) bool {
	r := []rune(l)
	return len(r) <= 5 && len(r) >= 2 && (isPlaceEnd(r[len(r)-1]) || strings.HasSuffix(l, "街道") || r[len(r)-1] == '镇')
}
