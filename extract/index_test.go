package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/govreports/govreports/extract/internal/doctest"
)

// runeWords segments text into single runes, enough to see what is indexed.
type runeWords struct{}

func (runeWords) TokensCounting(text string, counts map[string]int) string {
	for _, r := range text {
		counts[string(r)]++
	}
	return strings.Join(strings.Split(text, ""), " ")
}

// TestIndexUnits checks that every text of a report reaches the index:
// title, the text before the first section, sections and table cells.
func TestIndexUnits(t *testing.T) {
	doc := doctest.Parse("index", `2020年度老旧小区改造项目绩效评价报告
根据区财政局要求，现将评价情况报告如下：
一、项目概况
改造小区12个。
| 名称 | 预算数 |
| 改造 | 12万 |
预算执行率100%。`)
	x := Extract(doc)
	Index(doc, x, runeWords{})
	var got []string
	for _, u := range x.Index {
		got = append(got, fmt.Sprintf("%s/%d/%d:%s", u.Kind, u.Section, u.Block, strings.ReplaceAll(u.Text, "\n", "|")))
	}
	want := []string{
		"title/-1/0:2020年度老旧小区改造项目绩效评价报告",
		"paragraph/-1/0:根据区财政局要求，现将评价情况报告如下：",
		"section/0/2:项目概况|改造小区12个。|预算执行率100%。",
		"cell/0/4:名称", "cell/0/4:预算数", "cell/0/4:改造", "cell/0/4:12万",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("index units:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if x.Reports[0].Terms["改"] == 0 {
		t.Errorf("terms miss the report's words: %v", x.Reports[0].Terms)
	}
}

// cutWords is runeWords that keeps the texts it was given.
type cutWords struct{ texts []string }

func (w *cutWords) TokensCounting(text string, counts map[string]int) string {
	w.texts = append(w.texts, text)
	return runeWords{}.TokensCounting(text, counts)
}

// TestIndexRepeatedTexts checks that a text recurring in a report is cut
// once, and that its words still count each time it occurs.
func TestIndexRepeatedTexts(t *testing.T) {
	doc := doctest.Parse("repeated", `2020年度垃圾分类项目绩效评价报告
一、指标完成情况
| 指标 | 完成 |
| 质量 | 是 |
| 时效 | 是 |
| 成本 | 否 |`)
	x := Extract(doc)
	w := &cutWords{}
	Index(doc, x, w)
	var units []string
	for _, u := range x.Index {
		units = append(units, u.Text+"="+u.Tokens)
	}
	wantUnits := "2020年度垃圾分类项目绩效评价报告=2 0 2 0 年 度 垃 圾 分 类 项 目 绩 效 评 价 报 告|指标完成情况=指 标 完 成 情 况|" +
		"指标=指 标|完成=完 成|质量=质 量|是=是|时效=时 效|是=是|成本=成 本|否=否"
	if got := strings.Join(units, "|"); got != wantUnits {
		t.Errorf("units:\n%s\nwant\n%s", got, wantUnits)
	}
	wantCut := "2020年度垃圾分类项目绩效评价报告|指标完成情况|指标|完成|质量|是|时效|成本|否"
	if got := strings.Join(w.texts, "|"); got != wantCut {
		t.Errorf("texts cut:\n%s\nwant each once:\n%s", got, wantCut)
	}
	terms := x.Reports[0].Terms
	for word, want := range map[string]int{"是": 2, "完": 2, "成": 3, "否": 1, "0": 2, "指": 2} {
		if terms[word] != want {
			t.Errorf("terms[%s] = %d, want %d", word, terms[word], want)
		}
	}
}

// TestIndexTableSection checks which section a table's cells are credited
// to: the section the table stands in, and none for a table after the last
// section's text, such as the list of evaluators attached to a report.
func TestIndexTableSection(t *testing.T) {
	doc := doctest.Parse("index", `2020年度老旧小区改造项目绩效评价报告
一、项目概况
| 名称 | 预算数 |
| 改造 | 12万 |
二、存在问题
资料不全。
| 姓名 | 单位 |
| 勒月影 | 区财政局 |`)
	x := Extract(doc)
	Index(doc, x, runeWords{})
	got := map[string]int{}
	for _, u := range x.Index {
		if u.Kind == "cell" {
			got[u.Text] = u.Section
		}
	}
	if got["改造"] != 0 {
		t.Errorf("a table between two headings is credited to section %d, want 0 (一、项目概况)", got["改造"])
	}
	if got["勒月影"] != -1 {
		t.Errorf("a table after the last section's text is credited to section %d, want -1 (none)", got["勒月影"])
	}
}
