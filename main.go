// Command dars-workbench prepares NHS England DARS applications offline.
// With no command it opens the window; with one it serves scripts, CI and
// reviewers (see `dars-workbench help`). This file only wires the parts.
package main

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/darsworkbench/dars-workbench/app"
	"github.com/darsworkbench/dars-workbench/app/cli"
	"github.com/darsworkbench/dars-workbench/app/framebuffer"
	"github.com/darsworkbench/dars-workbench/app/instance"
	_ "github.com/darsworkbench/dars-workbench/app/quietlocale" // before Fyne reads the locale: see its doc
	"github.com/darsworkbench/dars-workbench/assets"
	"github.com/darsworkbench/dars-workbench/storage"
)

//go:embed FyneApp.toml
var fyneAppTOML []byte

func main() {
	meta, err := cli.ParseMeta(fyneAppTOML)
	if err != nil {
		panic(err) // our own embedded file: a build defect, not user input
	}
	db, rest, err := cli.SplitArgs(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "dars-workbench:", err)
		os.Exit(cli.ExitUsage)
	}
	pack := ""
	if len(rest) == 1 && app.IsPackArg(rest[0]) {
		// dars-workbench PACK.zip (also how the OS hands the app a pack)
		// opens the window with the pack under review.
		pack, rest = rest[0], nil
	}
	if len(rest) > 0 {
		os.Exit(cli.Run(&cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, DBPath: db, Meta: meta}, rest))
	}
	os.Exit(runWindow(meta, db, pack))
}

func runWindow(meta cli.Meta, db, pack string) int {
	icon := fyne.NewStaticResource("icon.png", assets.IconPNG)
	fyneapp.SetMetadata(fyne.AppMetadata{ID: meta.ID, Name: meta.Name, Version: meta.Version, Build: meta.Build, Icon: icon, Release: true, Migrations: meta.Migrations})
	winIcon := fyne.NewStaticResource("window-icon.png", assets.WindowIconPNG)
	// One window per user: a second copy says so, under an ID of its own so
	// that it never reads or writes the first copy's preferences file.
	var lock *instance.Lock
	if dir, err := instance.Dir(); err == nil {
		lock, err = instance.Claim(dir)
		switch {
		case errors.Is(err, instance.ErrRunning):
			if pack != "" && instance.HandOver(dir, pack, 5*time.Second) {
				return 0 // the open window has it
			}
			other := fyneapp.NewWithID(meta.ID + ".second-copy")
			other.SetIcon(winIcon)
			app.ShowAlreadyOpen(other, err)
			return 0
		case err != nil:
			fmt.Fprintln(os.Stderr, "dars-workbench: cannot tell whether another copy is open:", err)
		default:
			defer lock.Release()
		}
	}
	a := fyneapp.NewWithID(meta.ID)
	a.SetIcon(winIcon)

	if db == "" {
		var err error
		if db, err = storage.DefaultPath(); err != nil {
			app.ShowStartupError(a, "No place for the database", err)
			return 1
		}
	}
	// The database opens while the start window's fonts load (Prepare).
	prepared := app.Prepare(a)
	store, err := storage.Open(db)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dars-workbench:", err)
		prepared.Wait()
		app.ShowStartupError(a, "The database could not be opened", err)
		return 1
	}
	// Commands that change this database in place refuse while it is open
	// here: the window's next save would overwrite what they did.
	lock.Record(db)
	u := prepared.New(store)
	framebuffer.Lean() // after New has made the first window, before it shows
	if pack != "" {
		u.OpenPackOnStart(pack)
	}
	go lock.Serve(300*time.Millisecond, u.OpenPackFromAnotherCopy)
	// Fyne stops the app on SIGINT and SIGTERM; a hang-up (the terminal or
	// session going away) is taken the same way, not as sudden death.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() { <-hup; fyne.Do(a.Quit) }()
	u.ShowAndRun()
	// Work still in flight (a late attachment, an export, a last autosave)
	// is finished before the store closes.
	u.Shutdown()
	if err := store.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "dars-workbench:", err)
		return 1
	}
	return 0
}
