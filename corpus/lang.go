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

// viFunctionWords are common Vietnamese function words, with their forms
// without diacritics (text typed without them).
var viFunctionWords = map[string]bool{
	"của": true, "và": true, "các": true, "những": true, "là": true, "với": true, "được": true,
	"trong": true, "cho": true, "người": true, "đã": true, "có": true, "này": true, "không": true,
	"một": true, "đến": true, "về": true, "từ": true, "theo": true, "khi": true, "hai": true,
	"nước": true, "ông": true, "bà": true, "tại": true, "sẽ": true, "cũng": true, "đó": true,
	"ngày": true, "năm": true, "bộ": true, "trưởng": true, "hội": true, "đàm": true,
	"cua": true, "va": true, "cac": true, "nhung": true, "voi": true, "duoc": true, "nguoi": true,
	"khong": true, "mot": true, "den": true, "tu": true, "nuoc": true, "ong": true, "tai": true,
}

// enFunctionWords are common English function words.
var enFunctionWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "is": true, "that": true,
	"for": true, "with": true, "on": true, "as": true, "was": true, "by": true, "at": true,
	"said": true, "from": true, "his": true, "her": true, "it": true, "he": true, "she": true,
	"an": true, "be": true, "are": true, "were": true, "has": true, "have": true, "will": true,
}

// Language tells the language of a text from two signs: the share of
// its letters that only Vietnamese writes (ă, â, đ, ê, ô, ơ, ư and the
// tone-marked vowels) and the share of its words that are common
// Vietnamese function words. It returns LangVietnamese, LangEnglish
// (English function words), LangOther (another language, in 200 letters
// or more) or LangUnknown (too short to tell: fewer than 40 letters, or
// fewer than 200 without English function words).
func Language(text string) string {
	letters, viLetters := 0, 0
	words, viWords, enWords := 0, 0, 0
	// The word being read, lower-cased; looked up without a string made
	// of it (Language runs on every article, on the reader's goroutine).
	word := make([]byte, 0, 32)
	endWord := func() {
		if len(word) == 0 {
			return
		}
		words++
		if viFunctionWords[string(word)] {
			viWords++
		}
		if enFunctionWords[string(word)] {
			enWords++
		}
		word = word[:0]
	}
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			} else if r < 'a' || r > 'z' {
				endWord()
				continue
			}
			letters++
			word = append(word, byte(r))
		case unicode.IsLetter(r):
			letters++
			lr := unicode.ToLower(r)
			if vietnameseLetter(lr) {
				viLetters++
			}
			word = utf8.AppendRune(word, lr)
		default:
			endWord()
		}
	}
	endWord()
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
