package cli

import "github.com/darsworkbench/dars-workbench/export"

var schemaCmd = &Command{Name: "schema", Args: "", Summary: "print the JSON Schema of submission.json", Run: runSchema}

func runSchema(c *Command, env *Env, args []string) int {
	fs := newFlags(env, c)
	pos, ok := parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) > 0 {
		fs.Usage()
		return ExitUsage
	}
	if _, err := env.Stdout.Write(export.Schema()); err != nil {
		return fail(env, ExitFailed, "%v", err)
	}
	return ExitOK
}
