package html

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/govreports/govreports/ingest/model"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A saved page holds its site's chrome around the report: a header with
// the site's name and menu, a breadcrumb, a line of publication date,
// source and hit counter, share buttons, a footer naming the site's
// sponsor and its ICP licence. The report is the page's main content,
// found as readability finds an article: by where the text that is not
// link text lies, helped by the ids and classes sites give their
// containers. What chrome is left inside the chosen container is known by
// its usual words and dropped line by line.

// Hints in ids and classes, lower case. A content hint marks the
// containers content management systems put articles in (TRS_Editor and
// Custom_UnionStyle are TRS WCM's, zoom the font-size switch's target);
// a chrome hint marks navigation and the like.
var (
	contentHints = []string{"content", "article", "zoom", "trs_editor", "custom_unionstyle", "main", "detail", "text", "zhengwen", "zw", "conter", "wzy", "info_con", "news_con"}
	chromeHints  = []string{"nav", "menu", "breadcrumb", "crumb", "position", "location", "share", "bdshare", "jiathis", "print", "footer", "foot", "copyright", "sidebar", "pager", "pagination", "toolbar", "header", "banner", "search", "login", "friendlink", "links", "fontsize", "related", "xgwz", "bottom", "top",
		// and in pinyin: 位置, 当前位置, 面包屑, 导航, 分享, 打印, 版权, 底部, 头部
		"weizhi", "dqwz", "mianbao", "daohang", "fenxiang", "dayin", "banquan", "dibu", "toubu"}
)

// Thresholds of the content choice.
const (
	// A child holding this share of its parent's text is the content
	// rather than the parent (0.5 for a child with a content hint).
	dominantShare     = 0.75
	hintedShare       = 0.5
	chromeKeepLen     = 300  // a container with a chrome hint and more text than this is kept
	layoutCellText    = 1000 // a table cell with more text than this lays out a page
	linkListLinks     = 3    // a block with this many links, mostly link text, is a menu
	maxChromeLineLen  = 150  // a longer paragraph is report text, whatever it says
	titleSearchBlocks = 6    // where the page title is looked for in the content
)

// stat is the text under a node, in characters other than white space:
// all of it, what is link text, and its mass, the text that counts
// towards content: not link text, and outside hidden elements,
// navigation-like blocks (mostly links) and small blocks marked as chrome.
type stat struct{ text, link, mass, links int }

// page is what the reader knows of a parsed page.
type page struct {
	stats map[*html.Node]stat
	// whole reads all the text shown, chrome included: for the parts of
	// a page and for the HTML a Word document imports.
	whole bool
	// info are the catalogue tables of the page (see infoTable).
	info map[*html.Node]bool
}

func newPage(root *html.Node) *page {
	p := &page{stats: map[*html.Node]stat{}}
	p.count(root, false)
	return p
}

// count fills p.stats for n and below; inLink tells that n is inside <a>.
func (p *page) count(n *html.Node, inLink bool) stat {
	var s stat
	switch n.Type {
	case html.TextNode:
		for _, r := range n.Data {
			if !unicode.IsSpace(r) {
				s.text++
			}
		}
		if inLink {
			s.link = s.text
		} else {
			s.mass = s.text
		}
		return s
	case html.ElementNode:
		if skipped[n.DataAtom] || hidden(n) {
			p.stats[n] = s
			return s
		}
		if n.DataAtom == atom.A {
			inLink = true
			s.links = 1
		}
	case html.DocumentNode:
	default:
		return s
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := p.count(c, inLink)
		s.text += cs.text
		s.link += cs.link
		s.links += cs.links
		if c.Type == html.TextNode || !p.dropped(c) && cs.link*2 <= cs.text {
			s.mass += cs.mass
		}
	}
	p.stats[n] = s
	return s
}

// mass is the content text under n (see stat), 0 when n is dropped or
// mostly links.
func (p *page) mass(n *html.Node) int {
	if n.Type != html.ElementNode && n.Type != html.DocumentNode || p.dropped(n) {
		return 0
	}
	s := p.stats[n]
	if s.link*2 > s.text {
		return 0
	}
	return s.mass
}

// dropped tells whether element n is no part of the content wherever it
// stands: hidden, skipped, or a small (or link-heavy) block whose id or
// class names it chrome.
func (p *page) dropped(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if skipped[n.DataAtom] || hidden(n) {
		return true
	}
	if p.whole {
		return false
	}
	if n.DataAtom == atom.Nav || p.info[n] {
		return true
	}
	if s := p.stats[n]; s.links >= linkListLinks && s.link*2 > s.text {
		return true // a menu, a list of related articles: no report text
	}
	hints := hintText(n)
	if hints == "" || hasHint(hints, contentHints) || !hasHint(hints, chromeHints) {
		return false
	}
	s := p.stats[n]
	return s.text < chromeKeepLen || s.link*2 > s.text
}

// hintText is the id and class of n, lower case.
func hintText(n *html.Node) string {
	id, class := attr(n, "id"), attr(n, "class")
	if id == "" && class == "" {
		return "" // most elements: nothing to allocate
	}
	return strings.ToLower(id + " " + class)
}

// hasHint reports whether an id or class (s, lower case) holds a hint: as
// a whole name ("trs_editor"), as a word of it between hyphens and
// underscores ("zw" in "article_zw"), or, for hints of three letters or
// more, at the start or end of a name or word ("navbar", "maincontent";
// not "canvas", and "zwgk", 政务公开, is no "zw").
func hasHint(s string, hints []string) bool {
	match := func(w, h string) bool {
		return w == h || len(h) >= 3 && (strings.HasPrefix(w, h) || strings.HasSuffix(w, h))
	}
	for _, name := range strings.Fields(s) {
		words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' })
		for _, h := range hints {
			if match(name, h) {
				return true
			}
			for _, w := range words {
				if match(w, h) {
					return true
				}
			}
		}
	}
	return false
}

// hidden tells whether n is not shown as body text: hidden by its
// attributes or style, or one of the parts Word's HTML keeps in divs of
// their own (msoPart).
func hidden(n *html.Node) bool {
	if hasAttr(n, "hidden") {
		return true
	}
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") || msoPart(n) != ""
}

// msoPart names the part a div of a page Word saved holds (its style
// says mso-element:footnote-list and the like): "footnote", "endnote",
// "comment", "header" or "footer"; "" for any other element. These are
// the document's parts, not its body.
func msoPart(n *html.Node) string {
	if n.DataAtom != atom.Div {
		return ""
	}
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	i := strings.Index(st, "mso-element:")
	if i < 0 {
		return ""
	}
	v := st[i+len("mso-element:"):]
	if j := strings.IndexByte(v, ';'); j >= 0 {
		v = v[:j]
	}
	for _, k := range []string{"footnote", "endnote", "comment", "header", "footer"} {
		if strings.HasPrefix(v, k) {
			return k
		}
	}
	return ""
}

// holdsPart tells whether a part's div holds parts of its own (a
// footnote list its footnotes).
func holdsPart(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if msoPart(c) != "" {
			return true
		}
	}
	return false
}

// parts keeps the text of the parts Word's HTML holds apart as
// Document.Parts.
func (p *page) parts(doc *model.Document, root *html.Node) {
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped[c.DataAtom] {
				continue
			}
			if kind := msoPart(c); kind != "" && !holdsPart(c) {
				s := &cellSink{doc: &model.Document{}}
				w := &walker{doc: s.doc, page: &page{stats: p.stats, whole: true}, out: s}
				w.walkChildren(c)
				w.flush()
				texts := make([]string, len(s.paras))
				for i, para := range s.paras {
					texts[i] = para.Text
				}
				if len(texts) > 0 {
					doc.Parts = append(doc.Parts, model.Part{Kind: kind, Name: attr(c, "id"), Text: strings.Join(texts, "\n")})
				}
				continue
			}
			find(c)
		}
	}
	find(root)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// layoutTable tells whether table n lays out the page rather than holding
// data: a single row or column, or a cell holding a heading or a whole
// article. Old sites build whole pages of such tables; a report's tables,
// even small ones, have a header row over rows of figures.
func (p *page) layoutTable(n *html.Node, rows []*html.Node) bool {
	if strings.EqualFold(attr(n, "role"), "presentation") || len(rows) == 1 {
		return true
	}
	wide := false
	for _, tr := range rows {
		cells := rowCells(tr)
		if len(cells) > 1 || len(cells) == 1 && span(cells[0], "colspan", 2) > 1 {
			wide = true
		}
		for _, td := range cells {
			if p.stats[td].text > layoutCellText || holdsHeading(td) {
				return true
			}
		}
	}
	return !wide
}

// holdsHeading tells whether an h1..h6 stands under n, outside nested
// tables.
func holdsHeading(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom == atom.Table {
			continue
		}
		if headingLevel(c.DataAtom) > 0 || holdsHeading(c) {
			return true
		}
	}
	return false
}

// container chooses the element that holds the page's main content:
// from body down, the child that holds most of its parent's content text
// (dominantShare of it, or hintedShare for a child with a content hint),
// until no child dominates or the child may not be entered (see enter).
// title is the page's title, which may stand beside the content.
func (p *page) container(body *html.Node, title string) *html.Node {
	n := body
	for {
		total := p.mass(n)
		if total == 0 {
			return n
		}
		var best *html.Node
		bestMass := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if m := p.mass(c); m > bestMass {
				best, bestMass = c, m
			}
		}
		if best == nil {
			return n
		}
		share := float64(bestMass) / float64(total)
		if share < dominantShare && !(share >= hintedShare && hasHint(hintText(best), contentHints)) {
			return n
		}
		if !p.enter(n, best, title) {
			return n
		}
		n = best
	}
}

// containers are the elements that hold blocks rather than text.
var containers = map[atom.Atom]bool{
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Center: true, atom.Form: true, atom.Table: true, atom.Tbody: true,
	atom.Thead: true, atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true,
}

// sectionStart is the start of a numbered section heading: 一、, （一）,
// 第一章.
var sectionStart = regexp.MustCompile(`^\s*(第[一二三四五六七八九十]+[章节部分]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])`)

// enter tells whether the content lies in child rather than in n, whose
// content child dominates. A paragraph (an element without blocks inside)
// is not entered, nor a data table: the text around them is report text
// too. Nor is child entered when a heading of the report stands beside
// it (an h1–h6 or a numbered heading, other than the page's title): a
// long first section must not leave its heading out.
func (p *page) enter(n, child *html.Node, title string) bool {
	if !containers[child.DataAtom] || !hasBlock(child) {
		return false
	}
	if child.DataAtom == atom.Table && !p.layoutTable(child, tableRows(child)) {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c == child || c.Type != html.ElementNode || p.mass(c) == 0 {
			continue
		}
		text := leadText(c, 40)
		if squash(text) == squash(title) {
			continue
		}
		if headingLevel(c.DataAtom) > 0 || sectionStart.MatchString(text) {
			return false
		}
	}
	return true
}

// hasBlock tells whether a block element or a line break stands among
// n's children.
func hasBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blockLevel[c.DataAtom] || c.DataAtom == atom.Br) {
			return true
		}
	}
	return false
}

// leadText is the first characters of n's text, about limit of them.
func leadText(n *html.Node, limit int) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && b.Len() < limit*3; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && !skipped[c.DataAtom]:
				walk(c)
			}
		}
	}
	walk(n)
	return strings.TrimSpace(oneLine(b.String()))
}

// Lines of chrome left inside a content container: the breadcrumb, the
// line of date, source and hit counter, font-size and print links, share
// buttons, the footer's sponsor and licence lines. Only short paragraphs
// are judged, and words a report may use (点击次数 of a website project,
// 主办单位 of an event) only in the shape chrome gives them: a counter
// with its colon and number alone, a sponsor beside other footer labels.
var chromeLine = regexp.MustCompile(`^\s*(当前位置|您的位置|您现在的位置|您当前的位置|所在位置|当前所在位置)\s*[:：]` +
	`|^\s*(网站首页|首页)\s*(>|»|›|＞|/)` +
	`|(浏览次数|浏览量|点击数|点击次数|点击量|阅读次数|访问次数|访问量)\s*[:：]\s*\d*\s*次?\s*($|\s|[|｜【\[])` +
	`|字号\s*[:：]?\s*[\[【]?\s*大|打印本页|打印此页|关闭窗口|关闭本页|[【\[]\s*(打印|关闭|收藏)\s*[】\]]` +
	`|^\s*分享到|ICP备|ICP证|网站标识码|政府网站找错|版权所有|公网安备` +
	`|(主办单位|主办|承办单位|承办)\s*[:：].{0,80}(主办|承办|ICP|备案|电话|地址|邮编|标识码|技术支持|维护)` +
	`|^\s*(上一篇|下一篇)\s*[:：]` +
	`|^\s*(发布时间|发布日期|信息来源|文章来源|来源|作者|编辑|责任编辑)\s*[:：].{0,60}(发布时间|发布日期|来源|浏览|点击|作者|编辑|字号)`)

// shortSource is a line of its own naming the source or date: "来源：县财政局".
var shortSource = regexp.MustCompile(`^\s*(发布时间|发布日期|信息来源|文章来源|来源)\s*[:：]\s*\S{0,30}\s*$`)

// chromeWords are the words every chrome line holds one of: most
// paragraphs hold none, and are not given to the regular expressions,
// which would take half the reader's time.
var chromeWords = []string{"位置", "首页", "次数", "浏览量", "访问量", "点击", "字号", "打印", "关闭", "收藏", "分享", "ICP",
	"标识码", "找错", "版权", "公网安备", "主办", "承办", "上一篇", "下一篇", "发布", "来源", "作者", "编辑"}

func isChromeLine(s string) bool {
	if utf8.RuneCountInString(s) > maxChromeLineLen {
		return false
	}
	for _, w := range chromeWords {
		if strings.Contains(s, w) {
			return chromeLine.MatchString(s) || shortSource.MatchString(s)
		}
	}
	return false
}

// readPage reads the page's metadata and main content into doc.
func readPage(doc *model.Document, gq *goquery.Document) {
	root := gq.Nodes[0]
	body := gq.Find("body").Nodes
	info, entry := findInfoTables(root)
	p := &page{stats: map[*html.Node]stat{}, info: info}
	p.count(root, false)
	props, article := pageProps(gq, entry)
	if len(props) > 0 {
		doc.Props = props
	}
	start := root
	if len(body) > 0 {
		start = p.container(body[0], props["title"])
	}
	p.parts(doc, root)
	w := &walker{doc: doc, page: p, out: bodySink{doc}}
	if start.DataAtom == atom.Table {
		w.table(start, 0, 0, 0)
	} else {
		w.walkChildren(start)
	}
	w.flush()
	// Chrome left inside the container goes.
	kept := doc.Body[:0]
	for _, b := range doc.Body {
		if b.Kind == model.KindParagraph && isChromeLine(b.Para.Text) {
			continue
		}
		kept = append(kept, b)
	}
	doc.Body = kept
	// The title often stands above the container (an h1 beside the
	// article's body): put it first, so that the report has its title.
	if t := props["title"]; article && !titleIn(doc.Body, t) {
		doc.Body = append([]model.Block{{Kind: model.KindParagraph, Para: model.Paragraph{Text: t, NumLevel: -1}}}, doc.Body...)
	}
}

// titleIn tells whether the first paragraphs of body hold title.
func titleIn(body []model.Block, title string) bool {
	want := squash(title)
	for i, b := range body {
		if i >= titleSearchBlocks {
			break
		}
		if b.Kind == model.KindParagraph && strings.Contains(squash(b.Para.Text), want) {
			return true
		}
	}
	return false
}

// squash drops white space, for comparing text laid out differently.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
