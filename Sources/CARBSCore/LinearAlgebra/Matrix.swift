/// A small dense matrix of `Double` in column-major order (the layout LAPACK and BLAS expect).
///
/// Element `(i, j)` lives at `storage[i + j * rows]`. The type is a plain value: copying it copies the storage
/// (copy-on-write), so matrices can be shared freely across tasks.
public struct Matrix: Sendable, Equatable, CustomStringConvertible {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let cols: Int
    /// Column-major elements, `rows * cols` of them (read-only outside the module so the count stays right;
    /// write through the subscript).
    public internal(set) var storage: [Double]

    /// A `rows × cols` matrix with every element equal to `value`.
    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && cols >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.cols = cols
        self.storage = [Double](repeating: value, count: rows * cols)
    }

    /// A matrix over existing column-major storage.
    public init(rows: Int, cols: Int, storage: [Double]) {
        precondition(rows >= 0 && cols >= 0 && storage.count == rows * cols, "storage must hold rows*cols elements")
        self.rows = rows
        self.cols = cols
        self.storage = storage
    }

    /// A matrix from row arrays (`rowArrays[i][j]` is element `(i, j)`). All rows must have the same length;
    /// `columns` gives the width when there are no rows.
    public init(rowArrays: [[Double]], columns: Int? = nil) {
        let c = rowArrays.first?.count ?? (columns ?? 0)
        precondition(rowArrays.allSatisfy { $0.count == c }, "all rows must have the same length")
        self.init(rows: rowArrays.count, cols: c)
        for (i, row) in rowArrays.enumerated() {
            for (j, v) in row.enumerated() { storage[i + j * rows] = v }
        }
    }

    /// The `n × n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, cols: n)
        for i in 0..<n { m.storage[i + i * n] = 1 }
        return m
    }

    /// A diagonal matrix with the given diagonal.
    public static func diagonal(_ d: [Double]) -> Matrix {
        var m = Matrix(rows: d.count, cols: d.count)
        for (i, v) in d.enumerated() { m.storage[i + i * d.count] = v }
        return m
    }

    /// Element `(i, j)`.
    public subscript(i: Int, j: Int) -> Double {
        get { storage[i + j * rows] }
        set { storage[i + j * rows] = newValue }
    }

    /// The transpose.
    public var transposed: Matrix {
        var t = Matrix(rows: cols, cols: rows)
        for j in 0..<cols {
            for i in 0..<rows { t.storage[j + i * cols] = storage[i + j * rows] }
        }
        return t
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] { (0..<cols).map { storage[i + $0 * rows] } }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] { Array(storage[(j * rows)..<((j + 1) * rows)]) }

    /// The rows as arrays.
    public var rowArrays: [[Double]] { (0..<rows).map { row($0) } }

    /// The main diagonal.
    public var diagonalElements: [Double] { (0..<min(rows, cols)).map { storage[$0 + $0 * rows] } }

    /// A matrix made of the given rows of this one, in the given order.
    public func selectingRows(_ indices: [Int]) -> Matrix {
        var m = Matrix(rows: indices.count, cols: cols)
        for j in 0..<cols {
            for (k, i) in indices.enumerated() { m.storage[k + j * indices.count] = storage[i + j * rows] }
        }
        return m
    }

    /// Copies the lower triangle onto the upper one (makes the matrix exactly symmetric).
    public mutating func symmetrizeFromLower() {
        precondition(rows == cols, "only square matrices can be symmetrized")
        let n = rows
        storage.withUnsafeMutableBufferPointer { p in
            for j in 0..<n {
                for i in (j + 1)..<max(j + 1, n) { p[j + i * n] = p[i + j * n] }
            }
        }
    }

    /// Every element finite.
    public var isFinite: Bool { storage.allSatisfy { $0.isFinite } }

    public var description: String {
        (0..<rows).map { i in row(i).map { "\($0)" }.joined(separator: " ") }.joined(separator: "\n")
    }
}
