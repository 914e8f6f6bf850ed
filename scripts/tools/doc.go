// Package tools pins gopls, which GoNB needs beside goimports, in a module
// of its own: gopls requires newer golang.org/x/tools than the project's
// goimports pin, and keeping it here leaves the project's go.mod free of
// its dependencies. scripts/setup builds it with `go build` from here.
package tools
