package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Snapshots keep whole revisions the user can go back to; one is taken when
// asked, of what every export wrote, and before every restore.

func (e *Editor) onSnapshot() {
	e.save.flush()
	info, err := e.ui.store.Snapshot(e.app.ID, "Taken by hand")
	if err != nil {
		showError(e.win, "Could not take a snapshot", err)
		return
	}
	msg := fmt.Sprintf("Snapshot of revision %d taken", info.Revision)
	e.savedAt.SetText(msg)
	e.notify(msg + ": History… shows it, and Compare… can set it beside later versions.")
}

func (e *Editor) onHistory() {
	e.save.flush()
	snaps, err := e.ui.store.Snapshots(e.app.ID)
	if err != nil {
		showError(e.win, "Could not list the snapshots", err)
		return
	}
	if len(snaps) == 0 {
		dialog.ShowInformation("History", "No snapshots yet. Use Snapshot ("+keyLabel(e.ui.goos, ctrlShift(fyne.KeyS))+") to keep this revision;\none is also kept of what every export writes.", e.win)
		return
	}
	var d dialog.Dialog
	list := widget.NewList(
		func() int { return len(snaps) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, widget.NewButton("Restore", nil), widget.NewLabel("snapshot"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := snaps[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(fmt.Sprintf("Revision %d · %s · %s", s.Revision, s.Taken.Local().Format("2 Jan 2006 15:04"), s.Reason))
			c.Objects[1].(*widget.Button).OnTapped = func() {
				d.Hide()
				e.confirmRestore(s.ID, s.Revision)
			}
		})
	d = dialog.NewCustom("History", "Close", container.NewGridWrap(fyne.NewSize(560, 320), list), e.win)
	d.Show()
}

func (e *Editor) confirmRestore(snapshotID, revision int64) {
	msg := fmt.Sprintf("Restore revision %d? The draft as it is now is kept as a snapshot first, so this can be undone.", revision)
	dialog.ShowConfirm("Restore revision", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := e.ui.store.RestoreSnapshot(e.app.ID, snapshotID); err != nil {
			showError(e.win, "Could not restore the revision", err)
			return
		}
		a, err := e.ui.store.Load(e.app.ID)
		if err != nil {
			showError(e.win, "The revision was restored but could not be reopened", err)
			return
		}
		e.app = a
		e.evaluate()
		e.readiness.refresh()
		e.nav.Refresh()
		e.showSection(e.current)
		if e.handoff != nil {
			e.handoff.draftChanged()
		}
		e.savedAt.SetText(fmt.Sprintf("Restored revision %d as revision %d", revision, a.Revision))
		e.notify(fmt.Sprintf("Restored revision %d as revision %d.", revision, a.Revision))
	}, e.win)
}
