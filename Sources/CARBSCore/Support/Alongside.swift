import Dispatch

/// Runs `background` on another thread while `foreground` runs on this one, and returns both results once both
/// are done. For two independent pieces of one suggestion (the score model's and the cost model's predictions at
/// the same candidates): on two or more cores they overlap; on one they take turns, for the same total time.
/// Neither may depend on the other, so the results are those of running them one after the other.
func alongside<A: Sendable, B>(_ background: @escaping @Sendable () -> A, _ foreground: () -> B) -> (A, B) {
    let slot = Slot<A>()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { slot.value = background() }
    let b = foreground()
    group.wait()
    // `wait` returns after `background` stored its value (the group's leave follows the assignment).
    guard let a = slot.value else { return (background(), b) }
    return (a, b)
}

/// One value handed from the background thread to the waiting one; written once, read after `DispatchGroup.wait`.
private final class Slot<A>: @unchecked Sendable {
    var value: A?
}
