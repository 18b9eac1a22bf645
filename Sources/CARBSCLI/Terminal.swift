#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CARBSCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
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
