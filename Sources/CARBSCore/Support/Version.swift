/// The toolkit's version, printed by every tool's `--version`.
public enum CARBSVersion {
    public static let string = "0.1.0"
}
