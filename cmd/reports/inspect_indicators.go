package main

import (
	"encoding/json"

	"github.com/govreports/govreports/ingest/model"
)

// inspectedIndicator is an indicator as v_indicators shows it.
type inspectedIndicator struct {
	Ordinal     int          `json:"ordinal"`
	Level1      string       `json:"level1"`
	Level2      string       `json:"level2"`
	Level3      string       `json:"level3"`
	TargetRaw   string       `json:"target_raw"`
	TargetValue *json.Number `json:"target_value"`
	TargetUnit  string       `json:"target_unit"`
	TargetOp    string       `json:"target_op"`
	ActualRaw   string       `json:"actual_raw"`
	ActualValue *json.Number `json:"actual_value"`
	ActualUnit  string       `json:"actual_unit"`
	Weight      *json.Number `json:"weight"`
	Score       *json.Number `json:"score"`
	Met         *int         `json:"met"`
	Deviation   string       `json:"deviation"`
	TableNo     *int         `json:"table_no"`
	Row         *int         `json:"row"`
}

// inspectedScore is a dimension's score as v_scores shows it.
type inspectedScore struct {
	Dimension string       `json:"dimension"`
	Weight    *json.Number `json:"weight"`
	Score     *json.Number `json:"score"`
	TableNo   *int         `json:"table_no"`
	Row       *int         `json:"row"`
}

func inspectedIndicators(r *model.Report) []inspectedIndicator {
	out := []inspectedIndicator{}
	for k, in := range r.Indicators {
		v := inspectedIndicator{Ordinal: k + 1, Level1: in.Level1, Level2: in.Level2, Level3: in.Level3,
			TargetRaw: in.TargetRaw, TargetValue: number(in.TargetValue), TargetUnit: in.TargetUnit, TargetOp: in.TargetOp,
			ActualRaw: in.ActualRaw, ActualValue: number(in.ActualValue), ActualUnit: in.ActualUnit,
			Weight: number(in.Weight), Score: number(in.Score), Deviation: in.Deviation, TableNo: nonZero(in.TableNo)}
		if in.Met != nil {
			v.Met = ptr(0)
			if *in.Met {
				v.Met = ptr(1)
			}
		}
		if in.TableNo != 0 {
			v.Row = ptr(in.Row)
		}
		out = append(out, v)
	}
	return out
}

func inspectedScores(r *model.Report) []inspectedScore {
	out := []inspectedScore{}
	for _, s := range r.Scores {
		v := inspectedScore{Dimension: s.Dimension, Weight: number(s.Weight), Score: number(s.Score), TableNo: nonZero(s.TableNo)}
		if s.TableNo != 0 {
			v.Row = ptr(s.Row)
		}
		out = append(out, v)
	}
	return out
}
