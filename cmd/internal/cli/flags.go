// Package cli holds what the commands share on their command lines: flags
// in the GNU style, accepted anywhere among the arguments, help on stdout,
// and the --version report.
package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"
)

// ErrHelp is returned by Parse once it has printed the help that -h or
// --help asked for: the command is done, successfully.
var ErrHelp = errors.New("help shown")

// FlagSet is a set of flags in the GNU style (github.com/spf13/pflag):
// flags may come before, between or after the arguments, and -- ends them.
// A flag given with one dash, as Go's flag package allowed (-db x), is read
// as its two-dash form, so that older command lines keep working.
type FlagSet struct {
	*pflag.FlagSet
	usage string // the usage line and what the command does
	help  bool
}

// NewFlagSet returns an empty flag set for the command named name. usage
// is the text help prints above the flags: the usage line first.
func NewFlagSet(name, usage string) *FlagSet {
	fs := &FlagSet{FlagSet: pflag.NewFlagSet(name, pflag.ContinueOnError), usage: usage}
	// Errors are returned, not printed: the command prints each once.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.SortFlags = true
	fs.BoolVarP(&fs.help, "help", "h", false, "show this help")
	return fs
}

// Parse parses args. When they ask for help it prints the help to stdout
// and returns ErrHelp; an error is a mistake in the command line.
func (fs *FlagSet) Parse(args []string, stdout io.Writer) error {
	if err := fs.FlagSet.Parse(fs.arrange(args)); err != nil {
		return err
	}
	if fs.help {
		fs.PrintHelp(stdout)
		return ErrHelp
	}
	return nil
}

// PrintHelp writes the usage text and every flag with its default.
func (fs *FlagSet) PrintHelp(w io.Writer) {
	fmt.Fprint(w, strings.TrimRight(fs.usage, "\n")+"\n\nFlags:\n")
	type line struct{ left, usage string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		// pflag's own listing writes every bool as --x[=true|false].
		name, usage := pflag.UnquoteUsage(f)
		if f.Value.Type() != "bool" && name != "" {
			left += " " + name
		}
		switch def := f.DefValue; {
		case def == "" || def == "false" || def == "0" && f.Value.Type() != "duration":
		case f.Value.Type() == "string":
			usage += fmt.Sprintf(" (default %q)", def)
		default:
			usage += " (default " + def + ")"
		}
		lines = append(lines, line{left, usage})
		width = max(width, len(left))
	})
	for _, l := range lines {
		fmt.Fprintf(w, "%-*s  %s\n", width, l.left, l.usage)
	}
}

// Hint is the line that follows a usage error.
func Hint(command string) string {
	return fmt.Sprintf("Run '%s --help' for usage.", command)
}

// arrange puts the flags of args first, each with its value, then --,
// then the arguments in their order, for pflag to parse. On the way it
// rewrites -name and -name=value, where name is a long flag, as --name
// (pflag would read -db as the shorthands -d -b), and it takes a word that
// starts with a dash but holds a space before any = for an argument: a
// SQL query that begins with a -- comment is no flag.
func (fs *FlagSet) arrange(args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if len(a) < 2 || a[0] != '-' || strings.ContainsAny(name, " \t\r\n") {
			rest = append(rest, a)
			continue
		}
		var f *pflag.Flag
		switch {
		case strings.HasPrefix(a, "--"):
			f = fs.Lookup(name)
		case len(name) > 1 && fs.Lookup(name) != nil:
			f = fs.Lookup(name)
			a = "-" + a
		case len(name) == 1:
			f = fs.ShorthandLookup(name)
		}
		flags = append(flags, a)
		if f != nil && f.NoOptDefVal == "" && !hasValue && i+1 < len(args) {
			// The next word is this flag's value, whatever it looks like.
			i++
			flags = append(flags, args[i])
		}
	}
	return append(append(flags, "--"), rest...)
}
