package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
)

// scaleSentences are meeting sentences written for this benchmark: full
// names, titles, surnames after an honorific and meeting triggers, so that
// every stage of the extractor (mentions, surname resolution, dates,
// meetings, places, topics) has work in every paragraph.
var scaleSentences = []string{
	"Chiều 14/3, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với Ngoại trưởng Nga Sergei Lavrov tại Hà Nội.",
	"Ông Sơn và ông Lavrov trao đổi về hợp tác năng lượng và thương mại giữa hai nước.",
	"Sáng hôm sau, Ngoại trưởng Trung Quốc Vương Nghị tiếp Bộ trưởng Sơn ở Bắc Kinh.",
	"Ông Vương nói hai bên sẽ thúc đẩy đầu tư và du lịch.",
	"Ngoại trưởng Mỹ Marco Rubio điện đàm với ông Lavrov về an ninh khu vực.",
	"Ông Rubio cho biết sẽ gặp lại ông Sơn vào tháng tới.",
}

// repetitiveArticle is a date line and then the sentences again and again,
// one paragraph of them at a time, up to size bytes.
func repetitiveArticle(size int) string {
	var b strings.Builder
	b.WriteString("date 2025-03-15\n\n")
	for b.Len() < size {
		for _, s := range scaleSentences {
			b.WriteString(s)
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// BenchmarkExtractScale extracts repetitive articles of 1 MB and 8 MB; the
// time per byte of the two should be about the same (linear time), where it
// used to grow with the size (issue 17). The reader refuses more than 1 MB
// of text, so the 8 MB case calls the extractor directly.
func BenchmarkExtractScale(b *testing.B) {
	g, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, mb := range []int{1, 8} {
		text := repetitiveArticle(mb << 20)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			cpu0 := cpuTime()
			for b.Loop() {
				extract.Extract(g, "scale", text, extract.Options{})
			}
			per := float64(b.N) * float64(len(text))
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/byte")
			if cpu := cpuTime() - cpu0; cpu > 0 {
				// The process's CPU time: steadier than the wall clock on a
				// machine shared with other work.
				b.ReportMetric(float64(cpu.Nanoseconds())/per, "cpu-ns/byte")
			}
		})
	}
}

// TestExtractionNearLinear: the CPU time per byte of a 1 MB repetitive
// article is within 3 times that of a 128 KB one (quadratic time makes it
// 8 times; main before issue 17's indexes gave 5.4 and 6.2), for the sentences of
// the benchmark and for one short meeting sentence repeated.
func TestExtractionNearLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts 1 MB articles; run without -short")
	}
	if cpuTime() == 0 {
		t.Skip("no CPU time on this system")
	}
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	short := func(size int) string {
		return "date 2025-03-15\n\n" + strings.Repeat("Ông Lavrov gặp ông Rubio. ", size/27)
	}
	for name, gen := range map[string]func(int) string{"sentences": repetitiveArticle, "short": short} {
		perByte := func(size int) float64 {
			text := gen(size)
			best := 0.0
			for range 2 { // the faster of two runs: the machine may be busy
				c0 := cpuTime()
				extract.Extract(g, "scale", text, extract.Options{})
				if v := float64(cpuTime()-c0) / float64(len(text)); best == 0 || v < best {
					best = v
				}
			}
			return best
		}
		small, big := perByte(128<<10), perByte(1<<20)
		t.Logf("%s: %.0f CPU ns/byte at 128 KB, %.0f at 1 MB (%.2f×)", name, small, big, big/small)
		if big > 3*small {
			t.Errorf("%s: %.0f CPU ns/byte at 1 MB, %.1f times the %.0f at 128 KB: not linear", name, big, big/small, small)
		}
	}
}
