import Foundation
import KaopingResults

/// One indicator's or adjustment's scoring written out in Chinese with its numbers, as an analyst would explain it
/// to the center that lost the points: "按时办结率 96.2%，位于 90%→100% 段：(96.2%−90%)÷(100%−90%)×15 = 9.30 分".
enum ScoringSentence {
    /// The sentence for `result` (an indicator of `title`, out of `full` points, its measure a fraction when
    /// `fraction`), redistribution included.
    static func indicator(_ result: IndicatorResult, fraction: Bool) -> String {
        let measure = result.measure.map { number($0, fraction: fraction) } ?? "无法计算"
        switch result.status {
        case .notApplicable:
            return "考核范围为空，不适用：本项不计分，分值按比例并入同类其他指标"
        case .insufficientData:
            var text = "数据不足：考核范围仅 \(result.population ?? 0) 件，少于规则要求的最低样本量，不计分，分值按比例并入同类其他指标"
            if let interval = result.interval, interval.count == 2, let numerator = result.numerator, let population = result.population {
                text += "；\(numerator)/\(population) 的 95% 置信区间为 [\(percent(interval[0])), \(percent(interval[1]))]，不以 \(measure) 论"
            }
            return text
        case .empty:
            return "考核范围为空：按 when empty 的规定得 \(points(result.scoring?.points ?? result.points)) 分（不因“无业务”而视为达标或失分）"
        case .ok:
            guard let step = result.scoring else { return "\(result.title) \(measure)：\(points(result.points)) 分" }
            var text = "\(result.title) \(measure)，" + self.step(step, measure: result.measure ?? 0, fraction: fraction)
            if step.factor != 1 {
                text += "；再分配 ×\(plain(step.factor, digits: 4))（同类有指标不计分，其分值按比例并入）= \(points(result.points)) 分"
            }
            return text
        }
    }

    /// The sentence for a bonus or deduction.
    static func adjustment(_ result: AdjustmentResult, fraction: Bool) -> String {
        guard let step = result.scoring, step.rule != "none", let measure = result.measure else {
            return "考核范围为空或无法计算：0 分"
        }
        var text = "\(result.title) \(number(measure, fraction: fraction))，" + self.step(step, measure: measure, fraction: fraction)
        if result.gated {
            text += "；总分未达加分门槛，此项加分不计"
        } else if result.heldBack > 0 {
            text += "；受加扣分合计上限或所在类别分值限制，计 \(points(result.points)) 分"
        }
        return text
    }

    /// The step of a score rule with its arithmetic, ending in the points it gives (before redistribution).
    static func step(_ step: ScoringStep, measure: Double, fraction: Bool) -> String {
        let m = number(measure, fraction: fraction)
        var text: String
        switch step.rule {
        case "linear":
            let segment = step.segment ?? []
            if segment.count == 2 {
                let (x0, y0, x1, y1) = (segment[0][0], segment[0][1], segment[1][0], segment[1][1])
                let a = number(x0, fraction: fraction)
                let b = number(x1, fraction: fraction)
                let share = "(\(m)−\(a))÷(\(b)−\(a))"
                text = "位于 \(a)→\(b) 段：" + (y0 == 0 ? "\(share)×\(plain(y1))" : "\(plain(y0)) + \(share)×(\(plain(y1))−\(plain(y0)))")
                text += " = \(points(step.raw ?? step.points)) 分"
            } else if let end = segment.first, end.count == 2 {
                // At or beyond an end of the line, where it is flat.
                let side = measure == end[0] ? "达到 " : (measure < end[0] ? "低于 " : "高于 ")
                text = side + "\(number(end[0], fraction: fraction))（计分线的端点）：\(points(end[1])) 分"
            } else {
                text = "\(points(step.points)) 分"
            }
        case "band":
            text = "落在第 \(step.band ?? 0) 档（\(condition(step.condition ?? "", fraction: fraction))）：\(points(step.raw ?? step.points)) 分"
        case "deduct":
            let quantity = step.quantity ?? 0
            let unit = step.unit ?? 1
            let amount = step.amount ?? 0
            let counted = number(quantity, fraction: fraction && step.reference != nil)
            let per = "每 \(number(unit, fraction: fraction && step.reference != nil)) 扣 \(plain(amount)) 分"
            if let reference = step.reference, quantity == 0 {
                text = "未\(measure < reference ? "低于" : "超出") \(number(reference, fraction: fraction))（\(per)），不扣分"
            } else if let reference = step.reference {
                text =
                    (measure < reference ? "比 \(number(reference, fraction: fraction)) 低 " : "超出 \(number(reference, fraction: fraction)) ")
                text += counted + "，\(per)：扣 \(points(step.deduction ?? 0)) 分"
            } else if quantity == 0 {
                text = "计 0（\(per)），不扣分"
            } else {
                text = "计 \(counted)，\(per)：扣 \(points(step.deduction ?? 0)) 分"
            }
            if step.capped == true, let cap = step.cap { text += "，超过扣分上限，按 \(points(cap)) 分扣" }
            text += "，得 \(points(step.raw ?? step.points)) 分"
            if step.floored == true, let floor = step.floor { text += "（不低于保底 \(points(floor)) 分）" }
        case "lognormal":
            let curve = step.curve ?? 0
            text = "对数正态曲线（p10 \(plain(step.p10 ?? 0))，中位数 \(plain(step.median ?? 0))）在此取 \(plain(curve, digits: 4))："
            text += "\(plain(curve, digits: 4))×满分 = \(points(step.raw ?? step.points)) 分"
        case "expression":
            text = "按 \(step.expression ?? "measure") 计：\(points(step.raw ?? step.points)) 分"
        default:
            text = "\(points(step.points)) 分"
        }
        if let raw = step.raw, raw.isFinite, raw != step.points {
            text += "（超出 0 至满分的范围，计 \(points(step.points)) 分）"
        }
        return text
    }

    /// `>= 0.9` as `≥ 90%` for a fraction; `else` as 其余.
    static func condition(_ condition: String, fraction: Bool) -> String {
        guard condition != "else" else { return "其余" }
        let parts = condition.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, let bound = Double(parts[1]) else { return condition }
        let symbol = ["<=": "≤", ">=": "≥", "==": "="][parts[0]] ?? parts[0]
        return "\(symbol) \(number(bound, fraction: fraction))"
    }

    /// A measure: a fraction as a percentage with up to two decimals (`96.2%`), a number with up to four.
    static func number(_ value: Double, fraction: Bool) -> String {
        fraction ? percent(value) : plain(value, digits: 4)
    }

    static func percent(_ value: Double) -> String {
        plain(value * 100, digits: 2) + "%"
    }

    /// Points as published: two decimals.
    static func points(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// At most `digits` decimals, trailing zeros dropped.
    static func plain(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
