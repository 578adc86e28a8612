package extract

import (
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/vntext"
)

// honorifics stand before a name or a surname.
var honorifics = map[string]bool{"ông": true, "bà": true, "ngài": true}

// gapWords may stand between a title and the name it belongs to:
// "Đặc phái viên hạt nhân hàng đầu của Hàn Quốc - ông Lee Do-hun",
// "Điều phối viên … thuộc Bộ Ngoại giao Lee Seong-ho".
var gapWords = map[string]bool{
	"ông": true, "bà": true, "ngài": true, "của": true, "thuộc": true, "hàng": true, "đầu": true,
	"cấp": true, "cao": true, "mới": true, "đương": true, "nhiệm": true, "bộ": true, "ngoại": true,
	"giao": true, ",": true, "là": true, "sắp": true, "mãn": true, "tân": true,
	"khi": true, "đó": true, "lúc": true, "đắc": true, "cử": true,
}

// findMentions finds the officials named in the text: full names and
// aliases, surnames after an honorific or a title, and (unless closed)
// unknown names after a known title.
func (x *doc) findMentions() {
	n := len(x.toks)
	x.nameAt = make([]int, n)
	for i := range x.nameAt {
		x.nameAt[i] = -1
	}
	for k, m := range x.sc.Names {
		for i := m.Start; i < m.End; i++ {
			x.nameAt[i] = k
		}
	}
	x.titleEnd = map[int]*gazetteer.TitleMatch{}
	x.inTitle = make([]bool, n)
	for k := range x.sc.Titles {
		t := &x.sc.Titles[k]
		x.titleEnd[t.End] = t
		for i := t.Start; i < t.End; i++ {
			x.inTitle[i] = true
		}
	}
	var found []*mention
	for _, m := range x.sc.Names {
		o := m.Official()
		if o == nil {
			continue
		}
		found = append(found, x.newMention(o, m.Start, m.End))
	}
	// Surnames and unknown names, once the full names are known.
	byPos := map[int]bool{}
	for _, m := range found {
		byPos[m.start] = true
	}
	idx := x.newSurnameIndex(found)
	for i := 0; i < n; i++ {
		t := x.toks[i]
		if t.Kind != vntext.Word || !t.Upper || x.nameAt[i] >= 0 || x.inTitle[i] || byPos[i] {
			continue
		}
		if !x.titleOrHonorificBefore(i) || t.Hyphen && !t.Space || x.g.CompoundAt(x.toks, i) {
			// "Ngoại trưởng Hàn-Trung": a word joined by a hyphen is part
			// of a compound, not a surname; so is the first word of a
			// common noun ("Ủy viên Trung ương Đảng").
			continue
		}
		if next := i + 1; next < n && x.sentOf[next] == x.sentOf[i] && x.toks[next].Kind == vntext.Word &&
			(x.toks[next].Upper || x.toks[next].Hyphen && !x.toks[next].Space) && x.nameAt[next] < 0 && !x.inTitle[next] {
			// "Lee Tae-ho" that the gazetteer does not know: a full name,
			// not the surname of someone else.
			if !x.opt.Closed {
				if m := x.provisional(i); m != nil {
					found = append(found, m)
					idx.add(x.g, m)
					i = m.end - 1
				}
			}
			continue
		}
		if o := x.resolveSurname(t.Norm, i, idx); o != nil {
			m := x.newMention(o, i, i+1)
			found = append(found, m)
			idx.add(x.g, m)
			continue
		}
		if x.opt.Closed {
			continue
		}
		if m := x.provisional(i); m != nil {
			found = append(found, m)
			idx.add(x.g, m)
			i = m.end - 1
		}
	}
	// Order by position; record first mentions.
	sortMentions(found)
	x.mentions = found
	for _, m := range found {
		info := x.offSeen[m.off]
		if info == nil {
			info = &offInfo{}
			x.offSeen[m.off] = info
			x.offs = append(x.offs, m.off)
		}
		form := strings.TrimSpace(x.text[x.toks[m.start].Start:x.toks[m.end-1].End])
		if !contains(info.forms, form) {
			info.forms = append(info.forms, form)
		}
		if len(info.sentences) == 0 || info.sentences[len(info.sentences)-1] != m.sent {
			info.sentences = append(info.sentences, m.sent)
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// sortMentions orders mentions by position, keeping the order of those
// that start at the same token (a stable sort: the insertion sort it
// replaces was quadratic on long articles).
func sortMentions(ms []*mention) {
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].start < ms[b].start })
}

// newMention builds a mention of o at tokens [start, end) and reads the
// title, honorific or "người đồng cấp" before it.
func (x *doc) newMention(o *gazetteer.Official, start, end int) *mention {
	m := &mention{off: o, start: start, end: end, tstart: start, sent: x.sentOf[start]}
	x.readTitle(m)
	return m
}

// readTitle walks back from a name over countries and gap words to a title.
func (x *doc) readTitle(m *mention) {
	s0 := x.sent[m.sent].start
	j := m.start - 1
	for gap := 0; j >= s0 && gap <= 8; gap++ {
		if t := x.titleEnd[j+1]; t != nil && x.word(t.Start) == "quyền" && x.word(t.Start-1) == "chính" {
			// "chính quyền Tổng thống Mỹ Joe Biden" (the administration of
			// …): not an acting president; the title after "quyền".
			if end, roles := x.g.TitleHead(x.toks, t.Start+1); end > t.Start+1 && len(roles) > 0 {
				m.headRoles = roles
				m.tstart = t.Start + 1
				m.countries = append(m.countries, t.Countries...)
			}
			return
		} else if t != nil {
			m.title = t
			m.tstart = t.Start
			m.countries = append(m.countries, t.Countries...)
			m.former = x.former(t.Start)
			for k := t.End; k < m.start; k++ {
				if x.wordsAre(k, "đắc", "cử") {
					// "Tổng thống đắc cử Mỹ Donald Trump": president-elect,
					// no role yet.
					m.elect, m.former = true, true
				}
			}
			// "Tổng Bí thư, Chủ tịch nước Tô Lâm", "Phó Thủ tướng kiêm Bộ
			// trưởng Ngoại giao": earlier titles joined by a comma or kiêm.
			for k := t.Start - 1; k > s0; {
				if w := x.word(k); w != "," && w != "kiêm" {
					break
				}
				prev := x.titleEnd[k]
				if prev == nil || !holdsAnyEver(m.off, prev.Roles) {
					// "… gặp nhà lãnh đạo Triều Tiên, Tổng thống Trump": a
					// title of someone else before a comma ends the chain.
					break
				}
				m.more = append(m.more, prev)
				m.tstart = prev.Start
				k = prev.Start - 1
			}
			return
		}
		if k := x.nameAt[j]; k >= 0 {
			nm := x.sc.Names[k]
			if c := nm.Country(); c != nil && nm.Official() == nil && nm.End == j+1 {
				m.countries = append(m.countries, c.Code)
				j = nm.Start - 1
				continue
			}
			break
		}
		if x.word(j) == ")" && j-2 >= s0 && x.word(j-2) == "(" && x.toks[j-1].Upper {
			j -= 3 // "(USTR)"
			continue
		}
		if j-2 >= s0 && x.counterpartAt(j-2) {
			m.counterpart = true
			m.tstart = j - 2
			return
		}
		w := x.word(j)
		if honorifics[w] {
			m.tstart = j
		}
		// Honorifics and ranks of the gazetteer ("đồng chí", "Đại tướng",
		// "Samdech", "Tan Sri") stand before the name, not in it.
		if k := x.honorificEndingAt(j + 1); k >= 0 {
			m.tstart = k
			j = k - 1
			continue
		}
		if !gapWords[w] {
			break
		}
		j--
	}
	// A bare generic title right before the name ("Thứ trưởng Kim").
	for k := max(s0, m.tstart-5); k < m.tstart; k++ {
		if end, roles := x.g.TitleHead(x.toks, k); end == m.tstart && len(roles) > 0 {
			m.headRoles = roles
			m.tstart = k
			m.former = x.former(k)
			return
		}
	}
}

// honorificEndingAt returns the start of an honorific or rank of the
// gazetteer that ends right before token i, or -1.
func (x *doc) honorificEndingAt(i int) int {
	for k := max(0, i-3); k < i; k++ {
		if x.g.HonorificAt(x.toks, k) == i {
			return k
		}
	}
	return -1
}

// titleOrHonorificBefore reports whether token i follows an honorific, a
// title (possibly with its country) or a bare generic title.
func (x *doc) titleOrHonorificBefore(i int) bool {
	if i == 0 {
		return false
	}
	if honorifics[x.word(i-1)] || x.titleEnd[i] != nil || x.counterpartWordsAt(i-2) || x.honorificEndingAt(i) >= 0 {
		return true
	}
	if k := x.nameAt[i-1]; k >= 0 {
		nm := x.sc.Names[k]
		if nm.Country() != nil && x.titleEnd[nm.Start] != nil {
			return true
		}
	}
	for k := max(0, i-5); k < i; k++ {
		if end, roles := x.g.TitleHead(x.toks, k); end == i && len(roles) > 0 {
			return true
		}
	}
	return false
}

// surnameIndex finds the mentions that a surname written alone may stand
// for, without going over every earlier mention (issue 17: that made long
// articles quadratic). full holds the full-name mentions by each of their
// official's surname forms, in order of position; last, by surname form,
// the official of the latest mention added since (a surname or an unknown
// name), which comes after every full-name mention in the order of
// findMentions.
type surnameIndex struct {
	full   map[string][]*mention
	sorted bool // full-name mentions in order of position (binary search)
	last   map[string]*gazetteer.Official
}

func (x *doc) newSurnameIndex(found []*mention) *surnameIndex {
	idx := &surnameIndex{full: map[string][]*mention{}, last: map[string]*gazetteer.Official{}, sorted: true}
	for k, m := range found {
		if k > 0 && m.start < found[k-1].start {
			idx.sorted = false
		}
		forms := x.g.SurnameForms(m.off)
		for j, w := range forms {
			if !contains(forms[:j], w) {
				idx.full[w] = append(idx.full[w], m)
			}
		}
	}
	return idx
}

// add records a mention found after the full names. Its official's forms
// are read now: an unknown official may have gained an alias with it.
func (idx *surnameIndex) add(g *gazetteer.Gazetteer, m *mention) {
	for _, w := range g.SurnameForms(m.off) {
		idx.last[w] = m.off
	}
}

// resolveSurname finds who a surname written alone at token i stands for:
// an official of this article with that surname (the last one named before
// it, else the first after), else the one official of the gazetteer with
// that surname in office at the article's date.
func (x *doc) resolveSurname(w string, i int, idx *surnameIndex) *gazetteer.Official {
	// A mention added after the full names stands before i and after
	// every full-name mention in the order mentions were found.
	if o := idx.last[w]; o != nil {
		return o
	}
	var before, after *gazetteer.Official
	full := idx.full[w]
	if idx.sorted {
		// The first full-name mention at or after i; the one before it.
		k := sort.Search(len(full), func(k int) bool { return full[k].start >= i })
		if k > 0 {
			before = full[k-1].off
		}
		if k < len(full) {
			after = full[k].off
		}
	} else {
		for _, m := range full {
			if m.start < i {
				before = m.off
			} else if after == nil {
				after = m.off
			}
		}
	}
	if before != nil {
		return before
	}
	if after != nil {
		return after
	}
	// From the gazetteer alone, only when the title before the surname
	// names a role the official held at the article's date (or, with an
	// honorific only, any role then).
	roles := x.rolesBefore(i)
	var inOffice []*gazetteer.Official
	for _, o := range x.g.OfficialsBySurname(w) {
		for _, t := range o.Roles {
			if !(x.lay.published.IsZero() || t.Covers(x.lay.published)) {
				continue
			}
			if roles != nil && !roles.has(t.Role) {
				continue
			}
			inOffice = append(inOffice, o)
			break
		}
	}
	if len(inOffice) == 1 {
		return inOffice[0]
	}
	return nil
}
