import ArgumentParser
import Foundation
import KaopingReport
import KaopingResults
import KaopingStore

/// Writes the results and the 通报 in the chosen formats into an output folder, for `run`, `demo` and `render`:
/// every file is rendered into a staging folder first, then the old outputs go and the new ones come in, so a
/// folder never holds a new `results.json` beside an old `report.html`. With `perCenter`, each unit's sheet goes to
/// `centers/CODE.html` and `centers/CODE.docx`. A PDF is the DOCX converted by LibreOffice: without LibreOffice
/// the other files are still written and `pdfProblem` says why there is no PDF.
struct ReportOutput {
    let results: ResultsDocument
    /// The bytes of `results.json` as written (or read, for `render`): the reports' stamp names their SHA-256.
    let json: [UInt8]
    var previous: ResultsDocument? = nil
    var templates: ReportTemplates? = nil
    var perCenter = false

    /// Why the PDF asked for was not written (`nil`: written, or not asked for).
    private(set) var pdfProblem: String? = nil

    init(results: ResultsDocument, json: [UInt8]? = nil) {
        self.results = results
        self.json = json ?? results.json.bytes
    }

    /// The files a run writes into an output folder, of every format (removed before the new ones come in).
    static let outputNames = ReportFormats.all.compactMap { ReportFormats.files[$0] } + ["centers"]

    /// Writes `results` in `formats` into `folder` and prints what was written; exit status 2 after the other
    /// files when a PDF was asked for and could not be made.
    static func publish(
        _ results: ResultsDocument, json: [UInt8]? = nil, previous: ResultsDocument?, templates: ReportTemplates?, formats: [String],
        perCenter: Bool, to folder: String
    ) throws {
        var output = ReportOutput(results: results, json: json)
        output.previous = previous
        output.templates = templates
        output.perCenter = perCenter
        let written: [String]
        do { written = try output.write(to: folder, formats: formats) } catch let problem as ReportTemplates.Problem {
            throw CommandFailure(problem.description)
        }
        for path in written { print("wrote \(path)") }
        if let problem = output.pdfProblem {
            FileHandle.standardError.write(Data("kaoping: \(problem)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Renders `formats` into `folder`; returns the paths written.
    mutating func write(to folder: String, formats: [String]) throws -> [String] {
        try PathProblem.createFolder(folder, contents: "the results")
        // Every new output is written in full into a staging folder first (one a killed run left is removed).
        let staging = (folder as NSString).appendingPathComponent(".kaoping-partial")
        try? FileManager.default.removeItem(atPath: staging)
        try PathProblem.createFolder(staging, contents: "the results")
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let names = try render(formats, into: staging)
        // Then every old output goes before any new one comes in.
        // (A file is unlinked, so a folder in the way of one is reported, not removed; `centers/` is Kaoping's.)
        for name in ReportOutput.outputNames {
            let path = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if name == "centers" && isFolder.boolValue {
                do { try FileManager.default.removeItem(atPath: path) } catch {
                    throw PathProblem.failure(error, path: path, writing: true, otherwise: "name another --out")
                }
            } else if unlink(path) != 0 {
                throw PathProblem.failure(PathProblem.posixError(errno), path: path, writing: true, otherwise: "name another --out")
            }
        }
        var written: [String] = []
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            if rename((staging as NSString).appendingPathComponent(name), path) != 0 {
                throw PathProblem.failure(PathProblem.posixError(errno), path: path, writing: true, otherwise: "name another --out")
            }
            written.append(name == "centers" ? path + "/ (\(results.centers.count * (formats.contains("docx") ? 2 : 1)) files)" : path)
        }
        return written
    }

    /// Writes each format's file into `folder`; the names written, in order.
    private mutating func render(_ formats: [String], into folder: String) throws -> [String] {
        var names: [String] = []
        let html =
            formats.contains("html") || perCenter
            ? try HTMLReport(results: results, previous: previous, resultsSHA256: SHA256.hex(json), templates: templates) : nil
        let docx =
            formats.contains("docx") || formats.contains("pdf") || (perCenter && formats.contains("docx"))
            ? try DOCXReport(results: results, previous: previous, resultsSHA256: SHA256.hex(json), templates: templates) : nil
        for format in formats where format != "pdf" {
            guard let name = ReportFormats.files[format] else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            switch format {
            case "json": try save(Data(json), to: path)
            case "html": try save(Data(try html?.render().utf8 ?? "".utf8), to: path)
            case "docx": try save(try docx?.document() ?? Data(), to: path)
            case "xlsx":
                do { try XLSXReport(results: results, changes: changes, previousOverview: previous?.overview).write(to: path) } catch {
                    throw CommandFailure("\(path) could not be written: \(error)")
                }
            case "csv": try save(Data(CSVReport(results: results).render().utf8), to: path)
            case "md": try save(Data(MarkdownReport(results: results).render().utf8), to: path)
            default: continue
            }
            names.append(name)
        }
        if formats.contains("pdf"), let docx {
            if try convertToPDF(docx, in: folder) { names.append("report.pdf") }
        }
        if perCenter {
            try writeCenters(html: html, docx: formats.contains("docx") ? docx : nil, into: folder)
            names.append("centers")
        }
        return names
    }

    private var changes: YearOverYear? { previous.map { YearOverYear(current: results, previous: $0) } }

    /// `centers/CODE.html` (and `.docx`) for every unit; a code that is no safe file name is made one.
    private func writeCenters(html: HTMLReport?, docx: DOCXReport?, into folder: String) throws {
        let centers = (folder as NSString).appendingPathComponent("centers")
        try PathProblem.createFolder(centers, contents: "the per-unit sheets")
        var names = FileNames()
        if let html {
            for (code, page) in try html.centerPages() {
                try save(Data(page.utf8), to: (centers as NSString).appendingPathComponent(names.name(for: code) + ".html"))
            }
        }
        if let docx {
            var names = FileNames()
            for (code, data) in try docx.centerDocuments() {
                try save(data, to: (centers as NSString).appendingPathComponent(names.name(for: code) + ".docx"))
            }
        }
    }

    /// Converts the DOCX to `report.pdf` with LibreOffice (`soffice`); `false`, with `pdfProblem` set, when it is
    /// not installed or fails.
    private mutating func convertToPDF(_ docx: DOCXReport, in folder: String) throws -> Bool {
        guard let office = ReportOutput.libreOffice() else {
            pdfProblem =
                "report.pdf was not written: it is the DOCX converted by LibreOffice, which is not installed "
                + "(apt-get install libreoffice-writer); the other formats were written"
            return false
        }
        let work = URL(fileURLWithPath: (folder as NSString).appendingPathComponent(".pdf")).standardizedFileURL.path
        try PathProblem.createFolder(work, contents: "the PDF")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let source = (work as NSString).appendingPathComponent("report.docx")
        try save(try docx.document(), to: source)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: office)
        // A profile of its own, so a LibreOffice the user has open does not take the job.
        process.arguments = [
            "-env:UserInstallation=file://" + (work as NSString).appendingPathComponent("profile"), "--headless", "--convert-to", "pdf",
            "--outdir", work, source,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A conversion that hangs (a LibreOffice waiting on something) is stopped rather than waited on for ever.
        let deadline = Date().addingTimeInterval(ReportOutput.conversionLimit)
        while process.isRunning && Date() < deadline { usleep(100_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            pdfProblem =
                "report.pdf was not written: LibreOffice (\(office)) did not finish converting the DOCX within \(Int(ReportOutput.conversionLimit)) s; the other formats were written"
            return false
        }
        let pdf = (work as NSString).appendingPathComponent("report.pdf")
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf) else {
            pdfProblem =
                "report.pdf was not written: LibreOffice (\(office)) could not convert the DOCX (exit \(process.terminationStatus)); the other formats were written"
            return false
        }
        try FileManager.default.moveItem(atPath: pdf, toPath: (folder as NSString).appendingPathComponent("report.pdf"))
        return true
    }

    /// How long a PDF conversion may take (the demo's takes well under a minute).
    static let conversionLimit: TimeInterval = 600

    /// The LibreOffice program on the PATH, if any.
    static func libreOffice() -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["soffice", "libreoffice"] {
            for folder in folders {
                let path = (folder as NSString).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    private func save(_ data: Data, to path: String) throws {
        do { try data.write(to: URL(fileURLWithPath: path)) } catch {
            throw PathProblem.failure(error, path: path, writing: true, otherwise: "name another --out")
        }
    }
}

/// File names for unit codes: a code's letters, digits, CJK and `-_.` kept, anything else `_`; never empty, never
/// starting with a dot, and a name two codes would share gets `-2`, `-3` ….
struct FileNames {
    private var used: Set<String> = []

    mutating func name(for code: String) -> String {
        var base = String(
            code.unicodeScalars.map { scalar -> Character in
                let safe = CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar)
                return safe ? Character(scalar) : "_"
            })
        if base.isEmpty || base.hasPrefix(".") { base = "_" + base }
        if base.count > 100 { base = String(base.prefix(100)) }
        var name = base
        var number = 2
        while used.contains(name.lowercased()) {
            name = "\(base)-\(number)"
            number += 1
        }
        used.insert(name.lowercased())
        return name
    }
}
