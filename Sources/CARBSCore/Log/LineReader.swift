#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor (or bytes in memory) line by line in bounded memory (one buffer of at most the longest
/// line), in time linear in the input: the buffer grows geometrically and is compacted only when more than half
/// of it has been consumed. A line longer than `maxLineBytes` (64 MiB) ends the read with `LineTooLong`, so an
/// endless input such as /dev/zero is an error, not a machine out of memory.
///
/// Lines end at `\n`; a trailing `\r` is dropped (CRLF logs). The last line may lack its newline: it is still
/// returned, flagged `complete: false`, so callers can tell a torn line (an agent died mid-write) from a whole one.
public struct LineReader {
    public struct Line {
        public var number: Int
        public var bytes: [UInt8]
        public var complete: Bool
    }

    /// The longest line accepted, newline excluded.
    public static let maxLineBytes = 64 << 20

    /// Line `line` is longer than `maxLineBytes`.
    public struct LineTooLong: Error {
        public var line: Int
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    private var lineNumber = 0
    private let chunkSize: Int
    /// Bytes still to be read from `fd` (nil: up to end of file).
    private var remaining: Int64?

    /// Reads `fileDescriptor` from its current offset to end of file, or with `limit` at most `limit` bytes: what
    /// lies beyond (bytes another process appended after the reader took its size) is never seen.
    public init(fileDescriptor: Int32, chunkSize: Int = 1 << 16, limit: Int64? = nil) {
        self.fd = fileDescriptor
        self.chunkSize = chunkSize
        self.remaining = limit.map { max($0, 0) }
    }

    /// Reads lines from bytes held in memory (the same splitting as a file: `\n`, CRLF, a torn last line).
    public init(bytes: [UInt8]) {
        self.fd = -1
        self.chunkSize = 1 << 16
        self.buffer = bytes
        self.eof = true
    }

    /// The next line, or nil at end of input. Throws `CARBSError.io` when reading fails.
    public mutating func next() throws -> Line? {
        // Bytes already searched, counted from `start` (fill() moves the buffer, so absolute indices go stale).
        var searched = 0
        while true {
            if let nl = index(of: 10, from: start + searched) {
                var end = nl
                if end > start, buffer[end - 1] == 13 { end -= 1 }
                let bytes = Array(buffer[start..<end])
                start = nl + 1
                lineNumber += 1
                return Line(number: lineNumber, bytes: bytes, complete: true)
            }
            if eof {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 13 { end -= 1 }
                let bytes = Array(buffer[start..<end])
                start = buffer.count
                lineNumber += 1
                return Line(number: lineNumber, bytes: bytes, complete: false)
            }
            searched = buffer.count - start
            if searched > Self.maxLineBytes { throw LineTooLong(line: lineNumber + 1) }
            try fill()
        }
    }

    private func index(of byte: UInt8, from: Int) -> Int? {
        guard from < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { p -> Int? in
            guard let base = p.baseAddress else { return nil }
            guard let hit = memchr(base + from, Int32(byte), buffer.count - from) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
    }

    private mutating func fill() throws {
        // Compacting moves the unread bytes: done only when they are at most half the buffer, so every byte is
        // moved O(1) times on average. (An exact reserveCapacity here made long lines quadratic.)
        if start > 0, start >= buffer.count - start {
            buffer.removeFirst(start)
            start = 0
        }
        let want = remaining.map { Int(min(Int64(chunkSize), $0)) } ?? chunkSize
        if want == 0 { eof = true; return }
        var chunk = [UInt8](repeating: 0, count: want)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, want) }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
                if let r = remaining { remaining = r - Int64(n) }
                return
            }
            if n == 0 { eof = true; return }
            if errno == EINTR { continue }
            throw CARBSError.io("read failed: \(String(cString: strerror(errno)))")
        }
    }
}
