package html

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Government sites state an article's metadata in <meta> tags the
// national site guidelines name (ArticleTitle, PubDate, ContentSource)
// and in a line above the article: "发布时间：2021-08-16 来源：县财政局
// 浏览次数：". The tags win; the line is read where they are missing.

var (
	// dateLabel finds a labelled date: 发布时间：2021-08-16 09:30,
	// 发布日期：2021年8月16日. The label starts the line or follows a
	// space, so that a report's 评价时间： is not taken for it.
	dateLabel = regexp.MustCompile(`(?:^|[\s|｜\[【])(?:发布时间|发布日期|发文日期|成文日期|日期|时间)\s*[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})`)
	// isoDate reads a date a <meta> gives.
	isoDate = regexp.MustCompile(`^\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})`)
	// sourceLabel finds a labelled source; it ends at white space or at
	// the next label of the line. Like the date's, the label starts the
	// line or follows a space (资金来源： is no source of the page).
	sourceLabel = regexp.MustCompile(`(?:^|[\s|｜\[【])(?:信息来源|文章来源|来源)\s*[:：]\s*([^\s:：|｜]+?)\s*(?:$|\s|[|｜]|发布|浏览|点击|阅读|访问|作者|编辑|责任|字号|【|\[)`)
	// titleSeparators part the article's title from the column and site
	// names in <title>: "标题_通知公告_某某县人民政府".
	titleSeparators = regexp.MustCompile(`\s*(?:_|\||｜|--|——|－|\s-\s)\s*`)
)

// pageProps returns the page's title, publication date (ISO) and source,
// where stated; article tells that the title is the article's (see
// pageTitle). entry is what the page's catalogue table says (see
// infoTable), nil when it has none.
func pageProps(gq *goquery.Document, entry map[string]string) (props map[string]string, article bool) {
	props = map[string]string{}
	meta := func(names ...string) string {
		for _, name := range names {
			var v string
			gq.Find("meta").EachWithBreak(func(_ int, s *goquery.Selection) bool {
				if key, _ := s.Attr("name"); strings.EqualFold(key, name) {
					v, _ = s.Attr("content")
				} else if key, _ := s.Attr("property"); strings.EqualFold(key, name) {
					v, _ = s.Attr("content")
				}
				v = strings.TrimSpace(v)
				return v == ""
			})
			if v != "" {
				return v
			}
		}
		return ""
	}
	t, article := pageTitle(gq, meta("ArticleTitle"))
	if t != "" {
		props["title"] = t
	}
	article = article && t != meta("SiteName")
	if m := isoDate.FindStringSubmatch(meta("PubDate", "publishdate", "article:published_time")); m != nil {
		if d, ok := isoDay(m[1], m[2], m[3]); ok {
			props["published"] = d
		}
	}
	if s := meta("ContentSource"); s != "" {
		props["source"] = s
	}
	for _, label := range []string{"发布日期", "公开日期", "成文日期", "生成日期"} {
		if m := isoDate.FindStringSubmatch(entry[label]); m != nil && props["published"] == "" {
			if d, ok := isoDay(m[1], m[2], m[3]); ok {
				props["published"] = d
			}
		}
	}
	for _, label := range []string{"发布机构", "发文机关", "发文机构", "公开主体"} {
		if v := entry[label]; v != "" && props["source"] == "" {
			props["source"] = v
		}
	}
	if props["published"] != "" && props["source"] != "" {
		return props, article
	}
	// The line above the article: the first labelled date and source in
	// the body's text, read block by block.
	for _, line := range pageLines(gq) {
		if utf8.RuneCountInString(line) > maxChromeLineLen {
			continue
		}
		if props["published"] == "" {
			if m := dateLabel.FindStringSubmatch(line); m != nil {
				if d, ok := isoDay(m[1], m[2], m[3]); ok {
					props["published"] = d
				}
			}
		}
		if props["source"] == "" {
			if m := sourceLabel.FindStringSubmatch(line + " "); m != nil {
				props["source"] = m[1]
			}
		}
		if props["published"] != "" && props["source"] != "" {
			break
		}
	}
	return props, article
}

// isoDay writes a date as YYYY-MM-DD when it is one.
func isoDay(y, m, d string) (string, bool) {
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	dd, _ := strconv.Atoi(d)
	if yy < 1949 || yy > 2100 || mm < 1 || mm > 12 || dd < 1 || dd > 31 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", yy, mm, dd), true
}

// pageTitle is the article's title: the ArticleTitle tag, else the
// heading that matches the first part of <title>, else that part, else
// the first h1. article tells that it is the article's title rather than
// maybe the site's: a tag, a heading, or the first part of a <title> that
// also names a column or site ("标题_通知公告_某某县人民政府").
func pageTitle(gq *goquery.Document, tag string) (title string, article bool) {
	if tag != "" {
		return oneLine(tag), true
	}
	head := ""
	parts := titleSeparators.Split(oneLine(gq.Find("title").First().Text()), -1)
	if len(parts) > 0 {
		head = parts[0]
	}
	var best string
	gq.Find("h1, h2, h3, .title, .biaoti, #title").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		t := oneLine(s.Text())
		if t == "" || len([]rune(t)) > 200 {
			return true
		}
		if head != "" && len([]rune(head)) >= 6 && (strings.Contains(squash(t), squash(head)) || strings.Contains(squash(head), squash(t)) && len([]rune(t)) >= 6) {
			best = t
			return false
		}
		return true
	})
	if best != "" {
		return best, true
	}
	if head != "" {
		return head, len(parts) > 1
	}
	h1 := oneLine(gq.Find("h1").First().Text())
	return h1, h1 != ""
}

// oneLine collapses white space (no-break spaces included) to single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// pageLines is the text of the page's body as lines, one per block, the
// chrome included.
func pageLines(gq *goquery.Document) []string {
	var lines []string
	var cur strings.Builder
	flush := func() {
		if s := oneLine(cur.String()); s != "" {
			lines = append(lines, s)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return
			}
		}
		block := n.Type == html.ElementNode && (blockLevel[n.DataAtom] || n.Data == "br")
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	for _, n := range gq.Find("body").Nodes {
		walk(n)
	}
	flush()
	return lines
}
