// Package cli is DARS Workbench's command-line front end, for scripting, CI
// and reviewers. Each command lives in a file of its own (cmd_*.go) and is
// listed in commands below, the one registry.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/darsworkbench/dars-workbench/storage"
)

// Env is what a command runs with.
type Env struct {
	Stdout, Stderr io.Writer
	// DBPath is the database chosen with --db, or "" for the default.
	DBPath string
	Meta   Meta
	Now    func() time.Time
}

// Command is one subcommand.
type Command struct {
	Name    string
	Args    string // e.g. "DRAFT-ID [--json]"
	Summary string
	// Run is given its own Command for usage messages: a command variable
	// naming itself inside its Run would be an initialisation cycle.
	Run func(c *Command, env *Env, args []string) int
}

// commands is every command, in the order usage shows them: a new command is
// a cmd_*.go file with its Command and one entry here.
var commands = []*Command{versionCmd, listCmd, rulesCmd, checkCmd, registerPreviewCmd, handoffCmd, exportCmd, importCmd, verifyCmd, schemaCmd, dpiaCmd, reviewCmd, deadlinesCmd, libraryCmd, installCmd, uninstallCmd}

// Exit codes shared by the commands.
const (
	ExitOK = 0
	// ExitFailed: the command ran and found a problem (a blocker, a bad hash).
	ExitFailed = 1
	// ExitUsage: bad command or flags, or input that cannot be read.
	ExitUsage = 2
)

// SplitArgs takes the global --db flag out of args, wherever it stands, and
// returns the database path and the remaining words.
func SplitArgs(args []string) (db string, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--db" || a == "-db":
			if i+1 >= len(args) {
				return "", nil, errors.New("--db needs a path")
			}
			db = args[i+1]
			i++
		case strings.HasPrefix(a, "--db="), strings.HasPrefix(a, "-db="):
			db = a[strings.Index(a, "=")+1:]
			if db == "" {
				return "", nil, errors.New("--db needs a path")
			}
		default:
			rest = append(rest, a)
		}
	}
	return db, rest, nil
}

// Run runs the command named by args[0] (the global --db already removed)
// and returns the process exit code.
func Run(env *Env, args []string) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	if len(args) == 0 {
		usage(env.Stderr)
		return ExitUsage
	}
	switch args[0] {
	case "help", "-h", "--help", "-help":
		usage(env.Stdout)
		return ExitOK
	}
	for _, c := range commands {
		if c.Name == args[0] {
			return masked(env, args[1:], func(env *Env) int { return c.Run(c, env, args[1:]) })
		}
	}
	fmt.Fprintf(env.Stderr, "dars-workbench: unknown command %q\n\n", args[0])
	usage(env.Stderr)
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: dars-workbench [--db PATH] [COMMAND [ARGS]]")
	fmt.Fprintln(w, "\nWith no command, opens the window.")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands {
		// Long argument lists take a line of their own so the summaries
		// stay in one column.
		if len(c.Args) > 28 || len(c.Name) > 9 {
			fmt.Fprintf(w, "  %-9s %s\n  %-9s %-28s %s\n", c.Name, c.Args, "", "", c.Summary)
			continue
		}
		fmt.Fprintf(w, "  %-9s %-28s %s\n", c.Name, c.Args, c.Summary)
	}
	fmt.Fprintln(w, "\n--db PATH chooses the database (default: "+defaultPathForHelp()+").")
}

func defaultPathForHelp() string {
	p, err := storage.DefaultPath()
	if err != nil {
		return "the user's data directory"
	}
	return p
}

// newFlags makes a command's flag set that reports errors instead of exiting.
func newFlags(env *Env, c *Command) *flag.FlagSet {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: dars-workbench %s %s\n  %s\n", c.Name, c.Args, c.Summary)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags wherever they stand among the positional arguments and
// returns the positionals; ok is false after it has printed a usage error.
func parse(fs *flag.FlagSet, args []string) (pos []string, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			return nil, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// Access is what a command does with the database, which decides how it is
// opened: only a command that adds drafts or organisations may create one.
type Access int

const (
	// Reads never creates or changes the database (list, check, deadlines…).
	Reads Access = iota
	// Changes changes what is already there (export's snapshot, review
	// import): the database must exist.
	Changes
	// Adds adds drafts or organisations (import, library import): a missing
	// database is created, as the window does.
	Adds
)

// OpenStore opens the chosen database, or the default one, for what the
// command does with it. A missing database is an error for commands that
// read or change it; the message says how to make one.
func (env *Env) OpenStore(a Access) (*storage.Store, error) {
	p := env.DBPath
	if p == "" {
		var err error
		if p, err = storage.DefaultPath(); err != nil {
			return nil, err
		}
	}
	var st *storage.Store
	var err error
	switch a {
	case Reads:
		st, err = storage.OpenReadOnly(p)
	case Changes:
		st, err = storage.OpenExisting(p)
	default:
		st, err = storage.Open(p)
	}
	if errors.Is(err, storage.ErrNoDatabase) {
		if env.DBPath == "" {
			return nil, fmt.Errorf("%w. Nothing was created: use --db PATH for another database, or create this one by opening the window (dars-workbench) or importing a draft (dars-workbench import FILE)", err)
		}
		db := shellWord(env.DBPath)
		return nil, fmt.Errorf("%w. Nothing was created: check the --db path, or create the database by opening the window (dars-workbench --db %s) or importing a draft (dars-workbench --db %s import FILE)", err, db, db)
	}
	return st, err
}

// shellWord quotes a path for a command line to be copied, when it needs it.
func shellWord(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r == '~' || r == ':' || r == '\\' || r == '+' || r == ',' ||
			('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z'))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// fail prints a message for a problem the user can fix and returns code.
func fail(env *Env, code int, format string, a ...any) int {
	fmt.Fprintf(env.Stderr, "dars-workbench: "+format+"\n", a...)
	return code
}
