package html

import (
	"fmt"
	"testing"
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
