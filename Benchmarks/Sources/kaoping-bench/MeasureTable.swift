import Foundation

/// Per assessed center and indicator, the population and the measure: read from a `results.json` or from the
/// rows `reference.sql` prints (`center_code|indicator|population|measure`), and compared.
struct MeasureTable {
    struct Entry: Equatable {
        var population: Int?
        var measure: Double?
    }

    /// Keyed by `CENTER_CODE indicator`.
    private(set) var entries: [String: Entry] = [:]

    /// The centers and indicators of a `results.json`.
    init(resultsJSON path: String) throws {
        guard let data = FileManager.default.contents(atPath: path),
            let document = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let centers = document["centers"] as? [[String: Any]]
        else { throw BenchError("\(path) is not a results document") }
        for center in centers {
            guard let code = center["code"] as? String, let indicators = center["indicators"] as? [[String: Any]] else {
                throw BenchError("\(path): a center without code or indicators")
            }
            for indicator in indicators {
                guard let id = indicator["id"] as? String else { throw BenchError("\(path): an indicator without id") }
                entries["\(code) \(id)"] = Entry(
                    population: (indicator["population"] as? NSNumber)?.intValue,
                    measure: (indicator["measure"] as? NSNumber)?.doubleValue)
            }
        }
    }

    /// The rows `sqlite3 STORE < reference.sql` printed.
    init(referenceOutput path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for (number, line) in text.split(separator: "\n").enumerated() {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let population = Int(fields[2]), fields[3].isEmpty || Double(fields[3]) != nil else {
                throw BenchError("\(path):\(number + 1): not center_code|indicator|population|measure: \(line)")
            }
            entries["\(fields[0]) \(fields[1])"] = Entry(population: population, measure: Double(fields[3]))
        }
    }

    /// Number of distinct centers.
    var centers: Int { Set(entries.keys.map { $0.prefix { $0 != " " } }).count }

    /// The keys where the two tables differ (a measure within 1e-9 of the other, relative to its size, is
    /// equal: `sqlite3` prints 15 significant digits), described one per line, at most `limit`.
    func differences(from other: MeasureTable, limit: Int = 10) -> [String] {
        var found: [String] = []
        for key in Set(entries.keys).union(other.entries.keys).sorted() {
            let mine = entries[key]
            let theirs = other.entries[key]
            if let mine, let theirs, mine.population == theirs.population, Self.same(mine.measure, theirs.measure) { continue }
            found.append("\(key): \(Self.describe(mine)) against \(Self.describe(theirs))")
            if found.count == limit { break }
        }
        return found
    }

    private static func same(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    private static func describe(_ entry: Entry?) -> String {
        guard let entry else { return "(missing)" }
        return "population \(entry.population.map(String.init) ?? "null"), measure \(entry.measure.map { "\($0)" } ?? "null")"
    }
}
