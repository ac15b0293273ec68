/// Keeps `value` until the process exits, never to be freed. A command that is about to exit need not free
/// what it built: the system takes the whole heap back at once, while freeing the tree and plan of a 50 MB
/// rule file node by node takes a good part of a second. (Only the last file's are kept, so that a folder of
/// files needs no more memory than before.)
func keepUntilExit<Value>(_ value: Value) {
    UnsafeMutablePointer<Value>.allocate(capacity: 1).initialize(to: value)
}
