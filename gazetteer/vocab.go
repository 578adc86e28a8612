package gazetteer

import "hash/maphash"

// vocabulary numbers the words of a gazetteer's names, titles, topics and
// triggers: every token of every scanned text is looked up in it. It is an
// open-addressing hash table (linear probing, at most half full) of the
// words' ids, with 32 bits of each word's hash beside its id, so that a
// look-up compares a string only when those bits agree: fewer steps than
// Go's map for this one job.
type vocabulary struct {
	seed  maphash.Seed
	slots []vocabSlot // a power of two long
	words []string    // by id
}

// vocabSlot is one place of the table: id+1 of the word there (0: empty)
// and the high bits of its hash.
type vocabSlot struct {
	tag uint32
	id1 int32
}

func newVocabulary() *vocabulary {
	return &vocabulary{seed: maphash.MakeSeed(), slots: make([]vocabSlot, 1024)}
}

// Len is the number of words.
func (v *vocabulary) Len() int { return len(v.words) }

// get returns the id of word, or -1.
func (v *vocabulary) get(word string) int32 {
	h := maphash.String(v.seed, word)
	tag := uint32(h >> 32)
	mask := uint64(len(v.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := v.slots[i]
		if s.id1 == 0 {
			return -1
		}
		if s.tag == tag && v.words[s.id1-1] == word {
			return s.id1 - 1
		}
	}
}

// add returns the id of word, numbering it first if it is new.
func (v *vocabulary) add(word string) int32 {
	if id := v.get(word); id >= 0 {
		return id
	}
	if 2*(len(v.words)+1) > len(v.slots) {
		v.grow()
	}
	id := int32(len(v.words))
	v.words = append(v.words, word)
	v.put(maphash.String(v.seed, word), id)
	return id
}

func (v *vocabulary) put(h uint64, id int32) {
	mask := uint64(len(v.slots) - 1)
	i := h & mask
	for v.slots[i].id1 != 0 {
		i = (i + 1) & mask
	}
	v.slots[i] = vocabSlot{uint32(h >> 32), id + 1}
}

func (v *vocabulary) grow() {
	v.slots = make([]vocabSlot, 2*len(v.slots))
	for id, w := range v.words {
		v.put(maphash.String(v.seed, w), int32(id))
	}
}
