package textnorm

import "strings"

// simplifyPairs lists traditional characters, each followed by its
// simplified form: the characters of the words the extractors look for
// (report kinds, cover labels, table headers, page furniture, organisation
// endings), so that a report from Hong Kong, Macao or Taiwan, or one typed
// in traditional characters, reads as one in simplified characters. Every
// pair is one rune for one rune of the same UTF-8 length (a test checks),
// so offsets found in the simplified text hold in the original.
const simplifyPairs = "報报績绩評评價价項项門门體体書书稱称類类實实單单機机構构預预執执數数額额資资" +
	"計计劃划際际職职務务簽签蓋盖總总來来調调後后經经費费頁页發发佈布瀏浏覽览點点擊击" +
	"組组員员會会與与關关於于說说結结論论終终徵征見见況况設设節节編编註注備备區区縣县" +
	"鄉乡鎮镇廳厅辦办處处協协銀银醫医學学標标準准題题錄录萬万億亿個个參叁貳贰陸陆兩两" +
	"簡简歷历聯联財财務务審审撥拨補补貼贴產产規规劃划專专業业達达將将間间內内開开長长" +
	"號号統统網网帳账戶户圖图書书館馆檔档級级屬属運运營营維维護护與与為为對对滿满並并" +
	"責责權权約约減减從从進进現现態态電电話话郵邮證证際际層层總总歸归獲获僅仅佔占園园" +
	"衛卫愛爱農农鄰邻學学習习雜杂優优異异紀纪錄录選选舉举識识議议讓让術术環环護护衝冲" +
	"託托請请師师稅税"

var simplifyTable = func() map[rune]rune {
	m := make(map[rune]rune)
	rs := []rune(simplifyPairs)
	for i := 0; i+1 < len(rs); i += 2 {
		m[rs[i]] = rs[i+1]
	}
	return m
}()

// simplifyMask has a bit set for each rune of simplifyTable: Simplify runs
// on every paragraph several times, and most text has no traditional
// character, so the common answer must be quick.
var simplifyMask = func() *[0x10000 / 64]uint64 {
	var b [0x10000 / 64]uint64
	for r := range simplifyTable {
		b[r/64] |= 1 << (r % 64)
	}
	return &b
}()

func traditional(r rune) bool {
	return r >= 0x4e00 && r < 0x10000 && simplifyMask[r/64]&(1<<(r%64)) != 0
}

// Simplify returns s with the traditional characters it knows made
// simplified, one rune for one rune of the same byte length, so that byte
// and rune offsets in the result are offsets in s.
func Simplify(s string) string {
	for _, r := range s {
		if traditional(r) {
			return strings.Map(simplifyRune, s)
		}
	}
	return s
}

func simplifyRune(r rune) rune {
	if traditional(r) {
		return simplifyTable[r]
	}
	return r
}
