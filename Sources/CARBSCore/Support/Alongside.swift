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

/// `body(0) … body(count − 1)`, run side by side on the cores the process may use (in turn on one), in index order.
/// Each call must depend on nothing the others do, so the result is that of calling them one after the other.
func concurrentMap<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    if count <= 1 { return (0..<count).map(body) }
    let slots = (0..<count).map { _ in Slot<T>() }
    DispatchQueue.concurrentPerform(iterations: count) { k in slots[k].value = body(k) }
    // `concurrentPerform` returns after every call stored its value; a missing one is computed here.
    return slots.indices.map { slots[$0].value ?? body($0) }
}

/// One value handed from the background thread to the waiting one; written once, read after `DispatchGroup.wait`.
private final class Slot<A>: @unchecked Sendable {
    var value: A?
}
