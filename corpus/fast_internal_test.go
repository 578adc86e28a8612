package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// slowTextDigest is TextDigest as first written (a string of the
// normalised text, then its hash): the fast one must give the same
// digests, which builds store.
func slowTextDigest(text string) string {
	if first, rest, ok := strings.Cut(text, "\n"); ok && isDateLine(first) {
		text = rest
	}
	var b strings.Builder
	space := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		if unicode.IsMark(r) {
			continue
		}
		space = true
	}
	h := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(h[:8])
}

// slowLanguageCounts counts letters, Vietnamese letters and words with
// unicode's own functions, as Language first did.
func slowLanguageCounts(text string) (letters, viLetters, words, viWords, enWords int) {
	var word []rune
	end := func() {
		if len(word) == 0 {
			return
		}
		words++
		f := functionWords[string(word)]
		if f&viWord != 0 {
			viWords++
		}
		if f&enWord != 0 {
			enWords++
		}
		word = word[:0]
	}
	for _, r := range text {
		if !unicode.IsLetter(r) {
			end()
			continue
		}
		letters++
		lr := unicode.ToLower(r)
		if vietnameseLetter(lr) {
			viLetters++
		}
		word = append(word, lr)
	}
	end()
	return
}

// mixedTexts are texts of every kind of character the fast paths tell
// apart: ASCII, Latin-1 (with × and ÷), Latin Extended, the Vietnamese
// block, combining marks, other scripts, invalid bytes, and long runs
// past the digest's buffer.
func mixedTexts() []string {
	texts := []string{
		"", "date 2025-01-02\nÔng A gặp bà B.", "ĐÀ NẴNG × ÷ ß Þ þ ÿ Ÿ", "Hoà bình, hòa bình – ỲỴỶỸ ỳỵỷỹ Ỻỻ",
		"the of and 2024 THE OF", "cua va cac", "Ông và bà của những người đã có trong này; KHÔNG một đến về từ theo khi hai nước, được trưởng hội đàm. The SAID were have", "a\u0301 e\u0323 Ǆǅǆ ǈ", "Ό ό Ωμέγα Москва 東京 ١٢٣ ４５",
		"ab\xffcd \xe2\x80 x", strings.Repeat("Lời chào 1 ", 900), strings.Repeat("ẞ", 3000),
	}
	pool := []rune("aZz09 .,\n-ÀàÝýĐđƠơƯưẠạẾếỹỸ×÷ßÞǅ\u0301\u0323ΌόМм東١４\u00a0\ufeff")
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		var b strings.Builder
		for range r.IntN(6000) {
			b.WriteRune(pool[r.IntN(len(pool))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

func TestTextDigestAsFirstWritten(t *testing.T) {
	for _, s := range mixedTexts() {
		if got, want := TextDigest(s), slowTextDigest(s); got != want {
			t.Errorf("TextDigest(%.40q…) = %s, want %s", s, got, want)
		}
	}
}

func TestLanguageAsFirstWritten(t *testing.T) {
	for _, s := range mixedTexts() {
		l1, v1, w1, vw1, ew1 := languageCounts(s)
		l2, v2, w2, vw2, ew2 := slowLanguageCounts(s)
		if [5]int{l1, v1, w1, vw1, ew1} != [5]int{l2, v2, w2, vw2, ew2} {
			t.Errorf("languageCounts(%.40q…) = %v, want %v", s, [5]int{l1, v1, w1, vw1, ew1}, [5]int{l2, v2, w2, vw2, ew2})
		}
	}
}

// FuzzTextDigest compares TextDigest and the language counts with the
// first-written forms on any text.
func FuzzTextDigest(f *testing.F) {
	for _, s := range mixedTexts()[:11] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := TextDigest(s), slowTextDigest(s); got != want {
			t.Errorf("TextDigest(%q) = %s, want %s", s, got, want)
		}
		l1, v1, w1, vw1, ew1 := languageCounts(s)
		l2, v2, w2, vw2, ew2 := slowLanguageCounts(s)
		if [5]int{l1, v1, w1, vw1, ew1} != [5]int{l2, v2, w2, vw2, ew2} {
			t.Errorf("languageCounts(%q) = %v, want %v", s, [5]int{l1, v1, w1, vw1, ew1}, [5]int{l2, v2, w2, vw2, ew2})
		}
	})
}

// TestLatinLetterLower: on every code point up to U+1FFF, latinLetterLower
// either declines or agrees with unicode.IsLetter and unicode.ToLower, and
// it declines none of Latin-1's letters nor the Vietnamese block's.
func TestLatinLetterLower(t *testing.T) {
	for r := rune(0); r < 0x2000; r++ {
		lr, ok := latinLetterLower(r)
		if !ok {
			if r >= 0xC0 && r <= 0xFF && unicode.IsLetter(r) || r >= 0x1EA0 && r <= 0x1EFF {
				t.Errorf("latinLetterLower(%U) declines", r)
			}
			continue
		}
		if !unicode.IsLetter(r) || lr != unicode.ToLower(r) {
			t.Errorf("latinLetterLower(%U) = %U, want %U (letter %v)", r, lr, unicode.ToLower(r), unicode.IsLetter(r))
		}
	}
}
