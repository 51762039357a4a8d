import Foundation

/// Time limits in tests that guard against hangs and quadratic blow-ups, never speed targets
/// (those are the benchmark's, `scripts/benchmark.sh`). Each limit is far above the time the work
/// takes; under a sanitizer (`POSTLINT_SANITIZER`, set by `.ci/sanitizers.sh`), where everything
/// runs several times slower, it is ten times longer still.
public enum HangGuard {
    /// Whether the tests run under a sanitizer: set by `.ci/sanitizers.sh`. Memory figures mean
    /// nothing there (shadow memory, quarantine) either.
    public static let isUnderSanitizer = ProcessInfo.processInfo.environment["POSTLINT_SANITIZER"] != nil

    public static let factor: Double = isUnderSanitizer ? 10 : 1

    /// `value` seconds, scaled for the run.
    public static func seconds(_ value: Double) -> Double { value * factor }

    /// `value` seconds as a `Duration`, scaled for the run.
    public static func duration(_ value: Double) -> Duration { .milliseconds(Int(value * factor * 1000)) }
}
