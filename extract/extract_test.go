package extract

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/dipgraph/dipgraph/fact"

	"golang.org/x/text/unicode/norm"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
)

var (
	gazOnce sync.Once
	gaz     *gazetteer.Gazetteer
	gazErr  error
)

func defaultGazetteer(t testing.TB) *gazetteer.Gazetteer {
	t.Helper()
	gazOnce.Do(func() { gaz, gazErr = gazetteer.Default() })
	if gazErr != nil {
		t.Fatal(gazErr)
	}
	return gaz
}

// meetingLine renders a meeting as "a+b status kind date place".
func meetingLine(m fact.Meeting) string {
	p := append([]string(nil), m.Participants...)
	sort.Strings(p)
	return strings.TrimSpace(fmt.Sprintf("%s %s %s %s %s", strings.Join(p, "+"), m.Status, m.Kind, m.Date, m.Place))
}

func meetingLines(r *fact.Result) []string {
	var out []string
	for _, m := range r.Meetings {
		out = append(out, meetingLine(m))
	}
	sort.Strings(out)
	return out
}

func holdLines(r *fact.Result) []string {
	var out []string
	for _, h := range r.Holds {
		out = append(out, h.Official+" "+h.Role)
	}
	sort.Strings(out)
	return out
}

// The articles below are written for these tests in the style of
// Vietnamese news; none is taken from a real article.
var cases = []struct {
	name     string
	text     string
	meetings []string
	holds    []string // checked when not nil
	date     string   // the article's date, when not ""
}{
	{
		name:     "talks with counterpart and place",
		text:     " date 2025-06-10 Photo : YONHAP News\n\nNgoại trưởng Mỹ Marco Rubio ngày 9/6 đã có cuộc hội đàm với người đồng cấp Hàn Quốc Cho Hyun tại Washington. Hai bên thảo luận về quan hệ đồng minh.",
		meetings: []string{"cho-hyun+marco-rubio held talks 2025-06-09 washington"},
		date:     "2025-06-10",
	},
	{
		name:     "phone call, surname later",
		text:     " date 2025-04-02\nThứ trưởng Ngoại giao Christopher Landau ngày 1/4 đã điện đàm với Thứ trưởng thứ nhất Bộ Ngoại giao Hàn Quốc Kim Hong-kyun. Ông Landau cảm ơn phía Hàn Quốc.",
		meetings: []string{"christopher-landau+kim-hong-kyun held phone-call 2025-04-01"},
		holds:    []string{"christopher-landau us-deputy-secretary-of-state", "kim-hong-kyun kr-vice-foreign-minister"},
	},
	{
		name:     "planned meetings with several counterparts",
		text:     " date 2019-05-10\nĐặc phái viên Mỹ về Triều Tiên Stephen Biegun dự kiến có các cuộc gặp với Thứ trưởng thứ nhất Bộ Ngoại giao Hàn Quốc Cho Hyun, Bộ trưởng Thống nhất Kim Yeon-chul cũng như các quan chức khác.",
		meetings: []string{"cho-hyun+stephen-biegun planned talks 2019-05", "kim-yeon-chul+stephen-biegun planned talks 2019-05"},
	},
	{
		name:     "relative date one day before",
		text:     " date 2025-12-03\nThứ trưởng Bộ Ngoại giao Hàn Quốc Park Yoon-joo ngày 2/12 đã hội đàm với Thứ trưởng Ngoại giao Mỹ Allison Hooker.Ông Park cho biết một ngày trước đó ông đã có cuộc gặp với Thứ trưởng Christopher Landau.",
		meetings: []string{"allison-hooker+park-yoon-joo held talks 2025-12-02", "christopher-landau+park-yoon-joo held talks 2025-12-01"},
	},
	{
		name:     "no date line: date from the text",
		text:     "Hàn Quốc và Nhật Bản tăng cường hợp tác\n\nNgày 14/3, Bộ trưởng Ngoại giao Hàn Quốc Park Jin đã hội đàm với Ngoại trưởng Nhật Bản Yoshimasa Hayashi tại Tokyo, ngày 14/3/2023.",
		meetings: []string{"park-jin+yoshimasa-hayashi held talks 2023-03-14 tokyo"},
		date:     "2023-03-14",
	},
	{
		name:     "misspelt name",
		text:     " date 2025-02-01\nTổng thống Donlad Trump đã điện đàm với Thủ tướng Nhật Bản Shigeru Ishiba hôm 31/1.",
		meetings: []string{"donald-trump+shigeru-ishiba held phone-call 2025-01-31"},
	},
	{
		name:     "summit between two named leaders, background year",
		text:     " date 2025-10-30\nTổng thống Hàn Quốc Lee Jae Myung và Tổng thống Mỹ Donald Trump ngày 29/10 đã tiến hành hội nghị thượng đỉnh tại thành phố Gyeongju. Ông Trump nhắc lại hội nghị thượng đỉnh giữa ông và Nhà lãnh đạo Triều Tiên Kim Jong Un năm 2018.",
		meetings: []string{"donald-trump+kim-jong-un held summit 2018", "donald-trump+lee-jae-myung held summit 2025-10-29 gyeongju"},
	},
	{
		name:     "event named first, participants in a later sentence",
		text:     " date 2024-06-19\nHàn Quốc và Trung Quốc ngày 18/6 đã tiến hành cuộc tham vấn ngoại giao tại Seoul. Đồng chủ trì cuộc họp có Thứ trưởng Ngoại giao Hàn Quốc Kim Hong-kyun và Thứ trưởng Ngoại giao Trung Quốc Tôn Vệ Đông.",
		meetings: []string{"kim-hong-kyun+sun-weidong held consultation 2024-06-18 seoul"},
	},
	{
		name:     "teaser after the byline yields nothing",
		text:     " date 2025-04-02\nThứ trưởng Ngoại giao Christopher Landau ngày 1/4 đã điện đàm với Thứ trưởng Ngoại giao Hàn Quốc Kim Hong-kyun.\n\nThu Hà (TTXVN)\nCác phái viên hạt nhân gặp nhau tại Washington\nCác phái viên hạt nhân gặp nhau tại Washington\nCác phái viên hạt nhân của hai nước đã gặp nhau tại Washington vào ngày 18/6.",
		meetings: []string{"christopher-landau+kim-hong-kyun held phone-call 2025-04-01"},
	},
	{
		name:     "a comma after the counterpart does not join the subject",
		text:     " date 2021-11-12\nTại cuộc gặp với Thứ trưởng Ngoại giao Hàn Quốc Choi Jong-kun ngày 11/11, ông Daniel Kritenbrink khẳng định chính quyền Tổng thống Mỹ Joe Biden coi trọng liên minh.",
		meetings: []string{"choi-jong-kun+daniel-kritenbrink held talks 2021-11-11"},
	},
	{
		name:     "no meeting between officials merely named together",
		text:     " date 2025-08-01\nBộ trưởng Ngoại giao Hàn Quốc Cho Hyun cho biết Ngoại trưởng Mỹ Marco Rubio ủng hộ chính sách của Seoul.",
		meetings: nil,
	},
}

func TestExtract(t *testing.T) {
	g := defaultGazetteer(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Extract(g, "test", c.text, Options{})
			got := meetingLines(r)
			want := append([]string(nil), c.meetings...)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("meetings:\n got  %q\n want %q", got, want)
			}
			if c.holds != nil {
				if got := holdLines(r); strings.Join(got, "\n") != strings.Join(c.holds, "\n") {
					t.Errorf("holds:\n got  %q\n want %q", got, c.holds)
				}
			}
			if c.date != "" && r.Published.String() != c.date {
				t.Errorf("published = %s, want %s", r.Published, c.date)
			}
		})
	}
}

// TestNFDSameAsNFC: decomposed text gives the same facts, with evidence
// spans pointing into the text as given.
func TestNFDSameAsNFC(t *testing.T) {
	g := defaultGazetteer(t)
	for _, c := range cases {
		nfd := norm.NFD.String(c.text)
		a, b := Extract(g, "x", c.text, Options{}), Extract(g, "x", nfd, Options{})
		if strings.Join(meetingLines(a), "\n") != strings.Join(meetingLines(b), "\n") {
			t.Errorf("%s: NFD meetings %q, NFC %q", c.name, meetingLines(b), meetingLines(a))
		}
		for _, s := range b.Sentences {
			if s.Start < 0 || s.End > len(nfd) || s.Start >= s.End {
				t.Fatalf("%s: span %d-%d out of the text (%d bytes)", c.name, s.Start, s.End, len(nfd))
			}
			if !strings.Contains(nfd[s.Start:s.End], strings.TrimSpace(s.Text)[:1]) {
				t.Errorf("%s: span %d-%d does not hold its sentence", c.name, s.Start, s.End)
			}
		}
	}
}

// TestEvidence: every fact points at a sentence that holds its words.
func TestEvidence(t *testing.T) {
	g := defaultGazetteer(t)
	text := cases[0].text
	r := Extract(g, "x", text, Options{})
	if len(r.Meetings) != 1 || len(r.Meetings[0].Sentences) == 0 {
		t.Fatalf("want one meeting with evidence, got %+v", r.Meetings)
	}
	s := r.Sentences[r.Meetings[0].Sentences[0]]
	if got := text[s.Start:s.End]; !strings.Contains(got, "Marco Rubio") || !strings.Contains(got, "Cho Hyun") {
		t.Errorf("evidence span %d-%d = %q, want the reporting sentence", s.Start, s.End, got)
	}
	for _, h := range r.Holds {
		if h.Sentence < 0 || h.Sentence >= len(r.Sentences) {
			t.Errorf("hold %v has no sentence", h)
		}
	}
}

// TestConcurrent: one gazetteer serves many extractions at once.
func TestConcurrent(t *testing.T) {
	g := defaultGazetteer(t)
	want := meetingLines(Extract(g, "x", cases[3].text, Options{}))
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := meetingLines(Extract(g, "x", cases[3].text, Options{})); strings.Join(got, ",") != strings.Join(want, ",") {
				errs <- strings.Join(got, ",")
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent extraction differs: %s", e)
	}
}

// TestFutureDateLine: a date line far after the day of extraction is taken
// for a typo: ignored (the date comes from the text), with a warning.
func TestFutureDateLine(t *testing.T) {
	g := defaultGazetteer(t)
	text := " date 2099-01-02\nNgày 9/12/2020, Thứ trưởng Ngoại giao Mỹ Stephen Biegun đã hội đàm với Thứ trưởng Ngoại giao Hàn Quốc Choi Jong-kun tại Seoul."
	r := Extract(g, "future", text, Options{Today: schema.DayDate(2026, 11, 24)})
	if r.Published.String() != "2020-12-09" {
		t.Errorf("published %s, want 2020-12-09 from the text", r.Published)
	}
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "2099-01-02") {
		t.Errorf("warnings %q, want one naming the date line", r.Warnings)
	}
	if r := Extract(g, "future", text, Options{}); r.Published.String() != "2099-01-02" {
		t.Errorf("without Today the date line stands: %s", r.Published)
	}
}

// A gazetteer that names its kinds otherwise keeps the kind rules: the
// leaders' in-person meeting takes the kind of use "leaders", a call stays
// a call, a "summit" word over a non-leader is the default kind.
func TestKindsByUse(t *testing.T) {
	g, err := gazetteer.Load("testdata/kinds-renamed.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := "Ngày đăng: 2024-05-02\n" +
		"Ngày 1/5, Tổng thống Hàn Quốc Han Ji-ho đã hội đàm với Tổng thống Mỹ Paul Rowe tại Seoul.\n" +
		"Ngày 2/5, Tổng thống Han Ji-ho đã điện đàm với Tổng thống Paul Rowe.\n" +
		"Tổng thống Hàn Quốc Han Ji-ho có cuộc gặp thượng đỉnh với Đặc phái viên Mỹ Anna Vale ngày 30/4.\n"
	r := Extract(g, "kinds", text, Options{})
	got := map[string]string{}
	for _, m := range r.Meetings {
		got[strings.Join(m.Participants, "+")+" "+m.Date.String()] = m.Kind
	}
	want := map[string]string{
		"han-ji-ho+paul-rowe 2024-05-01": "leaders-meeting",
		"han-ji-ho+paul-rowe 2024-05-02": "call",
		"anna-vale+han-ji-ho 2024-04-30": "bilateral",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("kinds %v, want %v", got, want)
	}
}
