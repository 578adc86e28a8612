// Triggers: the words that report a meeting, and the words around them
// that change what a trigger means.

package extract

import (
	"sort"

	"github.com/dipgraph/dipgraph/gazetteer"
)

// genericTriggers report a meeting without telling its kind; a later
// sentence that uses one may be naming the participants of an event that
// an earlier sentence reported without names.
var genericTriggers = map[string]bool{"đồng chủ trì": true, "cuộc họp": true, "cuộc gặp": true, "buổi họp": true, "buổi gặp": true, "cuộc hội đàm": true, "buổi hội đàm": true, "hội đàm": true, "họp": true}

// abbreviationTriggers adds, as triggers, the abbreviations an article
// defines for a kind of meeting: "Hội nghị Tham vấn An ninh thường niên
// (SCM)" makes a later "SCM" report a consultation.
func (x *doc) abbreviationTriggers() {
	abbr := map[string]*gazetteer.Kind{}
	for _, t := range x.sc.Triggers {
		for k := t.End; k < len(x.toks) && k <= t.End+8; k++ {
			if x.word(k) == "." || x.word(k) == "," {
				break
			}
			if x.word(k) == "(" && k+2 < len(x.toks) && x.word(k+2) == ")" && isAllUpper(x.text[x.toks[k+1].Start:x.toks[k+1].End]) &&
				len(x.toks[k+1].Norm) >= 2 {
				abbr[x.toks[k+1].Norm] = t.Kind
				break
			}
		}
	}
	if len(abbr) == 0 {
		return
	}
	var extra []gazetteer.TriggerMatch
	for i, tok := range x.toks {
		if k, ok := abbr[tok.Norm]; ok && tok.Upper && x.word(i-1) != "(" {
			extra = append(extra, gazetteer.TriggerMatch{Start: i, End: i + 1, Kind: k})
		}
	}
	x.sc.Triggers = append(x.sc.Triggers, extra...)
	sort.SliceStable(x.sc.Triggers, func(a, b int) bool { return x.sc.Triggers[a].Start < x.sc.Triggers[b].Start })
}

// backReference reports a trigger that points back at a meeting already
// reported: "Tại cuộc gặp, …", "Trong cuộc hội đàm này", "tại buổi hội
// đàm trên".
func (x *doc) backReference(t gazetteer.TriggerMatch) bool {
	if w := x.word(t.Start - 1); w != "tại" && w != "trong" {
		return false
	}
	switch x.word(t.End) {
	case ",", "này", "trên", "đó", "hôm", "lần":
		return true
	}
	return false
}

// referenceBefore reports a trigger that names another event in time
// ("sau hội nghị thượng đỉnh", "kể từ cuộc gặp", "trước cuộc họp").
func (x *doc) referenceBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch x.word(k) {
		case "sau", "trước", "từ", "theo", "kể":
			return true
		}
	}
	return false
}

// triggerAt reports whether a meeting trigger starts at token i.
func (x *doc) triggerAt(i int) bool { return x.trigAt[i] != 0 }

// compoundFirst are first syllables that make a direct trigger part of
// another word: "trực tiếp" (direct), "liên tiếp", "kế tiếp", "gián tiếp",
// "viếng thăm" stays a visit.
var compoundFirst = map[string]bool{"trực": true, "liên": true, "kế": true, "gián": true, "thăm": true, "chào": true, "bắt": true}

func (x *doc) compoundBefore(i int) bool {
	return i > 0 && compoundFirst[x.word(i-1)] && !x.toks[i].Upper
}

// nonDirectTriggerAt reports whether a trigger that counts wherever it
// stands starts at token i.
func (x *doc) nonDirectTriggerAt(i int) bool { return x.trigAt[i]&2 != 0 }

// breakBetween reports a sentence-internal break (a full stop, a
// semicolon, a trigger) in tokens (a, b).
func (x *doc) breakBetween(a, b int) bool {
	for i := a + 1; i < b; i++ {
		if w := x.word(i); w == "." || w == ";" || x.triggerAt(i) {
			return true
		}
	}
	return false
}
