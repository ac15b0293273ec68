extension WorkingCalendar {
    /// The calendar of a region (the province's when `nil`) from a store's `calendar` rows, in SQLite
    /// (`Store.workingCalendar(region:)`) or PostgreSQL: the province's rows over the built-in calendar of each year
    /// they do not announce, then the region's own rows over both.
    /// - Parameter rows: the rows whose region is NULL or `region`: day (`YYYY-MM-DD`), whether a working day, and
    ///   whether the row is the region's own.
    public static func fromRows(_ rows: [(day: String, isWorkday: Bool, regional: Bool)]) -> WorkingCalendar {
        var overrides: [CivilDay: Bool] = [:]
        var regional: [CivilDay: Bool] = [:]
        for row in rows {
            guard let day = CivilDay(row.day) else { continue }
            if row.regional { regional[day] = row.isWorkday } else { overrides[day] = row.isWorkday }
        }
        var years = Set(overrides.keys.map(\.components.year))
        for file in CalendarFile.builtIn where !years.contains(file.year) {
            for entry in file.entries where overrides[entry.day] == nil { overrides[entry.day] = entry.isWorkday }
            years.insert(file.year)
        }
        overrides.merge(regional) { _, own in own }
        return WorkingCalendar(overrides: overrides, years: years)
    }
}
