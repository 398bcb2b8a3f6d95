package cli

import "fmt"

var versionCmd = &Command{
	Name: "version", Summary: "print the app's name and version",
	Run: func(_ *Command, env *Env, args []string) int {
		if len(args) > 0 {
			return fail(env, ExitUsage, "version takes no arguments")
		}
		fmt.Fprintf(env.Stdout, "%s %s (build %d)\n", env.Meta.Name, env.Meta.Version, env.Meta.Build)
		return ExitOK
	},
}
