package main

// The layering of DESIGN.md ("Architecture"), checked on what the packages
// import rather than hoped for. Dependencies point inward: model imports
// nothing of ours; voting only model; store only model and voting; export
// only model and voting (it receives a snapshot, never the store);
// importer only model; synth (the synthetic meetings of hoidong demo
// --nominees) only model, voting and store; tui anything but main and
// synth, though its tests may build synthetic meetings with synth for the
// frame benchmarks; main wires them all. Only tui draws on the terminal (Bubble Tea,
// Bubbles, Lip Gloss), and only store speaks SQL (database/sql,
// modernc.org/sqlite).
//
// The rules bind each package's own imports, and those of its in-package
// tests, which compile into it. A package's external tests (package
// x_test) stand outside it as a user would, and may import any of our
// packages. Any test may open the database file directly, as the tests of
// verify do to tamper with a record behind the program's back; Bubble Tea
// stays in tui's tests.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// modulePath is the path of this module, as go.mod names it.
const modulePath = "hoidong"

// layers lists, for each of our packages (by its folder; main is the
// module's root), the packages of ours it may import.
func layers() map[string][]string {
	return map[string][]string{
		"model":    nil,
		"voting":   {"model"},
		"store":    {"model", "voting"},
		"export":   {"model", "voting"},
		"importer": {"model"},
		"synth":    {"model", "voting", "store"},
		"tui":      {"model", "voting", "store", "export", "importer"},
		"main":     {"model", "voting", "store", "export", "importer", "synth", "tui"},
	}
}

// testLayers lists, for each layer, the packages of ours its in-package
// tests may import beyond those of layers().
func testLayers() map[string][]string {
	return map[string][]string{
		"tui": {"synth"},
	}
}

// guarded lists outside packages only some layers may import, with the
// layers that may.
func guarded() []guard {
	return []guard{
		{prefix: "charm.land/bubbletea/v2", what: "Bubble Tea", layers: []string{"tui"}},
		{prefix: "charm.land/bubbles/v2", what: "Bubbles", layers: []string{"tui"}},
		{prefix: "charm.land/lipgloss/v2", what: "Lip Gloss", layers: []string{"tui"}},
		{prefix: "charm.land/huh/v2", what: "huh", layers: []string{"tui"}},
		{prefix: "database/sql", what: "SQL", layers: []string{"store"}, freeInTests: true},
		{prefix: "modernc.org/sqlite", what: "SQLite", layers: []string{"store"}, freeInTests: true},
	}
}

// guard is an outside package (and the packages under it) that only some
// layers may import.
type guard struct {
	prefix      string
	what        string
	layers      []string
	freeInTests bool // any test may import it too
}

// covers reports whether the guard applies to the import path.
func (g guard) covers(path string) bool {
	return path == g.prefix || strings.HasPrefix(path, g.prefix+"/")
}

// importKind says which files of a package an import comes from.
type importKind int

const (
	fromPackage  importKind = iota // the package's own files
	fromTests                      // its in-package test files
	fromExternal                   // its external test package (x_test)
)

// String names the files for a failure message.
func (k importKind) String() string {
	switch k {
	case fromTests:
		return "its tests"
	case fromExternal:
		return "its external tests"
	}
	return "the package"
}

// edge is one import: package from imports package to.
type edge struct {
	from, to string
	kind     importKind
}

// listed is what go list says of one package.
type listed struct {
	ImportPath   string
	Imports      []string
	TestImports  []string
	XTestImports []string
}

// edges lists every import of the packages.
func (p listed) edges() []edge {
	var out []edge
	for _, group := range []struct {
		paths []string
		kind  importKind
	}{{p.Imports, fromPackage}, {p.TestImports, fromTests}, {p.XTestImports, fromExternal}} {
		for _, to := range group.paths {
			out = append(out, edge{from: p.ImportPath, to: to, kind: group.kind})
		}
	}
	return out
}

// layerOf returns the layer of one of our packages (its first folder
// under the module; "main" for the root), or ok false for an outside
// package.
func layerOf(path string) (string, bool) {
	if path == modulePath {
		return "main", true
	}
	rest, ok := strings.CutPrefix(path, modulePath+"/")
	if !ok {
		return "", false
	}
	layer, _, _ := strings.Cut(rest, "/")
	return layer, true
}

// checkLayering returns one sentence for each import against the rules.
func checkLayering(edges []edge) []string {
	rules := layers()
	var bad []string
	for _, e := range edges {
		from, _ := layerOf(e.from)
		allowed, known := rules[from]
		if !known {
			bad = append(bad, fmt.Sprintf("%s has no place in the layering: add it to layers() in layering_test.go and to DESIGN.md", e.from))
			continue
		}
		if why := checkEdge(e, from, allowed); why != "" {
			bad = append(bad, why)
		}
	}
	slices.Sort(bad)
	return slices.Compact(bad)
}

// checkEdge says what is wrong with one import of a package of layer
// from, which may import the layers allowed, or returns "".
func checkEdge(e edge, from string, allowed []string) string {
	if to, ours := layerOf(e.to); ours {
		if to == from || e.kind == fromExternal && to != "main" || slices.Contains(allowed, to) {
			return ""
		}
		if e.kind == fromTests && slices.Contains(testLayers()[from], to) {
			return ""
		}
		return fmt.Sprintf("%s imports %s (in %s): %s may import only %v", e.from, e.to, e.kind, from, allowed)
	}
	for _, g := range guarded() {
		if !g.covers(e.to) || slices.Contains(g.layers, from) || g.freeInTests && e.kind != fromPackage {
			continue
		}
		return fmt.Sprintf("%s imports %s (in %s): only %v may use %s", e.from, e.to, e.kind, g.layers, g.what)
	}
	return ""
}

// goList lists the module's packages and their imports for one target
// system.
func goList(t *testing.T, goos string) []listed {
	t.Helper()
	cmd := exec.Command("go", "list", "-e", "-json=ImportPath,Imports,TestImports,XTestImports", "./...")
	cmd.Env = append(os.Environ(), "GOOS="+goos)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []listed
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p listed
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("go list output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// TestLayering checks the imports of every package of the module, as
// built here and for Windows (some files are for one system only).
func TestLayering(t *testing.T) {
	for _, goos := range []string{runtime.GOOS, "windows"} {
		var edges []edge
		pkgs := goList(t, goos)
		for _, p := range pkgs {
			edges = append(edges, p.edges()...)
		}
		// A listing that lost the imports would pass every rule.
		if !slices.Contains(edges, edge{modulePath + "/tui", "charm.land/bubbletea/v2", fromPackage}) {
			t.Fatalf("GOOS=%s: go list shows %d packages and no import of Bubble Tea by tui", goos, len(pkgs))
		}
		for _, why := range checkLayering(edges) {
			t.Errorf("GOOS=%s: %s", goos, why)
		}
	}
}

// TestLayering_CatchesForbiddenImports feeds the checker imports against
// the rules, and some that the rules allow, so that a checker that lets
// everything through cannot pass.
func TestLayering_CatchesForbiddenImports(t *testing.T) {
	for _, c := range []struct {
		name string
		e    edge
		bad  bool
	}{
		{"model imports voting", edge{"hoidong/model", "hoidong/voting", fromPackage}, true},
		{"voting imports store", edge{"hoidong/voting", "hoidong/store", fromPackage}, true},
		{"store imports export", edge{"hoidong/store", "hoidong/export", fromPackage}, true},
		{"store imports tui", edge{"hoidong/store", "hoidong/tui", fromPackage}, true},
		{"export imports store", edge{"hoidong/export", "hoidong/store", fromPackage}, true},
		{"export's in-package tests import store", edge{"hoidong/export", "hoidong/store", fromTests}, true},
		{"importer imports store", edge{"hoidong/importer", "hoidong/store", fromPackage}, true},
		{"importer imports voting", edge{"hoidong/importer", "hoidong/voting", fromPackage}, true},
		{"store imports synth", edge{"hoidong/store", "hoidong/synth", fromPackage}, true},
		{"tui imports synth", edge{"hoidong/tui", "hoidong/synth", fromPackage}, true},
		{"tui's in-package tests import synth", edge{"hoidong/tui", "hoidong/synth", fromTests}, false},
		{"store's in-package tests import synth", edge{"hoidong/store", "hoidong/synth", fromTests}, true},
		{"synth imports export", edge{"hoidong/synth", "hoidong/export", fromPackage}, true},
		{"tui imports main", edge{"hoidong/tui", "hoidong", fromPackage}, true},
		{"main imports Bubble Tea", edge{"hoidong", "charm.land/bubbletea/v2", fromPackage}, true},
		{"export imports Lip Gloss", edge{"hoidong/export", "charm.land/lipgloss/v2", fromPackage}, true},
		{"store imports a Bubbles package", edge{"hoidong/store", "charm.land/bubbles/v2/key", fromPackage}, true},
		{"store's external tests import Bubble Tea", edge{"hoidong/store", "charm.land/bubbletea/v2", fromExternal}, true},
		{"export imports database/sql", edge{"hoidong/export", "database/sql", fromPackage}, true},
		{"tui imports SQLite", edge{"hoidong/tui", "modernc.org/sqlite", fromPackage}, true},
		{"main imports database/sql", edge{"hoidong", "database/sql", fromPackage}, true},
		{"a package outside the layering", edge{"hoidong/reports", "hoidong/model", fromPackage}, true},

		{"tui imports Bubble Tea", edge{"hoidong/tui", "charm.land/bubbletea/v2", fromPackage}, false},
		{"tui's tests import Bubble Tea", edge{"hoidong/tui", "charm.land/bubbletea/v2", fromTests}, false},
		{"store imports SQLite", edge{"hoidong/store", "modernc.org/sqlite/lib", fromPackage}, false},
		{"main's tests open the database", edge{"hoidong", "database/sql", fromTests}, false},
		{"store's external tests open the database", edge{"hoidong/store", "database/sql", fromExternal}, false},
		{"export's external tests use store", edge{"hoidong/export", "hoidong/store", fromExternal}, false},
		{"store's external tests use synth", edge{"hoidong/store", "hoidong/synth", fromExternal}, false},
		{"synth uses store", edge{"hoidong/synth", "hoidong/store", fromPackage}, false},
		{"export imports voting", edge{"hoidong/export", "hoidong/voting", fromPackage}, false},
		{"main imports tui", edge{"hoidong", "hoidong/tui", fromPackage}, false},
		{"a package imports one under its own folder", edge{"hoidong/tui", "hoidong/tui/widgets", fromPackage}, false},
		{"importer imports an outside library", edge{"hoidong/importer", "github.com/xuri/excelize/v2", fromPackage}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := checkLayering([]edge{c.e})
			if c.bad && len(got) == 0 {
				t.Errorf("%s → %s (%s) was let through", c.e.from, c.e.to, c.e.kind)
			}
			if !c.bad && len(got) > 0 {
				t.Errorf("%s → %s (%s) was refused: %v", c.e.from, c.e.to, c.e.kind, got)
			}
		})
	}
}
