#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The terminal's size, when standard output is one.
public enum Terminal {
    public static var columns: Int? {
        var w = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0 { return Int(w.ws_col) }
        if let c = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), c > 0 { return c }
        return nil
    }
}

/// Writing whole files.
public enum Files {
    public static func write(_ text: String, to path: String) throws(CARBSError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CARBSError.io("\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try writeAll(fd, Array(text.utf8), path: path)
    }

    /// Writes every byte (a single write may be partial), retrying on EINTR.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(CARBSError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CARBSError.io("\(path): write failed: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }
}
