import Logging

extension StoreLocation {
    /// Opens the store: `.readWrite` creates/migrates it; `.readOnly` needs an existing one and writes nothing.
    public func open(logger: Logger? = nil, cleaner: URLCleaner = .standard, access: StoreAccess = .readWrite) throws(StoreError) -> any ArticleStoring {
        switch self {
        case .sqlite(let path):
            return try ArticleStore(path: path, logger: logger, cleaner: cleaner, access: access)
        case .postgres(let url):
            return try PostgresStore(url: url, logger: logger, urlCleaner: { cleaner.clean($0) }, access: access)
        }
    }
}
