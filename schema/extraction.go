package schema

import (
	"context"
	"strings"

	"github.com/govreports/govreports/ingest/model"
)

// insertExtraction stores the reports of document id and every fact in
// them, each with its place (report, section, block, offset).
func insertExtraction(ctx context.Context, b *batch, id int64, x *model.Extraction) error {
	reportIDs := make([]int64, len(x.Reports))
	sectionIDs := make([][]int64, len(x.Reports))
	for i := range x.Reports {
		r := &x.Reports[i]
		res, err := b.exec(ctx, `INSERT INTO reports (document_id, report_no, title, project_name, category,
			implementing_unit, supervising_dept, evaluation_agency, evaluation_year, report_date, attachment, goal,
			preamble, first_block, end_block) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, r.No, nullStr(r.Title), nullStr(r.ProjectName), nullStr(r.Category), nullStr(r.ImplementingUnit),
			nullStr(r.SupervisingDept), nullStr(r.EvaluationAgency), nullInt(r.EvaluationYear), nullStr(r.ReportDate),
			nullStr(r.Attachment), nullStr(r.Goal), nullStr(r.Preamble), r.FirstBlock+1, r.EndBlock)
		if err != nil {
			return err
		}
		if reportIDs[i], err = res.LastInsertId(); err != nil {
			return err
		}
		if sectionIDs[i], err = insertSections(ctx, b, reportIDs[i], r.Sections); err != nil {
			return err
		}
		if err := insertFacts(ctx, b, id, reportIDs[i], sectionIDs[i], r); err != nil {
			return err
		}
	}
	return insertIndex(ctx, b, id, reportIDs, sectionIDs, x.Index)
}

func insertSections(ctx context.Context, b *batch, reportID int64, ss []model.Section) ([]int64, error) {
	ids := make([]int64, len(ss))
	for j, s := range ss {
		var parent any
		if s.Parent >= 0 && s.Parent < j {
			parent = ids[s.Parent]
		}
		res, err := b.exec(ctx, `INSERT INTO sections (report_id, parent_id, level, marker, number, title, body,
			ordinal, via, family, block_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			reportID, parent, s.Level, nullStr(s.Marker), nullInt(s.Number), s.Title, s.Body, j+1,
			nullStr(s.Via), nullStr(s.Family), s.Block+1)
		if err != nil {
			return nil, err
		}
		if ids[j], err = res.LastInsertId(); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// sectionID maps a section index to its row id, NULL for -1.
func sectionID(ids []int64, i int) any {
	if i < 0 || i >= len(ids) {
		return nil
	}
	return ids[i]
}

// tableRow is a fact's table row, NULL for a fact read from the text
// (table 0).
func tableRow(tableNo, row int) any {
	if tableNo == 0 {
		return nil
	}
	return row
}

// cellPos returns row and col for a place in a table, NULL for a paragraph.
func cellPos(p model.Place) (any, any) {
	if p.Row < 0 {
		return nil, nil
	}
	return p.Row, p.Col
}

func insertFacts(ctx context.Context, b *batch, docID, reportID int64, sections []int64, r *model.Report) error {
	for _, t := range r.Tables {
		if _, err := b.exec(ctx, `INSERT INTO report_tables (report_id, table_no, block_no, caption, header_row, header, kind)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, reportID, t.TableNo, t.Block+1, nullStr(t.Caption), t.HeaderRow,
			strings.Join(t.Header, "\t"), nullStr(t.Kind)); err != nil {
			return err
		}
	}
	for _, f := range r.Funds {
		var rate any
		if f.Rate != nil {
			rate = *f.Rate
		}
		var budget, actual string
		if f.Budget != nil {
			budget = *f.Budget
		}
		if f.Actual != nil {
			actual = *f.Actual
		}
		if _, err := b.exec(ctx, `INSERT INTO funds (report_id, item, budget_yuan, actual_yuan, execution_rate,
			budget_raw, actual_raw, table_no, row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			reportID, nullStr(f.Item), decimalValue(budget), decimalValue(actual), rate,
			nullStr(f.BudgetRaw), nullStr(f.ActualRaw), nullInt(f.TableNo), tableRow(f.TableNo, f.Row)); err != nil {
			return err
		}
	}
	for _, e := range r.Evaluators {
		if _, err := b.exec(ctx, `INSERT INTO evaluators (report_id, name, org, title, table_no, row) VALUES (?, ?, ?, ?, ?, ?)`,
			reportID, e.Name, nullStr(e.Org), nullStr(e.Title), nullInt(e.TableNo), tableRow(e.TableNo, e.Row)); err != nil {
			return err
		}
	}
	for _, p := range r.Policies {
		if _, err := b.exec(ctx, `INSERT INTO policies (report_id, title, number, block_no, offset) VALUES (?, ?, ?, ?, ?)`,
			reportID, p.Title, nullStr(p.Number), p.Block+1, p.Offset); err != nil {
			return err
		}
	}
	for _, o := range r.Orgs {
		if _, err := b.exec(ctx, `INSERT INTO orgs (report_id, name, kind, block_no, mentions) VALUES (?, ?, ?, ?, ?)`,
			reportID, o.Name, nullStr(o.Kind), o.Block+1, o.Count); err != nil {
			return err
		}
	}
	for _, f := range r.Figures {
		row, col := cellPos(f.Place)
		if _, err := b.exec(ctx, `INSERT INTO figures (document_id, report_id, section_id, block_no, row, col, offset,
			raw, value, value_exact, value_high, unit, kind, approx, label, flag) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, docID, reportID, sectionID(sections, f.Place.Section), f.Place.Block+1, row, col,
			f.Place.Offset, f.Raw, decimalValue(f.Value), nullStr(f.Value), decimalValue(f.High), nullStr(f.Unit),
			nullStr(f.Kind), nullStr(f.Approx), nullStr(f.Label), nullStr(f.Flag)); err != nil {
			return err
		}
	}
	for term, tf := range r.Terms {
		if _, err := b.exec(ctx, `INSERT INTO report_terms (report_id, term, tf) VALUES (?, ?, ?)`, reportID, term, tf); err != nil {
			return err
		}
		if _, err := b.exec(ctx, `INSERT INTO term_df (term, df) VALUES (?, 1)
			ON CONFLICT (term) DO UPDATE SET df = df + 1`, term); err != nil {
			return err
		}
	}
	for _, d := range r.Dates {
		row, col := cellPos(d.Place)
		if _, err := b.exec(ctx, `INSERT INTO dates (document_id, report_id, section_id, block_no, row, col, offset, raw, date)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, docID, reportID, sectionID(sections, d.Place.Section), d.Place.Block+1,
			row, col, d.Place.Offset, d.Raw, d.Date); err != nil {
			return err
		}
	}
	return nil
}

func insertIndex(ctx context.Context, b *batch, docID int64, reports []int64, sections [][]int64, units []model.IndexUnit) error {
	if len(units) == 0 {
		return nil
	}
	for _, u := range units {
		var reportID, secID any
		if u.Report >= 0 && u.Report < len(reports) {
			reportID = reports[u.Report]
			secID = sectionID(sections[u.Report], u.Section)
		}
		res, err := b.exec(ctx, `INSERT INTO search_units (document_id, report_id, section_id, kind, block_no, text)
		VALUES (?, ?, ?, ?, ?, ?)`, docID, reportID, secID, u.Kind, u.Block+1, u.Text)
		if err != nil {
			return err
		}
		rowid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := b.exec(ctx, `INSERT INTO search_fts (rowid, tokens) VALUES (?, ?)`, rowid, u.Tokens); err != nil {
			return err
		}
	}
	return nil
}
