package docx

import (
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus/docxgen"
)

// fixture is one generated document: the construct it checks, its golden
// output in testdata/golden/<name>.golden, and the strings its body text
// must and must not hold (so a wrong golden cannot hide a leak).
type fixture struct {
	name   string
	doc    docxgen.Doc
	has    []string
	hasNot []string
}

const headingStyles = `
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:pPr><w:pageBreakBefore/><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Subtitle"/><w:basedOn w:val="Title"/><w:pPr><w:pageBreakBefore w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListHeading"><w:name w:val="List Heading"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Linked"><w:name w:val="Linked Heading"/><w:basedOn w:val="a"/></w:style>
`

// numberingXML has a Chinese outline list (num 1, its third level linked
// to style Linked), a decimal list whose fifth level is linked to style
// ListHeading (num 7), and a list with numFmt none (num 8).
const numberingXML = `
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Linked"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%4)"/></w:lvl>
<w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="ListHeading"/><w:lvlText w:val="(%5)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="2"/></w:num>`

// textBox is a drawing whose text box appears in both branches of an
// mc:AlternateContent, as Word writes it.
const textBox = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>框中文字</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>框中文字</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`

func fixtures(t *testing.T) []fixture {
	chunk, err := docxgen.Doc{Body: docxgen.P("导入的文档") + `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>` + docxgen.P("甲") + `</w:tc><w:tc>` + docxgen.P("乙") + `</w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>` + docxgen.P("丙") + `</w:tc></w:tr></w:tbl>`}.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return []fixture{
		{
			name: "runs",
			doc: docxgen.Doc{Body: `
<w:p><w:r><w:t>项目名称：</w:t><w:tab/><w:t>现代服务</w:t><w:br/><w:t>第二行</w:t><w:cr/><w:t>第三行</w:t></w:r></w:p>
<w:p><w:r><w:br w:type="page"/><w:lastRenderedPageBreak/><w:t>新页开始</w:t></w:r></w:p>
<w:p><w:r><w:t>2021</w:t><w:noBreakHyphen/><w:t>2023</w:t><w:t xml:space="preserve"> co</w:t><w:softHyphen/><w:t>operate</w:t><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>右</w:t></w:r></w:p>
<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:t>是</w:t><w:sym w:font="Wingdings" w:char="F0A8"/><w:t>否</w:t><w:sym w:font="Wingdings 2" w:char="F052"/><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="Symbol" w:char="F061"/><w:sym w:font="Arial Unicode MS" w:char="2611"/></w:r></w:p>
<w:p><w:r><w:t>段末分页</w:t><w:br w:type="page"/></w:r></w:p>
<w:p><w:r><w:t>下一页</w:t></w:r></w:p>
<w:p><w:r><w:t>页中</w:t><w:br w:type="page"/><w:t>分页</w:t></w:r></w:p>`},
			has:    []string{"项目名称：\t现代服务\n第二行\n第三行", "2021-2023 cooperate\t右", "☑是☐否☑✓α☑"},
			hasNot: []string{"\u00ad"},
		},
		{
			name: "wrappers",
			doc: docxgen.Doc{Body: `
<w:p><w:hyperlink r:id="rId9"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink><w:smartTag w:uri="urn:x" w:element="place"><w:smartTagPr/><w:smartTag w:element="city"><w:r><w:t>南昌</w:t></w:r></w:smartTag></w:smartTag><w:customXml w:element="x"><w:r><w:t>自定义</w:t></w:r></w:customXml></w:p>
<w:sdt><w:sdtPr><w:alias w:val="项目名称"/><w:placeholder><w:docPart w:val="X"/></w:placeholder><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>块级内容控件</w:t></w:r></w:p></w:sdtContent></w:sdt>
<w:p><w:r><w:t>行内</w:t></w:r><w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtEndPr/><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt></w:p>
<w:customXml w:element="block"><w:p><w:r><w:t>块级自定义</w:t></w:r></w:p></w:customXml>
<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>
<w:sdt><w:sdtPr/><w:sdtContent><w:tr><w:tc><w:p><w:r><w:t>行控件</w:t></w:r></w:p></w:tc><w:sdt><w:sdtPr/><w:sdtContent><w:tc><w:p><w:r><w:t>单元格控件</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt>
</w:tbl>
<w:p><w:r><w:t xml:space="preserve">同意 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/><w:checked/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> 不同意 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:default w:val="0"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:fldSimple w:instr=" SEQ 表 \* ARABIC "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t>号表</w:t></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:hyperlink w:anchor="_Toc1"><w:r><w:t>一、概况</w:t></w:r><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>
<w:p><w:r><w:t>二、结论</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "http://x/" \o "</w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>内层结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText>"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>外层结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>之后</w:t></w:r></w:p>`},
			has:    []string{"链接文字南昌自定义", "块级内容控件", "行内控件", "块级自定义", "1号表", "一、概况\t3", "二、结论", "外层结果之后", "同意 ☑ 不同意 ☐"},
			hasNot: []string{"项目名称", "TOC", "PAGE", "HYPERLINK", "内层结果", "SEQ", "FORMCHECKBOX"},
		},
		{
			name: "tracked",
			doc: docxgen.Doc{Styles: headingStyles, Body: `
<w:p><w:r><w:t>保留</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>删除的字</w:delText></w:r></w:del><w:moveFrom w:id="3"><w:r><w:t>移走的字</w:t></w:r></w:moveFrom><w:moveTo w:id="4"><w:r><w:t>移来</w:t></w:r></w:moveTo></w:p>
<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="a"/></w:rPr></w:pPr><w:r><w:t>前半段</w:t></w:r></w:p>
<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>后半段</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="1"/><w:rPr><w:del w:id="10" w:author="a"/></w:rPr></w:pPr><w:r><w:t>表前被删段落标记</w:t></w:r></w:p>
<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:pPr><w:rPr><w:del w:id="6" w:author="a"/></w:rPr></w:pPr><w:del w:id="7"><w:r><w:delText>整段删除</w:delText></w:r></w:del></w:p>
<w:p><w:r><w:t>下一段</w:t></w:r></w:p>
<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:trPr><w:del w:id="8"/></w:trPr><w:tc><w:p><w:del w:id="9"><w:r><w:delText>删除的行</w:delText></w:r></w:del></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>留下的行</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`},
			has:    []string{"保留插入移来", "前半段后半段", "下一段", "留下的行"},
			hasNot: []string{"删除", "移走"},
		},
		{
			name: "textbox",
			doc: docxgen.Doc{Body: `
<w:p><w:r><w:t>锚定段落</w:t></w:r>` + textBox + `</w:p>
<w:p><w:r><w:t>之后的段落</w:t></w:r></w:p>
<w:p><mc:AlternateContent><mc:Choice Requires="x"><w:r><w:t>不认识的分支</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>后备分支</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>`},
			has:    []string{"锚定段落\n框中文字\n之后的段落", "后备分支"},
			hasNot: []string{"框中文字\n框中文字", "不认识"},
		},
		{
			name: "altchunk",
			doc: docxgen.Doc{
				Body: docxgen.P("前") + `<w:altChunk r:id="c1"/><w:altChunk r:id="c2"/><w:altChunk r:id="c3"/><w:altChunk r:id="c4"/>` + docxgen.P("后"),
				Rels: []docxgen.Rel{{ID: "c1", Type: "aFChunk", Target: "chunk1.html"}, {ID: "c2", Type: "aFChunk", Target: "chunk2.txt"},
					{ID: "c3", Type: "aFChunk", Target: "chunk3.docx"}, {ID: "c4", Type: "aFChunk", Target: "chunk4.rtf"}},
				Files: map[string][]byte{
					"word/chunk1.html": []byte(`<html><head><title>不显示</title><style>p{}</style></head><body><p>网页&nbsp;第一段</p><div>第二段<br>换行</div></body></html>`),
					"word/chunk2.txt":  []byte("文本一\r\n文本二"),
					"word/chunk3.docx": chunk,
					"word/chunk4.rtf":  []byte(`{\rtf1 富文本}`),
				},
			},
			has:    []string{"前\n网页 第一段\n第二段\n换行\n文本一\n文本二\n导入的文档", "后"},
			hasNot: []string{"不显示", "富文本"},
		},
		{
			name: "styles",
			doc: docxgen.Doc{Styles: headingStyles, Body: `
<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>一级标题</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>二级标题继承加粗</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>部分</w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>不加粗</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">  </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>字符样式加粗</w:t></w:r></w:p>
<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>直接大纲级别</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="1"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>正文级别</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>标题样式分页居中</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Sub"/></w:pPr><w:r><w:t>两端对齐不算居中</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Missing"/><w:pageBreakBefore/></w:pPr><w:r><w:t>未知样式</w:t></w:r></w:p>`},
			has: []string{"一级标题", "正文级别"},
		},
		{
			name: "numbering",
			doc: docxgen.Doc{Styles: headingStyles, Numbering: numberingXML, Body: `
<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>直接编号</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>二级</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="ListHeading"/></w:pPr><w:r><w:t>样式给编号</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="ListHeading"/><w:numPr><w:ilvl w:val="3"/></w:numPr></w:pPr><w:r><w:t>样式给编号段落给级别</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="ListHeading"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>编号被取消</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Linked"/></w:pPr><w:r><w:t>级别链接样式</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="99"/></w:numPr></w:pPr><w:r><w:t>未知编号</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="8"/></w:numPr></w:pPr><w:r><w:t>不显示的编号</w:t></w:r></w:p>
<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>表中编号</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>表后编号</w:t></w:r></w:p>`,
				Headers: []string{`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>页眉不计数</w:t></w:r></w:p>`}},
		},
		{
			name: "tables",
			doc: docxgen.Doc{Body: docxgen.P("表前") + `
<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
<w:tr><w:tc><w:tcPr><w:gridSpan w:val="4"/></w:tcPr>` + docxgen.P("标题行") + `</w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>` + docxgen.P("纵向合并") + `</w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>` + docxgen.P("横跨两列") + `</w:tc><w:tc>` + docxgen.P("甲", "乙") + docxgen.P("第二段") + `</w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr>` + docxgen.P("旧式横向") + `</w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc><w:tc>` + docxgen.P("C") + `</w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge w:val="continue"/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr>
  <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc>` + docxgen.P("内表一") + `</w:tc><w:tc>` + docxgen.P("内表二") + `</w:tc></w:tr></w:tbl>` + docxgen.P("内表之后") + `</w:tc></w:tr>
<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>` + docxgen.P("前后留空") + `</w:tc></w:tr>
</w:tbl>` + docxgen.P("表后")},
			has: []string{"表前", "表后"},
		},
		{
			name: "parts",
			doc: docxgen.Doc{
				Body:      `<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`,
				Headers:   []string{`<w:p><w:r><w:t>附件6</w:t></w:r></w:p>`},
				Footers:   []string{`<w:p><w:r><w:t xml:space="preserve">第 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p>`},
				Footnotes: `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>续分隔</w:t></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>脚注一</w:t></w:r></w:p><w:p><w:r><w:t>脚注第二段</w:t></w:r></w:p></w:footnote>`,
				Endnotes:  `<w:endnote w:id="1"><w:p><w:r><w:t>尾注</w:t></w:r></w:p></w:endnote>`,
				Comments:  `<w:comment w:id="0" w:author="a"><w:p><w:r><w:t>批注</w:t></w:r></w:p></w:comment>`,
				Core:      `<dc:title>现代服务业专项经费</dc:title><dc:creator>Administrator</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2020-06-20T09:12:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2021-06-25T16:40:00Z</dcterms:modified>`,
			},
			has:    []string{"正文"},
			hasNot: []string{"附件6", "脚注", "尾注", "批注", "页"},
		},
		{
			name: "document2",
			doc:  docxgen.Doc{MainPart: "word/document2.xml", Body: docxgen.P("主文档在别处"), Headers: []string{docxgen.P("页眉")}},
			has:  []string{"主文档在别处"},
		},
		{
			name: "strict",
			doc: docxgen.Doc{Strict: true, Styles: headingStyles, Body: `<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>严格格式</w:t></w:r></w:p>` +
				`<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>` + docxgen.P("格") + `</w:tc></w:tr></w:tbl>`,
				Footers: []string{docxgen.P("页脚")}},
			has: []string{"严格格式"},
		},
		{
			// WPS writes relationships to parts that do not exist.
			name: "broken-targets",
			doc: docxgen.Doc{Body: docxgen.P("目标缺失") + `<w:altChunk r:id="gone"/>`, Headers: []string{docxgen.P("页眉")},
				Rels: []docxgen.Rel{{ID: "n1", Type: "header", Target: "../NULL"}, {ID: "n2", Type: "footnotes", Target: "../NULL"},
					{ID: "gone", Type: "aFChunk", Target: "../NULL"}, {ID: "ext", Type: "hyperlink", Target: "http://example.com/", External: true}}},
			has: []string{"目标缺失"},
		},
		{
			name: "no-document-rels",
			doc:  docxgen.Doc{NoDocRels: true, Body: docxgen.P("没有关系部件")},
			has:  []string{"没有关系部件"},
		},
	}
}

func TestFixtures(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			data, err := f.doc.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ReadBytes(f.name+".docx", data)
			if err != nil {
				t.Fatal(err)
			}
			body := bodyText(doc)
			for _, s := range f.has {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q:\n%s", s, body)
				}
			}
			for _, s := range f.hasNot {
				if strings.Contains(body, s) {
					t.Errorf("body holds %q:\n%s", s, body)
				}
			}
			checkGrid(t, f.name, doc)
			checkGolden(t, f.name, dump(doc))
		})
	}
}
