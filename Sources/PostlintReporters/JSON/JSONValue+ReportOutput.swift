import PostlintJSON

extension JSONValue {
    /// `serialized(_:streaming:)` written to `report` a part at a time, so a report's text is never
    /// held whole.
    func write(_ layout: Layout, streaming streamed: StreamedArray, to report: ReportOutput) {
        write(layout, streaming: streamed, partSize: ReportOutput.partSize) { bytes in
            report.write(takingBytesOf: &bytes)
        }
    }
}
