package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/govreports/govreports"
	"github.com/govreports/govreports/cmd/internal/cli"
)

const datasetteUsage = `usage: reports datasette-metadata [--db reports.db] > metadata.json

Prints the metadata.json Datasette reads beside a database: what each view
and column holds (README.md's Views), the full-text search settings, and
README.md's example questions as canned queries. Then:

  datasette reports.db --metadata metadata.json

The database is not opened: --db gives the name Datasette shows it under
(its file name without the extension).`

// datasetteMetadata is Datasette's metadata.json, the parts it uses here.
type datasetteMetadata struct {
	Title       string                       `json:"title"`
	Description string                       `json:"description"`
	Source      string                       `json:"source"`
	SourceURL   string                       `json:"source_url"`
	Databases   map[string]datasetteDatabase `json:"databases"`
}

type datasetteDatabase struct {
	Description string                    `json:"description"`
	Tables      map[string]datasetteTable `json:"tables"`
	Queries     map[string]datasetteQuery `json:"queries"`
}

type datasetteTable struct {
	Description string            `json:"description"`
	Columns     map[string]string `json:"columns,omitempty"`
	// Full-text search: the FTS table, the column its rowid matches, and
	// raw, so that a query may use FTS5's syntax ("楼宇经济 发展", OR).
	FTSTable   string `json:"fts_table,omitempty"`
	FTSPK      string `json:"fts_pk,omitempty"`
	SearchMode string `json:"searchmode,omitempty"`
}

type datasetteQuery struct {
	Title string `json:"title"`
	SQL   string `json:"sql"`
}

// searchHelp says how to search from Datasette: the index holds words.
const searchHelp = " Search: words of the dictionary separated by spaces (楼宇经济, 楼宇 税收, \"楼宇经济 发展\" for a phrase); " +
	"a run of characters that is no single word (楼宇经济发展) finds nothing."

func runDatasetteMetadata(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlagSet("datasette-metadata", datasetteUsage)
	dbPath := fs.String("db", "reports.db", "the database Datasette serves, for its name")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError{fmt.Sprintf("want no arguments, got %q", fs.Args())}
	}
	name := strings.TrimSuffix(filepath.Base(*dbPath), filepath.Ext(*dbPath))
	md, err := metadataFor(name)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(md)
}

// metadataFor builds the metadata of database name from README.md: its
// Views section and its example questions, the one place each is
// written.
func metadataFor(name string) (*datasetteMetadata, error) {
	views, err := govreports.Views()
	if err != nil {
		return nil, err
	}
	examples, err := govreports.Examples()
	if err != nil {
		return nil, err
	}
	db := datasetteDatabase{
		Description: "Performance-evaluation reports (绩效评价报告) read by ingest. Amounts in 元, rates in percent; start with v_reports.",
		Tables:      map[string]datasetteTable{},
		Queries:     map[string]datasetteQuery{},
	}
	for _, v := range views {
		t := datasetteTable{Description: v.Description, Columns: map[string]string{}}
		for _, c := range v.Columns {
			t.Columns[c.Name] = c.Description
		}
		db.Tables[v.Name] = t
	}
	// The index: Datasette finds it for unit_texts by itself (its
	// content=), and is told it for search_units, a view.
	db.Tables["unit_texts"] = datasetteTable{
		Description: "Each distinct text of the reports once (a title, paragraph, section or table cell), with its words (tokens) for the full-text index." + searchHelp,
		FTSTable:    "unit_texts_fts", FTSPK: "text_id", SearchMode: "raw",
	}
	db.Tables["search_units"] = datasetteTable{
		Description: "Each place a text stands: its document, report, section, kind (title, paragraph, section, cell) and block." + searchHelp,
		FTSTable:    "unit_texts_fts", FTSPK: "text_id", SearchMode: "raw",
	}
	for _, e := range examples {
		key := queryName(e.Title)
		if _, dup := db.Queries[key]; dup {
			return nil, fmt.Errorf("README.md: two example questions are named %s", key)
		}
		db.Queries[key] = datasetteQuery{Title: e.Title, SQL: e.SQL}
	}
	return &datasetteMetadata{
		Title:       "govreports",
		Description: "Chinese government performance-evaluation reports, their facts and where each stands.",
		Source:      "govreports README",
		SourceURL:   "https://github.com/govreports/govreports#views",
		Databases:   map[string]datasetteDatabase{name: db},
	}, nil
}

var (
	englishPart = regexp.MustCompile(`\(([^()]*)\)\s*$`)
	notWord     = regexp.MustCompile(`[^a-z0-9]+`)
)

// queryName names a canned query, a part of its URL, from the English of
// its title: "各项目预算执行率 (budget, spending and execution rate of
// every project)" is budget_spending_and_execution_rate.
func queryName(title string) string {
	en := title
	if m := englishPart.FindStringSubmatch(title); m != nil {
		en = m[1]
	}
	words := strings.Fields(notWord.ReplaceAllString(strings.ToLower(en), " "))
	return strings.Join(words[:min(5, len(words))], "_")
}
