package storetest_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// testClockAllowed lists the test files that may read the wall clock, each with the reason. A
// deadline for polling a subprocess is fine; anything that becomes a domain date is not.
var testClockAllowed = map[string]string{
	"cmd/seminars/chaos_test.go":    "enqueues poison items for a real `seminars serve` process, which runs on the wall clock; the items must be due on that clock, and the test compares no domain dates",
	"cmd/loadtest/loadtest_test.go": "its child-process case loads a real `seminars serve`, which runs on the wall clock: the load-test date must lie in that clock's future; the in-process case keeps the fixed test clock, and no timing or date is asserted",
}

// productionClockAllowed lists the non-test files under internal/ that may read the wall clock.
// Everything else takes an injected func() time.Time; cmd/ is the wiring edge and may use it.
var productionClockAllowed = map[string]string{
	"internal/store/store.go":                   "the default clock of store.Open for a caller that passes none (cmd passes time.Now explicitly)",
	"internal/payment/stripemock/stripemock.go": "a deadline for the stripe-mock subprocess to start listening; no domain date",
}

// wallClockFuncs are the time functions that read the wall clock.
var wallClockFuncs = map[string]bool{"Now": true, "Since": true, "Until": true}

// TestTestsDoNotReadTheWallClock keeps every test independent of the hour it runs at: no
// _test.go file calls time.Now, time.Since or time.Until (use storetest.Clock or a fixed time),
// and none opens a store without a clock (store.Open/Connect stamp rows with it).
func TestTestsDoNotReadTheWallClock(t *testing.T) {
	root := repoRoot(t)
	var found []string
	walkGo(t, root, func(rel string, f *ast.File, fset *token.FileSet) {
		if !strings.HasSuffix(rel, "_test.go") {
			return
		}
		if _, ok := testClockAllowed[rel]; ok {
			return
		}
		found = append(found, wallClockUses(rel, f, fset)...)
		found = append(found, clocklessStores(rel, f, fset)...)
	})
	report(t, found, "tests read the wall clock; use storetest.Clock (or a fixed time), or add the file to testClockAllowed with a reason")
}

// TestServicesTakeAnInjectedClock keeps time.Now at the wiring edge: code under internal/ reads
// the time through the clock it was given, so tests can fix it.
func TestServicesTakeAnInjectedClock(t *testing.T) {
	root := repoRoot(t)
	var found []string
	walkGo(t, root, func(rel string, f *ast.File, fset *token.FileSet) {
		if strings.HasSuffix(rel, "_test.go") || !strings.HasPrefix(rel, "internal/") {
			return
		}
		if _, ok := productionClockAllowed[rel]; ok {
			return
		}
		found = append(found, wallClockUses(rel, f, fset)...)
	})
	report(t, found, "production code reads the wall clock; take a func() time.Time from cmd instead, or add the file to productionClockAllowed with a reason")
}

func TestClockAllowListsNameExistingFiles(t *testing.T) {
	root := repoRoot(t)
	for _, list := range []map[string]string{testClockAllowed, productionClockAllowed} {
		for rel, why := range list {
			if strings.TrimSpace(why) == "" {
				t.Errorf("%s is allowed without a reason", rel)
			}
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel))); err != nil {
				t.Errorf("allow-listed %s: %v", rel, err)
			}
		}
	}
}

// wallClockUses finds every reference to time.Now/Since/Until (called or passed as a value).
func wallClockUses(rel string, f *ast.File, fset *token.FileSet) []string {
	names := importNames(f, "time")
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && names[id.Name] && wallClockFuncs[sel.Sel.Name] {
			out = append(out, rel+":"+strconv.Itoa(fset.Position(sel.Pos()).Line)+": time."+sel.Sel.Name)
		}
		return true
	})
	return out
}

// clocklessStores finds store.Open/store.Connect calls without options: such a store stamps its
// rows with the wall clock.
func clocklessStores(rel string, f *ast.File, fset *token.FileSet) []string {
	names := importNames(f, "seminars/internal/store")
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "Open" && sel.Sel.Name != "Connect") {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && names[id.Name] && len(call.Args) < 3 && call.Ellipsis == token.NoPos {
			out = append(out, rel+":"+strconv.Itoa(fset.Position(call.Pos()).Line)+": store."+sel.Sel.Name+" without store.WithClock")
		}
		return true
	})
	return out
}

// importNames is the set of names under which f imports path.
func importNames(f *ast.File, path string) map[string]bool {
	names := map[string]bool{}
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != path {
			continue
		}
		switch {
		case imp.Name == nil:
			names[path[strings.LastIndex(path, "/")+1:]] = true
		case imp.Name.Name != "_" && imp.Name.Name != ".":
			names[imp.Name.Name] = true
		}
	}
	return names
}

// walkGo parses every .go file of the module (skipping testdata, vendor and hidden folders) and
// hands it to fn with its slash-separated path relative to root.
func walkGo(t *testing.T, root string, fn func(rel string, f *ast.File, fset *token.FileSet)) {
	t.Helper()
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || name == "vendor" || name == "node_modules" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		fn(filepath.ToSlash(rel), f, fset)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// repoRoot is the folder holding go.mod, found upwards from the test's working directory.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test's folder")
		}
		dir = parent
	}
}

func report(t *testing.T, found []string, advice string) {
	t.Helper()
	if len(found) == 0 {
		return
	}
	sort.Strings(found)
	t.Errorf("%s:\n  %s", advice, strings.Join(found, "\n  "))
}
