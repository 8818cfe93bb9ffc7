package structure

import (
	"regexp"
	"strings"

	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/ingest/model"
)

// Analyze reads the roles of a document's body blocks and splits the body
// into reports. A document without a recognisable title is one untitled
// report; the first report always starts at block 0, so nothing is dropped.
func Analyze(doc *model.Document) *Layout {
	l := &Layout{
		Doc:   doc,
		Roles: make([]Role, len(doc.Body)),
		Text:  make([]string, len(doc.Body)),
		Norm:  make([]grammar.Text, len(doc.Body)),
	}
	for i := range doc.Body {
		l.Roles[i], l.Text[i] = l.readRole(i)
	}
	l.markRunningHeads()
	l.markLineCover()
	l.markNotes()
	l.markContents()
	l.markSignatures()
	l.markWebPage()
	l.split()
	return l
}

// readRole gives the role a block has on its own, before context.
func (l *Layout) readRole(i int) (Role, string) {
	b := &l.Doc.Body[i]
	if b.Kind == model.KindTable {
		if t := l.table(b.TableNo); t != nil && len(coverTable(t)) > 0 {
			return RoleCover, ""
		}
		return RoleTable, ""
	}
	s := textnorm.Clean(b.Para.Text)
	l.Norm[i] = grammar.NewText(s)
	one := textnorm.OneLine(s)
	folded := one // one, folded: the same offsets
	if l.Norm[i].Folded != s {
		folded = textnorm.OneLine(l.Norm[i].Folded)
	}
	switch {
	case s == "" && b.Para.Marker == "":
		return RoleBlank, s
	case b.Para.Marker != "":
		return RoleText, s // a numbered paragraph is body, whatever it says
	case isArtefact(folded):
		return RoleArtefact, s
	}
	if _, _, ok := attachment(one); ok {
		return RoleAttachment, s
	}
	if attachmentList(one) {
		return RoleText, s // its items name reports, but it heads none
	}
	if _, _, ok := coverField(one); ok || yearLine.MatchString(one) {
		return RoleCover, s
	}
	if _, ok := grammar.DateLine(one); ok {
		return RoleDate, s
	}
	if isTitle(folded) {
		return RoleTitle, s
	}
	return RoleText, s
}

func (l *Layout) table(no int) *model.Table {
	if no < 1 || no > len(l.Doc.Tables) {
		return nil
	}
	return &l.Doc.Tables[no-1]
}

// coverTable reads a table of "key | value" rows, a row possibly holding
// two pairs ("主管部门 | X | 实施单位 | Y", as the 绩效自评表 has it); nil
// when fewer than two rows hold fields (a header row "项目名称 | 实施单位 |
// 预算数" is one row, not a cover).
func coverTable(t *model.Table) map[string]string {
	fields := make(map[string]string)
	rows := 0
	for r := 0; r < t.Rows; r++ {
		if rowFields(t, r, fields) > 0 {
			rows++
		}
	}
	if rows < 2 {
		return nil
	}
	return fields
}

// formCover reads the cover rows at the top of a form's grid, under its
// title row: a form with one cover row (部门（单位）名称 | 某某县卫生健康局)
// above its funds block is no cover table, but its first row is a field
// all the same. It stops at the first row that is not key | value pairs
// (a header 项目名称 | 预算数 | 执行数 has three cells with text).
func formCover(t *model.Table) map[string]string {
	fields := make(map[string]string)
	for r := 0; r < t.Rows; r++ {
		row := make(map[string]string)
		if n := rowCells(t, r); n%2 == 0 {
			rowFields(t, r, row)
		}
		n := 0
		for k, v := range row {
			if v == "" {
				continue // a header's label with the next label beside it
			}
			n++
			if _, seen := fields[k]; !seen {
				fields[k] = v
			}
		}
		if n > 0 {
			continue
		}
		if r > 0 || rowCells(t, r) != 1 { // a title row first
			break
		}
	}
	return fields
}

// rowCells counts the cells with text that start in row r.
func rowCells(t *model.Table, r int) int {
	n := 0
	for c := 0; c < t.Cols; c++ {
		if cell := t.Cell(r, c); cell != nil && cell.Row == r && cell.Col == c && strings.TrimSpace(cell.Text) != "" {
			n++
		}
	}
	return n
}

// rowFields adds the fields of row r of a cover table to fields and
// returns how many it added.
func rowFields(t *model.Table, r int, fields map[string]string) int {
	before := len(fields)
	for col := 0; col < t.Cols; {
		c := t.Cell(r, col)
		if c == nil {
			col++
			continue
		}
		next := max(c.Col+c.ColSpan, col+1)
		if c.Row != r {
			col = next // a cell merged down from a row above
			continue
		}
		key, ok := "", false
		if len(c.Text) <= 60 { // labels are short; most cells are not
			key, ok = coverKeyOf(c.Text)
		}
		if !ok {
			// "项目名称：XX" in one cell
			if strings.ContainsAny(c.Text, "：:") {
				if k, v, ok := coverField(textnorm.Clean(c.Text)); ok && v != "" {
					fields[k] = v
				}
			}
			col = next
			continue
		}
		value := ""
		for vc := next; vc < t.Cols; {
			v := t.Cell(r, vc)
			if v == nil {
				break
			}
			text := textnorm.Clean(v.Text)
			if len(text) <= 60 && isCoverLabel(text) {
				break // the next pair's label: this value is empty
			}
			next = max(v.Col+v.ColSpan, vc+1)
			if value = coverValue(text); value != "" {
				break
			}
			vc = next
		}
		if _, seen := fields[key]; !seen || fields[key] == "" {
			fields[key] = value
		}
		col = next
	}
	return len(fields) - before
}

// markLineCover reads the cover rows of a form copied one cell a line
// (项目名称 / 农村实用人才培训 / 主管部门 / 某某县农业农村局 …): a line that
// is only a cover label and the line under it, its value, become a cover
// field. The value is one short line, and what follows it must start
// something else — another label, a form row's label (项目资金（万元）,
// 年度总体目标), a table, a title, the end; else the value may run over
// two lines, or the label be a line of text, and nothing is read.
func (l *Layout) markLineCover() {
	for i := range l.Roles {
		key, ok := l.bareLabel(i)
		if !ok {
			continue
		}
		j := l.nextCell(i)
		if j < 0 || !l.valueLine(j) {
			continue
		}
		if k := l.nextCell(j); k >= 0 && !l.startsRow(k) {
			continue
		}
		if l.lineCover == nil {
			l.lineCover = make(map[int]labelLine)
		}
		l.Roles[i], l.Roles[j] = RoleCover, RoleCover
		l.lineCover[i] = labelLine{key, coverValue(textnorm.OneLine(l.Text[j]))}
		l.lineCover[j] = labelLine{}
	}
}

// bareLabel returns the key of a paragraph that is a cover label and
// nothing else (项目名称, 实施单位（盖章）：).
func (l *Layout) bareLabel(i int) (string, bool) {
	b := &l.Doc.Body[i]
	switch l.Roles[i] {
	case RoleText, RoleCover, RoleArtefact: // 实施单位（盖章） reads as a signature's placeholder
	default:
		return "", false
	}
	if b.Kind != model.KindParagraph || b.Para.Marker != "" {
		return "", false
	}
	s := textnorm.OneLine(l.Text[i])
	if textnorm.Len(s) > 20 {
		return "", false
	}
	return coverKeyOf(stamps.ReplaceAllString(s, ""))
}

// valueLine tells a paragraph that can be a cover value: body text of
// one short line, no sentence, no label.
func (l *Layout) valueLine(j int) bool {
	b := &l.Doc.Body[j]
	if b.Kind != model.KindParagraph || b.Para.Marker != "" || l.Roles[j] != RoleText || strings.Contains(l.Text[j], "\n") {
		return false
	}
	s := textnorm.OneLine(l.Text[j])
	if textnorm.Len(s) > 60 || strings.ContainsAny(s, "。；;：:！？") || isCoverLabel(s) || l.formRowLabel(j) {
		return false
	}
	_, label := l.bareLabel(j)
	return !label
}

// startsRow tells a block that cannot continue a cover value above it:
// another label, a form row's label, a table, a title or attachment label.
func (l *Layout) startsRow(k int) bool {
	switch l.Roles[k] {
	case RoleTable, RoleTitle, RoleAttachment, RoleCover:
		return true
	}
	_, label := l.bareLabel(k)
	return label || l.formRowLabel(k)
}

// formRowLabel tells a short paragraph starting with a form row's label.
func (l *Layout) formRowLabel(i int) bool {
	if l.Doc.Body[i].Kind != model.KindParagraph || textnorm.Len(l.Norm[i].Squashed) > 12 {
		return false
	}
	for _, w := range formRowLabels {
		if strings.HasPrefix(l.Norm[i].Squashed, w) {
			return true
		}
	}
	return false
}

// nextCell is the block after i that is not blank, nor an artefact
// other than a cover label.
func (l *Layout) nextCell(i int) int {
	for j := i + 1; j < len(l.Roles); j++ {
		if _, label := l.bareLabel(j); l.Roles[j] != RoleBlank && (l.Roles[j] != RoleArtefact || label) {
			return j
		}
	}
	return -1
}

// markNotes marks the notes under tables: a paragraph starting "注：" right
// after a table, and the numbered lines that continue it.
func (l *Layout) markNotes() {
	inNote := false
	for i, r := range l.Roles {
		if r != RoleText {
			if r != RoleBlank && r != RoleArtefact {
				inNote = false
			}
			continue
		}
		if inNote {
			m, ok := parseMarker(l.Text[i])
			if ok && grammar.ListLike(m.family) {
				l.Roles[i] = RoleNote
				continue
			}
			inNote = false
		}
		if j := l.prevVisible(i); j >= 0 && (l.Roles[j] == RoleTable || l.Roles[j] == RoleCover && l.Doc.Body[j].Kind == model.KindTable) && isNote(l.Norm[i].Folded) {
			l.Roles[i] = RoleNote
			inNote = true
		}
	}
}

// tocEntry ends with a page number after dot leaders, a tab or spaces.
var tocEntry = regexp.MustCompile(`(?:[.．…·]{2,}|\t|\s)\s*[0-9]{1,3}$`)

// markContents marks a table of contents: the "目录" line and the entries
// after it that end with a page number, and paragraphs in Word's TOC
// styles. Its entries would otherwise read as a second set of headings.
func (l *Layout) markContents() {
	inTOC := false
	for i, r := range l.Roles {
		style := strings.ToLower(l.Doc.Body[i].Para.Style)
		switch {
		case r == RoleBlank || r == RoleArtefact:
			continue
		case r == RoleText && (strings.HasPrefix(style, "toc") || strings.HasPrefix(style, "目录")):
			l.Roles[i] = RoleArtefact
		case r == RoleText && len(l.Text[i]) <= 30 && l.Norm[i].Squashed == "目录":
			l.Roles[i] = RoleArtefact
			inTOC = true
		case inTOC && r != RoleTable && tocEntry.MatchString(textnorm.OneLine(l.Text[i])):
			l.Roles[i] = RoleArtefact
		default:
			inTOC = false
		}
	}
}

// markSignatures marks the signature above a closing date ("某某区教育局" /
// "2022年3月28日") as an artefact: it signs the report and is no part of
// its last section. A signature is a short line without sentence
// punctuation or heading number, right above a date line after which the
// report ends (the file ends, or a title or attachment label follows).
func (l *Layout) markSignatures() {
	for i, r := range l.Roles {
		if r != RoleDate {
			continue
		}
		j := l.prevVisible(i)
		if j < 0 || l.Roles[j] != RoleText || l.Doc.Body[j].Kind != model.KindParagraph || l.Doc.Body[j].Para.Marker != "" {
			continue
		}
		if s := textnorm.OneLine(l.Text[j]); textnorm.Len(s) > 30 || strings.ContainsAny(s, "。，,；;：:！？") {
			continue
		}
		if _, numbered := parseMarker(l.Text[j]); numbered || !l.endsAfter(i) {
			continue
		}
		// Under body text: on a cover page the line above the date names
		// the agency under the title, and stays.
		if k := l.prevVisible(j); k < 0 || l.Roles[k] != RoleText && l.Roles[k] != RoleTable {
			continue
		}
		l.Roles[j] = RoleArtefact
	}
}

// endsAfter reports whether the report ends after block i: nothing but
// blank lines, artefacts and dates up to the end of the body or up to the
// next title or attachment label.
func (l *Layout) endsAfter(i int) bool {
	for k := i + 1; k < len(l.Roles); k++ {
		switch l.Roles[k] {
		case RoleBlank, RoleArtefact, RoleDate:
			continue
		case RoleTitle, RoleAttachment:
			return true
		}
		return false
	}
	return true
}

// isNote reports whether a paragraph, in simplified characters, is a note.
func isNote(s string) bool {
	for _, p := range []string{"注：", "注:", "备注：", "备注:", "说明：", "说明:"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// title is a report title found in the body.
type title struct {
	blocks []int
	text   string
}

// titles finds the report titles, joining a title printed over two lines
// ("2020年度现代服务业专项经费" / "项目支出绩效评价报告").
func (l *Layout) titles() []title {
	var out []title
	for i, r := range l.Roles {
		if r != RoleTitle && r != RoleAttachment {
			continue
		}
		text := textnorm.OneLine(l.Text[i])
		if r == RoleAttachment {
			label, rest, _ := attachment(text)
			if rest == "" || label == "附件" && l.titledLater(i, textnorm.Label(rest)) {
				continue // a cover letter's line naming what it encloses
			}
			text = rest
		}
		text = textnorm.Label(text) // "绩 效 评 价 报 告", spread over a cover page
		t := title{blocks: []int{i}, text: text}
		j := l.prevVisible(i)
		// Only the kind on this line: the name is on the line before. Or
		// the line right before starts the title with its year, which this
		// line lacks: "某某市2016年度热带特色高效农业" / "发展专项资金绩效评价报告".
		if j >= 0 && l.Roles[j] == RoleText && shortLine(l.Text[j]) &&
			(ProjectName(text) == "" || j == i-1 && TitleYear(text) == 0 && TitleYear(l.Text[j]) != 0) {
			l.Roles[j] = RoleTitle
			t.blocks = []int{j, i}
			t.text = textnorm.Label(textnorm.OneLine(l.Text[j])) + text
			// A title over three lines, the place and the year on the
			// first alone: "某某区2021年度" / "…专项资金" / "绩效评价报告".
			if k := j - 1; k >= 0 && l.Roles[k] == RoleText && TitleYear(t.text) == 0 && placeAndYear(l.Text[k]) {
				l.Roles[k] = RoleTitle
				t.blocks = []int{k, j, i}
				t.text = textnorm.Label(textnorm.OneLine(l.Text[k])) + t.text
			}
		}
		out = append(out, t)
	}
	return out
}

// titledLater reports whether a title after block i reads text: the one
// attachment a cover letter names on its 附件： line, which then follows
// under its own label. The line names it; it heads nothing.
func (l *Layout) titledLater(i int, text string) bool {
	for j := i + 1; j < len(l.Roles); j++ {
		if l.Roles[j] == RoleTitle && textnorm.Label(textnorm.OneLine(l.Text[j])) == text {
			return true
		}
	}
	return false
}

// placeAndYear is a short line that ends in the year a title covers
// (某某区2021年度), nothing after it.
func placeAndYear(s string) bool {
	s = textnorm.OneLine(s)
	if !shortLine(s) || TitleYear(s) == 0 {
		return false
	}
	s = strings.TrimSuffix(s, "度")
	return strings.HasSuffix(s, "年")
}

// shortLine is a line that can be the first half of a title.
func shortLine(s string) bool {
	s = textnorm.OneLine(s)
	if textnorm.Len(s) > 40 || strings.ContainsAny(s, "。，,；;：:！？") {
		return false
	}
	_, numbered := parseMarker(s)
	return !numbered
}

func (l *Layout) prevVisible(i int) int {
	for j := i - 1; j >= 0; j-- {
		if l.Roles[j] != RoleBlank && l.Roles[j] != RoleArtefact {
			return j
		}
	}
	return -1
}

// coverish roles can stand between a cover title and the title above the
// body without making them two reports.
func coverish(r Role) bool {
	switch r {
	case RoleBlank, RoleArtefact, RoleCover, RoleDate, RoleAttachment:
		return true
	}
	return false
}

// split cuts the body into spans at the titles.
func (l *Layout) split() {
	ts := l.titles()
	// A title followed by nothing but cover material and then another
	// title is a cover page: one report, titled by the later title.
	// A title printed again after body text is a running page header,
	// not a new report.
	var groups [][]title
	seen := make(map[string]bool)
	for _, t := range ts {
		if n := len(groups); n > 0 {
			g := groups[n-1]
			last := g[len(g)-1]
			// Two forms in a row are two reports, though a form is all
			// cover material; but a form's title with nothing under it
			// heads the file (某某局 / 2021年度项目支出绩效自评表, then each
			// form under its own title).
			from := last.blocks[len(last.blocks)-1] + 1
			if l.onlyCover(from, t.blocks[0]) && !(isForm(last.text) && isForm(t.text) && !l.onlyBlank(from, t.blocks[0])) {
				groups[n-1] = append(g, t)
				seen[t.text] = true
				continue
			}
			// A form repeats the same title for each project: a form's
			// title is never a running header.
			if seen[t.text] && !isForm(t.text) || l.afterPageNumber(t.blocks[0]) && shortened(t, ts) {
				for _, b := range t.blocks {
					l.Roles[b] = RoleArtefact
				}
				continue
			}
		}
		if n := len(groups); n > 0 && isForm(t.text) && !isForm(groups[n-1][0].text) {
			// A form after a report in prose is its attachment, not a
			// report of its own.
			for _, b := range t.blocks {
				l.Roles[b] = RoleText
			}
			continue
		}
		seen[t.text] = true
		groups = append(groups, []title{t})
	}
	groups = l.dropTransmittals(groups)
	if len(groups) == 0 {
		l.Spans = []Span{{First: 0, End: len(l.Roles)}}
	}
	for k, g := range groups {
		first := g[0].blocks[0]
		if k == 0 {
			first = 0
		} else {
			// The cover page and attachment label above a title belong to it.
			// After a form, the cover material above belongs to that form.
			coverAbove := !(isForm(g[0].text) && isForm(groups[k-1][0].text))
			issuer := l.issuerAbove(first)
			for first > 0 && (l.Roles[first-1] == RoleBlank || l.Roles[first-1] == RoleAttachment ||
				l.Roles[first-1] == RoleCover && coverAbove || l.Roles[first-1] == RoleArtefact || first-1 == issuer) {
				first--
			}
			l.Spans[k-1].End = first
		}
		last := g[len(g)-1]
		l.Spans = append(l.Spans, Span{First: first, End: len(l.Roles), TitleBlocks: last.blocks, Title: last.text})
	}
	for k := range l.Spans {
		l.readCover(&l.Spans[k])
	}
}

// issuerAbove is the block of the line naming the unit that issues the
// report titled at block t ("某某县水利局" over its title), when the
// report before has ended above it, under its closing date or at the
// next attachment label: a short line of its own, the first above the
// title. -1 when there is none.
func (l *Layout) issuerAbove(t int) int {
	j := l.prevVisible(t)
	if j < 0 || l.Roles[j] != RoleText || l.Doc.Body[j].Kind != model.KindParagraph || l.Doc.Body[j].Para.Marker != "" || !shortLine(l.Text[j]) {
		return -1
	}
	if k := l.prevVisible(j); k < 0 || l.Roles[k] != RoleAttachment && l.Roles[k] != RoleDate {
		return -1
	}
	return j
}

// dropTransmittals drops the cover letter that sends reports on
// ("关于报送…绩效评价报告的函", "附件：1.… 2.…", then each report under
// 附件1, 附件2): a title whose text lists its attachments and is followed
// by a report under an attachment label is no report. Its blocks become
// artefacts, so that nothing of the letter (its date, its "我局委托…")
// is read into the first report.
func (l *Layout) dropTransmittals(groups [][]title) [][]title {
	if len(groups) > 0 && l.transmittal(0, groups[0][0]) { // a letter whose title reads as none (…的函)
		l.artefacts(0, groups[0][0].blocks[0])
	}
	out := groups[:0]
	for k, g := range groups {
		last := g[len(g)-1]
		if k+1 < len(groups) && l.transmittal(last.blocks[len(last.blocks)-1]+1, groups[k+1][0]) {
			from := g[0].blocks[0]
			if k == 0 {
				from = 0 // the sender's name above the letter's title
			}
			l.artefacts(from, groups[k+1][0].blocks[0])
			continue
		}
		out = append(out, g)
	}
	return out
}

// artefacts makes blocks [from, to) artefacts, attachment labels aside.
func (l *Layout) artefacts(from, to int) {
	for i := from; i < to; i++ {
		if l.Roles[i] != RoleAttachment {
			l.Roles[i] = RoleArtefact
		}
	}
}

// transmittal tells a letter in blocks [from, next): short, without
// tables or headings, listing its attachments, with the next title under
// an attachment label.
func (l *Layout) transmittal(from int, next title) bool {
	to := next.blocks[0]
	if l.Roles[to] != RoleAttachment {
		if j := l.prevVisible(to); j < from || l.Roles[j] != RoleAttachment {
			return false
		}
	}
	list, lines := false, 0
	for i := from; i < to; i++ {
		switch l.Roles[i] {
		case RoleTable, RoleTitle:
			return false
		case RoleAttachment:
			// "附件：" and the title of the one report it sends on
			_, rest, _ := attachment(textnorm.OneLine(l.Text[i]))
			list = list || rest != "" && textnorm.Label(rest) == next.text
		case RoleText:
			lines++
			list = list || attachmentList(textnorm.OneLine(l.Text[i]))
			// A heading (一、…) makes it a short report, with attachments of its own.
			if m, ok := parseMarker(l.Text[i]); ok && !grammar.ListLike(m.family) {
				return false
			}
		}
	}
	return list && lines <= 12
}

// afterPageNumber reports whether block i comes right after a page number
// (blank lines between): the top of a page in text copied from a PDF.
func (l *Layout) afterPageNumber(i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch l.Roles[j] {
		case RoleBlank:
			continue
		case RoleArtefact:
			return pageNumber.MatchString(strings.TrimFunc(textnorm.Simplify(l.Text[j]), textnorm.IsSpace))
		}
		return false
	}
	return false
}

// shortened reports whether an earlier title in ts names the project of
// h, or more of it in front, and no other year: a PDF's running header
// prints the title shortened ("武清区…专项资金绩效评价报告" under "天津市武清区
// 2017年度…专项资金绩效评价报告"), without its place or year. The same
// project of another year is another report.
func shortened(h title, ts []title) bool {
	name := textnorm.Simplify(ProjectName(h.text))
	if textnorm.Len(name) < 4 {
		return false
	}
	year := TitleYear(h.text)
	for _, t := range ts {
		if t.blocks[0] >= h.blocks[0] {
			return false
		}
		if strings.HasSuffix(textnorm.Simplify(ProjectName(t.text)), name) && (year == 0 || year == TitleYear(t.text)) {
			return true
		}
	}
	return false
}

// onlyBlank tells blocks [from, to) that show nothing of a report: blank
// lines and artefacts.
func (l *Layout) onlyBlank(from, to int) bool {
	for i := from; i < to; i++ {
		if l.Roles[i] != RoleBlank && l.Roles[i] != RoleArtefact {
			return false
		}
	}
	return true
}

func (l *Layout) onlyCover(from, to int) bool {
	for i := from; i < to; i++ {
		if !coverish(l.Roles[i]) {
			return false
		}
	}
	return true
}

// readCover fills a span's cover fields, attachment label and date. The
// cover date is the first date line before the body; failing that, the
// last date line of the report (the signature date).
func (l *Layout) readCover(s *Span) {
	s.Cover = make(map[string]string)
	s.CoverFrom = make(map[string]string)
	tableFrom, lineFrom := "table", "cover"
	if isForm(s.Title) {
		tableFrom, lineFrom = "form", "form"
	}
	var dates []string
	body := false
	coverDate := ""
	for i := s.First; i < s.End; i++ {
		switch l.Roles[i] {
		case RoleAttachment:
			if s.Attachment == "" && !body { // a label in the tail heads an appendix
				s.Attachment, _, _ = attachment(textnorm.OneLine(l.Text[i]))
			}
		case RoleCover:
			if l.Doc.Body[i].Kind == model.KindTable {
				for k, v := range coverTable(l.table(l.Doc.Body[i].TableNo)) {
					if _, seen := s.Cover[k]; !seen {
						s.Cover[k] = v
						s.CoverFrom[k] = tableFrom
					}
				}
				continue
			}
			if f, ok := l.lineCover[i]; ok {
				if _, seen := s.Cover[f.key]; !seen && f.key != "" {
					s.Cover[f.key] = f.value
					s.CoverFrom[f.key] = lineFrom
				}
				continue
			}
			one := textnorm.OneLine(l.Text[i])
			fields, from := coverFields(one), "cover"
			if m := yearLine.FindStringSubmatch(one); m != nil {
				fields, from = [][2]string{{KeyYear, m[1]}}, "subtitle"
			}
			for _, kv := range fields {
				if _, seen := s.Cover[kv[0]]; !seen {
					s.Cover[kv[0]] = kv[1]
					s.CoverFrom[kv[0]] = from
				}
			}
		case RoleDate:
			d, _ := grammar.DateLine(textnorm.OneLine(l.Text[i]))
			if !body && coverDate == "" {
				coverDate = d
			}
			dates = append(dates, d)
		case RoleTable:
			if !body && tableFrom == "form" {
				for k, v := range formCover(l.table(l.Doc.Body[i].TableNo)) {
					if _, seen := s.Cover[k]; !seen {
						s.Cover[k] = v
						s.CoverFrom[k] = tableFrom
					}
				}
			}
			body = true
		case RoleText:
			body = true
		}
	}
	switch {
	case s.Cover[KeyReportDate] != "":
		if d, ok := grammar.DateLine(s.Cover[KeyReportDate]); ok {
			s.Date = d
		}
	case coverDate != "":
		s.Date = coverDate
	case len(dates) > 0:
		s.Date = dates[len(dates)-1]
	}
}
