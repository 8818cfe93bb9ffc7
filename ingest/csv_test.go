package ingest

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/schema"
)

// TestCSVForm: a self-evaluation form kept as a .csv file, saved by Excel
// in GB18030, is read as a table file: its encoding found as a .txt's is,
// its cells as the form's, so that its facts are read as from the same
// form in Word.
func TestCSVForm(t *testing.T) {
	text := "项目支出绩效自评表,,,,,,,\r\n" +
		"（2019年度）,,,,,,,\r\n" +
		"项目名称,乡村道路养护,,,,,,\r\n" +
		"主管部门,某某县交通运输局,,,实施单位,某某县公路养护站,,\r\n" +
		"项目资金（万元）,年初预算数,全年预算数,全年执行数,分值,执行率,得分,\r\n" +
		"年度资金总额,\"1,080\",\"1,120\",\"1,092\",10,97.50%,9.75,\r\n" +
		"一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施\r\n" +
		"产出指标,数量指标,养护里程,≥320公里,326公里,30,30,\r\n" +
		",质量指标,路面优良率,≥85%,83%,20,18,\"雨季集中,部分路段修补滞后\"\r\n" +
		"效益指标,社会效益指标,群众出行条件,有效改善,有效改善,30,30,\r\n" +
		"满意度指标,服务对象满意度指标,沿线群众满意度,≥90%,94%,10,10,\r\n" +
		"总分,,,,,100,97.75,\r\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "自评表.csv")
	if err := os.WriteFile(path, []byte(gb), 0o644); err != nil {
		t.Fatal(err)
	}
	e := processFile(t, path)
	if e.Status != schema.StatusOK {
		t.Fatalf("status %s: %v", e.Status, e.Err)
	}
	if e.Doc.Encoding != model.EncodingGB18030 || len(e.Doc.Tables) != 1 {
		t.Errorf("read in %s, %d tables; want gb18030, 1 table", e.Doc.Encoding, len(e.Doc.Tables))
	}
	if len(e.Ext.Reports) != 1 {
		t.Fatalf("%d reports, want 1", len(e.Ext.Reports))
	}
	r := e.Ext.Reports[0]
	got := []any{r.ProjectName, r.ImplementingUnit, r.EvaluationYear, r.Score.Value, len(r.Indicators)}
	want := []any{"乡村道路养护", "某某县公路养护站", 2019, "97.75", 4}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("project, unit, year, score, indicators: %v, want %v", got, want)
			break
		}
	}
}
