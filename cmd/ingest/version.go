package main

// Stamped by release builds (make dist) with -ldflags -X main.version=…;
// empty in a plain go build or go run.
var version, commit, date string
