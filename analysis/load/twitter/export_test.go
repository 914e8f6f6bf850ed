package twitter

// SetReferenceDecoder makes the twarc2 readers decode with unmarshal only
// (on) or with v2Scanner first (off, the default), for the external tests.
func SetReferenceDecoder(on bool) { referenceDecoder.Store(on) }
