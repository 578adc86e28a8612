package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Language codes Language returns.
const (
	LangVietnamese = "vi"
	LangEnglish    = "en"
	LangUnknown    = "und"   // too little text to tell
	LangOther      = "other" // enough text, and neither
)

// minLangLetters is the fewest letters a text must have for Language to
// say it is not Vietnamese: a shorter one is "und" and is read anyway.
const minLangLetters = 40

// functionWords are common Vietnamese function words, with their forms
// without diacritics (text typed without them), and common English
// function words: one map, one look-up per word.
var functionWords = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, w := range []string{
		"của", "và", "các", "những", "là", "với", "được",
		"trong", "cho", "người", "đã", "có", "này", "không",
		"một", "đến", "về", "từ", "theo", "khi", "hai",
		"nước", "ông", "bà", "tại", "sẽ", "cũng", "đó",
		"ngày", "năm", "bộ", "trưởng", "hội", "đàm",
		"cua", "va", "cac", "nhung", "voi", "duoc", "nguoi",
		"khong", "mot", "den", "tu", "nuoc", "ong", "tai",
	} {
		m[w] |= viWord
	}
	for _, w := range []string{
		"the", "of", "and", "to", "in", "is", "that",
		"for", "with", "on", "as", "was", "by", "at",
		"said", "from", "his", "her", "it", "he", "she",
		"an", "be", "are", "were", "has", "have", "will",
	} {
		m[w] |= enWord
	}
	return m
}()

// Kinds of function words.
const (
	viWord uint8 = 1 << iota
	enWord
)

// maxFunctionWord is the length in bytes of the longest function word.
var maxFunctionWord = func() int {
	n := 0
	for w := range functionWords {
		n = max(n, len(w))
	}
	return n
}()

// functionEnds has bit first<<8|last set for the first and last bytes of
// every function word: most words of a text have none, and are told
// without a look-up in functionWords.
var functionEnds = func() *[1 << 16 / 64]uint64 {
	var b [1 << 16 / 64]uint64
	for w := range functionWords {
		k := int(w[0])<<8 | int(w[len(w)-1])
		b[k/64] |= 1 << (k % 64)
	}
	return &b
}()

// mayBeFunctionWord reports whether w's first and last bytes are those of
// a function word.
func mayBeFunctionWord(w []byte) bool {
	k := int(w[0])<<8 | int(w[len(w)-1])
	return functionEnds[k/64]&(1<<(k%64)) != 0
}

// Language tells the language of a text from two signs: the share of
// its letters that only Vietnamese writes (ă, â, đ, ê, ô, ơ, ư and the
// tone-marked vowels) and the share of its words that are common
// Vietnamese function words. It returns LangVietnamese, LangEnglish
// (English function words), LangOther (another language, in 200 letters
// or more) or LangUnknown (too short to tell: fewer than 40 letters, or
// fewer than 200 without English function words).
func Language(text string) string {
	letters, viLetters, words, viWords, enWords := languageCounts(text)
	if letters < minLangLetters {
		return LangUnknown
	}
	vi := float64(viLetters) / float64(letters)
	viw := float64(viWords) / float64(max(words, 1))
	enw := float64(enWords) / float64(max(words, 1))
	switch {
	case vi >= 0.08 && viw >= 0.03, viw >= 0.15:
		return LangVietnamese
	case enw >= 0.08:
		return LangEnglish
	case letters < minOtherLetters:
		return LangUnknown // a list of names, a caption: too little to say
	}
	return LangOther
}

// languageCounts counts a text's letters, its letters only Vietnamese
// writes, its words and its Vietnamese and English function words.
func languageCounts(text string) (letters, viLetters, words, viWords, enWords int) {
	// The word being read, lower-cased; looked up without a string made
	// of it (Language runs on every article, on the reader's goroutine).
	word := make([]byte, 0, 32)
	endWord := func() {
		if len(word) == 0 {
			return
		}
		words++
		if len(word) <= maxFunctionWord && mayBeFunctionWord(word) {
			f := functionWords[string(word)]
			if f&viWord != 0 {
				viWords++
			}
			if f&enWord != 0 {
				enWords++
			}
		}
		word = word[:0]
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			if lc := c | 0x20; 'a' <= lc && lc <= 'z' {
				letters++
				word = append(word, lc)
			} else {
				endWord()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		lr, ok := latinLetterLower(r)
		switch {
		case ok:
		case unicode.IsLetter(r):
			lr = unicode.ToLower(r)
		default:
			endWord()
			continue
		}
		letters++
		if vietnameseLetter(lr) {
			viLetters++
		}
		word = utf8.AppendRune(word, lr)
	}
	endWord()
	return letters, viLetters, words, viWords, enWords
}

// minOtherLetters is the fewest letters a text without signs of
// Vietnamese or English must have to be called another language.
const minOtherLetters = 200

// vietnameseLetter reports lower-case letters that mark Vietnamese: đ,
// the vowels with a breve, circumflex or horn, and vowels with a tone
// mark (most in U+1EA0–U+1EF9; à á ả ã ạ and the like outside it).
func vietnameseLetter(r rune) bool {
	switch {
	case r >= 0x1EA0 && r <= 0x1EF9:
		return true
	case r < 0xC0:
		return false
	}
	return strings.ContainsRune("àáãâăèéêìíĩòóõôơùúũưýđ", r)
}

// Vietnamese reports whether Language would keep the text: Vietnamese,
// or too short to tell.
func Vietnamese(lang string) bool { return lang == LangVietnamese || lang == LangUnknown }

// latinLetterLower is unicode.ToLower of the letters of Latin-1 and of the
// Vietnamese block of Latin Extended Additional, which make most of the
// non-ASCII letters of Vietnamese text, without unicode's tables: ok is
// false for every other rune (letter or not).
func latinLetterLower(r rune) (lower rune, ok bool) {
	switch {
	case r >= 0xC0 && r <= 0xFF && r != 0xD7 && r != 0xF7:
		if r <= 0xDE {
			return r + 0x20, true // capitals at U+00C0–U+00DE
		}
		return r, true
	case r >= 0x1EA0 && r <= 0x1EFF:
		return r | 1, true // capitals at even code points, small letters after
	}
	return 0, false
}
