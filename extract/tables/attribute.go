package tables

import (
	"math"
	"strings"

	"github.com/govreports/govreports/extract/internal/textnorm"
)

// Candidate is a report an evaluators table may belong to.
type Candidate struct {
	Name string // project name
	Text string // the report's body text
}

// captionEndings are cut from an evaluators caption to leave the project
// it names: "楼宇办工作经费经费项目绩效评价人员" → "楼宇办工作经费经费".
var captionEndings = []string{"项目绩效评价人员名单", "项目绩效评价人员", "绩效评价工作组成员名单", "绩效评价工作组成员",
	"绩效评价人员名单", "绩效评价人员", "评价小组成员名单", "评价工作组成员", "评价小组成员", "评价人员名单", "评价人员",
	"评价组成员", "工作组成员", "专家组成员", "成员名单", "人员名单"}

// Attribute returns the index of the report a table captioned caption
// belongs to, or -1 when the caption does not tell. Tables of evaluators
// often stand together after all reports, under names that differ from the
// titles ("园区办工作经费" for the “梦想小街”电商产业园 report), so the
// caption is compared with each report's name and text by shared
// character pairs, each pair weighted by how few reports contain it
// (pairs such as 工作 or 经费 that every report has tell nothing).
func Attribute(caption string, reports []Candidate) int {
	if len(reports) < 2 {
		return -1
	}
	subject := textnorm.Squash(caption)
	for _, e := range captionEndings {
		if strings.HasSuffix(subject, e) {
			subject = strings.TrimSuffix(subject, e)
			break
		}
	}
	pairs := textnorm.Bigrams(subject)
	if len(pairs) == 0 {
		return -1
	}
	names := make([]map[string]bool, len(reports))
	texts := make([]string, len(reports))
	for i, r := range reports {
		names[i] = textnorm.Bigrams(r.Name)
		// The caption itself stands in the text of the report it follows,
		// which says nothing of the report it names.
		texts[i] = strings.ReplaceAll(r.Text, caption, "")
	}
	scores := make([]float64, len(reports))
	for p := range pairs {
		df := 0
		in := make([]int, len(reports)) // 2 in the name, 1 in the text only
		for i := range reports {
			switch {
			case names[i][p]:
				in[i] = 2
			case strings.Contains(texts[i], p):
				in[i] = 1
			}
			if in[i] > 0 {
				df++
			}
		}
		if df == 0 {
			continue
		}
		idf := math.Log(float64(len(reports)) / float64(df))
		for i := range reports {
			scores[i] += idf * float64(in[i])
		}
	}
	best, second := -1, -1
	for i := range scores {
		switch {
		case best < 0 || scores[i] > scores[best]:
			best, second = i, best
		case second < 0 || scores[i] > scores[second]:
			second = i
		}
	}
	if scores[best] <= 0 || second >= 0 && scores[best]-scores[second] < 1e-9 {
		return -1
	}
	return best
}
