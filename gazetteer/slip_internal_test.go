package gazetteer

import "testing"

func TestOneSlip(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"donald", "donlad", true},  // neighbours swapped
		{"donald", "donald", false}, // no slip
		{"donald", "dnald", true},   // a letter dropped
		{"donald", "donnald", true}, // a letter doubled
		{"donald", "ronald", true},  // a letter changed
		{"donald", "ronalt", false}, // two changed
		{"donald", "dnoadl", false}, // two swaps
		{"nguyễn", "nguyển", true},  // a tone changed
		{"nguyễn", "ngyn", false},   // two letters dropped
		{"yoshihide", "yoshihdie", true},
		{"kim", "kimjongun", false}, // lengths far apart
		{"trọng", "trọngg", true},
	}
	for _, tt := range tests {
		if got := oneSlip(tt.a, tt.b); got != tt.want {
			t.Errorf("oneSlip(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := oneSlip(tt.b, tt.a); got != tt.want {
			t.Errorf("oneSlip(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}
