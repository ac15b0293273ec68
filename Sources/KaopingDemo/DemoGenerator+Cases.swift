import KaopingStore

extension DemoGenerator {
    /// One case drawn for a unit, kept until its day is written in time order.
    private struct DrawnCase {
        let unit: Int
        let accepted: Int64
        let values: [SQLValue]
        let finished: Int64?
        let channel: String
    }

    /// Writes the cases day by day in acceptance order, and a review for about 30% of them.
    ///
    /// Each unit's share of the cases is fixed first (its volume over the total), then spread over the days
    /// of the year by sequential binomial draws, so the total is exact and the store is written in time order.
    func writeCasesAndReviews(_ database: Database) throws {
        var random = SeededRandom(seed: options.seed, stream: 7)
        let assessed = units.filter(\.isAssessed)
        let totals = allocate(options.cases, weights: assessed.map(\.profile.volume), random: &random)
        let days = Array(yearDays.lowerBound.number...yearDays.upperBound.number).map(CivilDay.init(number:))
        let dayWeights = days.map { calendar.isWorkday($0) ? 1.0 : 0.015 }
        var perDay = [[Int32]](repeating: [Int32](repeating: 0, count: assessed.count), count: days.count)
        for (column, total) in totals.enumerated() {
            var remaining = total
            var mass = dayWeights.reduce(0, +)
            for (row, weight) in dayWeights.enumerated() where remaining > 0 {
                let drawn = row == days.count - 1 ? remaining : random.binomial(remaining, weight / mass)
                perDay[row][column] = Int32(drawn)
                remaining -= drawn
                mass -= weight
            }
        }
        let caseInsert = try database.prepare(
            """
            INSERT INTO cases(case_no, center_id, item_code, kind, channel, window_type, submitted_at, accepted_at, finished_at,
                              promised_days, statutory_days, paused_days, status, result, one_thing, proxy_service, appointment,
                              off_hours, corrections, visits)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let reviewInsert = try database.prepare(
            """
            INSERT INTO reviews(review_no, case_no, center_id, rating, channel, is_default, is_malicious, rated_at, replied_at,
                                verified_at, rectified_at, revisited_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var caseNumber = 0
        var reviewNumber = 0
        try database.execute("BEGIN")
        for (row, day) in days.enumerated() {
            var drawn: [DrawnCase] = []
            for (column, unit) in assessed.enumerated() {
                for _ in 0..<perDay[row][column] {
                    drawn.append(drawCase(unit, on: day, random: &random))
                }
            }
            drawn.sort { ($0.accepted, $0.unit) < ($1.accepted, $1.unit) }
            for item in drawn {
                caseNumber += 1
                let caseNo = String(item.values[0].text ?? "") + sevenDigits(caseNumber)
                var values = item.values
                values[0] = .text(caseNo)
                try caseInsert.run(values)
                guard let finished = item.finished, random.chance(0.33) else { continue }
                reviewNumber += 1
                let unit = units[item.unit - 1]
                try reviewInsert.run(
                    drawReview(
                        number: reviewNumber, caseNo: caseNo, unit: unit, finished: finished, channel: item.channel, random: &random))
            }
            if row % 30 == 29 {
                try database.execute("COMMIT")
                try database.execute("BEGIN")
            }
        }
        try database.execute("COMMIT")
    }

    /// Splits `total` over `weights` exactly: floors first, then the remainders by largest fraction.
    private func allocate(_ total: Int, weights: [Double], random: inout SeededRandom) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        let exact = weights.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0) }
        var left = total - counts.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1) }
        for index in order where left > 0 {
            counts[index] += 1
            left -= 1
        }
        return counts
    }

    private func drawCase(_ unit: DemoUnit, on day: CivilDay, random: inout SeededRandom) -> DrawnCase {
        let profile = unit.profile
        let item = random.element(of: unit.items)
        let promised = item.promisedDays > 0
        let workday = calendar.isWorkday(day)
        let online = random.chance(profile.online)
        let channel =
            online
            ? random.pick(["online", "mobile"], weights: [0.6, 0.4])
            : random.pick(["window", "selfservice", "mail"], weights: [0.93, 0.05, 0.02])
        let atWindow = channel == "window"
        let offHours = atWindow && (!workday || random.chance(profile.offHours))
        let minute = offHours && workday ? random.int(1050...1200) : random.int(510...1050)
        let accepted = day.startInstant + Int64(minute * 60)
        let submitted = online ? accepted - Int64(random.int(600...172_800)) : accepted - Int64(random.int(60...1800))
        var status = "finished"
        let statusDraw = random.unit()
        if statusDraw < 0.015 {
            status = "rejected"
        } else if statusDraw < 0.03 {
            status = "withdrawn"
        } else if statusDraw < 0.038 {
            status = "voided"
        }
        var finished: Int64?
        var paused = 0
        if status == "finished" {
            if promised {
                paused = random.chance(0.06) ? random.int(1...10) : 0
                let used: Int
                if random.chance(profile.onTime) {
                    used = max(1, item.promisedDays - Int(Double(item.promisedDays) * random.unit() * 0.8))
                } else {
                    used = item.promisedDays + random.int(1...8)
                }
                let finishDay = calendar.adding(workdays: used + paused, to: day)
                finished = finishDay.startInstant + Int64(random.int(32_400...63_000))
                if finishDay > yearDays.upperBound, random.chance(0.5) {
                    status = "accepted"
                    finished = nil
                    paused = 0
                }
            } else {
                finished = accepted + Int64(random.int(300...5_400))
            }
        }
        let result: SQLValue =
            finished == nil ? .null : .text(random.pick(["granted", "denied", "transferred"], weights: [0.95, 0.04, 0.01]))
        let corrections = random.chance(profile.repeatedCorrections) ? random.int(2...3) : random.chance(0.12) ? 1 : 0
        let visits = online ? (corrections > 0 && random.chance(0.2) ? 1 : 0) : 1 + (corrections > 0 && random.chance(0.5) ? 1 : 0)
        let values: [SQLValue] = [
            .text(unit.divisionCode + String(options.year)), .integer(Int64(unit.id)), .text(unit.code + "-" + item.basicCode),
            .text(promised ? "promised" : "instant"), .text(channel),
            atWindow ? .text(random.chance(profile.comprehensive) ? "comprehensive" : "dedicated") : .null,
            .integer(submitted), .integer(accepted), finished.sql,
            .integer(Int64(item.promisedDays)), .integer(Int64(item.statutoryDays)), .integer(Int64(paused)),
            .text(status), result,
            .integer(random.chance(profile.oneThing) ? 1 : 0), .integer(random.chance(profile.proxy) ? 1 : 0),
            .integer(random.chance(profile.appointment) ? 1 : 0), .integer(offHours ? 1 : 0),
            .integer(Int64(corrections)), .integer(Int64(visits)),
        ]
        return DrawnCase(unit: unit.id, accepted: accepted, values: values, finished: finished, channel: channel)
    }

    private func drawReview(
        number: Int, caseNo: String, unit: DemoUnit, finished: Int64, channel: String, random: inout SeededRandom
    ) -> [SQLValue] {
        let profile = unit.profile
        let reviewChannel: String
        switch channel {
        case "online": reviewChannel = "pc"
        case "mobile": reviewChannel = "mobile"
        case "window": reviewChannel = random.pick(["tablet", "qrcode", "terminal", "sms"], weights: [0.55, 0.25, 0.1, 0.1])
        default: reviewChannel = random.pick(["sms", "phone"], weights: [0.7, 0.3])
        }
        let isDefault = random.chance(profile.defaultReviews)
        let rated = finished + Int64(isDefault ? 7 * 86_400 : random.int(60...259_200))
        var rating = 3
        var malicious = false
        var replied: Int64?
        var verified: Int64?
        var rectified: Int64?
        var revisited: Int64?
        if !isDefault {
            if random.chance(profile.badReviews) {
                rating = random.chance(0.6) ? 2 : 1
                malicious = random.chance(0.04)
                let ratedDay = CivilDay(instant: rated)
                let diligent = profile.effect == .excellent
                if diligent || random.chance(0.98) { replied = rated + Int64(random.int(3_600...172_800)) }
                if diligent || random.chance(0.98) {
                    verified = calendar.adding(workdays: random.int(1...3), to: ratedDay).startInstant + 40_000
                }
                if let verifiedAt = verified, random.chance(profile.rectified) {
                    let late = !diligent && random.chance(0.05)
                    let days = late ? random.int(16...25) : random.int(2...12)
                    rectified = calendar.adding(workdays: days, to: CivilDay(instant: verifiedAt)).startInstant + 50_000
                    if diligent || random.chance(0.97), let done = rectified { revisited = done + Int64(random.int(86_400...259_200)) }
                }
            } else {
                rating = random.pick([5, 4, 3], weights: [0.7, 0.22, 0.08])
            }
        }
        return [
            .text("PJ" + String(options.year) + sevenDigits(number)), .text(caseNo), .integer(Int64(unit.id)), .integer(Int64(rating)),
            .text(reviewChannel), .integer(isDefault ? 1 : 0), .integer(malicious ? 1 : 0), .integer(rated),
            replied.sql, verified.sql, rectified.sql, revisited.sql,
        ]
    }
}

/// At least seven digits, zero-padded.
func sevenDigits(_ value: Int) -> String {
    let digits = String(value)
    return digits.count >= 7 ? digits : String(repeating: "0", count: 7 - digits.count) + digits
}
