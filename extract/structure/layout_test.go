package structure

import "testing"

func TestIsArtefact(t *testing.T) {
	for in, want := range map[string]bool{
		"- 1 -":       true,
		"第 1 页 共 3 页": true,
		"第 2 頁 共 3 頁": true,
		"发布时间：2021-05-06 10:23  来源：区财政局  浏览次数：128": true,
		"来源：某某区人民政府":                               true,
		"字体：[大 中 小]":                               true,
		"首页 > 政务公开 > 财政信息 > 绩效评价":                  true,
		"当前位置：首页>信息公开>预算绩效":                        true,
		"【打印】【关闭】":                                 true,
		"[打印本页] [关闭窗口]":                            true,
		"扫一扫在手机打开当前页":                              true,
		"资金来源：财政拨款":                                false,
		"来源于区级财政预算安排。":                             false,
		"一、项目概况":                                   false,
		"【案例】某社区通过引入社会力量，实现了养老服务全覆盖，群众满意度显著提高。": false,
		"首页改版后访问量明显提升。": false,
	} {
		if got := isArtefact(in); got != want {
			t.Errorf("isArtefact(%q) = %v, want %v", in, got, want)
		}
	}
}
