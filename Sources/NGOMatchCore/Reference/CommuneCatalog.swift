import Synchronization

/// The communes, read only when a record or a question first needs them: most commands
/// never do, and parsing eleven thousand rows would slow every start.
package final class CommuneCatalog: Sendable {
    private let load: @Sendable () -> (communes: String, former: String)
    private let loaded = Mutex<CommuneDirectory?>(nil)

    /// - Parameter load: the text of `communes.tsv` and `former-communes.tsv`.
    package init(load: @escaping @Sendable () -> (communes: String, former: String)) { self.load = load }

    package func directory(provinces: ProvinceDirectory) -> CommuneDirectory {
        loaded.withLock { kept in
            if let kept { return kept }
            let texts = load()
            let directory = CommuneDirectory(communes: texts.communes, former: texts.former, provinces: provinces)
            kept = directory
            return directory
        }
    }
}
