package structure

import (
	"fmt"
	"strings"
	"testing"

	"github.com/govreports/govreports/extract/internal/doctest"
)

// outline lists the sections of the first report of src as "level marker title".
func outline(src string) string {
	l := Analyze(doctest.Parse("t", src))
	secs, _ := l.Sections(l.Spans[0])
	var b strings.Builder
	for _, s := range secs {
		fmt.Fprintf(&b, "%d %s%s\n", s.Level, s.Marker, s.Title)
	}
	return b.String()
}

// TestNumberedSentences: numbered sentences are list items of the body,
// numbered labels are headings even with a stray full stop.
func TestNumberedSentences(t *testing.T) {
	got := outline(`2021年度某某区教育局部门整体支出绩效自评报告
一、部门职能
1.负责全区各级各类学校的教育教学管理工作。
2.统筹管理全区教育经费，监督教育经费使用情况。
二、存在问题
1.部分站点使用率偏低。
三、评价指标分析
1.项目立项规范性。
项目按规定程序申请设立。
2.绩效目标合理性
绩效目标明确。
3.项目立项依据充分，决策程序规范。
项目经区政府常务会议研究同意。`)
	want := `1 一、部门职能
1 二、存在问题
1 三、评价指标分析
2 1.项目立项规范性
2 2.绩效目标合理性
2 3.项目立项依据充分，决策程序规范
`
	if got != want {
		t.Errorf("sections:\n%s\nwant\n%s", got, want)
	}
}

// TestFamilyOrder: a family that appears late but conventionally stands
// above one seen before takes its place above it, so that the headings
// under it have it as their parent.
func TestFamilyOrder(t *testing.T) {
	l := Analyze(doctest.Parse("t", `2021年度某某项目绩效评价报告
一、项目实施情况
1.决策有目标
二、存在问题
（一）资金管理方面
1.支出凭证不全
2.资金拨付滞后`))
	secs, _ := l.Sections(l.Spans[0])
	var got []string
	for _, s := range secs {
		parent := "-"
		if s.Parent >= 0 {
			parent = secs[s.Parent].Marker
		}
		got = append(got, fmt.Sprintf("%s L%d under %s", s.Marker, s.Level, parent))
	}
	want := "一、 L1 under - | 1. L3 under 一、 | 二、 L1 under - | （一） L2 under 二、 | 1. L3 under （一） | 2. L3 under （一）"
	if strings.Join(got, " | ") != want {
		t.Errorf("sections:\n%s\nwant\n%s", strings.Join(got, " | "), want)
	}
}

func TestLongHeading(t *testing.T) {
	got := outline(`2021年度某某项目绩效评价报告
一、项目基本情况及年度绩效目标设定与调整资金到位使用管理和项目组织实施情况的综合分析评价
项目于2021年实施。
二、评价结论`)
	want := "1 一、项目基本情况及年度绩效目标设定与调整资金到位使用管理和项目组织实施情况的综合分析评价\n1 二、评价结论\n"
	if got != want {
		t.Errorf("sections:\n%s\nwant\n%s", got, want)
	}
}
