import Foundation
import KaopingResults

/// `report.xlsx`: the results as an Excel workbook, for the offices that sort, filter and print them (issue 21,
/// point 6) — a ranking sheet per group (`排名（省级）` …), every indicator's points (`指标得分`), the records that
/// cost points (`问题清单`), the inspection findings (`明察暗访`) and the figures per 设区市 (`区域统计`).
///
/// Every sheet has a bold, wrapped, frozen header row, an autofilter over its rows, column widths fitted to the text,
/// numbers as numeric cells with number formats, and prints landscape on A4, one page wide, the header on every page.
/// Text from data goes through `SafeText.cell`, and characters XML cannot hold show as `<U+0001>`. The same results
/// give the same bytes: the document's creation time is pinned by the results (`created`), and libxlsxwriter stamps
/// every zip entry 1980-01-01 00:00, as Excel does, whatever the clock says.
public struct XLSXReport: Sendable {
    /// The results the workbook shows.
    public let results: ResultsDocument
    /// The changes since a previous run: the ranking sheets' 名次变化 and 总分变化 columns.
    public let changes: YearOverYear?
    /// The previous run's overview: the region sheet's 分中心增减 and 现场办理点增减 columns.
    public let previousOverview: Overview?

    /// The workbook of `results`; with `changes`, each ranking row's change since a previous run, and with
    /// `previousOverview` (that run's `overview`), each region's change in the units assessed.
    public init(results: ResultsDocument, changes: YearOverYear? = nil, previousOverview: Overview? = nil) {
        self.results = results
        self.changes = changes
        self.previousOverview = previousOverview
    }

    /// Writes the workbook to `path` (replacing it): to `PATH.partial-ID` first, renamed when whole, libxlsxwriter's
    /// temporary files in the folder `PATH.parts-ID` (fresh names, so nothing of the user's is overwritten); both are
    /// removed whatever happens.
    /// - Throws: `XLSXReportError`, naming the path, when the folder is missing or libxlsxwriter or the rename fails.
    public func write(to path: String) throws {
        var isFolder: ObjCBool = false
        let folder = (path as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw XLSXReportError(path: path, step: .folder, reason: "文件夹不存在 / no such folder: \(folder)")
        }
        let id = UUID().uuidString
        let (partial, scratch) = (path + ".partial-" + id, path + ".parts-" + id)
        do {
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: false)
        } catch {
            throw XLSXReportError(path: path, step: .creating, reason: "无法建立临时文件夹 / cannot create the temporary folder \(scratch)")
        }
        defer {
            try? FileManager.default.removeItem(atPath: scratch)
            try? FileManager.default.removeItem(atPath: partial)
        }
        let workbook = try XLSXWorkbook(writingTo: partial, for: path, scratch: scratch)
        try workbook.setProperties(title: results.notice?.title ?? results.assessment.title, author: "Kaoping", created: created)
        for table in tables { try workbook.add(table) }
        try workbook.close()
        // The entries then carry the creation time as China's wall clock shows it (00:00 on the day).
        do { try ZipRestamp.rewrite(partial, time: PinnedTime.day(of: results)) } catch {
            throw XLSXReportError(path: path, step: .saving, reason: "无法重写压缩包 / cannot rewrite the zip: \(error)")
        }
        guard rename(partial, path) == 0 else {
            throw XLSXReportError(path: path, step: .replacing, reason: String(cString: strerror(errno)))
        }
    }

    /// The document's creation time, Unix seconds (see `PinnedTime`; libxlsxwriter reads 0 as "now").
    var created: Int { PinnedTime.created(results) }
}

/// Why the workbook could not be written: the file, the step that failed, and libxlsxwriter's or the system's reason.
public struct XLSXReportError: Error, Equatable, CustomStringConvertible {
    /// A step of writing the workbook.
    public enum Step: Sendable, Equatable {
        /// Checking the output folder; creating the workbook (or its temporary folder); setting its properties;
        /// saving it; renaming it over the file.
        case folder, creating, properties, saving, replacing
        /// Adding the named sheet.
        case sheet(String)
        /// Writing a cell (row and column from 0).
        case cell(sheet: String, row: Int, column: Int)
        /// Setting the named sheet's widths, filter and print setup.
        case layout(String)

        /// The step in Chinese and in English, for the message.
        var text: (zh: String, en: String) {
            switch self {
            case .folder: return ("检查输出文件夹", "checking the output folder")
            case .creating: return ("创建工作簿", "creating the workbook")
            case .properties: return ("设置文档属性", "setting the document properties")
            case .saving: return ("保存工作簿", "saving the workbook")
            case .replacing: return ("替换原文件", "replacing the file")
            case .sheet(let name): return ("添加工作表“\(name)”", "adding the sheet \(name)")
            case .cell(let sheet, let row, let column):
                return ("写入单元格 \(sheet)!R\(row + 1)C\(column + 1)", "writing the cell \(sheet)!R\(row + 1)C\(column + 1)")
            case .layout(let name): return ("设置工作表“\(name)”的格式", "laying out the sheet \(name)")
            }
        }
    }

    /// The file that was to be written.
    public let path: String
    /// The step that failed.
    public let step: Step
    /// libxlsxwriter's or the system's reason.
    public let reason: String

    /// The message, in Chinese and in English.
    public var description: String {
        let step = self.step.text
        return "无法写入 Excel 文件 \(path)（\(step.zh)）：\(reason) (cannot write the workbook \(path): \(step.en): \(reason))"
    }
}
