import Foundation
import Mustache

/// The templates the 通报 is laid out with: those built in (from `Reports/templates/`), each replaced by the file of
/// the same name in a folder an office gives (`--templates DIR`), so wording and layout change without touching
/// Swift. Templates are Mustache: `{{name}}` is escaped for the document's kind (HTML, or XML for Word's parts),
/// `{{{name}}}` is not (only the charts' SVG is written that way).
public struct ReportTemplates: Sendable {
    let library: MustacheLibrary
    /// Where each template came from (`built-in` or its file), for error messages.
    let origins: [String: String]

    /// A template that does not parse, or one the renderer needs that is missing.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// The built-in templates, with those in `folder` (files `NAME.mustache`) in place of the built-in ones.
    public init(overrides folder: String? = nil) throws {
        ReportTemplates.registerXML()
        var texts = Dictionary(ReportTemplates.builtInTexts.map { ($0.name, $0.text) }) { first, _ in first }
        var origins = Dictionary(ReportTemplates.builtInTexts.map { ($0.name, "built-in \($0.name).mustache") }) { first, _ in first }
        if let folder {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }.sorted()
            guard !names.isEmpty else {
                throw Problem(description: "模板目录 \(folder) 中没有 .mustache 文件 (no .mustache file in \(folder))")
            }
            for file in names {
                let path = (folder as NSString).appendingPathComponent(file)
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw Problem(description: "\(path)：无法按 UTF-8 读取 (cannot be read as UTF-8)")
                }
                let name = String(file.dropLast(".mustache".count))
                texts[name] = text
                origins[name] = path
            }
        }
        var library = MustacheLibrary()
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                let context = error.context
                throw Problem(
                    description: "\(origins[name] ?? name):\(context.lineNumber):\(context.columnNumber): 模板语法错误 (template syntax error): "
                        + ReportTemplates.words(error.error)
                        + (context.line.trimmingCharacters(in: .whitespaces).isEmpty ? "" : "\n    \(context.line)"))
            }
        }
        self.library = library
        self.origins = origins
    }

    /// A template parser's error in plain words.
    static func words(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "结束标记 {{/…}} 与开始的 {{#…}} 名称不一致 (a {{/name}} closes another section)"
        case MustacheTemplate.Error.expectedSectionEnd: return "缺少 {{/…}} 结束标记 (a {{#name}} section is not closed)"
        case MustacheTemplate.Error.unfinishedName: return "标记没有写完，缺少 }} (a tag is not finished)"
        case MustacheTemplate.Error.invalidSetDelimiter: return "分隔符设置写错 (a {{=…=}} tag is malformed)"
        default: return "\(error)"
        }
    }

    /// The built-in templates' names and texts, in name order.
    public static var builtInFiles: [(name: String, text: String)] { builtInTexts }

    /// `object` laid out with the template `name`.
    public func render(_ object: Any, with name: String) throws -> String {
        guard let text = library.render(object, withTemplate: name) else {
            throw Problem(description: "缺少模板 \(name).mustache (the template \(name).mustache is missing)")
        }
        return text
    }

    /// The content type `{{% CONTENT_TYPE: XML}}` names: text escaped for XML, and characters XML 1.0 cannot hold
    /// (control characters other than tab and line breaks) shown as visible escapes, so a part stays well-formed.
    struct XMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { XMLText.escape(text) }
    }

    private static let registration: Void = MustacheContentTypes.register(XMLContentType(), named: "XML")

    static func registerXML() { _ = registration }
}

/// Text in XML: `& < > " '` escaped, characters XML 1.0 forbids shown as `<U+0001>` (escaped in turn).
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if allowed(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "&lt;U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "&gt;"
                }
            }
        }
        return out
    }

    /// Whether XML 1.0 allows `scalar` in text.
    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
