package main

// The screens stay readable: no function of package tui, nor any of the
// functions named in readable(), has a cyclomatic complexity above
// maxComplexity. Complexity is counted as gocyclo counts it: one, plus one
// for each if, for, range, case of a switch or select (default excepted),
// && and ||.

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// maxComplexity is the most a function may branch.
const maxComplexity = 15

// readable names, per package folder, the functions outside tui held to
// the same bound ("Type.method" or "function"); "*" is every function of
// the folder.
func readable() map[string][]string {
	return map[string][]string{
		"tui":      {"*"},
		"model":    {"planReader.plan"},
		"store":    {"loadNominees", "loadRounds"},
		"importer": {"sheet.nominee"},
	}
}

// complexity counts the decisions of a function body as gocyclo does.
func complexity(fn *ast.FuncDecl) int {
	n := 1
	ast.Inspect(fn, func(node ast.Node) bool {
		switch x := node.(type) {
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
			n++
		case *ast.CaseClause:
			if x.List != nil {
				n++
			}
		case *ast.CommClause:
			if x.Comm != nil {
				n++
			}
		case *ast.BinaryExpr:
			if x.Op == token.LAND || x.Op == token.LOR {
				n++
			}
		}
		return true
	})
	return n
}

// funcName is "Type.method" for a method, the name for a function.
func funcName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	t := fn.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if g, ok := t.(*ast.IndexExpr); ok {
		t = g.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + fn.Name.Name
	}
	return fn.Name.Name
}

// tooComplex lists the functions of the package folder dir, among names,
// above maxComplexity, and how many of names it found.
func tooComplex(t *testing.T, dir string, names []string) (bad []string, found int) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			name := funcName(fn)
			if !slices.Contains(names, "*") && !slices.Contains(names, name) {
				continue
			}
			found++
			if c := complexity(fn); c > maxComplexity {
				bad = append(bad, fmt.Sprintf("%s: %s has a complexity of %d (at most %d)", fset.Position(fn.Pos()), name, c, maxComplexity))
			}
		}
	}
	return bad, found
}

func TestComplexity_ScreensStayReadable(t *testing.T) {
	for dir, names := range readable() {
		bad, found := tooComplex(t, dir, names)
		if found == 0 || !slices.Contains(names, "*") && found < len(names) {
			t.Errorf("%s: found %d of the functions %v; were they renamed?", dir, found, names)
		}
		for _, b := range bad {
			t.Error(b)
		}
	}
}

// TestComplexity_Counts checks the count on a function of known
// complexity, so that a counter that sees nothing cannot pass.
func TestComplexity_Counts(t *testing.T) {
	src := `package p
func f(a, b bool, xs []int, c chan int) {
	if a && b || a { }
	for range xs { }
	for i := 0; i < 1; i++ { }
	switch { case a: ; case b: ; default: }
	select { case <-c: ; default: }
}`
	file, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	// 1 + if + && + || + range + for + 2 cases + 1 comm case = 9
	if got := complexity(file.Decls[0].(*ast.FuncDecl)); got != 9 {
		t.Errorf("complexity = %d, want 9", got)
	}
}
