package gazetteer

import (
	"fmt"
	"testing"
)

// TestVocabulary numbers words once each, in order, finds every one after
// the table has grown many times, and finds no word it was not given.
func TestVocabulary(t *testing.T) {
	v := newVocabulary()
	const n = 5000
	for i := range n {
		if id := v.add(fmt.Sprintf("w%d", i)); id != int32(i) {
			t.Fatalf("add(w%d) = %d, want %d", i, id, i)
		}
	}
	for i := range n {
		w := fmt.Sprintf("w%d", i)
		if id := v.get(w); id != int32(i) {
			t.Errorf("get(%s) = %d, want %d", w, id, i)
		}
		if id := v.add(w); id != int32(i) {
			t.Errorf("add(%s) again = %d, want %d", w, id, i)
		}
		if id := v.get(fmt.Sprintf("x%d", i)); id != -1 {
			t.Errorf("get(x%d) = %d, want -1", i, id)
		}
	}
	if v.Len() != n || len(v.slots) < 2*n {
		t.Errorf("%d words in %d slots, want %d in at least %d", v.Len(), len(v.slots), n, 2*n)
	}
	if id := v.get(""); id != -1 {
		t.Errorf(`get("") = %d, want -1`, id)
	}
}
