/// NewsDesk's version, as `newsdesk --version` prints it.
public enum NewsDeskVersion {
    /// Semantic version of this release.
    public static let current = "1.0.0"
}
