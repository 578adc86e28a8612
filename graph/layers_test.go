package graph

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The package map of docs/packages.md, checked on the module's packages:
// Cayley is imported by graph only (tests too), and export does not even
// depend on it (nor on graph): it reads a store through its Source;
// graph and gold take the fact model from fact, not from extract; only
// main packages set the garbage collector (internal/gctune).
func TestPackageLayers(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list over the module")
	}
	goCmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	out, err := exec.Command(goCmd, "list", "-f", "{{.ImportPath}} {{.Name}} ,{{join .Imports \",\"}}, ,{{join .TestImports \",\"}},{{join .XTestImports \",\"}},", "../...").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	const mod = "github.com/dipgraph/dipgraph/"
	deps, err := exec.Command(goCmd, "list", "-deps", "../export").Output()
	if err != nil {
		t.Fatalf("go list -deps ../export: %v", err)
	}
	for _, dep := range strings.Fields(string(deps)) {
		if strings.HasPrefix(dep, "github.com/cayleygraph/") || dep == mod+"graph" {
			t.Errorf("export depends on %s: it must read the store through export.Source only", dep)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		pkg, name := strings.TrimPrefix(f[0], mod), f[1]
		if len(f) != 4 {
			t.Fatalf("go list line %q", line)
		}
		check := func(imp string, test bool) {
			switch {
			case strings.HasPrefix(imp, "github.com/cayleygraph/") && pkg != "graph":
				t.Errorf("%s imports %s: only graph may import Cayley", pkg, imp)
			case imp == mod+"extract" && !test && (pkg == "graph" || pkg == "gold"):
				t.Errorf("%s imports extract: the fact model is in fact", pkg)
			case imp == mod+"internal/gctune" && name != "main" && pkg != "internal/gctune":
				t.Errorf("%s imports internal/gctune: only commands set the garbage collector", pkg)
			}
		}
		for _, imp := range strings.Split(f[2], ",") {
			check(imp, false)
		}
		for _, imp := range strings.Split(f[3], ",") {
			check(imp, true) // the tests' own imports
		}
	}
}
