package html

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestLines(t *testing.T) {
	in := `<html><head><title>不读</title><style>p{}</style></head><body>
<h1>一、项目概况</h1><p>正文&nbsp;第一段<br>第二行</p>
<table><tr><td>项目</td><td>金额</td></tr><tr><td>经费</td><td>72.4万</td></tr></table>
<script>var x = "<p>不读</p>";</script><p>后
文</p></body></html>`
	want := `["一、项目概况" "正文 第一段" "第二行" "项目 金额" "经费 72.4万" "后 文"]`
	if got := fmt.Sprintf("%q", Lines([]byte(in))); got != want {
		t.Errorf("Lines = %s\nwant    %s", got, want)
	}
}

// Lines reads nested tables into the row that holds them, GBK parts by
// their declaration, and whatever nesting the parser refuses.
func TestLinesMore(t *testing.T) {
	in := "<html><head><meta charset=gbk></head><body><table><tr><td>甲</td><td><table><tr><td>乙</td><td>丙</td></tr></table></td></tr><tr><td>丁</td></tr></table></body></html>"
	gb, _ := simplifiedchinese.GBK.NewEncoder().String(in)
	want := `["甲 乙 丙" "丁"]`
	if got := fmt.Sprintf("%q", Lines([]byte(gb))); got != want {
		t.Errorf("Lines = %s\nwant    %s", got, want)
	}
	// An imported part has no site chrome: every block is read.
	if got := fmt.Sprintf("%q", Lines([]byte(`<div class="nav"><a href="/">首页</a> <a href="/a">甲</a> <a href="/b">乙</a></div><div class="footer">页脚</div>`))); got != `["首页 甲 乙" "页脚"]` {
		t.Errorf("Lines of blocks named as chrome = %s", got)
	}
	deep := "<body><p>前</p>" + strings.Repeat("<div>", 1000) + "深"
	if got := fmt.Sprintf("%q", Lines([]byte(deep))); got != `["前" "深"]` {
		t.Errorf("Lines of a deep page = %s", got)
	}
}
