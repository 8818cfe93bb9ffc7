package schema

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unsafe"

	"github.com/govreports/govreports/ingest/model"
)

// The mapping from the model to the tables. Adding a fact is a model type
// or field, an entry here, its column in a migration and in views.sql
// (and README.md's Views); TestModelFieldsStored and TestREADMEViews fail
// until all are done. Rows held by rows (a table's cells) are a table in
// their parent's with(...): their columns read the parent from scope.up
// (or its index, scope.upN), the report from scope.reportID.

// documentsTable stores an entry's documents row. Entry fields are not
// the model's and name no fields.
var documentsTable = newTable[Entry, Entry]("documents", "", nil,
	col("sha256", "", func(_ *scope, e *Entry) any { return e.SHA256 }),
	col("extractor", "", func(_ *scope, e *Entry) any { return e.Key }),
	// The pipeline sets Entry.Format from the document; a skipped file has
	// no document, only the format it was sniffed as.
	col("format", "Document.Format", func(_ *scope, e *Entry) any { return e.Format }),
	col("encoding", "Document.Encoding", func(s *scope, _ *Entry) any {
		if s.doc == nil {
			return nil
		}
		return nullStr(s.doc.Encoding)
	}),
	col("bytes", "", func(_ *scope, e *Entry) any { return e.Bytes }),
	col("status", "", func(_ *scope, e *Entry) any { return e.Status }),
	col("error", "", func(_ *scope, e *Entry) any { return errText(e.Err) }),
	col("warnings", "Document.Warnings", func(s *scope, _ *Entry) any {
		if s.doc == nil {
			return nil
		}
		return nullStr(strings.Join(s.doc.Warnings, "\n"))
	}),
	col("props", "Document.Props", func(s *scope, _ *Entry) any {
		if s.doc == nil || len(s.doc.Props) == 0 {
			return nil
		}
		b, _ := json.Marshal(s.doc.Props)
		return string(b)
	}),
	col("block_count", "Document.Body", func(s *scope, _ *Entry) any {
		if s.doc == nil {
			return 0
		}
		return len(s.doc.Body)
	}),
	col("table_count", "Document.Tables", func(s *scope, _ *Entry) any {
		if s.doc == nil {
			return 0
		}
		return len(s.doc.Tables)
	}),
	col("ingested_at", "", func(s *scope, _ *Entry) any { return s.stamp }),
)

// documentTables are the tables of what a reader saw.
var documentTables = []inserter[model.Document]{
	newTable("blocks", "Document.Body", func(d *model.Document) []model.Block { return d.Body },
		col("document_id", "", func(s *scope, _ *model.Block) any { return s.docID }),
		col("block_no", "", func(s *scope, _ *model.Block) any { return s.n + 1 }),
		col("kind", "Block.Kind", func(_ *scope, b *model.Block) any { return b.Kind.String() }),
		col("style", "Block.Para.Style", func(_ *scope, b *model.Block) any {
			if b.Kind == model.KindTable {
				return nil
			}
			return nullStr(b.Para.Style)
		}),
		col("marker", "Block.Para.Marker", func(_ *scope, b *model.Block) any {
			if b.Kind == model.KindTable {
				return nil
			}
			return nullStr(b.Para.Marker)
		}),
		col("text", "Block.Para.Text", func(s *scope, b *model.Block) any {
			if b.Kind == model.KindTable && b.TableNo >= 1 && b.TableNo <= len(s.doc.Tables) {
				return TableText(&s.doc.Tables[b.TableNo-1])
			}
			if s.inUnit(b).unit != nil {
				return nil
			}
			return b.Para.Text
		}),
		col("table_no", "Block.TableNo", func(_ *scope, b *model.Block) any {
			if b.Kind != model.KindTable {
				return nil
			}
			return b.TableNo
		}),
		// The position as the reader gave it, whatever the format: lines
		// count from 1, so 0 is none; an index counts from 0 and is kept.
		col("line", "Block.Pos.Line", func(_ *scope, b *model.Block) any { return nullInt(b.Pos.Line) }),
		col("end_line", "Block.Pos.EndLine", func(_ *scope, b *model.Block) any { return nullInt(b.Pos.EndLine) }),
		col("body_index", "Block.Pos.Index", func(_ *scope, b *model.Block) any { return b.Pos.Index }),
		// Where the section's unit text holds the paragraph, when text is
		// NULL (migration 0015).
		placeCol("text_id", (*scope).inUnit, placeID),
		placeCol("text_at", (*scope).inUnit, placeAt),
		placeCol("text_len", (*scope).inUnit, placeLen),
	),
	newTable("tables", "Document.Tables", func(d *model.Document) []model.Table { return d.Tables },
		col("document_id", "", func(s *scope, _ *model.Table) any { return s.docID }),
		// Its place in Document.Tables, which No repeats.
		col("table_no", "Table.No", func(s *scope, _ *model.Table) any { return s.n + 1 }),
		col("rows", "Table.Rows", func(_ *scope, t *model.Table) any { return t.Rows }),
		col("cols", "Table.Cols", func(_ *scope, t *model.Table) any { return t.Cols }),
		col("block_no", "", func(s *scope, _ *model.Table) any {
			if b, ok := s.tableBlock[s.n+1]; ok {
				return b
			}
			return nil
		}),
		col("parent_table", "Table.ParentTable", func(_ *scope, t *model.Table) any { return nullInt(t.ParentTable) }),
		col("parent_row", "Table.ParentRow", func(_ *scope, t *model.Table) any {
			if t.ParentTable == 0 {
				return nil
			}
			return t.ParentRow
		}),
		col("parent_col", "Table.ParentCol", func(_ *scope, t *model.Table) any {
			if t.ParentTable == 0 {
				return nil
			}
			return t.ParentCol
		}),
	).with(
		newTable("table_cells", "Table.Cells", func(t *model.Table) []model.Cell { return t.Cells },
			col("document_id", "", func(s *scope, _ *model.Cell) any { return s.docID }),
			col("table_no", "", func(s *scope, _ *model.Cell) any { return s.upN + 1 }),
			col("row", "Cell.Row", func(_ *scope, c *model.Cell) any { return c.Row }),
			col("col", "Cell.Col", func(_ *scope, c *model.Cell) any { return c.Col }),
			col("rowspan", "Cell.RowSpan", func(_ *scope, c *model.Cell) any { return max(c.RowSpan, 1) }),
			col("colspan", "Cell.ColSpan", func(_ *scope, c *model.Cell) any { return max(c.ColSpan, 1) }),
			col("text", "Cell.Text", func(s *scope, c *model.Cell) any {
				if s.cellInUnit(c) != nil {
					return nil
				}
				return c.Text
			}),
			// The cell's search unit's text, which is the cell's, when
			// text is NULL (migration 0020).
			col("text_id", "", func(s *scope, c *model.Cell) any {
				if u := s.cellInUnit(c); u != nil {
					return textKey(s.textID(u))
				}
				return nil
			}),
		),
	),
	newTable("parts", "Document.Parts", func(d *model.Document) []model.Part { return d.Parts },
		col("document_id", "", func(s *scope, _ *model.Part) any { return s.docID }),
		col("kind", "Part.Kind", func(_ *scope, p *model.Part) any { return p.Kind }),
		col("name", "Part.Name", func(_ *scope, p *model.Part) any { return p.Name }),
		col("text", "Part.Text", func(_ *scope, p *model.Part) any { return p.Text }),
	),
}

// extractionTables are the tables of what extract found: the reports,
// their facts, and the full-text index.
var extractionTables = []inserter[model.Extraction]{
	newTable("reports", "Extraction.Reports", func(x *model.Extraction) []model.Report { return x.Reports },
		col("document_id", "", func(s *scope, _ *model.Report) any { return s.docID }),
		col("report_no", "Report.No", func(_ *scope, r *model.Report) any { return r.No }),
		col("title", "Report.Title", func(_ *scope, r *model.Report) any { return nullStr(r.Title) }),
		col("project_name", "Report.ProjectName", func(_ *scope, r *model.Report) any { return nullStr(r.ProjectName) }),
		col("category", "Report.Category", func(_ *scope, r *model.Report) any { return nullStr(r.Category) }),
		col("implementing_unit", "Report.ImplementingUnit", func(_ *scope, r *model.Report) any { return nullStr(r.ImplementingUnit) }),
		col("supervising_dept", "Report.SupervisingDept", func(_ *scope, r *model.Report) any { return nullStr(r.SupervisingDept) }),
		col("evaluation_agency", "Report.EvaluationAgency", func(_ *scope, r *model.Report) any { return nullStr(r.EvaluationAgency) }),
		col("evaluation_year", "Report.EvaluationYear", func(_ *scope, r *model.Report) any { return nullInt(r.EvaluationYear) }),
		col("report_date", "Report.ReportDate", func(_ *scope, r *model.Report) any { return nullStr(r.ReportDate) }),
		col("attachment", "Report.Attachment", func(_ *scope, r *model.Report) any { return nullStr(r.Attachment) }),
		col("goal", "Report.Goal", func(_ *scope, r *model.Report) any { return nullStr(r.Goal) }),
		col("preamble", "Report.Preamble", func(_ *scope, r *model.Report) any { return nullStr(r.Preamble) }),
		col("first_block", "Report.FirstBlock", func(_ *scope, r *model.Report) any { return blockNo(r.FirstBlock) }),
		// EndBlock is exclusive and 0-based: the number of the last block.
		col("end_block", "Report.EndBlock", func(_ *scope, r *model.Report) any { return r.EndBlock }),
		// Stated and computed (issue 9): where the facts were read, and
		// the stated rate and initial budget of the whole report.
		col("project_name_source", "Report.ProjectNameSource", func(_ *scope, r *model.Report) any { return nullStr(r.ProjectNameSource) }),
		col("year_source", "Report.YearSource", func(_ *scope, r *model.Report) any { return nullStr(r.YearSource) }),
		col("budget_source", "Report.BudgetSource", func(_ *scope, r *model.Report) any { return nullStr(r.BudgetSource) }),
		col("execution_rate_stated", "Report.RateStated", func(_ *scope, r *model.Report) any { return nullFloat(r.RateStated) }),
		col("execution_rate_computed", "Report.Rate", func(_ *scope, r *model.Report) any { return nullFloat(r.Rate) }),
		col("initial_budget_yuan", "Report.InitialBudget", func(_ *scope, r *model.Report) any { return amountValue(r.InitialBudget) }),
		// What the report is and what the evaluation concluded (issue 9).
		col("kind", "Report.Kind", func(_ *scope, r *model.Report) any { return nullStr(r.Kind) }),
		col("score", "Report.Score.Value", func(_ *scope, r *model.Report) any { return decimalValue(r.Score.Value) }),
		col("score_max", "Report.Score.Max", func(_ *scope, r *model.Report) any { return decimalValue(r.Score.Max) }),
		col("grade", "Report.Score.Grade", func(_ *scope, r *model.Report) any { return nullStr(r.Score.Grade) }),
		col("grade_norm", "Report.Score.GradeNorm", func(_ *scope, r *model.Report) any { return nullStr(r.Score.GradeNorm) }),
		col("score_block_no", "Report.Score.Block", func(_ *scope, r *model.Report) any {
			if !scored(r) {
				return nil
			}
			return blockNo(r.Score.Block)
		}),
		col("score_offset", "Report.Score.Offset", func(_ *scope, r *model.Report) any {
			if !scored(r) || r.Score.TableNo != 0 {
				return nil
			}
			return r.Score.Offset
		}),
		col("score_table_no", "Report.Score.TableNo", func(_ *scope, r *model.Report) any { return nullInt(r.Score.TableNo) }),
		col("score_row", "Report.Score.Row", func(_ *scope, r *model.Report) any { return tableRow(r.Score.TableNo, r.Score.Row) }),
	).keeping(func(s *scope, r *model.Report, id ref) {
		s.reports = append(s.reports, id)
		s.sections = append(s.sections, make([]ref, 0, len(r.Sections)))
	}).with(
		// Sections first: the facts after them name their sections' ids.
		newTable("sections", "Report.Sections", func(r *model.Report) []model.Section { return r.Sections },
			col("report_id", "", func(s *scope, _ *model.Section) any { return s.reportID() }),
			col("parent_id", "Section.Parent", func(s *scope, v *model.Section) any {
				if v.Parent >= s.n { // a parent comes before its children
					return nil
				}
				return s.section(len(s.sections)-1, v.Parent)
			}),
			col("level", "Section.Level", func(_ *scope, v *model.Section) any { return v.Level }),
			// marker, via, family and role are strings of vocab
			// (migration 0019), each a few dozen at most.
			col("marker", "Section.Marker", func(_ *scope, v *model.Section) any { return vocabWord(v.Marker) }).inVocab(),
			col("number", "Section.Number", func(_ *scope, v *model.Section) any { return nullInt(v.Number) }),
			col("title", "Section.Title", func(_ *scope, v *model.Section) any { return v.Title }),
			col("body", "Section.Body", func(_ *scope, v *model.Section) any {
				if bodyInUnit(v) {
					return nil
				}
				return v.Body
			}),
			col("ordinal", "", func(s *scope, _ *model.Section) any { return s.n + 1 }),
			col("via", "Section.Via", func(_ *scope, v *model.Section) any { return vocabWord(v.Via) }).inVocab(),
			col("family", "Section.Family", func(_ *scope, v *model.Section) any { return vocabWord(v.Family) }).inVocab(),
			col("block_no", "Section.Block", func(_ *scope, v *model.Section) any { return blockNo(v.Block) }),
			col("role", "Section.Role", func(_ *scope, v *model.Section) any { return vocabWord(v.Role) }).inVocab(),
		).keeping(func(s *scope, _ *model.Section, id ref) {
			k := len(s.sections) - 1
			s.sections[k] = append(s.sections[k], id)
		}),
		newTable("report_tables", "Report.Tables", func(r *model.Report) []model.ReportTable { return r.Tables },
			col("report_id", "", func(s *scope, _ *model.ReportTable) any { return s.reportID() }),
			col("table_no", "ReportTable.TableNo", func(_ *scope, t *model.ReportTable) any { return t.TableNo }),
			col("block_no", "ReportTable.Block", func(_ *scope, t *model.ReportTable) any { return blockNo(t.Block) }),
			col("caption", "ReportTable.Caption", func(_ *scope, t *model.ReportTable) any { return nullStr(t.Caption) }),
			col("header_row", "ReportTable.HeaderRow", func(_ *scope, t *model.ReportTable) any { return t.HeaderRow }),
			col("header", "ReportTable.Header", func(_ *scope, t *model.ReportTable) any { return strings.Join(t.Header, "\t") }),
			col("kind", "ReportTable.Kind", func(_ *scope, t *model.ReportTable) any { return nullStr(t.Kind) }),
		).with(
			newTable("report_table_blocks", "ReportTable.Blocks", func(t *model.ReportTable) []model.TableBlock { return t.Blocks },
				col("report_id", "", func(s *scope, _ *model.TableBlock) any { return s.reportID() }),
				col("table_no", "", func(s *scope, _ *model.TableBlock) any { return s.up.(*model.ReportTable).TableNo }),
				col("seq", "", func(s *scope, _ *model.TableBlock) any { return s.n + 1 }),
				col("kind", "TableBlock.Kind", func(_ *scope, b *model.TableBlock) any { return nullStr(b.Kind) }),
				col("first_row", "TableBlock.FirstRow", func(_ *scope, b *model.TableBlock) any { return b.FirstRow }),
				col("header_row", "TableBlock.HeaderRow", func(_ *scope, b *model.TableBlock) any { return nonNegative(b.HeaderRow) }),
				col("end_row", "TableBlock.EndRow", func(_ *scope, b *model.TableBlock) any { return b.EndRow }),
				col("header", "TableBlock.Header", func(_ *scope, b *model.TableBlock) any { return nullStr(strings.Join(b.Header, "\t")) }),
			),
		),
		newTable("funds", "Report.Funds", func(r *model.Report) []model.Fund { return r.Funds },
			col("report_id", "", func(s *scope, _ *model.Fund) any { return s.reportID() }),
			col("item", "Fund.Item", func(_ *scope, f *model.Fund) any { return nullStr(f.Item) }),
			col("budget_yuan", "Fund.Budget", func(_ *scope, f *model.Fund) any { return amountValue(f.Budget) }),
			col("actual_yuan", "Fund.Actual", func(_ *scope, f *model.Fund) any { return amountValue(f.Actual) }),
			col("execution_rate", "Fund.Rate", func(_ *scope, f *model.Fund) any {
				if f.Rate == nil {
					return nil
				}
				return *f.Rate
			}),
			col("budget_raw", "Fund.BudgetRaw", func(_ *scope, f *model.Fund) any { return nullStr(f.BudgetRaw) }),
			col("actual_raw", "Fund.ActualRaw", func(_ *scope, f *model.Fund) any { return nullStr(f.ActualRaw) }),
			col("table_no", "Fund.TableNo", func(_ *scope, f *model.Fund) any { return nullInt(f.TableNo) }),
			col("row", "Fund.Row", func(_ *scope, f *model.Fund) any { return tableRow(f.TableNo, f.Row) }),
			col("execution_rate_stated", "Fund.RateStated", func(_ *scope, f *model.Fund) any { return nullFloat(f.RateStated) }),
		),
		newTable("checks", "Report.Checks", func(r *model.Report) []model.Check { return r.Checks },
			col("report_id", "", func(s *scope, _ *model.Check) any { return s.reportID() }),
			col("seq", "", func(s *scope, _ *model.Check) any { return s.n + 1 }),
			col("code", "Check.Code", func(_ *scope, c *model.Check) any { return c.Code }),
			col("expected", "Check.Expected", func(_ *scope, c *model.Check) any { return nullStr(c.Expected) }),
			col("found", "Check.Found", func(_ *scope, c *model.Check) any { return nullStr(c.Found) }),
			col("block_no", "Check.Block", func(_ *scope, c *model.Check) any {
				if c.Block < 0 {
					return nil
				}
				return blockNo(c.Block)
			}),
			col("table_no", "Check.TableNo", func(_ *scope, c *model.Check) any { return nullInt(c.TableNo) }),
			col("row", "Check.Row", func(_ *scope, c *model.Check) any { return tableRow(c.TableNo, c.Row) }),
			col("detail", "Check.Detail", func(_ *scope, c *model.Check) any { return nullStr(c.Detail) }),
		),
		newTable("evaluators", "Report.Evaluators", func(r *model.Report) []model.Evaluator { return r.Evaluators },
			col("report_id", "", func(s *scope, _ *model.Evaluator) any { return s.reportID() }),
			col("name", "Evaluator.Name", func(_ *scope, e *model.Evaluator) any { return e.Name }),
			col("org", "Evaluator.Org", func(_ *scope, e *model.Evaluator) any { return nullStr(e.Org) }),
			col("title", "Evaluator.Title", func(_ *scope, e *model.Evaluator) any { return nullStr(e.Title) }),
			col("table_no", "Evaluator.TableNo", func(_ *scope, e *model.Evaluator) any { return nullInt(e.TableNo) }),
			col("row", "Evaluator.Row", func(_ *scope, e *model.Evaluator) any { return tableRow(e.TableNo, e.Row) }),
		),
		newTable("policies", "Report.Policies", func(r *model.Report) []model.Policy { return r.Policies },
			col("report_id", "", func(s *scope, _ *model.Policy) any { return s.reportID() }),
			col("title", "Policy.Title", func(_ *scope, p *model.Policy) any { return p.Title }),
			col("number", "Policy.Number", func(_ *scope, p *model.Policy) any { return nullStr(p.Number) }),
			col("block_no", "Policy.Block", func(_ *scope, p *model.Policy) any { return blockNo(p.Block) }),
			col("offset", "Policy.Offset", func(_ *scope, p *model.Policy) any { return p.Offset }),
		),
		newTable("orgs", "Report.Orgs", func(r *model.Report) []model.Org { return r.Orgs },
			col("report_id", "", func(s *scope, _ *model.Org) any { return s.reportID() }),
			col("name", "Org.Name", func(_ *scope, o *model.Org) any { return o.Name }),
			col("kind", "Org.Kind", func(_ *scope, o *model.Org) any { return nullStr(o.Kind) }),
			col("block_no", "Org.Block", func(_ *scope, o *model.Org) any { return blockNo(o.Block) }),
			col("mentions", "Org.Count", func(_ *scope, o *model.Org) any { return o.Count }),
		),
		newTable("figures", "Report.Figures", func(r *model.Report) []model.Figure { return r.Figures },
			col("report_id", "", func(s *scope, _ *model.Figure) any { return s.reportID() }),
			col("section_id", "Figure.Place.Section", func(s *scope, f *model.Figure) any {
				return s.section(len(s.sections)-1, f.Place.Section)
			}),
			col("block_no", "Figure.Place.Block", func(_ *scope, f *model.Figure) any { return blockNo(f.Place.Block) }),
			col("row", "Figure.Place.Row", func(_ *scope, f *model.Figure) any { return cellRow(f.Place) }),
			col("col", "Figure.Place.Col", func(_ *scope, f *model.Figure) any { return cellCol(f.Place) }),
			col("offset", "Figure.Place.Offset", func(_ *scope, f *model.Figure) any { return f.Place.Offset }),
			col("raw", "Figure.Raw", func(_ *scope, f *model.Figure) any { return f.Raw }),
			col("value", "Figure.Value", func(_ *scope, f *model.Figure) any { return decimalValue(f.Value) }),
			col("value_exact", "Figure.Value", func(_ *scope, f *model.Figure) any { return nullStr(f.Value) }),
			col("value_high", "Figure.High", func(_ *scope, f *model.Figure) any { return decimalValue(f.High) }),
			// A few hundred kinds, units and labels stand in tens of
			// thousands of rows: vocab holds each once (migration 0018).
			col("unit", "Figure.Unit", func(_ *scope, f *model.Figure) any { return vocabWord(f.Unit) }).inVocab(),
			col("kind", "Figure.Kind", func(_ *scope, f *model.Figure) any { return vocabWord(f.Kind) }).inVocab(),
			col("approx", "Figure.Approx", func(_ *scope, f *model.Figure) any { return nullStr(f.Approx) }),
			col("label", "Figure.Label", func(_ *scope, f *model.Figure) any { return vocabWord(f.Label) }).inVocab(),
		),
		// The problems and recommendations a report lists (issue 9).
		newTable("findings", "Report.Findings", func(r *model.Report) []model.Finding { return r.Findings },
			col("report_id", "", func(s *scope, _ *model.Finding) any { return s.reportID() }),
			col("section_id", "Finding.Section", func(s *scope, f *model.Finding) any {
				return s.section(len(s.sections)-1, f.Section)
			}),
			col("kind", "Finding.Kind", func(_ *scope, f *model.Finding) any { return f.Kind }),
			col("item_no", "Finding.No", func(_ *scope, f *model.Finding) any { return f.No }),
			col("marker", "Finding.Marker", func(_ *scope, f *model.Finding) any { return nullStr(f.Marker) }),
			col("title", "Finding.Title", func(_ *scope, f *model.Finding) any { return nullStr(f.Title) }),
			col("text", "Finding.Text", func(s *scope, f *model.Finding) any {
				if s.findingInUnit(f).unit != nil {
					return nil
				}
				return f.Text
			}),
			col("block_no", "Finding.Block", func(_ *scope, f *model.Finding) any { return blockNo(f.Block) }),
			// Where the section's unit text holds the text, when text is
			// NULL (migration 0017).
			placeCol("text_id", (*scope).findingInUnit, placeID),
			placeCol("text_at", (*scope).findingInUnit, placeAt),
			placeCol("text_len", (*scope).findingInUnit, placeLen),
		),
		indicatorsTable,
		scoresTable,
		termsTable{},
		newTable("dates", "Report.Dates", func(r *model.Report) []model.Date { return r.Dates },
			col("document_id", "", func(s *scope, _ *model.Date) any { return s.docID }),
			col("report_id", "", func(s *scope, _ *model.Date) any { return s.reportID() }),
			col("section_id", "Date.Place.Section", func(s *scope, d *model.Date) any {
				return s.section(len(s.sections)-1, d.Place.Section)
			}),
			col("block_no", "Date.Place.Block", func(_ *scope, d *model.Date) any { return blockNo(d.Place.Block) }),
			col("row", "Date.Place.Row", func(_ *scope, d *model.Date) any { return cellRow(d.Place) }),
			col("col", "Date.Place.Col", func(_ *scope, d *model.Date) any { return cellCol(d.Place) }),
			col("offset", "Date.Place.Offset", func(_ *scope, d *model.Date) any { return d.Place.Offset }),
			// Strings of vocab (migration 0019): a report repeats its dates.
			col("raw", "Date.Raw", func(_ *scope, d *model.Date) any { return vocabKey(d.Raw) }).inVocab(),
			col("date", "Date.Date", func(_ *scope, d *model.Date) any { return vocabKey(d.Date) }).inVocab(),
		),
	),
	// A unit names its text; a text many units repeat is stored once, and
	// indexed once, by unit_texts_fts (migrations 0009, 0011).
	newTable("search_unit_rows", "Extraction.Index", func(x *model.Extraction) []model.IndexUnit { return x.Index },
		col("document_id", "", func(s *scope, _ *model.IndexUnit) any { return s.docID }),
		col("report_id", "IndexUnit.Report", func(s *scope, u *model.IndexUnit) any {
			if u.Report < 0 || u.Report >= len(s.reports) {
				return nil
			}
			return s.reports[u.Report]
		}),
		col("section_id", "IndexUnit.Section", func(s *scope, u *model.IndexUnit) any { return s.section(u.Report, u.Section) }),
		col("kind", "IndexUnit.Kind", func(_ *scope, u *model.IndexUnit) any { return unitKind(u.Kind) }),
		col("block_no", "IndexUnit.Block", func(_ *scope, u *model.IndexUnit) any { return blockNo(u.Block) }),
		col("text_id", "", func(s *scope, u *model.IndexUnit) any { return textKey(s.textID(u)) }),
	).with(
		newTable("unit_texts", "", one[model.IndexUnit],
			col("text_id", "", func(s *scope, u *model.IndexUnit) any { return textKey(s.textID(u)) }),
			col("hash", "", func(s *scope, u *model.IndexUnit) any { return s.textID(u) }),
			col("text", "IndexUnit.Text", func(_ *scope, u *model.IndexUnit) any { return u.Text }),
			col("tokens", "IndexUnit.Tokens", func(_ *scope, u *model.IndexUnit) any { return u.Tokens }),
			// A text stored already is skipped; a new one is indexed by
			// unit_texts_fts's trigger (migration 0011).
		).keyed(),
	),
}

// unitKinds are the kinds of search unit search_unit_rows stores as
// their index (the search_units view names them again); another kind is
// stored as written.
var unitKinds = [...]string{"title", "paragraph", "section", "cell"}

func unitKind(k string) any {
	for i, name := range unitKinds {
		if k == name {
			return i
		}
	}
	return k
}

// bodyInUnit says whether a section's body is left out of sections: its
// search unit's text is the title and the body (extract.Index), which
// v_sections reads the body from, as long as trimming changed nothing.
//
// Trimming Title+"\n"+Body changes nothing when the title starts with no
// space (and is not empty: the text would start with the line end) and
// the body ends with none; that is tested without joining them.
func bodyInUnit(v *model.Section) bool {
	return v.Body != "" && v.Title != "" &&
		strings.TrimLeftFunc(v.Title, unicode.IsSpace) == v.Title &&
		strings.TrimRightFunc(v.Body, unicode.IsSpace) == v.Body
}

// textID identifies a unit's text and words: the first 8 bytes of their
// SHA-256, so that the same text gets the same hash in every document and
// run, which the writer looks up (unit_texts.hash) to give a text stored
// already its text_id. Two texts sharing a hash (odds about n²/2⁶⁵ for n
// distinct texts) would show the first for both.
//
// Two columns ask for the id of the same unit, one after the other: the
// last is kept. The bytes hashed go through one buffer of the scope's,
// since a hash.Hash would take a copy of each string.
func (s *scope) textID(u *model.IndexUnit) int64 {
	if s.hashed == u {
		return s.hashID
	}
	if s.hash == nil {
		s.hash = sha256.New()
	}
	s.hash.Reset()
	s.buf = append(append(append(s.buf[:0], u.Text...), 0), u.Tokens...)
	s.hash.Write(s.buf)
	s.buf = s.hash.Sum(s.buf[:0])
	s.hashed, s.hashID = u, int64(binary.BigEndian.Uint64(s.buf))
	return s.hashID
}

// termsTable stores a report's term counts in report_terms, and counts the
// report in term_df: a map, and a second table kept up to date (by the
// writer, once a batch), which the generic prepare does not do.
type termsTable struct{}

var reportTermsSQL = &tableSQL{name: "report_terms", cols: []string{"report_id", "term", "tf"}}

func (termsTable) prepare(s *scope, r *model.Report) {
	if len(r.Terms) == 0 {
		return
	}
	pt, _ := s.p.table(reportTermsSQL)
	pt.args = slices.Grow(pt.args, 3*len(r.Terms))
	s.p.terms = slices.Grow(s.p.terms, len(r.Terms))
	// The term is a string of vocab (migration 0019). The rows of a new
	// report go at the end of the table's B-tree in any order; the terms
	// are sorted so that the vocab ids they get come out the same in
	// every run (bench/samedb.py compares databases by them).
	for _, term := range slices.Sorted(maps.Keys(r.Terms)) {
		s.p.row(reportTermsSQL)
		pt.args = append(pt.args, s.reportID(), vocabKey(term), r.Terms[term])
		s.p.terms = append(s.p.terms, term)
	}
}

func (termsTable) info() tableInfo {
	return tableInfo{name: "report_terms", from: "Report.Terms",
		cols: []columnInfo{{"report_id", "", false}, {"term", "Report.Terms", true}, {"tf", "Report.Terms", false}}}
}

// one is the row a value is, for a table that stores a second row of it.
func one[T any](v *T) []T { return unsafe.Slice(v, 1) }

// amountValue is an optional exact amount as a REAL.
func amountValue(a *model.Amount) any {
	if a == nil {
		return nil
	}
	return decimalValue(*a)
}

// nullFloat is an optional number, NULL when nil.
// scored reports whether a report states a score or a grade, whose place
// Score then gives.
func scored(r *model.Report) bool { return r.Score.Value != "" || r.Score.Grade != "" }
