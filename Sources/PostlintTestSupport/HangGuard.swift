import Foundation

/// Time limits in tests that guard against hangs and quadratic blow-ups, never speed targets
/// (those are the benchmark's, `scripts/benchmark.sh`). Each limit is far above the time the work
/// takes; under a sanitizer (`POSTLINT_SANITIZER`, set by `.ci/sanitizers.sh`), where everything
/// runs several times slower, it is ten times longer still.
public enum HangGuard {
    public static let factor: Double = ProcessInfo.processInfo.environment["POSTLINT_SANITIZER"] == nil ? 1 : 10

    /// `value` seconds, scaled for the run.
    public static func seconds(_ value: Double) -> Double { value * factor }

    /// `value` seconds as a `Duration`, scaled for the run.
    public static func duration(_ value: Double) -> Duration { .milliseconds(Int(value * factor * 1000)) }
}
