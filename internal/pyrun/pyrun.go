// Package pyrun runs Python scripts for the tests that hand an export to
// the programs people read it with (networkx, pandas, rdflib); a test
// skips when no interpreter has the module. Only tests import it.
package pyrun

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Pythons lists the Python interpreters that can import module:
// $DIPGRAPH_PYTHON, python3 on PATH and /usr/bin/python3 (Debian's, which
// may differ from a python3 earlier on PATH), each once.
func Pythons(t testing.TB, module string) []string {
	t.Helper()
	cands := []string{os.Getenv("DIPGRAPH_PYTHON")}
	if p, err := exec.LookPath("python3"); err == nil {
		cands = append(cands, p)
	}
	cands = append(cands, "/usr/bin/python3")
	seen := map[string]bool{}
	var out []string
	for _, c := range cands {
		if c == "" {
			continue
		}
		exe, err := exec.Command(c, "-c", "import sys, "+module+"; print(sys.executable)").Output()
		if err != nil {
			continue
		}
		real, err := filepath.EvalSymlinks(strings.TrimSpace(string(exe)))
		if err != nil || seen[real] {
			continue
		}
		seen[real] = true
		out = append(out, c)
	}
	if len(out) == 0 {
		// CI (.ci/run installs the modules) and DIPGRAPH_REQUIRE_PYTHON
		// make a missing module a failure, not a skip.
		if os.Getenv("DIPGRAPH_REQUIRE_PYTHON") != "" || os.Getenv("CI") != "" {
			t.Fatalf("no python3 with %s (Debian: apt-get install python3-%s); DIPGRAPH_REQUIRE_PYTHON or CI is set", module, module)
		}
		t.Skipf("no python3 with %s (Debian: apt-get install python3-%s)", module, module)
	}
	return out
}

// Run runs script with args and decodes the JSON it prints.
func Run(t testing.TB, py, script string, out any, args ...string) {
	t.Helper()
	cmd := exec.Command(py, append([]string{"-W", "error::UserWarning", "-c", script}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", py, err, stderr.String())
	}
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatalf("%s printed %q: %v", py, b, err)
	}
}
