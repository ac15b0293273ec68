/// An effect planted in the demo data so that an assessment has something to find.
public enum PlantedEffect: String, Sendable, CaseIterable, Codable {
    /// At least 20% of promised cases finish after their promised working days.
    case overdue
    /// Bad reviews are verified but never rectified or revisited.
    case unrectified
    /// Serious window-discipline violations found by inspections (a veto under the default rules).
    case serious
    /// Not docked to the online platform; monitoring and case-management systems not connected.
    case unconnected
    /// Does everything well: on time, well reviewed, every system connected, no findings.
    case excellent
}

/// One unit of the demo province, with the behaviour its generated records follow.
struct DemoUnit {
    let id: Int
    let code: String
    var name: String
    let kind: String
    let level: String
    let region: String
    let county: String?
    let divisionCode: String
    let parentID: Int?
    let department: String?
    let items: [DemoItem]
    var profile: DemoProfile

    var isAssessed: Bool { kind != "center" }

    /// Whether the name follows 第五条's "××政务服务中心××分中心" (on-site points: "××政务服务中心××现场办理点").
    /// A name merely ending in 分中心 does not: `东台市公积金分中心` and `常熟市行政审批中心不动产登记分中心` break the rule.
    var followsNamingRule: Bool {
        guard let center = name.range(of: "政务服务中心"), center.lowerBound > name.startIndex else { return false }
        let rest = name[center.upperBound...]
        let suffix = kind == "onsite_point" ? "现场办理点" : "分中心"
        return rest.hasSuffix(suffix) && rest.count > suffix.count
    }
}

/// How a unit behaves: the probabilities its records are drawn with.
struct DemoProfile {
    var effect: PlantedEffect?
    /// Relative number of cases.
    var volume = 1.0
    /// Probability that a promised case finishes within its promised working days.
    var onTime = 0.97
    /// Share of non-default reviews that are bad (不满意 or 非常不满意).
    var badReviews = 0.03
    /// Share of reviews given by the system by default.
    var defaultReviews = 0.10
    /// Probability that a bad review is rectified, and revisited after that.
    var rectified = 0.93
    /// Probability that a window case is taken at a comprehensive window.
    var comprehensive = 0.70
    /// Share of cases submitted online or on mobile.
    var online = 0.35
    var oneThing = 0.04
    var proxy = 0.03
    var appointment = 0.15
    var offHours = 0.03
    /// Probability that a case needs more than one request for missing documents.
    var repeatedCorrections = 0.03
    /// Expected inspection findings in the year.
    var findings = 1.0
    var seriousFindings = 0
    /// Expected complaints in the year and the probability each is closed in time.
    var complaints = 0.6
    var complaintsOnTime = 0.9
    /// Status of each system.
    var systems: [String: String] = [:]
    /// Share of items whose code, name or type departs from the catalog.
    var itemMismatch = 0.0
    /// Whether the head changed, and whether it was filed in time, late or not at all.
    var headChange: HeadChange = .none

    enum HeadChange { case none, filed, late, unfiled }
}
