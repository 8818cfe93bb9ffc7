package figures

// Traditional characters are read as their simplified forms: the scanner
// matches on a folded copy of the text, one rune for one rune, so offsets
// stay those of the original, from which Raw and labels are cut.

// foldPairs lists traditional characters, each followed by its simplified form.
var foldPairs = "個个萬万億亿兩两貳贰參叁陸陆戶户項项輛辆條条張张歲岁鐘钟時时點点噸吨頃顷畝亩棟栋筆笔處处間间屆届" +
	"層层場场門门組组種种類类輪轮隻只頭头約约餘余過过將将於于幾几數数號号歐欧幣币達达為为計计資资預预" +
	"額额經经費费撥拨補补貼贴獎奖勵励產产價价結结轉转稅税報报編编碼码電电話话郵邮帳帐證证區区縣县鄉乡" +
	"鎮镇內内與与並并後后佔占釐厘級级總总實实際际長长開开週周負负圓元臺台灣湾專专業业規规劃划務务僅仅" +
	"減减佈布歸归屬属獲获況况評评權权決决機机傳传賬账執执"

// foldTable maps a traditional character to its simplified form.
var foldTable = func() map[rune]rune {
	m := map[rune]rune{}
	rs := []rune(foldPairs)
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i] != rs[i+1] {
			m[rs[i]] = rs[i+1]
		}
	}
	return m
}()

// foldMask has a bit set for each rune in foldTable: a fast no for the rest.
var foldMask = func() *[0x10000 / 64]uint64 {
	var b [0x10000 / 64]uint64
	for r := range foldTable {
		if r < 0x10000 {
			b[r/64] |= 1 << (r % 64)
		}
	}
	return &b
}()

func foldRune(r rune) rune {
	if r < 0x3400 || r >= 0x10000 || foldMask[r/64]&(1<<(r%64)) == 0 {
		return r
	}
	return foldTable[r]
}

// foldRunes returns rs with traditional characters folded; rs itself when
// there is none.
func foldRunes(rs []rune) []rune {
	var out []rune
	for i, r := range rs {
		f := foldRune(r)
		if f == r {
			continue
		}
		if out == nil {
			out = make([]rune, len(rs))
			copy(out, rs)
		}
		out[i] = f
	}
	if out == nil {
		return rs
	}
	return out
}
