/// Escapes text for HTML element content and attribute values.
public func escapeHTML(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": output += "&amp;"
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "\"": output += "&quot;"
        case "'": output += "&#39;"
        default: output.append(character)
        }
    }
    return output
}

/// A number with a fixed number of decimals, formatted without the locale.
public func fixed(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return "—" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
    let negative = scaled < 0
    let digits = String(Int64(abs(scaled)))
    guard decimals > 0 else { return (negative ? "-" : "") + digits }
    let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
    let cut = padded.index(padded.endIndex, offsetBy: -decimals)
    return (negative ? "-" : "") + padded[..<cut] + "." + padded[cut...]
}
