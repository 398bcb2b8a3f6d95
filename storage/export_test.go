package storage

// DefaultPathFor exposes the platform rules of DefaultPath to the tests.
var DefaultPathFor = defaultPath
