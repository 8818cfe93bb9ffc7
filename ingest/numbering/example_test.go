package numbering_test

import (
	"fmt"
	"strings"

	"github.com/govreports/govreports/ingest/numbering"
)

func Example() {
	numberingXML := []byte(`<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`)
	defs, err := numbering.Parse(numberingXML)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := defs.NewCounter()
	var markers []string
	for _, ilvl := range []int{0, 1, 1, 2, 2, 0, 1} {
		marker, _ := c.Next("1", ilvl)
		markers = append(markers, marker)
	}
	fmt.Println(strings.Join(markers, " "))
	fmt.Println(numbering.Format("chineseCountingThousand", 101), numbering.Format("decimalEnclosedCircle", 3))
	// Output:
	// 一、 （一） （二） 1. 2. 二、 （一）
	// 一百〇一 ③
}
