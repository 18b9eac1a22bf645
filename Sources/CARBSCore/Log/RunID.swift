/// Deterministic run ids: the same seed, log and position always give the same id, a longer log a new one.
public enum RunID {
    public static func make(seed: UInt64, logHash: UInt64, index: Int, salt: String = "") -> String {
        var h = StableHasher()
        h.combine(seed)
        h.combine(logHash)
        h.combine(UInt64(index))
        h.combine(salt)
        let hex = String(h.value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    /// The seed of a run's random stream: `--seed` mixed with the log's content hash.
    public static func streamSeed(seed: UInt64, logHash: UInt64) -> UInt64 {
        var h = StableHasher()
        h.combine(seed)
        h.combine(logHash)
        return h.value
    }
}
