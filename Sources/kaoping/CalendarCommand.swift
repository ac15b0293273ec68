import ArgumentParser
import Foundation
import KaopingPostgres
import KaopingStore

/// `kaoping calendar`: the store's working-day calendar.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "工作日历 — The store's working-day calendar: import a year's holidays and swapped working days.",
        subcommands: [CalendarImportCommand.self]
    )
}

/// `kaoping calendar import`: a year's announcement (the text form of `Rules/calendars/`) into a store.
struct CalendarImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入工作日历 — Read a year's holidays and swapped working days into a store, replacing that year's rows.",
        discussion: """
            Examples:
              kaoping calendar import Rules/calendars/2025.txt --db office.sqlite
              kaoping calendar import 苏州-2025.txt --db office.sqlite --region 苏州市
              kaoping calendar import Rules/calendars/2025.txt --db postgresql://kaoping@db.example.cn/kaoping

            The file is the text form of Rules/calendars/ (year YYYY; holiday DAY[..DAY] NAME; workday DAY NAME); \
            Monday to Friday are working days unless it says otherwise. With --region, the rows are that region's \
            own, used for its units over the province's.

            Exit status: 0 written; 1 the file has a mistake (its line is named); 2 a path, file or store cannot be \
            used; 64 a usage error.
            """
    )

    @Argument(help: "The calendar file (year YYYY, holiday and workday lines).")
    var file: String

    @Option(help: "The store: a SQLite file (created when missing) or a PostgreSQL connection string (created in an empty database).")
    var db: String

    @Option(help: "The region (设区市) the calendar is for (default: the whole province).")
    var region: String?

    func run() throws {
        let text = try PathProblem.reading(file, role: "the calendar file") { try String(contentsOfFile: file, encoding: .utf8) }
        let calendar: CalendarFile
        do { calendar = try CalendarFile(text: text, file: file) } catch let problem as CalendarFile.Problem {
            FileHandle.standardError.write(Data("\(problem.description)\n".utf8))
            throw ExitCode(1)
        }
        try ImportDestination(db: db).loadCalendar(WorkingCalendar(files: [calendar]), years: calendar.year...calendar.year, region: region)
        let holidays = calendar.entries.filter { !$0.isWorkday }.count
        let workdays = calendar.entries.filter(\.isWorkday).count
        // A connection string is shown with its password hidden.
        let place = AssessedStore.isConnectionString(db) ? PostgresConnection.redacted(db) : db
        print(
            "wrote \(place): calendar \(calendar.year)\(region.map { "（\($0)）" } ?? "") — \(holidays) holidays, \(workdays) swapped working days; "
                + "the year's earlier rows replaced")
    }
}
