package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/storage"
)

// onBin lists deleted drafts; each can be restored or deleted for good.
func (s *startScreen) onBin() {
	deleted, err := s.u.store.ListDeleted()
	if err != nil {
		showError(s.win, "Could not read the bin", err)
		return
	}
	if len(deleted) == 0 {
		dialog.ShowInformation("Bin", "The bin is empty. Deleted drafts wait here until you restore them or delete them for good.", s.win)
		return
	}
	var d dialog.Dialog
	list := widget.NewList(
		func() int { return len(deleted) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil,
				container.NewHBox(widget.NewButton("Restore", nil), widget.NewButton("Delete for good", nil)),
				widget.NewLabel("title"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			di := deleted[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s (deleted %s)", displayTitle(di.Title), di.Deleted.Local().Format("2 Jan 2006 15:04")))
			b := c.Objects[1].(*fyne.Container).Objects
			b[0].(*widget.Button).OnTapped = func() { d.Hide(); s.restore(di) }
			b[1].(*widget.Button).OnTapped = func() { d.Hide(); s.purge(di) }
		})
	d = dialog.NewCustom("Bin", "Close", container.NewGridWrap(fyne.NewSize(640, 320), list), s.win)
	d.Show()
}

func (s *startScreen) restore(d storage.DraftInfo) {
	if err := s.u.store.Restore(d.ID); err != nil {
		showError(s.win, "Could not restore the draft", err)
	}
	s.refresh()
}

func (s *startScreen) purge(d storage.DraftInfo) {
	msg := fmt.Sprintf("Delete “%s” for good? This cannot be undone.", displayTitle(d.Title))
	c := dialog.NewConfirm("Delete for good", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := s.u.store.Purge(d.ID); err != nil {
			showError(s.win, "Could not delete the draft", err)
		}
		s.refresh()
	}, s.win)
	c.SetConfirmImportance(widget.DangerImportance)
	c.Show()
}
