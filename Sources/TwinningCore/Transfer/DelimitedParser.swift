/// Splits CSV or TSV bytes into rows of fields, byte by byte.
///
/// It reads exactly as CSV.swift's `CSVReader` (no trimming) did: a field is
/// quoted when it starts with `"`; `""` inside quotes is one quote; a row ends
/// at LF, CR or CR LF outside quotes; a blank line is one empty field; a quote
/// inside a quoted field followed by anything else keeps the quote and drops
/// the character after it. It works on UTF-8 bytes instead of Unicode scalars
/// because every character that matters is ASCII: reading the 69,472-row
/// gazetteer scalar by scalar was the largest Swift cost of an import.
/// `DelimitedParserTests` compares the two readers on awkward input.
enum DelimitedParser {
    private static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// `bytes` must be valid UTF-8 (the caller checked); `delimiter` is ASCII.
    static func rows(_ bytes: [UInt8], delimiter: UInt8) -> [[String]] {
        var rows: [[String]] = []
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var i = 0
            var width = 8
            while i < count {
                var row: [String] = []
                row.reserveCapacity(width)
                while true {
                    if i >= count {
                        row.append("")
                        break
                    }
                    var endOfRow = true
                    if buffer[i] == quote {
                        i += 1
                        var field: [UInt8] = []
                        while i < count {
                            let c = buffer[i]
                            i += 1
                            guard c == quote else {
                                field.append(c)
                                continue
                            }
                            if i >= count { break }
                            let next = buffer[i]
                            i += 1
                            if next == lf { break }
                            if next == cr {
                                if i < count && buffer[i] == lf { i += 1 }
                                break
                            }
                            if next == delimiter {
                                endOfRow = false
                                break
                            }
                            field.append(quote)
                            // Not an escaped quote: CSVReader drops the character
                            // after a stray quote, the whole scalar of it.
                            if next != quote, next >= 0xC0 {
                                while i < count && buffer[i] & 0xC0 == 0x80 { i += 1 }
                            }
                        }
                        row.append(String(decoding: field, as: UTF8.self))
                    } else {
                        let start = i
                        var stop = count
                        while i < count {
                            let c = buffer[i]
                            if c == delimiter {
                                stop = i
                                i += 1
                                endOfRow = false
                                break
                            }
                            if c == lf || c == cr {
                                stop = i
                                i += 1
                                if c == cr && i < count && buffer[i] == lf { i += 1 }
                                break
                            }
                            i += 1
                        }
                        row.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<stop]), as: UTF8.self))
                    }
                    if endOfRow { break }
                }
                width = max(width, row.count)
                rows.append(row)
            }
        }
        return rows
    }
}
