import MAEXNode

extension NodeSession {
    /// The register editor of this node: the one way the command line, the API, the forms and
    /// the demo edit the register (sub-records follow their initiative).
    var editor: RegisterEditor { RegisterEditor(store: store, author: author) }
}
