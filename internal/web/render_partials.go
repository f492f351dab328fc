package web

import (
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"text/template/parse"
)

// partialsDir holds the partials; templates/layouts holds the layout every page is parsed with.
const (
	partialsGlob = "templates/partials/*.html"
	layoutsGlob  = "templates/layouts/*.html"
)

// partialIndex tells which partial file defines each named template and which templates each
// file invokes. Each page is parsed with only the partials it reaches from the layout and its
// own templates: parsing all of them with every page kept one copy of every partial's parse
// tree per page, some 13 MiB of a 19 MiB heap at idle.
type partialIndex struct {
	definedIn map[string][]string // template name → the partial files defining it
	invokes   map[string][]string // partial file → the template names it invokes
	layouts   []string            // names the layouts invoke
}

// indexPartials parses every partial and layout once, to read what they define and invoke.
func indexPartials(files fs.FS, funcs template.FuncMap) (partialIndex, error) {
	ix := partialIndex{definedIn: map[string][]string{}, invokes: map[string][]string{}}
	partials, err := fs.Glob(files, partialsGlob)
	if err != nil {
		return ix, err
	}
	for _, file := range partials {
		defined, invoked, err := templatesOf(files, funcs, file)
		if err != nil {
			return ix, err
		}
		for _, name := range defined {
			ix.definedIn[name] = append(ix.definedIn[name], file)
		}
		ix.invokes[file] = invoked
	}
	layouts, err := fs.Glob(files, layoutsGlob)
	if err != nil {
		return ix, err
	}
	for _, file := range layouts {
		_, invoked, err := templatesOf(files, funcs, file)
		if err != nil {
			return ix, err
		}
		ix.layouts = append(ix.layouts, invoked...)
	}
	return ix, nil
}

// partialsFor lists, sorted, the partial files a page needs: those defining a template the
// layout or the page invokes, and what those invoke in turn.
func (ix partialIndex) partialsFor(files fs.FS, funcs template.FuncMap, page string) ([]string, error) {
	_, invoked, err := templatesOf(files, funcs, page)
	if err != nil {
		return nil, err
	}
	need := map[string]bool{}
	queue := append(slices.Clone(ix.layouts), invoked...)
	seen := map[string]bool{}
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		if seen[name] {
			continue
		}
		seen[name] = true
		for _, file := range ix.definedIn[name] {
			if !need[file] {
				need[file] = true
				queue = append(queue, ix.invokes[file]...)
			}
		}
	}
	out := make([]string, 0, len(need))
	for file := range need {
		out = append(out, file)
	}
	slices.Sort(out)
	return out, nil
}

// templatesOf parses one file alone and returns the names it defines and the names it invokes.
func templatesOf(files fs.FS, funcs template.FuncMap, file string) (defined, invoked []string, err error) {
	t, err := template.New("index").Funcs(funcs).ParseFS(files, file)
	if err != nil {
		return nil, nil, fmt.Errorf("templates: %s: %w", file, err)
	}
	calls := map[string]bool{}
	for _, d := range t.Templates() {
		if d.Tree == nil || d.Name() == "index" && d.Tree.Root == nil {
			continue
		}
		if d.Name() != "index" {
			defined = append(defined, d.Name())
		}
		invokedIn(d.Tree.Root, calls)
	}
	for name := range calls {
		invoked = append(invoked, name)
	}
	slices.Sort(defined)
	slices.Sort(invoked)
	return defined, invoked, nil
}

// invokedIn collects the names of the templates a parse tree invokes ({{template}}, {{block}}).
func invokedIn(n parse.Node, out map[string]bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			invokedIn(c, out)
		}
	case *parse.TemplateNode:
		out[n.Name] = true
	case *parse.IfNode:
		invokedIn(n.List, out)
		invokedIn(n.ElseList, out)
	case *parse.RangeNode:
		invokedIn(n.List, out)
		invokedIn(n.ElseList, out)
	case *parse.WithNode:
		invokedIn(n.List, out)
		invokedIn(n.ElseList, out)
	}
}
