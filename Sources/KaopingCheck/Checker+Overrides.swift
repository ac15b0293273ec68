import KaopingStore
import KaopingSyntax

/// `--param NAME=VALUE`: a value from the command line in place of a parameter's, for one run. The value is
/// written as in a rule file — a number, a percentage, a date, a string in double quotes, `true` or `false` —
/// and must be of the kind the file gives the parameter: an integer for `15`, a percentage for `90%` … A value
/// of another kind is an error that names the `--param`, never a number that silently changes a score.
extension Checker {
    /// What a parameter's value is, as its `param` declares it.
    enum ParameterKind: Equatable {
        case integer, number, percent, date, time, text, boolean, duration

        /// The kind of `declaration`'s value, of type `type`: what it is written as, or (for a value computed
        /// from others) what it comes to.
        init(_ declaration: Expression, type: ValueType) {
            switch declaration.kind {
            case .percent: self = .percent
            case .number(_, let isInteger): self = isInteger ? .integer : .number
            case .date(let text): self = text.contains("T") ? .time : .date
            case .string: self = .text
            case .boolean: self = .boolean
            case .unary("-", let operand) where !operand.isComputed: self = ParameterKind(operand, type: type)
            default:
                switch type {
                case .integer, .flag: self = .integer
                case .day: self = .date
                case .time: self = .time
                case .text: self = .text
                case .boolean: self = .boolean
                case .duration: self = .duration
                default: self = .number
                }
            }
        }

        var label: (zh: String, en: String) {
            switch self {
            case .integer: return ("整数", "a whole number")
            case .number: return ("数值", "a number")
            case .percent: return ("百分数", "a percentage")
            case .date: return ("日期", "a date")
            case .time: return ("时间", "a date and time")
            case .text: return ("字符串", "a string")
            case .boolean: return ("真假值（true 或 false）", "true or false")
            case .duration: return ("时长（如 7 days）", "a duration (such as 7 days)")
            }
        }

        /// Whether a literal of `kind` (`nil`: not a literal at all) is a value of this kind.
        func accepts(_ literal: Expression.Kind) -> Bool {
            switch (self, literal) {
            case (.integer, .number(_, isInteger: true)), (.number, .number), (.percent, .percent), (.text, .string), (.boolean, .boolean):
                return true
            case (.date, .date(let text)): return !text.contains("T")
            case (.time, .date(let text)): return text.contains("T")
            case (.duration, .duration(_, let unit)): return unit != "workdays"
            default: return false
            }
        }
    }

    /// Applies `--param name=text`, or reports why it cannot be applied.
    mutating func applyOverride(_ name: String, _ text: String) {
        guard var entry = parameters[name] else {
            let guess = nearestName(name, among: parameters.keys.sorted())
            reportCommandLine(
                "K0252", zh: "命令行参数 --param \(name) 在规则文件中没有定义", en: "--param \(name) is not a parameter of the rule file",
                hint: guess.map { "是否想写“\($0)”？" } ?? "", hintEn: guess.map { "did you mean `\($0)`?" } ?? "")
            return
        }
        let kind = ParameterKind(entry.declaration.value, type: entry.type)
        let given = String(Lexer.asciiForm(of: text).drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        let example = Checker.example(of: kind, declared: entry.display, name: name)
        let parsed = Parser.parse(SourceFile(name: "--param", text: "param \(name) = \(given)"))
        guard !parsed.diagnostics.hasErrors, parsed.file.declarations.count == 1,
            case .parameter(let declaration)? = parsed.file.declarations.first, let literal = Checker.literal(declaration.value)
        else {
            reportCommandLine(
                "K0253", zh: "--param \(name)=\(text) 的值无法识别：\(name) 要求\(kind.label.zh)",
                en: "the value of --param \(name)=\(text) cannot be read: \(name) must be \(kind.label.en)",
                hint: "写成 --param \(example)", hintEn: "write --param \(example)")
            return
        }
        guard kind.accepts(literal.kind) else {
            let suggestion = Checker.suggestion(for: literal, kind: kind, name: name) ?? example
            reportCommandLine(
                "K0254", zh: "--param \(name)=\(text)：\(name) 要求\(kind.label.zh)",
                en: "--param \(name)=\(text): \(name) must be \(kind.label.en)",
                hint: "写成 --param \(suggestion)", hintEn: "write --param \(suggestion)")
            return
        }
        var scratch = Checker(file: parsed.file, schema: schema)
        let typed = scratch.checkExpression(declaration.value, in: .constant)
        guard let value = constantValue(typed.expression), !value.isNull else {
            // A date or time that does not exist, the only literal that can fail.
            reportCommandLine(
                "K0253", zh: "--param \(name)=\(text)：\(given) 这个\(kind.label.zh)不存在",
                en: "--param \(name)=\(text): the \(kind == .time ? "time" : "date") \(given) does not exist",
                hint: "写成存在的\(kind.label.zh)，例如 --param \(example)", hintEn: "write one that exists, such as --param \(example)")
            return
        }
        // A whole number given for a number declared with a fraction is that number, as a fraction.
        if kind == .number, case .integer(let whole) = value {
            entry.value = .real(Double(whole))
            entry.type = .real
        } else {
            entry.value = value
            entry.type = typed.type
        }
        entry.display = given
        entry.overridden = true
        parameters[name] = entry
    }

    /// The literal a `--param` value was written as (a sign before a number or a percentage is part of it);
    /// `nil` for a name, an expression or anything else.
    static func literal(_ expression: Expression) -> Expression? {
        switch expression.kind {
        case .number, .percent, .date, .string, .boolean: return expression
        case .duration(let amount, _): return literal(amount) == nil ? nil : expression
        case .unary("-", let operand):
            switch operand.kind {
            case .number(let value, let isInteger): return Expression(.number(-value, isInteger: isInteger), expression.range)
            case .percent(let value): return Expression(.percent(-value), expression.range)
            default: return nil
            }
        default: return nil
        }
    }

    /// `name=VALUE` with a value of `kind`: the one the file declares (`declared`), written for a shell.
    static func example(of kind: ParameterKind, declared: String, name: String) -> String {
        kind == .text ? "'\(name)=\(declared)'" : "\(name)=\(declared)"
    }

    /// What was probably meant by a value of the wrong kind: `92` or `0.92` for a percentage is `92%`, `15.0` for a
    /// whole number is `15`.
    static func suggestion(for literal: Expression, kind: ParameterKind, name: String) -> String? {
        switch (kind, literal.kind) {
        case (.percent, .number(let value, _)):
            let percent = value > 1 || value < -1 ? value : (value * 100 * 1e9).rounded() / 1e9
            return "\(name)=\(number(percent))%"
        case (.integer, .number(let value, _)) where value == value.rounded():
            return "\(name)=\(number(value))"
        default:
            return nil
        }
    }
}

extension Expression {
    /// Whether the expression is more than a literal (it names something or computes something).
    var isComputed: Bool {
        switch kind {
        case .number, .percent, .date, .string, .boolean, .null: return false
        default: return true
        }
    }
}
