// Package rawio is the common ground of the loaders: it opens raw export
// files whatever their packaging (gzip or not, UTF-8 with or without a
// byte-order mark, LF or CRLF line ends), reads them as numbered lines,
// reports bad records as ParseErrors in the style of encoding/csv, and
// holds the registry of export formats with their content sniffers.
//
// A format decodes a file into RawMessages and RawProfiles, which still
// carry the authors' identities; package load turns them into the
// pseudonymised corpus. Every raw record a format meets must end in exactly
// one call to Sink: Message (or Profile, Panel) when it was read, Reject
// with a ParseError when it was not, so that nothing is lost silently.
package rawio
