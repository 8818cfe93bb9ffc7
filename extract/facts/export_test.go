package facts

import "github.com/govreports/govreports/ingest/model"

// ProseFunds reads the budget and the spending a report states in a
// sentence of its text: SentenceFunds' Fund, nil when none.
func ProseFunds(paras []Para, year int) []model.Fund {
	if sf := SentenceFunds(paras, year); sf != nil {
		return []model.Fund{sf.Fund}
	}
	return nil
}
