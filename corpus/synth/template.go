package synth

import (
	"fmt"
	"os"
	"regexp"
	"strings"
)

// kind is what a block of a generated report is.
type kind int

const (
	paraBlock    kind = iota
	blankBlock        // an empty line (txt) or paragraph (docx), kept for layout
	headingBlock      // a numbered section heading; the number is rendered
	titleBlock        // the report's title; its lines joined by "\n"
	fieldBlock        // a cover field: label and value
	tableBlock        // rows of cells; a cell's paragraphs joined by "\n"
)

// block is one unit of a report as the generator lays it out, before it is
// rendered as .txt or .docx.
type block struct {
	kind  kind
	level int    // headingBlock: 1, 2 or 3
	text  string // paragraph text, heading title, title, field value
	label string // fieldBlock: "项目名称："
	rows  [][]string
	width int  // tableBlock: columns of the grid
	merge bool // tableBlock: merge equal non-empty cells of column 1 downwards (vMerge)
}

// body is the text of one of the sample's reports from its first heading
// to its end, with the names the generator replaces.
type body struct {
	project string // the project name as the body writes it
	blocks  []block
}

// The sample's section headings. Other lines that start with a number are
// numbered paragraphs (1.加强…), which the sample types as text.
var headingTitles = map[string]int{
	"项目绩效目标管理情况":     1,
	"工作组织开展情况":       1,
	"综合评价结论":         1,
	"绩效目标完成情况总体分析":   1,
	"偏离绩效目标的原因和改进措施": 1,
	"项目实施单位基本情况":     2,
	"项目概况":           2,
	"项目主要内容、绩效目标":    3,
	"项目资金（包括财政资金、自筹资金等）安排落实、投入等情况": 3,
}

var (
	headingRE = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)(.+)$`)
	dateRE    = regexp.MustCompile(`^\d{4}年\s*\d+月\s*\d+日$`)
)

// sampleProjects are the project names of the sample's three reports, as
// their bodies write them.
var sampleProjects = []string{"现代服务业专项经费", "楼宇办工作经费", "园区办工作专项经费"}

const sampleUnit = "南昌市西湖区现代服务业发展局"

// loadBodies reads the sample report and cuts out the bodies of its three
// reports.
func loadBodies(path string) ([]body, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	var starts []int
	end := len(lines)
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "一、项目绩效目标管理情况" {
			starts = append(starts, i)
		}
		if strings.HasSuffix(t, "项目绩效评价人员") && end == len(lines) {
			end = i
		}
	}
	if len(starts) != len(sampleProjects) {
		return nil, fmt.Errorf("%s: found %d report bodies, want %d", path, len(starts), len(sampleProjects))
	}
	var out []body
	for k, s := range starts {
		e := end
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		blocks := parseBody(lines[s:e])
		// The next report's title and the closing date are not body.
		for len(blocks) > 0 {
			b := blocks[len(blocks)-1]
			if b.kind == blankBlock || b.kind == paraBlock && (strings.Contains(b.text, "绩效评价报告") || dateRE.MatchString(b.text) || strings.HasPrefix(b.text, "2020年度")) {
				blocks = blocks[:len(blocks)-1]
				continue
			}
			break
		}
		out = append(out, body{project: sampleProjects[k], blocks: blocks})
	}
	return out, nil
}

// parseBody reads lines of the flattened Word text: tab-prefixed cells, a
// blank line after each row, a cell's second paragraph on a line of its own.
func parseBody(lines []string) []block {
	var out []block
	for i := 0; i < len(lines); {
		l := lines[i]
		if strings.HasPrefix(l, "\t") {
			t, next := parseTable(lines, i)
			out = append(out, t)
			i = next
			continue
		}
		t := strings.TrimSpace(l)
		i++
		switch {
		case t == "":
			// Blank lines between body paragraphs carry nothing.
		case headingRE.MatchString(t) && headingTitles[headingRE.FindStringSubmatch(t)[1]] > 0:
			title := headingRE.FindStringSubmatch(t)[1]
			out = append(out, block{kind: headingBlock, level: headingTitles[title], text: title})
		default:
			out = append(out, block{kind: paraBlock, text: t})
		}
	}
	return out
}

func parseTable(lines []string, i int) (block, int) {
	t := block{kind: tableBlock}
	var row []string
	for ; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.HasPrefix(l, "\t"):
			row = append(row, strings.TrimSpace(l))
		case strings.TrimSpace(l) != "" && len(row) > 0:
			row[len(row)-1] += "\n" + strings.TrimSpace(l)
		case strings.TrimSpace(l) == "":
			if len(row) > 0 {
				t.rows = append(t.rows, row)
				t.width = max(t.width, len(row))
				row = nil
			}
			if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "\t") {
				return t, i + 1
			}
		default:
			return t, i
		}
	}
	if len(row) > 0 {
		t.rows = append(t.rows, row)
		t.width = max(t.width, len(row))
	}
	return t, i
}
