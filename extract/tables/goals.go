package tables

// KindGoals is a form's 年度总体目标 block: the year's goals, expected
// against achieved, in long text cells.
const KindGoals = "goals"

// goalsKind tells goals blocks; nothing reads them yet.
type goalsKind struct{}

func (goalsKind) Kind() string { return KindGoals }

func (goalsKind) Detect(header []string) bool {
	return columns(header, []string{"总体目标"}, nil) >= 0 ||
		columns(header, []string{"预期目标"}, nil) >= 0 && columns(header, []string{"完成情况", "实际完成"}, nil) >= 0
}
