package sheet_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sheet"
	"github.com/govreports/govreports/ingest/soffice"
	"github.com/govreports/govreports/ingest/soffice/sofficetest"
)

// TestInflatedLimit: a workbook whose parts inflate past --max-inflated
// fails naming the limit, read as an .xlsx and as the .xlsx LibreOffice
// makes of an .xls (the file's limits reach the converted workbook).
func TestInflatedLimit(t *testing.T) {
	xlsx := formXLSX(t, "自评表")
	ctx := model.WithLimits(context.Background(), model.Limits{MaxInflated: 2000})
	want := "more than 2000 bytes inflated (limit --max-inflated)"
	check := func(name string, err error) {
		t.Helper()
		var le *model.LimitError
		if !errors.As(err, &le) || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q naming the file", name, err, want)
		}
	}
	_, err := sheet.Reader{}.Read(ctx, "form.xlsx", xlsx)
	check("form.xlsx", err)

	conv := sofficetest.New(t, soffice.XLSX)
	src := filepath.Join(t.TempDir(), "form.xlsx")
	if err := os.WriteFile(src, xlsx, 0o644); err != nil {
		t.Fatal(err)
	}
	xls := sofficetest.Convert(t, src, "xls")
	_, err = sheet.NewLegacy(conv).Read(ctx, "form.xls", xls)
	check("form.xls", err)

	// Within the default limits the same workbook is read.
	if _, err := (sheet.Reader{}).Read(context.Background(), "form.xlsx", xlsx); err != nil {
		t.Errorf("within the limits: %v", err)
	}
}
