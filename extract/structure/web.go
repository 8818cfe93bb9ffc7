package structure

import (
	"regexp"
	"strings"

	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/ingest/model"
)

var (
	// webDocLabels head the lines of a government site's metadata block
	// that isWebMeta cannot tell on their own: "标题：" repeats the
	// article's title, and would otherwise read as a report's title with
	// its label, "文号：无" as a line of body.
	webDocLabels = regexp.MustCompile(`^(?:标题|题名|文号|发文字号|主题分类|主题词|分类|生成日期|公开方式|公开范围|公开时限|有效性|所属机构)[：:]`)
	// relatedList heads a page's list of links to other articles (相关文章,
	// 推荐阅读 …), whose titles name other reports.
	relatedList = regexp.MustCompile(`^(?:相关(?:文章|链接|阅读|新闻|信息|稿件|推荐)|推荐阅读|延伸阅读|热点(?:文章|推荐))[：:]?$`)
)

// webLimit is how many blocks a related-links list is followed through.
const webLimit = 12

// markWebPage marks the furniture of a saved web page that is furniture
// only by its neighbours: the lines of the metadata block beside those
// isWebMeta tells (索引号, 发布机构 …), and the titles listed under 相关文章.
func (l *Layout) markWebPage() {
	for i, r := range l.Roles {
		if r == RoleBlank || r == RoleTable || l.Doc.Body[i].Kind != model.KindParagraph {
			continue
		}
		s := l.Norm[i].Squashed
		if r != RoleArtefact && webDocLabels.MatchString(s) && l.nearWebMeta(i) {
			l.Roles[i] = RoleArtefact
			continue
		}
		if relatedList.MatchString(s) {
			l.Roles[i] = RoleArtefact
			l.markRelated(i + 1)
		}
	}
}

// nearWebMeta reports whether a block within two of block i is a line of
// a web page's metadata block.
func (l *Layout) nearWebMeta(i int) bool {
	for j := i - 2; j <= i+2; j++ {
		if j == i || j < 0 || j >= len(l.Roles) || l.Roles[j] != RoleArtefact {
			continue
		}
		if isWebMeta(strings.TrimFunc(textnorm.OneLine(l.Norm[j].Folded), textnorm.IsSpace)) {
			return true
		}
	}
	return false
}

// markRelated marks the titles of a related-links list from block i on:
// the list runs over titles and short lines without a sentence's stop,
// and ends at anything else.
func (l *Layout) markRelated(i int) {
	for end := min(i+webLimit, len(l.Roles)); i < end; i++ {
		switch l.Roles[i] {
		case RoleTitle:
			l.Roles[i] = RoleArtefact
		case RoleBlank, RoleArtefact:
		case RoleText:
			if textnorm.Len(l.Text[i]) > 60 || strings.ContainsRune(l.Text[i], '。') {
				return
			}
		default:
			return
		}
	}
}
