import Foundation
import Runtime
import Trace

/// `run --annotate/--trace`: where the program's output, engine notes, summary and timeline go.
///
/// The program's stdout stays clean unless it is a terminal: when stdout is a terminal its lines get
/// the time/thread gutter (a display, not data); when it is a pipe or file it is passed through
/// unchanged. Notes, summary, timeline and the trace-file message always go to stderr. At level `off`
/// without `--trace`, nothing is added at all (byte-identical to a plain run).
struct RunViews {
    let level: AnnotationLevel
    let traceFile: ChromeTraceFile?
    let annotator: AnnotatingSink?
    let stdout: OutputSink
    let stderr: OutputSink
    let errConsole = FileDescriptorSink(fd: 2)

    init(level: AnnotationLevel, traceFile: String?) {
        self.level = level
        self.traceFile = traceFile.map { ChromeTraceFile(url: URL(fileURLWithPath: $0)) }
        let out = FileDescriptorSink(fd: 1)
        if level.annotatesOutput && isatty(1) != 0 {
            let a = AnnotatingSink(target: out, errorTarget: errConsole, noteTarget: errConsole,
                                   colour: Terminal.colourEnabled(fd: 1))
            annotator = a
            stdout = a
            stderr = a.errorSink
        } else {
            annotator = level == .events
                ? AnnotatingSink(target: errConsole, colour: Terminal.colourEnabled(fd: 2)) : nil
            stdout = out
            stderr = errConsole
        }
    }

    func observer(for interp: Interpreter) -> RunObserver? {
        guard level != .off || traceFile != nil else { return nil }
        return RunObserver(interpreter: interp, level: level, annotator: annotator, traceFile: traceFile,
                           width: Terminal.width(fd: 2), colour: Terminal.colourEnabled(fd: 2))
    }

    func finish(_ observer: RunObserver?, label: String) {
        annotator?.finish()
        guard let observer else { return }
        let report = observer.finish(label: label)
        errConsole.write(report.text, from: nil)
        if let e = report.traceError {
            errConsole.write("interleave: \(e)\n", from: nil)
        } else if let f = traceFile {
            errConsole.write("interleave: trace written to \(f.url.path) (open it in ui.perfetto.dev or chrome://tracing)\n",
                             from: nil)
        }
    }
}
