// Package gen writes a synthetic corpus of Vietnamese news articles about
// diplomatic meetings, for benchmarks: officials, roles, places, topics and
// meeting words come from a gazetteer, the sentences from templates of this
// package. The corpus is deterministic: the same seed gives the same files,
// and article i is the same whatever the corpus size.
package gen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
)

// Options of a corpus.
type Options struct {
	// N is the number of articles.
	N int
	// Seed picks the corpus; the same seed gives the same articles.
	Seed uint64
	// Dir receives the articles, 1,000 per sub-folder (Dir/000/000123.txt).
	Dir string
	// Workers writing at once; 0 means one per CPU.
	Workers int
}

// Summary is what Generate wrote.
type Summary struct {
	Articles int   `json:"articles"`
	Bytes    int64 `json:"bytes"`
}

// Generate writes opt.N articles to opt.Dir.
func Generate(g *gazetteer.Gazetteer, opt Options) (*Summary, error) {
	if opt.N < 0 {
		return nil, fmt.Errorf("gen: negative article count %d", opt.N)
	}
	w, err := NewWriter(g, opt.Seed)
	if err != nil {
		return nil, err
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	for d := 0; d*1000 < opt.N; d++ {
		if err := os.MkdirAll(filepath.Join(opt.Dir, fmt.Sprintf("%03d", d)), 0o755); err != nil {
			return nil, fmt.Errorf("gen: %w", err)
		}
	}
	var (
		mu    sync.Mutex
		sum   Summary
		first error
		wg    sync.WaitGroup
	)
	next := make(chan int)
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				text := w.Article(i)
				path := filepath.Join(opt.Dir, Name(i))
				err := os.WriteFile(path, []byte(text), 0o644)
				mu.Lock()
				if err != nil && first == nil {
					first = fmt.Errorf("gen: %w", err)
				}
				sum.Articles++
				sum.Bytes += int64(len(text))
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < opt.N; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	if first != nil {
		return nil, first
	}
	return &sum, nil
}

// Name is the path of article i under the corpus folder.
func Name(i int) string { return fmt.Sprintf("%03d/%06d.txt", i/1000, i) }

// active is an official holding a role during a month.
type active struct {
	o    *gazetteer.Official
	role *gazetteer.Role
}

// Writer makes articles; it is safe for concurrent use.
type Writer struct {
	g    *gazetteer.Gazetteer
	seed uint64
	// by month index (months since firstYear-01) → officials in office
	months   [][]active
	places   []*gazetteer.Place
	topics   []*gazetteer.Topic
	talks    []string
	calls    []string
	summits  []string
	consults []string
}

const (
	firstYear = 2000
	lastYear  = 2026
)

// NewWriter prepares a writer for a gazetteer and seed.
func NewWriter(g *gazetteer.Gazetteer, seed uint64) (*Writer, error) {
	w := &Writer{g: g, seed: seed, months: make([][]active, (lastYear-firstYear+1)*12)}
	for _, o := range g.Officials {
		for _, t := range o.Roles {
			r := g.Role(t.Role)
			if r == nil || len(r.Titles) == 0 {
				continue
			}
			for m := range w.months {
				d := schema.MonthDate(firstYear+m/12, m%12+1)
				if t.Covers(d) {
					w.months[m] = append(w.months[m], active{o, r})
				}
			}
		}
	}
	for _, p := range g.Places {
		w.places = append(w.places, p)
	}
	w.topics = append(w.topics, g.Topics...)
	kinds := map[string]*[]string{"talks": &w.talks, "phone-call": &w.calls, "summit": &w.summits, "consultation": &w.consults}
	for _, k := range g.Kinds {
		if dst, ok := kinds[k.ID]; ok {
			*dst = append(*dst, k.Triggers...)
		}
	}
	usable := 0
	for _, m := range w.months {
		if len(m) >= 2 {
			usable++
		}
	}
	if usable == 0 || len(w.places) == 0 || len(w.topics) == 0 || len(w.talks) == 0 {
		return nil, fmt.Errorf("gen: the gazetteer needs officials with tenures, places, topics and talks triggers")
	}
	return w, nil
}

// article is the state of one article being written.
type article struct {
	w    *Writer
	r    *rand.Rand
	pub  schema.Date
	pool []active
	// named officials: first mention done
	named map[*gazetteer.Official]bool
	b     strings.Builder
	// lineStart: the next sentence starts a line
	lineStart bool
}

func (a *article) pick(list []string) string { return list[a.r.IntN(len(list))] }
func (a *article) chance(p float64) bool     { return a.r.Float64() < p }

// Article returns the text of article i.
func (w *Writer) Article(i int) string {
	r := rand.New(rand.NewPCG(w.seed, uint64(i)))
	a := &article{w: w, r: r, named: map[*gazetteer.Official]bool{}}
	for {
		m := r.IntN(len(w.months))
		if len(w.months[m]) >= 2 {
			a.pool = w.months[m]
			day := 1 + r.IntN(28)
			a.pub = schema.DayDate(firstYear+m/12, m%12+1, day)
			break
		}
	}
	a.write()
	return a.b.String()
}

// ref names an official: title and full name (or an alias) the first time,
// an honorific and the surname after.
func (a *article) ref(x active) string {
	if a.named[x.o] {
		return "ông " + a.w.g.SurnameOf(x.o)
	}
	a.named[x.o] = true
	name := x.o.Name
	if len(x.o.Aliases) > 0 && a.chance(0.15) {
		if al := a.pick(x.o.Aliases); !nonLatin(al) {
			name = al
		}
	}
	if a.chance(0.02) {
		name = typo(a.r, name)
	}
	return a.pick(x.role.Titles) + " " + name
}

// nonLatin reports whether s is written in another script (Hangul, kanji).
func nonLatin(s string) bool {
	for _, r := range s {
		if r >= 0x1100 {
			return true
		}
	}
	return false
}

// typo swaps two inner letters of the longest word of a name.
func typo(r *rand.Rand, name string) string {
	words := strings.Fields(name)
	k := 0
	for i, w := range words {
		if len(w) > len(words[k]) {
			k = i
		}
	}
	w := []rune(words[k])
	if len(w) < 5 {
		return name
	}
	j := 1 + r.IntN(len(w)-3)
	w[j], w[j+1] = w[j+1], w[j]
	words[k] = string(w)
	return strings.Join(words, " ")
}

// pair picks two officials in office, from two countries when it can.
func (a *article) pair() (active, active) {
	x := a.pool[a.r.IntN(len(a.pool))]
	for try := 0; try < 20; try++ {
		y := a.pool[a.r.IntN(len(a.pool))]
		if y.o != x.o && (y.o.Country != x.o.Country || try > 15) {
			return x, y
		}
	}
	for _, y := range a.pool {
		if y.o != x.o {
			return x, y
		}
	}
	return x, x
}

// when is a date a few days before publication, written as the press does.
func (a *article) when() string {
	d := a.pub.AddDays(-a.r.IntN(4))
	if d.Y != a.pub.Y {
		d = a.pub
	}
	dm := fmt.Sprintf("%d/%d", d.D, d.M)
	switch a.r.IntN(6) {
	case 0:
		return "ngày " + dm
	case 1:
		return "hôm " + dm
	case 2:
		return "chiều " + dm
	case 3:
		return "sáng " + dm
	case 4:
		return fmt.Sprintf("ngày %d/%d/%d", d.D, d.M, d.Y)
	}
	return fmt.Sprintf("vào ngày %d tháng %d", d.D, d.M)
}

func (a *article) place() string {
	p := a.w.places[a.r.IntN(len(a.w.places))]
	if len(p.Aliases) > 0 && a.chance(0.4) {
		return a.pick(p.Aliases)
	}
	return p.Name
}

func (a *article) keyword() string {
	t := a.w.topics[a.r.IntN(len(a.w.topics))]
	if len(t.Keywords) == 0 {
		return strings.ToLower(t.Name)
	}
	return a.pick(t.Keywords)
}

// sentence appends a sentence (with a leading space inside a paragraph).
func (a *article) sentence(format string, args ...any) {
	if !a.lineStart {
		a.b.WriteByte(' ')
	}
	a.lineStart = false
	s := []rune(fmt.Sprintf(format, args...))
	s[0] = unicode.ToUpper(s[0])
	a.b.WriteString(string(s))
}

func (a *article) paragraph() {
	a.b.WriteString("\n\n")
	a.lineStart = true
}

var sources = []string{"Photo : YONHAP News", "Ảnh: TTXVN", "Nguồn ảnh: Reuters", ""}

// write composes the article: a date line, a headline, then paragraphs of
// meetings, topics, planned visits and noise.
func (a *article) write() {
	p := a.pub
	switch a.r.IntN(3) {
	case 0:
		fmt.Fprintf(&a.b, " date %04d-%02d-%02d %s", p.Y, p.M, p.D, a.pick(sources))
	case 1:
		fmt.Fprintf(&a.b, "Ngày đăng: %02d/%02d/%04d %02d:%02d", p.D, p.M, p.Y, 6+a.r.IntN(15), a.r.IntN(60))
	default:
		fmt.Fprintf(&a.b, "Cập nhật: %02d:%02d %02d/%02d/%04d", 6+a.r.IntN(15), a.r.IntN(60), p.D, p.M, p.Y)
	}
	a.paragraph()
	x, y := a.pair()
	fmt.Fprintf(&a.b, "%s và %s thảo luận về %s", x.o.Name, y.o.Name, a.keyword())
	a.paragraph()
	if a.chance(0.5) {
		a.noise()
		a.noise()
		a.paragraph()
	}
	meetings := 3 + a.r.IntN(4)
	for k := 0; k < meetings; k++ {
		if k > 0 {
			x, y = a.pair()
		}
		a.meeting(x, y)
		if a.chance(0.8) {
			a.topics(x, y)
		}
		for n := a.r.IntN(3); n > 0; n-- {
			a.noise()
		}
		a.paragraph()
	}
	if a.chance(0.5) {
		a.planned()
	}
	for n := 1 + a.r.IntN(3); n > 0; n-- {
		a.noise()
	}
	if a.chance(0.3) {
		a.paragraph()
		a.b.WriteString(a.pick([]string{"Minh Anh (TTXVN)", "Hoàng Long (VOV)", "Thu Trang (Vietnam+)", "Tin liên quan"}))
	}
	a.b.WriteString("\n")
}

// meeting writes a sentence reporting a held meeting of x and y.
func (a *article) meeting(x, y active) {
	w := a.w
	switch a.r.IntN(7) {
	case 0:
		a.sentence("%s đã có %s với %s tại %s %s.", a.ref(x), a.pick(w.talks), a.ref(y), a.place(), a.when())
	case 1:
		a.sentence("%s, %s và %s đã tiến hành %s tại %s.", a.when(), a.ref(x), a.ref(y), a.pick(w.talks), a.place())
	case 2:
		a.sentence("%s %s %s tại %s %s.", a.ref(x), a.pick([]string{"tiếp", "gặp", "đã tiếp", "đã gặp"}), a.ref(y), a.place(), a.when())
	case 3:
		if len(w.calls) > 0 {
			a.sentence("%s đã có %s với %s %s.", a.ref(x), a.pick(w.calls), a.ref(y), a.when())
			return
		}
		fallthrough
	case 4:
		if len(w.summits) > 0 {
			a.sentence("%s và %s đã có %s tại %s %s.", a.ref(x), a.ref(y), a.pick(w.summits), a.place(), a.when())
			return
		}
		fallthrough
	case 5:
		if len(w.consults) > 0 {
			a.sentence("%s, phái đoàn do %s dẫn đầu đã có %s với %s tại %s.", a.when(), a.ref(x), a.pick(w.consults), a.ref(y), a.place())
			return
		}
		fallthrough
	default:
		a.sentence("Trong %s diễn ra %s tại %s, %s và %s đã trao đổi ý kiến về tình hình khu vực.", a.pick(w.talks), a.when(), a.place(), a.ref(x), a.ref(y))
	}
}

// topics writes what x and y discussed.
func (a *article) topics(x, y active) {
	switch a.r.IntN(4) {
	case 0:
		a.sentence("Tại cuộc gặp, hai bên đã trao đổi về %s và %s.", a.keyword(), a.keyword())
	case 1:
		a.sentence("%s và %s nhất trí tăng cường hợp tác về %s.", a.ref(x), a.ref(y), a.keyword())
	case 2:
		a.sentence("Hai bên cũng thảo luận %s, cũng như %s.", a.keyword(), a.keyword())
	default:
		a.sentence("Theo %s, hai bên đã dành nhiều thời gian bàn về %s.", a.ref(x), a.keyword())
	}
}

// planned writes a meeting to come.
func (a *article) planned() {
	x, y := a.pair()
	m := a.pub.M%12 + 1
	switch a.r.IntN(2) {
	case 0:
		a.sentence("%s dự kiến sẽ có %s với %s tại %s vào tháng %d tới.", a.ref(x), a.pick(a.w.talks), a.ref(y), a.place(), m)
	default:
		a.sentence("Theo kế hoạch, %s sẽ thăm %s và gặp %s trong tháng %d.", a.ref(x), a.place(), a.ref(y), m)
	}
}

var (
	givenNames = []string{"Minh", "Lan", "Hùng", "Thảo", "Quang", "Hà", "Tuấn", "Mai", "Đức", "Linh"}
	familyVN   = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Vũ", "Đặng", "Bùi", "Hoàng"}
	noise      = []string{
		"theo giới quan sát, quan hệ giữa các nước trong khu vực đã có nhiều chuyển biến trong những năm gần đây.",
		"chỉ số chứng khoán đóng cửa tăng %d điểm trong phiên giao dịch cùng ngày.",
		"thời tiết hôm đó có mưa nhẹ, nhiệt độ vào khoảng %d độ C.",
		"một số tờ báo địa phương cho biết có khoảng %d phóng viên đã đăng ký đưa tin về sự kiện.",
		"giá dầu thô trên thị trường quốc tế giảm nhẹ, còn khoảng %d USD mỗi thùng.",
		"ông %s, nhà nghiên cứu tại một viện chính sách, nhận định rằng tiến trình đối thoại vẫn còn nhiều thách thức.",
		"bà %s, giảng viên đại học, cho rằng cần thêm thời gian để đánh giá kết quả.",
		"năm ngoái, kim ngạch thương mại song phương đạt khoảng %d tỷ USD.",
		"hàng trăm người dân đã tập trung bên ngoài khách sạn nơi diễn ra sự kiện để theo dõi.",
		"trước đó, hãng thông tấn trung ương đưa tin rằng khoảng %d chuyến bay đã bị hoãn vì bão.",
		"ông %s, một doanh nhân có mặt tại sự kiện, bày tỏ hy vọng về triển vọng hợp tác đầu tư.",
		"các chuyên gia kinh tế dự báo tăng trưởng của khu vực sẽ chậm lại trong quý tới.",
		"đây là lần thứ %d trong năm nay quan chức cấp cao hai nước gặp nhau.",
	}
	// made-up names for officials the gazetteer does not know
	extraGiven  = []string{"Daniel", "Sarah", "Michael", "Laura", "Peter", "Anna", "Thomas", "Julia"}
	extraFamily = []string{"Hartley", "Vossberg", "Calloway", "Redmond", "Ashworth", "Lindqvist", "Moreau", "Keller"}
)

// noise writes a sentence that reports no meeting.
func (a *article) noise() {
	if a.chance(0.08) {
		r := a.w.g.Roles[a.r.IntN(len(a.w.g.Roles))]
		if len(r.Titles) > 0 {
			a.sentence("cùng dự có %s %s %s.", a.pick(r.Titles), a.pick(extraGiven), a.pick(extraFamily))
			return
		}
	}
	s := a.pick(noise)
	switch {
	case strings.Contains(s, "%d"):
		a.sentence(s, 10+a.r.IntN(90))
	case strings.Contains(s, "%s"):
		a.sentence(s, a.pick(familyVN)+" "+a.pick(givenNames)+" "+a.pick(givenNames))
	default:
		a.sentence("%s", s)
	}
}

// Aliases lists every string the gazetteer matches in text, sorted and
// without duplicates: official names and aliases, country names, place
// names and aliases, role titles, topic keywords and meeting words. It is
// the pattern list of the plain multi-pattern scan that the extraction
// benchmark compares with.
func Aliases(g *gazetteer.Gazetteer) []string {
	set := map[string]bool{}
	add := func(ss ...string) {
		for _, s := range ss {
			if s = strings.TrimSpace(s); s != "" {
				set[s] = true
			}
		}
	}
	for _, o := range g.Officials {
		add(o.Name)
		add(o.Aliases...)
	}
	for _, c := range g.Countries {
		add(c.Names...)
	}
	for _, p := range g.Places {
		add(p.Name)
		add(p.Aliases...)
	}
	for _, r := range g.Roles {
		add(r.Titles...)
	}
	for _, t := range g.Topics {
		add(t.Keywords...)
	}
	for _, k := range g.Kinds {
		add(k.Triggers...)
		add(k.Direct...)
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}
