/// Number formatting shared by the audit reports (no locale: the same text everywhere).
enum AuditNumbers {
    /// `value` with one decimal place: `74.3`, `100.0`.
    static func oneDecimal(_ value: Double) -> String {
        guard value.isFinite else { return "0.0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// `value` rounded to a whole number.
    static func whole(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return String(Int(value.rounded()))
    }
}
