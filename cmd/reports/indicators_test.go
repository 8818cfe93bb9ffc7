package main

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/govreports/govreports/schema"
)

// indicatorsForm is a self-evaluation form as text copied with pipes.
const indicatorsForm = `项目支出绩效自评表
（2022年度）
| 项目名称 | 城乡环境卫生整治 |
| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | 300 | 280 | 266 | 10 | 95% | 9.5 |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
| 产出指标（60分） | 数量指标 | 清扫保洁面积 | ≥120万平方米 | 126万平方米 | 20 | 20 |  |
|  | 质量指标 | 垃圾清运率 | ＝100% | 100% | 20 | 20 |  |
|  | 成本指标 | 垃圾转运费用 | ≤90万元 | 95万元 | 20 | 14 | 油价上涨 |
| 效益指标（30分） | 生态效益指标 | 城区环境卫生状况 | 明显改善 | 明显改善 | 30 | 30 |  |
| 总分 | 100 | 93.5 |
`

// TestIndicatorViews loads a form and an evaluation report and reads
// v_indicators and v_scores as the README states them: amounts in 元,
// met 1/0/NULL, target_op NULL for a qualitative target, provenance.
func TestIndicatorViews(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "form.txt"), []byte(indicatorsForm), 0o644); err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(t.TempDir(), "reports.db")
	ingestInto(t, dbPath, testProcessor(t), dir)
	db, err := schema.OpenReadOnly(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	check := func(query string, want []string) {
		t.Helper()
		got := queryLines(t, db, query)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s\ngot:\n  %s\nwant:\n  %s", query, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
	}
	check(`SELECT ordinal, level1, level2, level3, target_raw, target_value, target_unit, target_op,
		actual_raw, actual_value, actual_unit, weight, score, met, deviation, table_no, row FROM v_indicators ORDER BY ordinal`, []string{
		"1|产出指标|数量指标|清扫保洁面积|≥120万平方米|1200000|㎡|≥|126万平方米|1260000|㎡|20|20|1|NULL|1|4",
		"2|产出指标|质量指标|垃圾清运率|＝100%|100|%|=|100%|100|%|20|20|1|NULL|1|5",
		"3|产出指标|成本指标|垃圾转运费用|≤90万元|900000|元|≤|95万元|950000|元|20|14|0|油价上涨|1|6",
		"4|效益指标|生态效益指标|城区环境卫生状况|明显改善|NULL|NULL|NULL|明显改善|NULL|NULL|30|30|NULL|NULL|1|7",
	})
	check(`SELECT dimension, weight, score, table_no, row FROM v_scores ORDER BY row`, []string{
		"预算执行率|10|9.5|1|2",
		"产出指标|60|NULL|1|4",
		"效益指标|30|NULL|1|7",
	})
	check(`SELECT kind FROM v_tables`, []string{"funds"})
}

// queryLines runs query and prints each row's values parted by |, NULL
// for NULL, numbers as SQLite gives them.
func queryLines(t *testing.T, db *sql.DB, query string) []string {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		cells := make([]string, len(cols))
		for i, v := range vals {
			switch v := v.(type) {
			case nil:
				cells[i] = "NULL"
			case []byte:
				cells[i] = string(v)
			case float64:
				cells[i] = strconv.FormatFloat(v, 'f', -1, 64)
			default:
				cells[i] = fmt.Sprint(v)
			}
		}
		out = append(out, strings.Join(cells, "|"))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
