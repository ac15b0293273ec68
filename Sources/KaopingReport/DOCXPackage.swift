import Foundation
internal import ZIPFoundation

/// A `.docx` file: its WordprocessingML parts zipped in memory (deflated), in a fixed order, every entry stamped
/// with the same time, so the same parts give the same bytes. The parts that hold no data and that no office edits
/// (content types, relationships, settings, application) are constants here; the others are rendered from the
/// `docx-*.xml` templates by `DOCXReport`.
struct DOCXPackage {
    /// The rendered parts: `word/document.xml`, `word/styles.xml`, `word/fontTable.xml`, `word/footer1.xml` (odd
    /// pages), `word/footer2.xml` (even pages) and `docProps/core.xml`, by path.
    var parts: [String: String]
    /// The time every zip entry carries (read as UTC: the entry shows its wall-clock time, 00:00).
    var modified: Date

    /// The paths of a package, in the order they are written (the content types first, as Word writes them).
    static let order = [
        "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
        "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml", "docProps/core.xml", "docProps/app.xml",
    ]

    /// The zip's bytes.
    /// - Throws: `DOCXError` naming the part, when a part is missing or the zip cannot be written.
    func data() throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(accessMode: .create)
        } catch {
            throw DOCXError(step: "创建压缩包 (creating the zip)", reason: "\(error)")
        }
        for path in Self.order {
            guard let text = parts[path] ?? Self.fixed[path] else {
                throw DOCXError(step: "写入 \(path) (writing \(path))", reason: "缺少该部件 (the part is missing)")
            }
            let bytes = Data(text.utf8)
            do {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modified, permissions: 0o644,
                    compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Data.Index(position)..<Data.Index(position) + size)
                }
            } catch {
                throw DOCXError(step: "写入 \(path) (writing \(path))", reason: "\(error)")
            }
        }
        guard let data = archive.data else { throw DOCXError(step: "读取压缩包 (reading the zip)", reason: "no data in memory") }
        return data
    }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    /// The parts every document has alike.
    static let fixed: [String: String] = [
        "[Content_Types].xml": declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
            <Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>\
            <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
            <Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
            </Types>
            """,
        "_rels/.rels": declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
            </Relationships>
            """,
        // The footers' ids are the ones the templates' section properties name (odd pages right, even pages left).
        "word/_rels/document.xml.rels": declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>\
            <Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
            <Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>\
            </Relationships>
            """,
        // Odd and even pages have their own footers (GB/T 9704: 单页码居右, 双页码居左); punctuation compressed.
        "word/settings.xml": declaration + """
            <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>\
            <w:characterSpacingControl w:val="compressPunctuation"/>\
            <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
            </w:settings>
            """,
        "docProps/app.xml": declaration + """
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
            xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Kaoping</Application></Properties>
            """,
    ]
}

/// Why a `.docx` could not be made: the step and the reason.
public struct DOCXError: Error, Equatable, CustomStringConvertible {
    /// What was being done, in Chinese and in English.
    public let step: String
    /// ZIPFoundation's error, or what was missing.
    public let reason: String

    /// The message, in Chinese and in English.
    public var description: String { "无法生成 DOCX 文件（\(step)）：\(reason) (cannot make the DOCX)" }
}
