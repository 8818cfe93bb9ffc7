package tables

// KindIndicators is a block of performance indicators (绩效指标): 一级指标 |
// 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 ….
const KindIndicators = "indicators"

// indicatorsKind tells indicator blocks; nothing reads them yet.
type indicatorsKind struct{}

func (indicatorsKind) Kind() string { return KindIndicators }

func (indicatorsKind) Detect(header []string) bool {
	return columns(header, []string{"一级指标", "二级指标", "三级指标"}, nil) >= 0 ||
		columns(header, []string{"绩效指标"}, nil) >= 0 && columns(header, []string{"指标值", "完成值"}, nil) >= 0
}
