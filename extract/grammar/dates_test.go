package grammar

import (
	"reflect"
	"testing"
)

func TestDateLine(t *testing.T) {
	for in, want := range map[string]string{
		"2020年 06月25日":   "2020-06-25",
		" 2020年 06月 25日": "2020-06-25",
		"二〇二二年三月十五日":     "2022-03-15",
		"2021.6.1":       "2021-06-01",
		"2020-06-25":     "2020-06-25",
		"2020/6/25":      "2020-06-25",
		"（2020年6月25日）":   "2020-06-25",
		"2020年13月1日":     "",
		"2020年6月25日召开会议": "",
		"二〇二二年四月":        "2022-04",
		"2021年 3月":       "2021-03",
		"2021年13月":       "",
		"2021年3月召开":      "",
		"2021年":          "",
		"2021年度":         "",
		"2019-2021年":     "",
		"6月25日":          "",
		"2021年3-5月":      "",
	} {
		got, ok := DateLine(in)
		if got != want || ok != (want != "") {
			t.Errorf("DateLine(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestYearsIn(t *testing.T) {
	for in, want := range map[string][]int{
		"2021年度绩效目标":         {2021},
		"2020年预算 | 2021 年预算": {2020, 2021},
		"二〇二一年":              {2021},
		"12021年":             nil,
		"1800年":              nil,
		"2021":               nil,
		"共3000年":             nil,
	} {
		if got := YearsIn(in); !reflect.DeepEqual(got, want) {
			t.Errorf("YearsIn(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestFirstYear(t *testing.T) {
	for in, want := range map[string]int{"2021年度": 2021, "2021": 2021, "（二〇二〇年）": 2020, "第12021号": 0, "": 0, "2019-2021年": 2019} {
		if got := FirstYear(in); got != want {
			t.Errorf("FirstYear(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestObjectYear(t *testing.T) {
	for in, want := range map[string]int{
		"本次评价对象为该项目2018年度资金使用及项目实施情况":               2018,
		"评价范围：2019年度中央和省级补助资金":                      2019,
		"本次评估的内容是该项目2020年度中央补助资金的使用情况":              2020,
		"自评内容是本单位2021年度部门整体支出":                      2021,
		"评价对象为2017年3月开工的住院楼":                        0,
		"该项目2018年度资金使用情况良好":                         0,
		"评价对象为全区24个镇街，2020年度完成改造":                   0,
		"评价范围：二〇一八年度自治区补助资金":                        2018,
		"评价对象为一二三四年度":                               0,
		"我局对2019年度实施的农村公路养护资金、客运站安全监管经费2个项目开展了绩效自评": 2019,
		"我县对2021年度中央财政林业改革发展资金开展了区域绩效自评":            2021,
		"对2018年度已完工的项目，进行了验收":                       0,
		"2020年度对乡镇开展了绩效评价":                          0,
		"受托对某某市公共资源交易服务中心2021年度电子交易平台运维项目实施了绩效评价":   2021,
		"对某某县人民医院2018年度已完工的住院楼实施了竣工验收":              0,
	} {
		if got := ObjectYear(in); got != want {
			t.Errorf("ObjectYear(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestPeriodYear(t *testing.T) {
	for in, want := range map[string]int{
		"本次评价范围为2020年1-12月项目资金使用情况":  2020,
		"评价期间：2021年1月1日至2021年12月31日": 2021,
		"2019年1月至12月":      2019,
		"评价期间：二〇二〇年一月至十二月": 2020,
		"2020年1-6月":        0,
		"2020年度":           0,
	} {
		if got := PeriodYear(in); got != want {
			t.Errorf("PeriodYear(%q) = %d, want %d", in, got, want)
		}
	}
}
