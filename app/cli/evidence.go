package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/storage"
)

// errNoFileStore is returned while the store cannot keep evidence files.
var errNoFileStore = errors.New("this build of DARS Workbench cannot read or keep attached evidence files")

// evidenceSource gives export the store's evidence files. The store
// satisfies export.EvidenceSource once it keeps files (Open by hash); until
// then a draft with attachments cannot be exported, and says so.
func evidenceSource(st *storage.Store) export.EvidenceSource {
	if src, ok := any(st).(export.EvidenceSource); ok {
		return src
	}
	return noFiles{}
}

// blobStore gives import somewhere to put a pack's evidence files, or nil.
func blobStore(st *storage.Store) export.BlobStore {
	if bs, ok := any(st).(export.BlobStore); ok {
		return bs
	}
	return nil
}

type noFiles struct{}

func (noFiles) Open(sha string) (io.ReadCloser, error) {
	return nil, fmt.Errorf("%w (file %s)", errNoFileStore, sha)
}
