/// Reads a file descriptor line by line in bounded memory (one buffer of at most the longest line).
///
/// Lines end at `\n`; a trailing `\r` is dropped (CRLF logs). The last line may lack its newline: it is still
/// returned, flagged `complete: false`, so callers can tell a torn line (an agent died mid-write) from a whole one.
public struct LineReader {
    public struct Line {
        public var number: Int
        public var bytes: [UInt8]
        public var complete: Bool
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    private var lineNumber = 0
    private let chunkSize: Int

    public init(fileDescriptor: Int32, chunkSize: Int = 1 << 16) {
        self.fd = fileDescriptor
        self.chunkSize = chunkSize
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
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        let old = buffer.count
        buffer.reserveCapacity(old + chunkSize)
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkSize) }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
                return
            }
            if n == 0 { eof = true; return }
            if errno == EINTR { continue }
            throw CARBSError.io("read failed: \(String(cString: strerror(errno)))")
        }
    }
}
